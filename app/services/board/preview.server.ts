// Preview while dragging: what a proposed change would add and remove.
import type { Queryable } from "~/db/client.server";
import { isPlaced } from "~/domain/board/day-view";
import type { BoardChange, BoardPreview, PreviewConflict } from "~/domain/board/view";
import type { Change, Conflict } from "~/domain/conflicts";
import { placementProblem } from "~/domain/placement";
import type { Locale } from "~/i18n";
import { currentProgramme } from "../programme-cache.server";
import { notFound } from "~/utils/http.server";

/** What a proposed change would add and remove, from the cached incremental checker. */
export async function previewBoardChange(
  db: Queryable,
  args: { editionId: number; locale: Locale; change: Exclude<BoardChange, { kind: "undo" | "schedule" }> },
): Promise<BoardPreview> {
  const entry = await currentProgramme(db, args.editionId);
  const { change, locale } = args;
  if (!entry.sessionIndex.has(change.session)) notFound();
  let engineChange: Change;
  if (change.kind === "place") {
    if (!entry.programme.ids.room.has(change.room) || placementProblem(entry.programme.input.edition, change)) throw new Response("Bad request", { status: 400 });
    const s = entry.programme.input.sessions[entry.sessionIndex.get(change.session)!]!;
    engineChange = { kind: isPlaced(s) ? "move" : "place", sessionId: change.session, roomId: change.room, start: change.start, end: change.end };
  } else if (change.kind === "swap") {
    if (!entry.sessionIndex.has(change.other)) notFound();
    engineChange = { kind: "swap", a: change.session, b: change.other };
  } else {
    engineChange = { kind: "unschedule", sessionId: change.session };
  }
  const { appeared, disappeared } = entry.checker.preview(engineChange);
  const view = (c: Conflict): PreviewConflict => ({ key: c.key, rule: c.rule, level: c.level, acknowledged: c.acknowledged, message: c.message[locale] });
  const block = appeared.find((c) => c.level === "block" && !c.acknowledged);
  return {
    appeared: appeared.filter((c) => c.rule !== "UNSCHEDULED").map(view),
    disappeared: disappeared.filter((c) => c.rule !== "UNSCHEDULED").map(view),
    blocked: block ? block.message[locale] : null,
  };
}
