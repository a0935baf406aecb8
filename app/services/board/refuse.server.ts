// The second step of a board change: what refuses it, worded, before anything is written —
// a plan refused as such, the placement rule, versions that moved on, a `block` conflict.
import type { Queryable } from "~/db/client.server";
import { titleOf } from "~/domain/board/day-view";
import { appearedWith } from "~/domain/board/batch";
import type { ChangePlan, PlanRefusal } from "~/domain/board/plan";
import type { BoardChange, BoardOutcome } from "~/domain/board/view";
import { placementProblem } from "~/domain/placement";
import { translate, type Locale } from "~/i18n";
import { placementMessage } from "~/schemas/placement";
import type { CachedProgramme } from "../programme-cache.server";
import { lastChanges, staleOutcome, structureChanges } from "./history.server";
import { notFound } from "~/utils/http.server";

export type BoardRefusal = Exclude<BoardOutcome, { ok: true }>;
type Scope = { editionId: number; locale: Locale };

/** A plan's refusal in words (an unknown session or room is a 404). */
export async function planRefusal(db: Queryable, entry: CachedProgramme, refusal: PlanRefusal, { editionId, locale }: Scope): Promise<BoardRefusal> {
  switch (refusal.refused) {
    case "notFound":
      notFound();
    case "nothingToUndo":
      return { ok: false, reason: "invalid", message: translate(locale, "board.undo.nothing") };
    case "swapSelf":
      return { ok: false, reason: "invalid", message: translate(locale, "board.error.swapSelf") };
    case "cancelled": {
      const session = entry.programme.input.sessions[entry.sessionIndex.get(refusal.session)!]!;
      return { ok: false, reason: "invalid", message: translate(locale, "board.error.cancelled", { title: titleOf(session, locale) }) };
    }
    case "moved":
      return staleOutcome(db, entry, editionId, refusal.sessions, locale);
  }
}

/** Why this plan may not be written, or null when nothing stands in its way. */
export async function refusalOf(db: Queryable, entry: CachedProgramme, change: BoardChange, plan: ChangePlan, { editionId, locale }: Scope): Promise<BoardRefusal | null> {
  const { programme, checker } = entry;
  // The placement rule, whichever way the change came (a drop's instants, a form, a swap or
  // an undo that would put a session back where the edition no longer has a day).
  for (const target of plan.targets.values()) {
    if (target.roomId === null || target.start === null || target.end === null) continue;
    const problem = placementProblem(programme.input.edition, { start: target.start, end: target.end });
    if (problem) return { ok: false, reason: "invalid", message: placementMessage(problem, locale) };
  }

  // A plan made on the programme as it was: any change since refuses it, with what changed.
  if (change.kind === "schedule" && entry.stamp !== change.stamp) return scheduleStale(db, entry, editionId, change.seen, locale);

  // Made against the programme as it is? Otherwise: who changed what.
  const stale = [...plan.expected].filter(([uuid, version]) => programme.sessionMeta.get(uuid)?.version !== version).map(([uuid]) => uuid);
  if (stale.length > 0) return staleOutcome(db, entry, editionId, stale, locale);

  // The engine's incremental check: a `block` conflict refuses the change (an auto-scheduling
  // plan, checked in full, adds no `error` either).
  const severe = change.kind === "schedule" ? ["block", "error"] : ["block"];
  const appeared = plan.engineChanges.length === 1 ? checker.preview(plan.engineChanges[0]!).appeared : appearedWith(programme.input, plan.targets);
  const blocking = appeared.filter((c) => severe.includes(c.level) && !c.acknowledged);
  if (blocking.length === 0) return null;
  // The other sessions in the way that someone changed since this board was read: who and what.
  const others = [...new Set(blocking.flatMap((c) => c.sessions))].filter((uuid) => !plan.targets.has(uuid));
  const seen = change.kind === "place" || change.kind === "swap" ? change.seen : undefined;
  const meanwhile = seen !== undefined && others.length > 0 ? await lastChanges(db, entry, editionId, others, locale, seen) : [];
  return {
    ok: false,
    reason: "blocked",
    message: [
      translate(locale, "board.refused.block", { reason: blocking[0]!.message[locale] }),
      ...meanwhile.map((c) => translate(locale, c.by ? "board.refused.meanwhileBy" : "board.refused.meanwhile", { title: c.title, by: c.by ?? "", now: c.now })),
    ].join(" "),
    conflicts: blocking.map((c) => ({ rule: c.rule, level: c.level, message: c.message[locale] })),
    changes: meanwhile,
  };
}

/**
 * The programme changed since the auto-scheduling preview: the sessions changed since then and
 * the changes to the edition's structure (rooms, slots, people, formats, levels…), by whom.
 */
async function scheduleStale(db: Queryable, entry: CachedProgramme, editionId: number, seen: number, locale: Locale): Promise<BoardRefusal> {
  const sessions = await lastChanges(db, entry, editionId, [...entry.sessionIndex.keys()], locale, seen);
  const structure = await structureChanges(db, editionId, seen, locale);
  const message = [
    translate(locale, "auto.refused.stale"),
    ...sessions.map((c) => translate(locale, c.by ? "board.refused.meanwhileBy" : "board.refused.meanwhile", { title: c.title, by: c.by ?? "", now: c.now })),
  ].join(" ");
  return { ok: false, reason: "stale", message, changes: [...sessions, ...structure] };
}
