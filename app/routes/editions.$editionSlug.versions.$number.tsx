import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Changelog } from "~/components/publishing/changelog";
import { formatInstant } from "~/components/publishing/when";
import { getDb } from "~/db/client.server";
import { useLocale, useT } from "~/i18n";
import { requireEdition } from "~/services/access.server";
import { versionDetail } from "~/services/publishing.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Version ${data?.version.number ?? ""} · Barouf` }];

// Organisers of this edition: one published version.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params);
  const number = Number(params.number);
  const version = Number.isInteger(number) && number > 0 ? await versionDetail(await getDb(), { editionId: edition.id, slug: edition.slug, number }) : null;
  if (!version) notFound();
  return { version, edition: { slug: edition.slug, timeZone: edition.timeZone } };
}

export default function VersionPage() {
  const { version, edition } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  const date = formatInstant(version.publishedAt, edition.timeZone, locale);
  return (
    <>
      <p>
        <Link to={`/editions/${edition.slug}/versions`}>{t("versions.back")}</Link>
      </p>
      <h1>{t("versions.number", { number: version.number })}</h1>
      {search.get("published") ? (
        <p className="alert alert-success" role="status">
          {t("versions.published", { number: version.number })}
        </p>
      ) : null}
      <p className="muted">{version.publishedBy ? t("versions.meta", { date, who: version.publishedBy }) : t("versions.metaSystem", { date })}</p>
      {version.note ? (
        <p>
          <strong>{t("versions.noteLabel")}</strong> : {version.note}
        </p>
      ) : null}
      <p>{t("versions.sessionsCount", { count: version.sessionCount })}</p>
      <Changelog changes={version.changes} />
      <section aria-labelledby="exports-title">
        <h2 id="exports-title">{t("versions.exports")}</h2>
        <ul>
          <li>
            <a href={version.publicPage}>{t("versions.publicPage")}</a>
          </li>
          {version.exports.map((href) => (
            <li key={href}>
              <a href={href}>{href.split("/").pop()}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
