import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PrintBoard } from "~/components/board/print";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { boardQuery, loadBoard } from "~/services/board/load.server";
import { requireEdition } from "~/services/access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · ${data?.board.day ?? ""} · Barouf` }];

// Organisers of this edition: one day for the venue's walls (A3 landscape), no shell around it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const query = boardQuery(new URL(request.url));
  const board = await loadBoard(await getDb(), {
    editionId: edition.id,
    organiserId: organiser.id,
    locale: await getLocale(request),
    ...query,
    step: 60,
    suggest: null,
    edit: null,
    saved: null,
  });
  if ("redirectDay" in board) throw redirect(`/editions/${edition.slug}/board/print?day=${board.redirectDay}`);
  return { board, title: edition.title, slug: edition.slug };
}

export default function PrintRoute() {
  const { board, title, slug } = useLoaderData<typeof loader>();
  const t = useT();
  const day = board.days.find((d) => d.date === board.day)?.label ?? board.day;
  return (
    <main id="main" className="print-page">
      <header className="print-header">
        <h1>{t("board.printTitle", { edition: title, day })}</h1>
        <p className="print-actions">
          <Link to={`/editions/${slug}/board?day=${board.day}`}>{t("board.printBack")}</Link>
        </p>
      </header>
      <PrintBoard data={board} />
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page-narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
