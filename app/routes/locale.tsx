import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { formDataToObject } from "~/utils/forms";
import { safeRedirect } from "~/utils/redirect";

// Public: the language switch, for signed-in organisers and the login page alike.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const values = formDataToObject(await request.formData());
  const locale = values.locale;
  if (!isLocale(locale)) throw new Response("Unknown language", { status: 400 });
  return redirect(safeRedirect(typeof values.redirectTo === "string" ? values.redirectTo : null), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
