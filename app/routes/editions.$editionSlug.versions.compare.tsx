import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Changelog } from "~/components/publishing/changelog";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { compareSchema } from "~/schemas/publishing";
import { requireEdition } from "~/services/access.server";
import { compareVersions } from "~/services/publishing.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Versions · Barouf" }];

// Organisers of this edition: what changed between any two versions.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params);
  const url = new URL(request.url);
  const parsed = compareSchema.safeParse({ from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" });
  if (!parsed.success) notFound();
  const changes = await compareVersions(await getDb(), { editionId: edition.id, ...parsed.data });
  if (!changes) notFound();
  return { changes, from: parsed.data.from, to: parsed.data.to, slug: edition.slug };
}

export default function ComparePage() {
  const { changes, from, to, slug } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/editions/${slug}/versions`}>{t("versions.back")}</Link>
      </p>
      <h1>{t("versions.compareHeading", { from: from === 0 ? t("versions.compareNothing") : from, to })}</h1>
      <Changelog changes={changes} />
      <p>
        <a href={`/programme/${slug}/changes.json?from=${from}&to=${to}`}>changes.json</a>
      </p>
    </>
  );
}
