import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiser } from "~/services/auth.server";

// Organisers: the edition switcher's target (a GET form, so it works without JavaScript).
// The edition page itself checks access to the chosen slug.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const slug = new URL(request.url).searchParams.get("edition") ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(slug)) throw redirect("/");
  throw redirect(`/editions/${slug}`);
}
