// What changed in the public programme between two snapshots: sessions added, cancelled
// (gone from the public programme), moved (old and new day, time, room), renamed, people changed.
import type { Changes, Placement, PublicProgramme, PublicSession, SessionRef } from "./model";

function ref(session: PublicSession): SessionRef {
  return { id: session.id, numericId: session.numericId, slug: session.slug, title: { ...session.title } };
}

function placementOf(session: PublicSession, rooms: Map<string, string>): Placement {
  return {
    day: session.start.slice(0, 10),
    start: session.start.slice(11, 16),
    end: session.end.slice(11, 16),
    startsAt: session.start,
    room: { id: session.roomId, name: rooms.get(session.roomId) ?? "" },
  };
}

/** Compares two snapshots (`before` null: everything in `after` is added). Pure; output in programme order. */
export function diffProgrammes(before: PublicProgramme | null, after: PublicProgramme): Changes {
  const changes: Changes = {
    edition: after.edition.slug,
    from: before?.version.number ?? null,
    to: after.version.number,
    added: [],
    cancelled: [],
    moved: [],
    renamed: [],
    peopleChanged: [],
  };
  const roomsBefore = new Map((before?.rooms ?? []).map((r) => [r.id, r.name]));
  const roomsAfter = new Map(after.rooms.map((r) => [r.id, r.name]));
  const names = new Map<string, string>();
  for (const s of before?.speakers ?? []) names.set(s.id, s.name);
  for (const s of after.speakers) names.set(s.id, s.name);
  const previous = new Map((before?.sessions ?? []).map((s) => [s.id, s]));
  const current = new Set<string>();

  for (const session of after.sessions) {
    current.add(session.id);
    const old = previous.get(session.id);
    if (!old) {
      changes.added.push({ ...ref(session), placement: placementOf(session, roomsAfter) });
      continue;
    }
    if (old.start !== session.start || old.end !== session.end || old.roomId !== session.roomId) {
      changes.moved.push({ session: ref(session), from: placementOf(old, roomsBefore), to: placementOf(session, roomsAfter) });
    }
    if (old.title.fr !== session.title.fr || old.title.en !== session.title.en) {
      changes.renamed.push({ session: ref(session), from: { ...old.title }, to: { ...session.title } });
    }
    const oldPeople = new Set(old.people.map((p) => p.speakerId));
    const newPeople = new Set(session.people.map((p) => p.speakerId));
    const added = [...newPeople].filter((id) => !oldPeople.has(id));
    const removed = [...oldPeople].filter((id) => !newPeople.has(id));
    if (added.length > 0 || removed.length > 0) {
      changes.peopleChanged.push({
        session: ref(session),
        added: added.map((id) => ({ id, name: names.get(id) ?? "" })),
        removed: removed.map((id) => ({ id, name: names.get(id) ?? "" })),
      });
    }
  }
  for (const old of before?.sessions ?? []) {
    if (!current.has(old.id)) changes.cancelled.push({ ...ref(old), placement: placementOf(old, roomsBefore) });
  }
  return changes;
}

export function changeCount(changes: Changes): number {
  return changes.added.length + changes.cancelled.length + changes.moved.length + changes.renamed.length + changes.peopleChanged.length;
}
