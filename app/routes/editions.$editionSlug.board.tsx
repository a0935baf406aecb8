import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { BoardPage } from "~/components/board/board-page";
import { packBoard, unpackBoard } from "~/components/board/packed";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db/client.server";
import { editionDays } from "~/domain/time";
import { getLocale } from "~/i18n/locale.server";
import { boardActionSchema } from "~/schemas/board";
import { acknowledgeBoardConflict, applyBoardChange } from "~/services/board/change.server";
import { toBoardChange } from "~/services/board/forms.server";
import { boardQuery, loadBoard } from "~/services/board/load.server";
import { canWrite, requireEdition } from "~/services/access.server";
import { formDataToObject, parseIntent } from "~/utils/forms";
import { IconSprite } from "~/components/icon";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Barouf` }];

// Organisers of this edition (viewers read it; editors and admins change it).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "read");
  const query = boardQuery(new URL(request.url));
  const board = await loadBoard(await getDb(), {
    editionId: edition.id,
    organiserId: organiser.id,
    locale: await getLocale(request),
    ...query,
  });
  if ("redirectDay" in board) throw redirect(`/editions/${edition.slug}/board?day=${board.redirectDay}`);
  return { board: packBoard(board), canWrite: canWrite(organiser), editionSlug: edition.slug, title: edition.title };
}

const STATUS = { stale: 409, blocked: 422, invalid: 400 } as const;

// Editors and admins: every change to the board, whichever way it was made.
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const locale = await getLocale(request);
  const values = formDataToObject(await request.formData());
  const viaScript = values.via === "js";
  // A swap posted without JavaScript names the other session and carries every candidate's
  // version under its own name: the chosen one's is the swap's otherVersion.
  if (!values.otherVersion && typeof values.other === "string") values.otherVersion = values[`versionOf.${values.other}`] ?? "";
  const parsed = parseIntent(values, boardActionSchema);
  if (!parsed.ok) return data({ ...parsed.failure, intent: String(values.intent ?? "") }, { status: 400 });
  const db = await getDb();
  const input = parsed.data;
  if (input.intent === "acknowledge") {
    const outcome = await acknowledgeBoardConflict(db, { editionId: edition.id, organiser, locale, key: input.key, reason: input.reason });
    if (!outcome.ok) return data({ ...outcome, intent: "acknowledge", values, errors: {} }, { status: 409 });
    if (!viaScript) throw redirect(new URL(request.url).pathname + new URL(request.url).search);
    return outcome;
  }
  const change = toBoardChange(input, { timeZone: edition.timeZone, days: editionDays(edition.startDate, edition.endDate, edition.timeZone) }, locale);
  if (!change.ok) return data({ ok: false, errors: change.errors, values, intent: input.intent }, { status: 400 });
  const outcome = await applyBoardChange(db, { editionId: edition.id, organiser, locale, change: change.change });
  if (!outcome.ok) return data({ ...outcome, intent: input.intent, values, errors: {} }, { status: STATUS[outcome.reason] });
  if (!viaScript) {
    const url = new URL(request.url);
    const page = url.searchParams.get("roomPage");
    throw redirect(`/editions/${edition.slug}/board?day=${url.searchParams.get("day") ?? ""}${page ? `&roomPage=${encodeURIComponent(page)}` : ""}&saved=${outcome.sessions[0] ?? ""}`);
  }
  return outcome;
}

export default function BoardRoute() {
  const { board: packed, canWrite, editionSlug } = useLoaderData<typeof loader>();
  const board = useMemo(() => unpackBoard(packed), [packed]);
  return (
    <IconSprite>
      <BoardPage data={board} canWrite={canWrite} editionSlug={editionSlug} notice={board.notice} />
    </IconSprite>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
