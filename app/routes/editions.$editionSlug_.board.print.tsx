import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { paperOf, PrintDay } from "~/components/board/print";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/client.server";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { boardQuery, loadBoard } from "~/services/board/load.server";
import { requireEdition } from "~/services/access.server";
import type { BoardData } from "~/domain/board/view";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · ${data?.day ?? ""} · Barouf` }];

// Organisers of this edition: the programme for the venue's walls, one day per page (A4 or A3
// landscape, `?paper=`), the chosen day or every day (`?all=1`), no shell around it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const url = new URL(request.url);
  const query = boardQuery(url);
  const paper = paperOf(url.searchParams.get("paper"));
  const all = url.searchParams.get("all") === "1";
  const db = await getDb();
  const locale = await getLocale(request);
  const load = (day: string | null) =>
    loadBoard(db, { editionId: edition.id, organiserId: organiser.id, locale, ...query, day, step: 60, suggest: null, edit: null, saved: null });
  const first = await load(query.day);
  if ("redirectDay" in first) throw redirect(`/editions/${edition.slug}/board/print?day=${first.redirectDay}&paper=${paper}${all ? "&all=1" : ""}`);
  const boards: BoardData[] = [];
  for (const d of all ? first.days : []) {
    const board = d.date === first.day ? first : await load(d.date);
    if (!("redirectDay" in board)) boards.push(board);
  }
  return { boards: all ? boards : [first], day: first.day, days: first.days, all, paper, title: edition.title, slug: edition.slug };
}

export default function PrintRoute() {
  const { boards, day, days, all, paper, title, slug } = useLoaderData<typeof loader>();
  const t = useT();
  const labelOf = (date: string) => days.find((d) => d.date === date)?.label ?? date;
  const href = (changes: { paper?: string; all?: boolean }) =>
    `?day=${day}&paper=${changes.paper ?? paper}${(changes.all ?? all) ? "&all=1" : ""}`;
  return (
    <main id="main" className={`print-page paper-${paper}`}>
      <nav className="print-actions" aria-label={t("board.print")}>
        <Link to={`/editions/${slug}/board?day=${day}`}>{t("board.printBack")}</Link>
        <span>
          {t("board.print.size")}{" "}
          {(["a4", "a3"] as const).map((p) => (
            <Link key={p} to={href({ paper: p })} aria-current={p === paper ? "true" : undefined} className="button button-small">
              {t(p === "a4" ? "board.print.a4" : "board.print.a3")}
            </Link>
          ))}
        </span>
        <span>
          <Link to={href({ all: false })} aria-current={!all ? "true" : undefined} className="button button-small">
            {t("board.print.day")}
          </Link>
          <Link to={href({ all: true })} aria-current={all ? "true" : undefined} className="button button-small">
            {t("board.print.all")}
          </Link>
        </span>
      </nav>
      <h1 className="visually-hidden">{title}</h1>
      {boards.map((board) => (
        <PrintDay key={board.day} data={board} label={t("board.printTitle", { edition: title, day: labelOf(board.day) })} />
      ))}
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
