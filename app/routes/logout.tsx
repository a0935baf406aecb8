import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endLoginSession } from "~/services/auth.server";

// Public: ending one's own session needs no role; a GET changes nothing and goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endLoginSession(request);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
