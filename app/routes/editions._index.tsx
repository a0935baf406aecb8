import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PlainPage } from "~/components/plain-page";
import { getDb } from "~/db/client.server";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";
import { canStartEditions, listReachableEditions, may } from "~/services/access.server";
import { requireOrganiser } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Éditions · Barouf" }];

// Organisers: the editions their organisation runs or was given access to.
export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const editions = await listReachableEditions(await getDb(), { organiser });
  return { editions, admin: may(organiser, "admin"), canCreate: canStartEditions(organiser, "admin") };
}

export default function EditionsPage() {
  const { editions, admin, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <PlainPage admin={admin}>
      <h1>{t("editions.title")}</h1>
      {editions.length === 0 ? <p>{t("editions.none")}</p> : null}
      <ul className="hub">
        {editions.map((edition) => (
          <li key={edition.slug}>
            <Link to={`/editions/${edition.slug}`}>
              <strong>{edition.title}</strong>
              {formatLocalDate(edition.startDate, locale)}
            </Link>
          </li>
        ))}
      </ul>
      {canCreate ? (
        <p>
          <Link to="/editions/new" className="button button-primary">
            {t("editions.new")}
          </Link>
        </p>
      ) : null}
    </PlainPage>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page-narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
