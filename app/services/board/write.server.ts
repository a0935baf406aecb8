// The third step of a board change: the rows, in the change's write transaction — each touched
// session (checking its version again), one audit entry per session, and the confirmations
// that lapse because a confirmed speaker's session moved.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { sessions } from "~/db/schema";
import type { ChangePlan } from "~/domain/board/plan";
import type { AuditPlacement } from "~/domain/board/undo";
import type { Change, SessionInput } from "~/domain/conflicts";
import { recordAudit, type Actor } from "~/models/audit.server";
import { updateVersioned } from "~/models/versioning.server";
import type { CachedProgramme } from "../programme-cache.server";
import { markMustReconfirm, type PlacementBefore } from "../reconfirmation.server";
import { notFound } from "~/utils/http.server";

export type Written = {
  changeId: string;
  /** The touched sessions as they are now, in the plan's order. */
  updated: SessionInput[];
  versions: Map<string, number>;
  /** For the cached checker: the plan's change and the confirmations that lapsed. */
  changes: Change[];
};

export async function writeChange(
  tx: Queryable,
  entry: CachedProgramme,
  plan: ChangePlan,
  { editionId, actor, now }: { editionId: number; actor: Actor; now: number },
): Promise<Written> {
  const { programme } = entry;
  const { action, targets, expected, undoes } = plan;
  const changeId = randomUUID();
  const versions = new Map<string, number>();
  const updated: SessionInput[] = [];
  const ids: number[] = [];
  const placementsBefore: PlacementBefore[] = [];
  // An auto-scheduling change (and its undo) is one audit entry listing its placements.
  const listed: (AuditPlacement & { session: string; before: AuditPlacement })[] = [];
  const roomName = (uuid: string | null) => (uuid === null ? null : (programme.input.rooms.find((r) => r.id === uuid)?.name ?? null));
  for (const [uuid, target] of targets) {
    const s = programme.input.sessions[entry.sessionIndex.get(uuid)!]!;
    const id = programme.ids.session.get(uuid)!;
    ids.push(id);
    placementsBefore.push({ sessionId: id, startsAt: s.start, endsAt: s.end, roomId: s.roomId === null ? null : (programme.ids.room.get(s.roomId) ?? null) });
    const row =
      (await updateVersioned(tx, sessions, and(eq(sessions.id, id), eq(sessions.editionId, editionId)), expected.get(uuid)!, {
        roomId: target.roomId === null ? null : programme.ids.room.get(target.roomId)!,
        startsAt: target.start,
        endsAt: target.end,
        status: target.status,
      })) ?? notFound();
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
    if (action === "schedule") listed.push({ session: uuid, room: after.room, roomName: after.roomName, startsAt: after.startsAt, endsAt: after.endsAt, status: after.status, before });
    else await recordAudit(tx, { editionId, actor, entity: "session", entityUuid: uuid, action, before, after, at: now, actionId: targets.size > 1 ? changeId : null });
  }
  if (action === "schedule") {
    const after = { change: changeId, ...(undoes ? { undoes } : {}), placements: listed };
    await recordAudit(tx, { editionId, actor, entity: "schedule", entityUuid: changeId, action: "place", after, at: now });
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
      const people = u.people.map((p) => (speakers.has(programme.ids.speaker.get(p.personId) ?? -1) ? { ...p, confirmation: "must_reconfirm" as const } : p));
      updated[k] = { ...u, people };
      peopleChanges.push({ kind: "people", sessionId: u.id, people });
    }
  }
  return { changeId, updated, versions, changes: [...plan.engineChanges, ...peopleChanges] };
}
