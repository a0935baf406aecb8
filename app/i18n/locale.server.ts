import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/** The language switch persists in a year-long cookie (not secret, readable by the server only). */
export const localeCookie = createCookie("barouf_locale", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 365 * 24 * 3600,
});

/**
 * The page's language: `?lang=` when the address names one (the public site's pages carry it, so
 * a link from them keeps the reader's language), else the switch's cookie, else French.
 */
export async function getLocale(request: Request): Promise<Locale> {
  const asked = new URL(request.url).searchParams.get("lang");
  if (isLocale(asked)) return asked;
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
