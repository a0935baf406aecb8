import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { LocaleSwitch } from "~/components/locale-switch";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { listReachableEditions } from "~/services/access.server";
import { requireOrganiser } from "~/services/auth.server";

// Organisers: go to the most recent edition they may reach.
export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const [latest] = await listReachableEditions(await getDb(), { organiser });
  if (latest) throw redirect(`/editions/${latest.slug}`);
  return { name: organiser.name };
}

export default function Home() {
  const t = useT();
  return (
    <main id="main" className="page page-narrow">
      <LocaleSwitch />
      <h1>{t("app.name")}</h1>
      <p>{t("editions.none")}</p>
      <Form method="post" action="/logout">
        <button type="submit" className="button">
          {t("auth.logout")}
        </button>
      </Form>
    </main>
  );
}
