import { and, asc, count, eq, inArray, max, sql } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { auditLog, roomOpeningHours, rooms, roomWalkingTimes, sessions, type RoomFeature } from "~/db/schema";
import { diffRecords } from "~/domain/audit";
import { openingHoursRows } from "~/domain/opening-hours";
import { featureName } from "~/domain/rooms";
import { translate, type Locale } from "~/i18n";
import type { StaleField } from "~/utils/stale.server";
import { editionDays } from "~/domain/time";
import type { RoomValues, WalkingValues } from "~/schemas/rooms";
import type { FieldErrors } from "~/utils/forms";
import { recordAudit, type Actor } from "./audit.server";
import type { DeleteResult } from "./structure-helpers.server";
import { updateVersioned } from "./versioning.server";

type EditionScope = { id: number; startDate: string; endDate: string; timeZone: string };
type Hours = { date: string; opens: string; closes: string };

const auditFields = (row: { name: string; capacity: number | null; features: RoomFeature[] }, hours: Hours[]) => ({
  name: row.name,
  capacity: row.capacity,
  features: row.features,
  openingHours: hours.map((h) => `${h.date} ${h.opens}–${h.closes}`),
});

export function editionDates(edition: Pick<EditionScope, "startDate" | "endDate" | "timeZone">): string[] {
  return editionDays(edition.startDate, edition.endDate, edition.timeZone).map((day) => day.date);
}

/**
 * The walking-time matrix's version: how many times it was saved (each save is audited).
 * A save carries the version it was read at, like every other form.
 */
async function walkingVersion(db: Queryable, editionId: number): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.editionId, editionId), eq(auditLog.entity, "walking_times")))
    .get();
  return (row?.n ?? 0) + 1;
}

/** Every room of the edition with its opening hours, session count and walking times, in four queries. */
export async function listRooms(db: Queryable, { editionId }: { editionId: number }) {
  const [roomRows, hourRows, walkRows, version] = await Promise.all([
    db
      .select({
        id: rooms.id,
        uuid: rooms.uuid,
        name: rooms.name,
        capacity: rooms.capacity,
        features: rooms.features,
        // The outer table is named by hand: drizzle writes it unqualified here, which SQLite reads as the subquery's own id.
        sessions: sql<number>`(select count(*) from ${sessions} where ${sessions.roomId} = "rooms"."id")`,
      })
      .from(rooms)
      .where(eq(rooms.editionId, editionId))
      .orderBy(asc(rooms.position), asc(rooms.id))
      .all(),
    db
      .select({ roomId: roomOpeningHours.roomId, date: roomOpeningHours.date, opens: roomOpeningHours.opens, closes: roomOpeningHours.closes })
      .from(roomOpeningHours)
      .innerJoin(rooms, eq(rooms.id, roomOpeningHours.roomId))
      .where(eq(rooms.editionId, editionId))
      .orderBy(asc(roomOpeningHours.date))
      .all(),
    db
      .select({ roomId: roomWalkingTimes.roomId, otherRoomId: roomWalkingTimes.otherRoomId, minutes: roomWalkingTimes.minutes })
      .from(roomWalkingTimes)
      .innerJoin(rooms, eq(rooms.id, roomWalkingTimes.roomId))
      .where(eq(rooms.editionId, editionId))
      .all(),
    walkingVersion(db, editionId),
  ]);
  const uuidOf = new Map(roomRows.map((r) => [r.id, r.uuid]));
  const hoursOf = new Map<number, Hours[]>();
  for (const { roomId, ...hours } of hourRows) hoursOf.set(roomId, [...(hoursOf.get(roomId) ?? []), hours]);
  const walking: Record<string, Record<string, number>> = {};
  for (const walk of walkRows) {
    const from = uuidOf.get(walk.roomId)!;
    const to = uuidOf.get(walk.otherRoomId);
    if (to) (walking[from] ??= {})[to] = walk.minutes;
  }
  return {
    rooms: roomRows.map(({ id, ...room }) => ({ ...room, openingHours: hoursOf.get(id) ?? [] })),
    walking,
    walkingVersion: version,
  };
}

export async function getRoom(db: Queryable, { editionId, uuid }: { editionId: number; uuid: string }) {
  const room = await db
    .select({ id: rooms.id, uuid: rooms.uuid, name: rooms.name, capacity: rooms.capacity, features: rooms.features, version: rooms.version })
    .from(rooms)
    .where(and(eq(rooms.editionId, editionId), eq(rooms.uuid, uuid)))
    .get();
  if (!room) return undefined;
  const openingHours = await db
    .select({ date: roomOpeningHours.date, opens: roomOpeningHours.opens, closes: roomOpeningHours.closes })
    .from(roomOpeningHours)
    .where(eq(roomOpeningHours.roomId, room.id))
    .orderBy(asc(roomOpeningHours.date))
    .all();
  const { id: _id, ...rest } = room;
  return { ...rest, openingHours };
}

/** The room form's values: one row per edition day, blank where the room has no hours. */
export function roomFormValues(
  room: { name: string; capacity: number | null; features: string[]; openingHours: Hours[] },
  dates: string[],
) {
  return {
    name: room.name,
    capacity: room.capacity === null ? "" : String(room.capacity),
    features: room.features,
    hours: dates.map((date) => {
      const h = room.openingHours.find((o) => o.date === date);
      return { date, opens: h?.opens ?? "", closes: h?.closes ?? "" };
    }),
  };
}

/** The room form's fields as the stale-save notice names them (hours stand for the audited `openingHours`). */
export function roomStaleFields(dates: string[], locale: Locale): StaleField[] {
  return [
    { name: "name", label: "rooms.name" },
    { name: "capacity", label: "rooms.capacity" },
    { name: "features", label: "rooms.features", show: (v) => (Array.isArray(v) ? v : v ? [v] : []).map((f) => featureName(f, locale)).sort().join(", ") },
    ...dates.flatMap((date, i) => [
      { name: `hours.${i}.opens`, label: translate(locale, "rooms.opensOn", { date }), columns: ["openingHours"] },
      { name: `hours.${i}.closes`, label: translate(locale, "rooms.closesOn", { date }), columns: ["openingHours"] },
    ]),
  ];
}

export type RoomSaveResult<T> = { ok: true; room: T } | { ok: false; errors: FieldErrors };

export async function createRoom(
  db: Database,
  { edition, actor, values }: { edition: EditionScope; actor: Actor; values: RoomValues },
): Promise<RoomSaveResult<{ uuid: string }>> {
  const { rows, errors } = openingHoursRows(values.hours, { timeZone: edition.timeZone, editionDates: editionDates(edition) });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const taken = await tx.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.editionId, edition.id), eq(rooms.name, values.name))).get();
    if (taken) return { ok: false as const, errors: { name: "rooms.nameTaken" } };
    const last = await tx.select({ position: max(rooms.position) }).from(rooms).where(eq(rooms.editionId, edition.id)).get();
    const room = await tx
      .insert(rooms)
      .values({ editionId: edition.id, name: values.name, capacity: values.capacity, features: values.features, position: (last?.position ?? -1) + 1 })
      .returning()
      .get();
    if (rows.length > 0) await tx.insert(roomOpeningHours).values(rows.map((h) => ({ roomId: room.id, ...h })));
    await recordAudit(tx, { editionId: edition.id, actor, entity: "room", entityUuid: room.uuid, action: "create", after: auditFields(room, rows) });
    return { ok: true as const, room };
  });
}

/** Saves a room and its opening hours, read at `version`; throws StaleVersionError when someone saved in between. */
export async function updateRoom(
  db: Database,
  { edition, uuid, version, actor, values }: { edition: EditionScope; uuid: string; version: number; actor: Actor; values: RoomValues },
): Promise<RoomSaveResult<{ uuid: string }> | null> {
  const { rows, errors } = openingHoursRows(values.hours, { timeZone: edition.timeZone, editionDates: editionDates(edition) });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const where = and(eq(rooms.editionId, edition.id), eq(rooms.uuid, uuid));
    const before = await tx.select().from(rooms).where(where).get();
    if (!before) return null;
    const taken = await tx.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.editionId, edition.id), eq(rooms.name, values.name))).get();
    if (taken && taken.id !== before.id) return { ok: false as const, errors: { name: "rooms.nameTaken" } };
    const hoursBefore = await tx
      .select({ date: roomOpeningHours.date, opens: roomOpeningHours.opens, closes: roomOpeningHours.closes })
      .from(roomOpeningHours)
      .where(eq(roomOpeningHours.roomId, before.id))
      .orderBy(asc(roomOpeningHours.date))
      .all();
    const after = await updateVersioned(tx, rooms, where, version, { name: values.name, capacity: values.capacity, features: values.features });
    if (!after) return null;
    await tx.delete(roomOpeningHours).where(eq(roomOpeningHours.roomId, before.id));
    if (rows.length > 0) await tx.insert(roomOpeningHours).values(rows.map((h) => ({ roomId: before.id, ...h })));
    const diff = diffRecords(auditFields(before, hoursBefore), auditFields(after, rows));
    if (diff) await recordAudit(tx, { editionId: edition.id, actor, entity: "room", entityUuid: uuid, action: "update", ...diff });
    return { ok: true as const, room: after };
  });
}

/** Deletes a room (its hours, walking times and slots go with it) unless sessions are in it. */
export async function deleteRoom(db: Database, { editionId, uuid, actor }: { editionId: number; uuid: string; actor: Actor }): Promise<DeleteResult | null> {
  return db.transaction(async (tx) => {
    const room = await tx.select().from(rooms).where(and(eq(rooms.editionId, editionId), eq(rooms.uuid, uuid))).get();
    if (!room) return null;
    const used = await tx.select({ n: count() }).from(sessions).where(eq(sessions.roomId, room.id)).get();
    if (used && used.n > 0) return { ok: false, reason: "in_use", sessions: used.n };
    await tx.delete(rooms).where(eq(rooms.id, room.id));
    await recordAudit(tx, { editionId, actor, entity: "room", entityUuid: uuid, action: "delete", before: { name: room.name, capacity: room.capacity, features: room.features } });
    return { ok: true };
  });
}

export type WalkingResult =
  | { ok: true }
  | { ok: false; stale: true; current: Record<string, string>; currentVersion: number; labels: Record<string, string> };

/**
 * Replaces the edition's walking times with the matrix (each pair stored both ways; blank =
 * the default changeover), in one transaction and a fixed number of queries. Refused when the
 * matrix was saved since it was read (`version`). Cells naming rooms that are not (or no
 * longer) in this edition are ignored.
 */
export async function saveWalkingTimes(
  db: Database,
  { editionId, editionUuid, actor, values }: { editionId: number; editionUuid: string; actor: Actor; values: WalkingValues },
): Promise<WalkingResult> {
  return db.transaction(async (tx) => {
    const roomRows = await tx.select({ id: rooms.id, uuid: rooms.uuid, name: rooms.name }).from(rooms).where(eq(rooms.editionId, editionId)).all();
    const ids = roomRows.map((r) => r.id);
    const current = ids.length
      ? await tx
          .select({ roomId: roomWalkingTimes.roomId, otherRoomId: roomWalkingTimes.otherRoomId, minutes: roomWalkingTimes.minutes })
          .from(roomWalkingTimes)
          .where(inArray(roomWalkingTimes.roomId, ids))
          .all()
      : [];
    const byUuid = new Map(roomRows.map((r) => [r.uuid, r]));
    const nameOf = new Map(roomRows.map((r) => [r.id, r.name]));
    const currentVersion = await walkingVersion(tx, editionId);
    if (currentVersion !== values.version) {
      // The matrix as it is now, in the form's names, for the stale-save notice.
      const uuidOf = new Map(roomRows.map((r) => [r.id, r.uuid]));
      const minutes = new Map(current.map((w) => [`${w.roomId}-${w.otherRoomId}`, w.minutes]));
      const form: Record<string, string> = {};
      const labels: Record<string, string> = {};
      roomRows.forEach((a, i) =>
        roomRows.slice(i + 1).forEach((b) => {
          const name = `walk.${uuidOf.get(a.id)}.${uuidOf.get(b.id)}`;
          form[name] = minutes.get(`${a.id}-${b.id}`)?.toString() ?? "";
          labels[name] = `${a.name} ↔ ${b.name}`;
        }),
      );
      return { ok: false, stale: true, current: form, currentVersion, labels };
    }
    const pairs = new Map<string, { a: number; b: number; minutes: number }>();
    for (const [from, row] of Object.entries(values.walk)) {
      for (const [to, minutes] of Object.entries(row)) {
        const a = byUuid.get(from);
        const b = byUuid.get(to);
        if (!a || !b || a.id === b.id || minutes === null) continue;
        const [lo, hi] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
        pairs.set(`${lo}-${hi}`, { a: lo, b: hi, minutes });
      }
    }
    const next = [...pairs.values()].flatMap(({ a, b, minutes }) => [
      { roomId: a, otherRoomId: b, minutes },
      { roomId: b, otherRoomId: a, minutes },
    ]);
    if (ids.length) await tx.delete(roomWalkingTimes).where(inArray(roomWalkingTimes.roomId, ids));
    if (next.length) await tx.insert(roomWalkingTimes).values(next);
    const describe = (list: { roomId: number; otherRoomId: number; minutes: number }[]) =>
      Object.fromEntries(
        list
          .filter((w) => w.roomId < w.otherRoomId)
          .map((w) => [`${nameOf.get(w.roomId)} ↔ ${nameOf.get(w.otherRoomId)}`, w.minutes] as const)
          .sort(([x], [y]) => x.localeCompare(y)),
      );
    // Recorded even when nothing changed: every save raises the matrix's version.
    const diff = diffRecords(describe(current), describe(next), []) ?? { before: {}, after: {} };
    await recordAudit(tx, { editionId, actor, entity: "walking_times", entityUuid: editionUuid, action: "update", ...diff });
    return { ok: true };
  });
}
