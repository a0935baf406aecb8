import { useRouteLoaderData } from "@remix-run/react";
import { en, fr, type MessageKey } from "./catalogue";

import { DEFAULT_LOCALE, type Locale } from "./locales";

export type { MessageKey };
export { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from "./locales";

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && value in fr;
}

/** A message with `{name}` placeholders filled in. Unknown keys are returned as they are. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = catalogues[locale][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The interface language, from the root loader (the persisted switch). */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useT(): Translate {
  const locale = useLocale();
  return (key, vars) => translate(locale, key, vars);
}
