// An edition's settings, and creating an edition, empty or as a copy of another one's
// structure (rooms with their hours shifted to the new dates, walking times, themes,
// formats, slot templates), never its sessions, speakers or confirmations.
import { eq, inArray } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import {
  editionOrganisations,
  editions,
  emailTemplates,
  formats,
  roomOpeningHours,
  rooms,
  roomWalkingTimes,
  slotTemplates,
  themes,
} from "~/db/schema";
import { diffRecords } from "~/domain/audit";
import { DEFAULT_LEVELS, RULES, type Level, type RuleId } from "~/domain/conflicts/types";
import { addDays } from "~/domain/time";
import type { EditionSettingsValues, NewEditionValues } from "~/schemas/editions";
import { recordAudit, type Actor } from "./audit.server";
import { editionIdentityColumns } from "./editions.server";
import { updateVersioned } from "./versioning.server";

const settingsColumns = {
  ...editionIdentityColumns,
  changeoverMinutes: editions.changeoverMinutes,
  dailySessionLimit: editions.dailySessionLimit,
  ruleLevels: editions.ruleLevels,
  version: editions.version,
};

export async function getEditionSettings(db: Database, { editionId }: { editionId: number }) {
  const row = await db.select(settingsColumns).from(editions).where(eq(editions.id, editionId)).get();
  return row ?? null;
}

/** Every rule's level in force: the edition's override or the default. */
export function levelsInForce(overrides: Partial<Record<RuleId, Level>>): Record<RuleId, Level> {
  return Object.fromEntries(RULES.map((rule) => [rule, overrides[rule] ?? DEFAULT_LEVELS[rule]])) as Record<RuleId, Level>;
}

type SettingsRow = NonNullable<Awaited<ReturnType<typeof getEditionSettings>>>;

export function settingsFormValues(row: Omit<SettingsRow, "uuid" | "slug">) {
  return {
    title: row.title,
    startDate: row.startDate,
    endDate: row.endDate,
    timeZone: row.timeZone,
    venue: row.venue,
    mainLanguage: row.mainLanguage,
    changeoverMinutes: String(row.changeoverMinutes),
    dailySessionLimit: String(row.dailySessionLimit),
    levels: levelsInForce(row.ruleLevels),
  };
}

const auditFields = (row: Omit<SettingsRow, "uuid" | "version">) => ({
  slug: row.slug,
  title: row.title,
  startDate: row.startDate,
  endDate: row.endDate,
  timeZone: row.timeZone,
  venue: row.venue,
  mainLanguage: row.mainLanguage,
  changeoverMinutes: row.changeoverMinutes,
  dailySessionLimit: row.dailySessionLimit,
  ruleLevels: row.ruleLevels,
});

/** Saves the settings read at `version`; only levels that differ from the defaults are stored. */
export async function updateEditionSettings(
  db: Database,
  { editionId, version, actor, values }: { editionId: number; version: number; actor: Actor; values: Omit<EditionSettingsValues, "version"> },
) {
  const { levels, ...rest } = values;
  const ruleLevels: Partial<Record<RuleId, Level>> = {};
  for (const rule of RULES) if (levels[rule] !== DEFAULT_LEVELS[rule]) ruleLevels[rule] = levels[rule];
  return db.transaction(async (tx) => {
    const where = eq(editions.id, editionId);
    const before = await tx.select().from(editions).where(where).get();
    if (!before) return null;
    const after = await updateVersioned(tx, editions, where, version, { ...rest, ruleLevels });
    if (!after) return null;
    const diff = diffRecords(auditFields(before), auditFields(after));
    if (diff) await recordAudit(tx, { editionId, actor, entity: "edition", entityUuid: before.uuid, action: "update", ...diff });
    return after;
  });
}

export type CreateEditionResult = { ok: true; slug: string } | { ok: false; errors: Record<string, string> };

/**
 * Creates an edition. Run by the organisations of the copied edition, or the creator's own.
 * A copy shifts every opening-hours date by the distance between the two start dates and
 * keeps only the days inside the new edition. A fixed number of queries whatever the size.
 */
export async function createEdition(
  db: Database,
  { actor, organisationId, values, copyFromId }: { actor: Actor; organisationId: number | null; values: NewEditionValues; copyFromId?: number },
): Promise<CreateEditionResult> {
  return db.transaction(async (tx) => {
    const taken = await tx.select({ id: editions.id }).from(editions).where(eq(editions.slug, values.slug)).get();
    if (taken) return { ok: false as const, errors: { slug: "structure.slugTaken" } };
    const source = copyFromId ? await tx.select().from(editions).where(eq(editions.id, copyFromId)).get() : undefined;
    const edition = await tx
      .insert(editions)
      .values({
        slug: values.slug,
        title: values.title,
        startDate: values.startDate,
        endDate: values.endDate,
        timeZone: values.timeZone,
        venue: values.venue,
        mainLanguage: values.mainLanguage,
        ...(source
          ? { changeoverMinutes: source.changeoverMinutes, dailySessionLimit: source.dailySessionLimit, ruleLevels: source.ruleLevels, copiedFromId: source.id }
          : {}),
      })
      .returning()
      .get();

    const runners = source
      ? (await tx.select({ organisationId: editionOrganisations.organisationId }).from(editionOrganisations).where(eq(editionOrganisations.editionId, source.id)).all()).map(
          (r) => r.organisationId,
        )
      : [];
    if (organisationId !== null && !runners.includes(organisationId)) runners.push(organisationId);
    if (runners.length) await tx.insert(editionOrganisations).values(runners.map((id) => ({ editionId: edition.id, organisationId: id })));

    const copied = source ? await copyStructure(tx, { from: source, to: edition }) : null;
    await recordAudit(tx, {
      editionId: edition.id,
      actor,
      entity: "edition",
      entityUuid: edition.uuid,
      action: "create",
      after: { ...auditFields(edition), ...(source ? { copiedFrom: source.slug, copied } : {}) },
    });
    return { ok: true as const, slug: edition.slug };
  });
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function copyStructure(
  tx: Tx,
  { from, to }: { from: { id: number; startDate: string }; to: { id: number; startDate: string; endDate: string } },
) {
  const [themeRows, formatRows, roomRows, templateRows, textRows] = await Promise.all([
    tx.select().from(themes).where(eq(themes.editionId, from.id)).all(),
    tx.select().from(formats).where(eq(formats.editionId, from.id)).all(),
    tx.select().from(rooms).where(eq(rooms.editionId, from.id)).all(),
    tx.select().from(slotTemplates).where(eq(slotTemplates.editionId, from.id)).all(),
    tx.select().from(emailTemplates).where(eq(emailTemplates.editionId, from.id)).all(),
  ]);
  const roomIds = roomRows.map((r) => r.id);
  const [hourRows, walkRows] = roomIds.length
    ? await Promise.all([
        tx.select().from(roomOpeningHours).where(inArray(roomOpeningHours.roomId, roomIds)).all(),
        tx.select().from(roomWalkingTimes).where(inArray(roomWalkingTimes.roomId, roomIds)).all(),
      ])
    : [[], []];

  if (themeRows.length)
    await tx.insert(themes).values(themeRows.map(({ id: _id, uuid: _uuid, editionId: _e, version: _v, createdAt: _c, updatedAt: _u, ...t }) => ({ ...t, editionId: to.id })));
  if (formatRows.length)
    await tx.insert(formats).values(formatRows.map(({ id: _id, uuid: _uuid, editionId: _e, version: _v, createdAt: _c, updatedAt: _u, ...f }) => ({ ...f, editionId: to.id })));
  if (templateRows.length)
    await tx
      .insert(slotTemplates)
      .values(templateRows.map(({ id: _id, uuid: _uuid, editionId: _e, version: _v, createdAt: _c, updatedAt: _u, ...s }) => ({ ...s, editionId: to.id })));
  // The e-mail texts the organisers wrote (invitation, reminder, re-confirmation), as they are.
  if (textRows.length)
    await tx
      .insert(emailTemplates)
      .values(textRows.map(({ id: _id, uuid: _uuid, editionId: _e, version: _v, updatedAt: _u, ...e }) => ({ ...e, editionId: to.id })));
  const newRooms = roomRows.length
    ? await tx
        .insert(rooms)
        .values(roomRows.map(({ id: _id, uuid: _uuid, editionId: _e, version: _v, createdAt: _c, updatedAt: _u, ...r }) => ({ ...r, editionId: to.id })))
        .returning({ id: rooms.id, name: rooms.name })
    : [];
  const idOf = new Map(roomRows.map((r) => [r.id, newRooms.find((n) => n.name === r.name)!.id]));
  const shift = Math.round((Date.parse(`${to.startDate}T00:00:00Z`) - Date.parse(`${from.startDate}T00:00:00Z`)) / 86_400_000);
  const hours = hourRows
    .map((h) => ({ roomId: idOf.get(h.roomId)!, date: addDays(h.date, shift), opens: h.opens, closes: h.closes }))
    .filter((h) => h.date >= to.startDate && h.date <= to.endDate);
  if (hours.length) await tx.insert(roomOpeningHours).values(hours);
  const walks = walkRows.map((w) => ({ roomId: idOf.get(w.roomId)!, otherRoomId: idOf.get(w.otherRoomId)!, minutes: w.minutes })).filter((w) => w.otherRoomId !== undefined);
  if (walks.length) await tx.insert(roomWalkingTimes).values(walks);
  return { rooms: roomRows.length, themes: themeRows.length, formats: formatRows.length, slotTemplates: templateRows.length, emailTexts: textRows.length };
}
