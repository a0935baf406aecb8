// Slot templates and slots of one edition. Every function takes the edition and finds
// rows by uuid within it, so another edition's template, room or slot is never reached.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { auditLog, roomOpeningHours, rooms, slots, slotTemplates } from "~/db/schema";
import { diffRecords } from "~/domain/audit";
import { firstClash, isTimeProblem, planTemplate, slotInterval, type Plan, type PlannedSlot, type TemplateTime } from "~/domain/slots";
import { editionDays, localDate, localTime } from "~/domain/time";
import type { ApplyValues, SlotEditValues, TemplateValues } from "~/schemas/slots";
import type { FieldErrors } from "~/utils/forms";
import { recordAudit, type Actor } from "./audit.server";
import { StaleVersionError, updateVersioned } from "./versioning.server";

type EditionScope = { id: number; startDate: string; endDate: string; timeZone: string };

/** Rows per INSERT: far below SQLite's bound on parameters, so one statement for any real grid. */
const INSERT_CHUNK = 1000;

const templateAudit = (row: { name: string; times: TemplateTime[] }) => ({
  name: row.name,
  times: row.times.map((t) => `${t.start}–${t.end}`),
});

/** Everything the slots page shows, in three queries whatever the number of rooms, templates and slots. */
export async function listSlotsPage(db: Queryable, { editionId }: { editionId: number }) {
  const [roomRows, templateRows, slotRows] = await Promise.all([
    db.select({ uuid: rooms.uuid, name: rooms.name }).from(rooms).where(eq(rooms.editionId, editionId)).orderBy(asc(rooms.position), asc(rooms.id)).all(),
    db
      .select({
        uuid: slotTemplates.uuid,
        name: slotTemplates.name,
        times: slotTemplates.times,
        version: slotTemplates.version,
        // The outer table is named by hand: drizzle writes it unqualified here, which SQLite reads as the subquery's own id.
        slots: sql<number>`(select count(*) from ${slots} where ${slots.templateId} = "slot_templates"."id")`,
      })
      .from(slotTemplates)
      .where(eq(slotTemplates.editionId, editionId))
      .orderBy(asc(slotTemplates.name), asc(slotTemplates.id))
      .all(),
    db
      .select({ uuid: slots.uuid, room: rooms.uuid, startsAt: slots.startsAt, endsAt: slots.endsAt, version: slots.version })
      .from(slots)
      .innerJoin(rooms, eq(rooms.id, slots.roomId))
      .where(eq(slots.editionId, editionId))
      .orderBy(asc(slots.startsAt), asc(rooms.position), asc(slots.id))
      .all(),
  ]);
  return { rooms: roomRows, templates: templateRows, slots: slotRows };
}

/** The template form's values (flat names, as posted): its rows plus spare blank ones. */
export function templateFormValues(template: { name: string; times: TemplateTime[] }, spare = 0): Record<string, string> {
  const values: Record<string, string> = { name: template.name };
  [...template.times, ...Array.from({ length: spare }, () => ({ start: "", end: "" }))].forEach((time, i) => {
    values[`times.${i}.start`] = time.start;
    values[`times.${i}.end`] = time.end;
  });
  return values;
}

export async function createTemplate(db: Database, { editionId, actor, values }: { editionId: number; actor: Actor; values: TemplateValues }) {
  return db.transaction(async (tx) => {
    const row = await tx.insert(slotTemplates).values({ editionId, name: values.name, times: values.times }).returning().get();
    await recordAudit(tx, { editionId, actor, entity: "slot_template", entityUuid: row.uuid, action: "create", after: templateAudit(row) });
    return row;
  });
}

/** Saves a template read at `version`; throws StaleVersionError when someone saved in between. */
export async function updateTemplate(
  db: Database,
  { editionId, uuid, version, actor, values }: { editionId: number; uuid: string; version: number; actor: Actor; values: TemplateValues },
) {
  return db.transaction(async (tx) => {
    const where = and(eq(slotTemplates.editionId, editionId), eq(slotTemplates.uuid, uuid));
    const before = await tx.select().from(slotTemplates).where(where).get();
    if (!before) return null;
    const after = await updateVersioned(tx, slotTemplates, where, version, { name: values.name, times: values.times });
    if (!after) return null;
    const diff = diffRecords(templateAudit(before), templateAudit(after));
    if (diff) await recordAudit(tx, { editionId, actor, entity: "slot_template", entityUuid: uuid, action: "update", ...diff });
    return after;
  });
}

/** Deletes a template; the slots made from it stay (they only forget where they came from). False: not this edition's. */
export async function deleteTemplate(db: Database, { editionId, uuid, actor }: { editionId: number; uuid: string; actor: Actor }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await tx.select().from(slotTemplates).where(and(eq(slotTemplates.editionId, editionId), eq(slotTemplates.uuid, uuid))).get();
    if (!row) return false;
    await tx.delete(slotTemplates).where(eq(slotTemplates.id, row.id));
    await recordAudit(tx, { editionId, actor, entity: "slot_template", entityUuid: uuid, action: "delete", before: templateAudit(row) });
    return true;
  });
}

export type PlanResult = { ok: true; plan: Plan; planned: PlannedSlot<number>[]; templateId: number; roomNames: Map<number, string> } | { ok: false; errors: FieldErrors };

/**
 * What applying a template would do (four queries): the template, the chosen rooms (of
 * this edition only), their slots and opening hours on the chosen days, then the domain's plan.
 */
async function planApplication(db: Queryable, { edition, values }: { edition: EditionScope; values: ApplyValues }): Promise<PlanResult> {
  const days = editionDays(edition.startDate, edition.endDate, edition.timeZone);
  const chosenDays = days.filter((day) => values.dates.includes(day.date));
  if (chosenDays.length !== values.dates.length) return { ok: false, errors: { dates: "slots.error.unknownDay" } };
  const [template, roomRows] = await Promise.all([
    db
      .select({ id: slotTemplates.id, uuid: slotTemplates.uuid, name: slotTemplates.name, times: slotTemplates.times, version: slotTemplates.version })
      .from(slotTemplates)
      .where(and(eq(slotTemplates.editionId, edition.id), eq(slotTemplates.uuid, values.template)))
      .get(),
    db
      .select({ id: rooms.id, uuid: rooms.uuid, name: rooms.name })
      .from(rooms)
      .where(and(eq(rooms.editionId, edition.id), inArray(rooms.uuid, values.rooms)))
      .orderBy(asc(rooms.position), asc(rooms.id))
      .all(),
  ]);
  if (!template) return { ok: false, errors: { template: "slots.error.chooseTemplate" } };
  if (roomRows.length !== values.rooms.length) return { ok: false, errors: { rooms: "structure.unknownChoice" } };
  const roomIds = roomRows.map((r) => r.id);
  // Existing slots from the day before the first chosen day: one may run past midnight into it.
  const from = chosenDays[0]!.start - 86_400_000;
  const to = chosenDays[chosenDays.length - 1]!.end + 86_400_000;
  const [existing, hours] = await Promise.all([
    db
      .select({ room: slots.roomId, start: slots.startsAt, end: slots.endsAt })
      .from(slots)
      .where(and(eq(slots.editionId, edition.id), inArray(slots.roomId, roomIds), sql`${slots.startsAt} < ${to}`, sql`${slots.endsAt} > ${from}`))
      .all(),
    db
      .select({ room: roomOpeningHours.roomId, date: roomOpeningHours.date, opens: roomOpeningHours.opens, closes: roomOpeningHours.closes })
      .from(roomOpeningHours)
      .where(inArray(roomOpeningHours.roomId, roomIds))
      .all(),
  ]);
  const { slots: planned, counts } = planTemplate({
    times: template.times,
    rooms: roomIds,
    dates: values.dates,
    timeZone: edition.timeZone,
    existing,
    openingHours: hours,
  });
  const roomNames = new Map(roomRows.map((r) => [r.id, r.name]));
  const roomUuids = new Map(roomRows.map((r) => [r.id, r.uuid]));
  const tz = edition.timeZone;
  const plan: Plan = {
    template: { uuid: template.uuid, name: template.name, version: template.version },
    rooms: roomRows.map((r) => r.uuid),
    dates: chosenDays.map((d) => d.date),
    counts,
    rows: planned.map((p) => ({
      room: roomUuids.get(p.room)!,
      roomName: roomNames.get(p.room)!,
      date: p.date,
      start: p.time.start,
      end: p.time.end,
      status: p.status,
      outsideHours: p.outsideHours,
      clash: p.clash ? `${localTime(p.clash.start, tz)}–${localTime(p.clash.end, tz)}` : null,
    })),
  };
  return { ok: true, plan, planned, templateId: template.id, roomNames };
}

/** The preview of applying a template: nothing is written. */
export async function previewTemplate(db: Queryable, args: { edition: EditionScope; values: ApplyValues }) {
  const result = await planApplication(db, args);
  return result.ok ? { ok: true as const, plan: result.plan } : result;
}

export type ApplyResult =
  | { ok: true; created: number; skipped: number; outsideHours: number }
  | { ok: false; errors: FieldErrors }
  /** The template changed since the preview: here is the preview again, from what it is now. */
  | { ok: false; changed: true; plan: Plan };

/**
 * Applies a template in one write transaction: the plan is made again inside it (so
 * slots added since the preview are skipped too), then the slots and one audit entry
 * per slot are inserted in batches. A constant number of statements for any grid.
 */
export async function applyTemplate(db: Database, { edition, actor, values }: { edition: EditionScope; actor: Actor; values: ApplyValues }): Promise<ApplyResult> {
  return db.transaction(async (tx) => {
    const result = await planApplication(tx, { edition, values });
    if (!result.ok) return result;
    if (values.templateVersion !== undefined && values.templateVersion !== result.plan.template.version) {
      return { ok: false as const, changed: true as const, plan: result.plan };
    }
    const now = Date.now();
    // One application is one action: its entries share an id and the log shows them as one.
    const actionId = randomUUID();
    const created = result.planned
      .filter((p) => p.status === "create")
      .map((p) => ({ uuid: randomUUID(), editionId: edition.id, roomId: p.room, templateId: result.templateId, startsAt: p.start!, endsAt: p.end! }));
    for (let i = 0; i < created.length; i += INSERT_CHUNK) {
      const part = created.slice(i, i + INSERT_CHUNK);
      await tx.insert(slots).values(part);
      await tx.insert(auditLog).values(
        part.map((slot) => ({
          editionId: edition.id,
          at: now,
          actorType: actor.type,
          organiserId: actor.type === "organiser" ? actor.organiserId : null,
          speakerId: actor.type === "speaker" ? actor.speakerId : null,
          entity: "slot",
          entityUuid: slot.uuid,
          action: "create",
          before: null,
          after: { room: result.roomNames.get(slot.roomId)!, startsAt: slot.startsAt, endsAt: slot.endsAt, template: result.plan.template.name },
          actionId,
        })),
      );
    }
    const { counts } = result.plan;
    return { ok: true as const, created: created.length, skipped: counts.duplicate + counts.overlap + counts.nonexistent, outsideHours: counts.outsideHours };
  });
}

type SlotRow = typeof slots.$inferSelect;

/** The slot form's values: its local date and times. */
export function slotFormValues(slot: { startsAt: number; endsAt: number }, timeZone: string) {
  return { date: localDate(slot.startsAt, timeZone), start: localTime(slot.startsAt, timeZone), end: localTime(slot.endsAt, timeZone) };
}

const slotAudit = (slot: { startsAt: number; endsAt: number }, roomName: string) => ({ room: roomName, startsAt: slot.startsAt, endsAt: slot.endsAt });

async function findSlot(db: Queryable, { editionId, uuid }: { editionId: number; uuid: string }) {
  const row = await db
    .select({ slot: slots, roomName: rooms.name })
    .from(slots)
    .innerJoin(rooms, eq(rooms.id, slots.roomId))
    .where(and(eq(slots.editionId, editionId), eq(slots.uuid, uuid)))
    .get();
  return row ?? null;
}

/** A slot whose version is not the one the organiser read: refused with the slot as it is now. */
function staleSlot(current: SlotRow): never {
  throw new StaleVersionError(current);
}

/**
 * Moves a slot's start and end on its own local date, read at `version`. Refused per field
 * when a time does not exist that day or the slot would overlap another slot of its room.
 */
export async function updateSlot(
  db: Database,
  { edition, actor, values }: { edition: EditionScope; actor: Actor; values: SlotEditValues },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors; clash?: string } | null> {
  return db.transaction(async (tx) => {
    const found = await findSlot(tx, { editionId: edition.id, uuid: values.slot });
    if (!found) return null;
    const { slot, roomName } = found;
    if (slot.version !== values.version) staleSlot(slot);
    const date = localDate(slot.startsAt, edition.timeZone);
    const interval = slotInterval(date, values, edition.timeZone);
    if (isTimeProblem(interval)) return { ok: false as const, errors: { [interval.field]: `slots.error.${interval.code}` } };
    const others = await tx
      .select({ start: slots.startsAt, end: slots.endsAt })
      .from(slots)
      .where(and(eq(slots.roomId, slot.roomId), sql`${slots.id} <> ${slot.id}`, sql`${slots.startsAt} < ${interval.end}`, sql`${slots.endsAt} > ${interval.start}`))
      .all();
    const clash = firstClash(others, interval);
    if (clash) {
      const at = `${localTime(clash.start, edition.timeZone)}–${localTime(clash.end, edition.timeZone)}`;
      return { ok: false as const, errors: { start: "slots.error.clash" }, clash: at };
    }
    const after = await tx
      .update(slots)
      .set({ startsAt: interval.start, endsAt: interval.end, version: sql`${slots.version} + 1` })
      .where(and(eq(slots.id, slot.id), eq(slots.version, values.version)))
      .returning()
      .get();
    if (!after) staleSlot(slot);
    const diff = diffRecords(slotAudit(slot, roomName), slotAudit(after, roomName));
    if (diff) await recordAudit(tx, { editionId: edition.id, actor, entity: "slot", entityUuid: slot.uuid, action: "update", ...diff });
    return { ok: true as const };
  });
}

/** Removes one slot read at `version` (a stale removal is refused like a stale save); null when it is not the edition's. */
export async function deleteSlot(db: Database, { editionId, actor, uuid, version }: { editionId: number; actor: Actor; uuid: string; version: number }) {
  return db.transaction(async (tx) => {
    const found = await findSlot(tx, { editionId, uuid });
    if (!found) return null;
    const { slot, roomName } = found;
    if (slot.version !== version) staleSlot(slot);
    await tx.delete(slots).where(eq(slots.id, slot.id));
    await recordAudit(tx, { editionId, actor, entity: "slot", entityUuid: uuid, action: "delete", before: slotAudit(slot, roomName) });
    return true;
  });
}
