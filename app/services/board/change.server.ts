// Changes made on the board (place, move, swap, unschedule, undo). Every change runs in one
// write transaction that checks the versions it was made against, refuses what would create a
// `block` conflict (the engine's incremental checker), asks confirmed speakers to confirm
// again, and audits.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { sessions, type SessionStatus } from "~/db/schema";
import { isPlaced, titleOf } from "~/domain/board/day-view";
import { undoTop, type AuditPlacement } from "~/domain/board/undo";
import type { BoardChange, BoardChangeAction, BoardOutcome } from "~/domain/board/view";
import type { Change, SessionInput } from "~/domain/conflicts";
import { placementProblem } from "~/domain/placement";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { recordAudit, type Actor } from "~/models/audit.server";
import { StaleVersionError, updateVersioned } from "~/models/versioning.server";
import { placementMessage } from "~/schemas/placement";
import { acknowledgeConflict, ConflictGoneError } from "../conflicts.server";
import { afterCommit, currentProgramme, forgetProgramme, programmeStamp, type CachedProgramme } from "../programme-cache.server";
import { markMustReconfirm, type PlacementBefore } from "../reconfirmation.server";
import { lastChanges, staleOutcome, undoCandidates } from "./history.server";
import { placementText } from "./placement-text.server";

type Placement = { roomId: string | null; start: number | null; end: number | null; status: SessionStatus };

class Refusal extends Error {
  constructor(readonly outcome: Exclude<BoardOutcome, { ok: true }>) {
    super(outcome.reason);
  }
}


/**
 * Applies one board change in one write transaction. Refusals (stale versions, a `block`
 * conflict, nothing to undo) come back as outcomes, with nothing written.
 */
export async function applyBoardChange(
  db: Database,
  args: { editionId: number; organiser: { id: number }; locale: Locale; change: BoardChange; now?: number },
): Promise<BoardOutcome> {
  const { editionId, locale } = args;
  const actor: Actor = { type: "organiser", organiserId: args.organiser.id };
  const now = args.now ?? Date.now();
  let pending: { entry: CachedProgramme; update: Parameters<typeof afterCommit>[2] } | null = null;
  try {
    const outcome = await db.transaction(async (tx) => {
      const entry = await currentProgramme(tx, editionId);
      const { programme, checker } = entry;
      const sessionAt = (uuid: string): SessionInput => {
        const i = entry.sessionIndex.get(uuid);
        if (i === undefined) throw new Response("Not found", { status: 404 });
        return programme.input.sessions[i]!;
      };
      const title = (uuid: string) => titleOf(sessionAt(uuid), locale);

      // What the change does to each session it touches, and what it was made against.
      let action: BoardChangeAction;
      let engineChange: Change;
      const expected = new Map<string, number>();
      const targets = new Map<string, Placement>();
      let undoes: string | null = null;
      const change = args.change;
      if (change.kind === "undo") {
        const top = undoTop(await undoCandidates(tx, editionId, args.organiser.id));
        if (!top || (change.change && change.change !== top.change)) {
          throw new Refusal({ ok: false, reason: "invalid", message: translate(locale, "board.undo.nothing") });
        }
        undoes = top.change;
        // Undo only what is still as this organiser left it.
        const moved: string[] = [];
        for (const e of top.entries) {
          const s = sessionAt(e.session);
          if (s.roomId !== e.after.room || s.start !== e.after.startsAt || s.end !== e.after.endsAt) moved.push(e.session);
          expected.set(e.session, programme.sessionMeta.get(e.session)!.version);
          targets.set(e.session, { roomId: e.before.room, start: e.before.startsAt, end: e.before.endsAt, status: e.before.status });
        }
        if (moved.length > 0) throw new Refusal(await staleOutcome(tx, entry, editionId, moved, locale));
        if (top.action === "swap" && top.entries.length === 2) {
          action = "swap";
          engineChange = { kind: "swap", a: top.entries[0]!.session, b: top.entries[1]!.session };
        } else {
          const e = top.entries[0]!;
          const t = targets.get(e.session)!;
          const wasPlaced = e.after.room !== null;
          action = t.roomId === null ? "unschedule" : wasPlaced ? "move" : "place";
          engineChange =
            t.roomId === null || t.start === null || t.end === null
              ? { kind: "unschedule", sessionId: e.session }
              : { kind: wasPlaced ? "move" : "place", sessionId: e.session, roomId: t.roomId, start: t.start, end: t.end };
        }
      } else {
        const s = sessionAt(change.session);
        expected.set(change.session, change.version);
        if (s.status === "cancelled") {
          throw new Refusal({ ok: false, reason: "invalid", message: translate(locale, "board.error.cancelled", { title: title(s.id) }) });
        }
        if (change.kind === "place") {
          if (!programme.ids.room.has(change.room)) throw new Response("Not found", { status: 404 });
          action = isPlaced(s) ? "move" : "place";
          engineChange = { kind: action === "place" ? "place" : "move", sessionId: s.id, roomId: change.room, start: change.start, end: change.end };
          targets.set(s.id, { roomId: change.room, start: change.start, end: change.end, status: "scheduled" });
        } else if (change.kind === "unschedule") {
          action = "unschedule";
          engineChange = { kind: "unschedule", sessionId: s.id };
          targets.set(s.id, { roomId: null, start: null, end: null, status: s.status === "scheduled" ? "accepted" : s.status });
        } else {
          const o = sessionAt(change.other);
          if (o.id === s.id) throw new Refusal({ ok: false, reason: "invalid", message: translate(locale, "board.error.swapSelf") });
          if (o.status === "cancelled") {
            throw new Refusal({ ok: false, reason: "invalid", message: translate(locale, "board.error.cancelled", { title: title(o.id) }) });
          }
          expected.set(o.id, change.otherVersion);
          action = "swap";
          engineChange = { kind: "swap", a: s.id, b: o.id };
          const placedStatus = (x: SessionInput, placed: boolean): SessionStatus =>
            placed ? "scheduled" : x.status === "scheduled" ? "accepted" : x.status;
          targets.set(s.id, { roomId: o.roomId, start: o.start, end: o.end, status: placedStatus(s, isPlaced(o)) });
          targets.set(o.id, { roomId: s.roomId, start: s.start, end: s.end, status: placedStatus(o, isPlaced(s)) });
        }
      }

      // The placement rule, whichever way the change came (a drop's instants, a form, a swap or
      // an undo that would put a session back where the edition no longer has a day).
      for (const target of targets.values()) {
        if (target.roomId === null || target.start === null || target.end === null) continue;
        const problem = placementProblem(programme.input.edition, { start: target.start, end: target.end });
        if (problem) throw new Refusal({ ok: false, reason: "invalid", message: placementMessage(problem, locale) });
      }

      // Made against the programme as it is? Otherwise: who changed what.
      const stale = [...expected].filter(([uuid, version]) => programme.sessionMeta.get(uuid)?.version !== version).map(([uuid]) => uuid);
      if (stale.length > 0) throw new Refusal(await staleOutcome(tx, entry, editionId, stale, locale));

      // The engine's incremental check: a `block` conflict refuses the change.
      const { appeared } = checker.preview(engineChange);
      const blocking = appeared.filter((c) => c.level === "block" && !c.acknowledged);
      if (blocking.length > 0) {
        // The other sessions in the way that someone changed since this board was read: who and what.
        const others = [...new Set(blocking.flatMap((c) => c.sessions))].filter((uuid) => !targets.has(uuid));
        const seen = change.kind === "place" || change.kind === "swap" ? change.seen : undefined;
        const meanwhile = seen !== undefined && others.length > 0 ? await lastChanges(tx, entry, editionId, others, locale, seen) : [];
        throw new Refusal({
          ok: false,
          reason: "blocked",
          message: [
            translate(locale, "board.refused.block", { reason: blocking[0]!.message[locale] }),
            ...meanwhile.map((c) => translate(locale, c.by ? "board.refused.meanwhileBy" : "board.refused.meanwhile", { title: c.title, by: c.by ?? "", now: c.now })),
          ].join(" "),
          conflicts: blocking.map((c) => ({ rule: c.rule, level: c.level, message: c.message[locale] })),
          changes: meanwhile,
        });
      }

      const changeId = randomUUID();
      const versions = new Map<string, number>();
      const updated: SessionInput[] = [];
      const ids: number[] = [];
      const placementsBefore: PlacementBefore[] = [];
      const roomName = (uuid: string | null) => (uuid === null ? null : (programme.input.rooms.find((r) => r.id === uuid)?.name ?? null));
      for (const [uuid, target] of targets) {
        const s = sessionAt(uuid);
        const id = programme.ids.session.get(uuid)!;
        ids.push(id);
        placementsBefore.push({ sessionId: id, startsAt: s.start, endsAt: s.end, roomId: s.roomId === null ? null : (programme.ids.room.get(s.roomId) ?? null) });
        const row = await updateVersioned(tx, sessions, and(eq(sessions.id, id), eq(sessions.editionId, editionId)), expected.get(uuid)!, {
          roomId: target.roomId === null ? null : programme.ids.room.get(target.roomId)!,
          startsAt: target.start,
          endsAt: target.end,
          status: target.status,
        });
        versions.set(uuid, row.version);
        updated.push({ ...s, roomId: target.roomId, start: target.start, end: target.end, status: target.status });
        const before: AuditPlacement = { room: s.roomId, roomName: roomName(s.roomId), startsAt: s.start, endsAt: s.end, status: s.status };
        const after: AuditPlacement & { change: string; undoes?: string } = {
          room: target.roomId,
          roomName: roomName(target.roomId),
          startsAt: target.start,
          endsAt: target.end,
          status: target.status,
          change: changeId,
          ...(undoes ? { undoes } : {}),
        };
        await recordAudit(tx, { editionId, actor, entity: "session", entityUuid: uuid, action, before, after, at: now });
      }

      // Speakers who had confirmed are asked to confirm the new time or room again.
      const lapsed = await markMustReconfirm(tx, { editionId, sessionIds: ids, actor, now, before: placementsBefore });
      const peopleChanges: Change[] = [];
      if (lapsed.length > 0) {
        const lapsedBySession = new Map<number, Set<number>>();
        for (const l of lapsed) {
          if (!lapsedBySession.has(l.sessionId)) lapsedBySession.set(l.sessionId, new Set());
          lapsedBySession.get(l.sessionId)!.add(l.speakerId);
        }
        for (let k = 0; k < updated.length; k++) {
          const u = updated[k]!;
          const speakers = lapsedBySession.get(programme.ids.session.get(u.id)!);
          if (!speakers) continue;
          const people = u.people.map((p) =>
            speakers.has(programme.ids.speaker.get(p.personId) ?? -1) ? { ...p, confirmation: "must_reconfirm" as const } : p,
          );
          updated[k] = { ...u, people };
          peopleChanges.push({ kind: "people", sessionId: u.id, people });
        }
      }

      const stamp = await programmeStamp(tx, editionId);
      pending = { entry, update: { stamp, changes: [engineChange, ...peopleChanges], sessions: updated, versions } };
      const uuids = [...targets.keys()];
      const first = updated[0]!;
      const announcement =
        action === "swap"
          ? translate(locale, "board.done.swap", { a: title(uuids[0]!), b: title(uuids[1]!) })
          : translate(locale, `board.done.${action}` as MessageKey, {
              title: title(first.id),
              placement: placementText(entry, first, locale),
            });
      return {
        ok: true as const,
        action,
        change: changeId,
        sessions: uuids,
        announcement: undoes ? translate(locale, "board.done.undo", { what: announcement }) : announcement,
      };
    });
    if (pending) {
      const { entry, update } = pending as { entry: CachedProgramme; update: Parameters<typeof afterCommit>[2] };
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
