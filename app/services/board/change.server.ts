// Changes made on the board (place, move, swap, unschedule, undo), in four steps within one
// write transaction: plan (app/domain/board/plan.ts: what the change does, against which
// versions), refuse (refuse.server.ts: the placement rule, versions that moved on, a `block`
// conflict from the engine's incremental checker), write (write.server.ts: the rows, the audit
// entries, the confirmations that lapse), commit (here: the new stamp, the words, and the
// cached checker brought to the new state once the transaction has committed).
import type { Database, Queryable } from "~/db/client.server";
import { titleOf } from "~/domain/board/day-view";
import { planChange, type ChangePlan } from "~/domain/board/plan";
import { undoTop } from "~/domain/board/undo";
import type { BoardChange, BoardOutcome } from "~/domain/board/view";
import { translate, type Locale, type MessageKey } from "~/i18n";
import type { Actor } from "~/models/audit.server";
import { StaleVersionError } from "~/models/versioning.server";
import { acknowledgeConflict, ConflictGoneError } from "../conflicts.server";
import { afterCommit, currentProgramme, forgetProgramme, programmeStamp, type CachedProgramme } from "../programme-cache.server";
import { undoCandidates } from "./history.server";
import { placementText } from "./placement-text.server";
import { planRefusal, refusalOf, type BoardRefusal } from "./refuse.server";
import { writeChange, type Written } from "./write.server";

class Refusal extends Error {
  constructor(readonly outcome: BoardRefusal) {
    super(outcome.reason);
  }
}

type CacheUpdate = Parameters<typeof afterCommit>[2];

/**
 * Applies one board change in one write transaction. Refusals (stale versions, a `block`
 * conflict, nothing to undo) come back as outcomes, with nothing written.
 */
export async function applyBoardChange(
  db: Database,
  /** `organiser: null`: the command line (a system change; it has no undo of its own). */
  args: { editionId: number; organiser: { id: number } | null; locale: Locale; change: BoardChange; now?: number },
): Promise<BoardOutcome> {
  const { editionId, locale, change } = args;
  const actor: Actor = args.organiser ? { type: "organiser", organiserId: args.organiser.id } : { type: "system" };
  const now = args.now ?? Date.now();
  let pending: { entry: CachedProgramme; update: CacheUpdate } | null = null;
  try {
    const outcome = await db.transaction(async (tx) => {
      const entry = await currentProgramme(tx, editionId);
      const planned = await plan(tx, entry, change, { editionId, organiserId: args.organiser?.id ?? null });
      if (!planned.ok) throw new Refusal(await planRefusal(tx, entry, planned.refusal, { editionId, locale }));
      const refusal = await refusalOf(tx, entry, change, planned.plan, { editionId, locale });
      if (refusal) throw new Refusal(refusal);
      const written = await writeChange(tx, entry, planned.plan, { editionId, actor, now });
      const committed = await commitStep(tx, entry, planned.plan, written, { editionId, locale });
      pending = { entry, update: committed.update };
      return committed.outcome;
    });
    // The transaction committed: the cached checker takes the same change.
    if (pending) {
      const { entry, update } = pending as { entry: CachedProgramme; update: CacheUpdate };
      afterCommit(editionId, entry, update);
    }
    return outcome;
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    // A version that moved on between the cache and the row itself: the cache was wrong.
    forgetProgramme(editionId);
    if (error instanceof StaleVersionError) {
      return { ok: false, reason: "stale", message: translate(locale, "board.refused.stale"), changes: [] };
    }
    throw error;
  }
}

/** Plan: the change against the cached programme (an undo reads the organiser's own changes first). */
async function plan(tx: Queryable, entry: CachedProgramme, change: BoardChange, { editionId, organiserId }: { editionId: number; organiserId: number | null }) {
  const { programme } = entry;
  const top = change.kind === "undo" && organiserId !== null ? undoTop(await undoCandidates(tx, editionId, organiserId)) : null;
  return planChange(
    {
      session: (uuid) => {
        const i = entry.sessionIndex.get(uuid);
        return i === undefined ? undefined : programme.input.sessions[i];
      },
      version: (uuid) => programme.sessionMeta.get(uuid)?.version,
      hasRoom: (uuid) => programme.ids.room.has(uuid),
    },
    change,
    top,
  );
}

/** Commit: the programme's new stamp for the cache, and the change in words. */
async function commitStep(
  tx: Queryable,
  entry: CachedProgramme,
  { action, targets, undoes }: ChangePlan,
  written: Written,
  { editionId, locale }: { editionId: number; locale: Locale },
): Promise<{ outcome: Extract<BoardOutcome, { ok: true }>; update: CacheUpdate }> {
  const stamp = await programmeStamp(tx, editionId);
  const title = (uuid: string) => titleOf(entry.programme.input.sessions[entry.sessionIndex.get(uuid)!]!, locale);
  const uuids = [...targets.keys()];
  const first = written.updated[0]!;
  const announcement =
    action === "swap"
      ? translate(locale, "board.done.swap", { a: title(uuids[0]!), b: title(uuids[1]!) })
      : action === "schedule"
        ? translate(locale, "auto.done", { count: uuids.length })
        : translate(locale, `board.done.${action}` as MessageKey, { title: title(first.id), placement: placementText(entry, first, locale) });
  return {
    outcome: {
      ok: true,
      action,
      change: written.changeId,
      sessions: uuids,
      announcement: undoes ? translate(locale, "board.done.undo", { what: announcement }) : announcement,
    },
    update: { stamp, changes: written.changes, sessions: written.updated, versions: written.versions },
  };
}

/** Acknowledges one conflict with a reason (the conflicts service), in one write transaction. */
export async function acknowledgeBoardConflict(
  db: Database,
  args: { editionId: number; organiser: { id: number }; locale: Locale; key: string; reason: string },
): Promise<{ ok: true; announcement: string; sessions: string[] } | { ok: false; reason: "invalid"; message: string }> {
  try {
    await db.transaction((tx) =>
      acknowledgeConflict(tx, {
        editionId: args.editionId,
        key: args.key,
        reason: args.reason,
        actor: { type: "organiser", organiserId: args.organiser.id },
        organiserId: args.organiser.id,
      }),
    );
    return { ok: true, announcement: translate(args.locale, "conflicts.acknowledged"), sessions: [] };
  } catch (error) {
    if (error instanceof ConflictGoneError) return { ok: false, reason: "invalid", message: translate(args.locale, "conflicts.gone") };
    throw error;
  }
}
