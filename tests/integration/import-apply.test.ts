// The apply step against a real database: counts, UUIDs kept, persons merged, one
// transaction, conflicts left for the engine, and the imported rows match the source file.
import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryCounter } from "~/db/client.server";
import {
  auditLog,
  editionOrganisations,
  editions,
  formats,
  organisations,
  roomOpeningHours,
  rooms,
  sessions,
  sessionSpeakers,
  speakers,
  themes,
} from "~/db/schema";
import { readSchedule, type ImportedProgramme, type ImportChange } from "~/domain/import";
import { acknowledgeConflict, checkEdition } from "~/services/conflicts.server";
import { applyImport, type ImportProgress } from "~/services/import.server";
import { publishProgramme } from "~/services/publishing.server";
import { eventLine, INVALID_FILE, readFixture, REAL_FILES, sourceEvents } from "../helpers/schedule-files";

function read(file: string, slug?: string) {
  const result = readSchedule(readFixture(file), { slug });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result;
}

async function apply(programme: ImportedProgramme, changes: ImportChange[], extra: { organisationId?: number | null; batchSize?: number; onProgress?: (p: ImportProgress) => void } = {}) {
  return applyImport(await getDb(), {
    programme,
    changes,
    actor: { type: "system" },
    organisationId: extra.organisationId ?? null,
    fileName: "test.json",
    batchSize: extra.batchSize,
    onProgress: extra.onProgress,
  });
}

async function tableCounts() {
  const db = await getDb();
  const one = async (table: typeof editions | typeof rooms | typeof sessions | typeof speakers | typeof themes | typeof formats | typeof sessionSpeakers | typeof auditLog) =>
    (await db.select({ n: count() }).from(table).get())!.n;
  return {
    editions: await one(editions),
    rooms: await one(rooms),
    sessions: await one(sessions),
    speakers: await one(speakers),
    themes: await one(themes),
    formats: await one(formats),
    people: await one(sessionSpeakers),
    audit: await one(auditLog),
  };
}

/** The imported edition's events, read back from the database in the source's terms. */
async function importedEvents(editionId: number) {
  const db = await getDb();
  const rows = await db
    .select({ id: sessions.id, titleFr: sessions.titleFr, titleEn: sessions.titleEn, room: rooms.name, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(eq(sessions.editionId, editionId))
    .all();
  const people = await db
    .select({ sessionId: sessionSpeakers.sessionId, name: speakers.publicName })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(eq(speakers.editionId, editionId))
    .orderBy(asc(sessionSpeakers.position))
    .all();
  return rows.map((row) => ({
    title: (row.titleFr ?? row.titleEn)!,
    room: row.room!,
    start: row.startsAt!,
    minutes: (row.endsAt! - row.startsAt!) / 60_000,
    people: people.filter((p) => p.sessionId === row.id).map((p) => p.name),
  }));
}

describe("applying each real file", { timeout: 120_000 }, () => {
  it.each(REAL_FILES)("$file: a new edition whose sessions are the file's events", async ({ file, events }) => {
    const read1 = read(file);
    const before = await tableCounts();
    const result = await apply(read1.programme, read1.changes);
    const after = await tableCounts();
    expect(result.counts).toEqual(read1.counts);
    expect(after.sessions - before.sessions).toBe(events);
    expect(after.speakers - before.speakers).toBe(read1.counts.speakers);
    expect(after.rooms - before.rooms).toBe(read1.counts.rooms);
    expect(after.editions - before.editions).toBe(1);
    expect((await importedEvents(result.editionId)).map(eventLine).sort()).toEqual(sourceEvents(file).map(eventLine).sort());
    // Every event guid that is a UUID is the session's UUID.
    const db = await getDb();
    const uuids = new Set((await db.select({ uuid: sessions.uuid }).from(sessions).where(eq(sessions.editionId, result.editionId)).all()).map((r) => r.uuid));
    for (const session of read1.programme.sessions) if (session.guid) expect(uuids.has(session.guid)).toBe(true);
  });
});

describe("the apply step", { timeout: 120_000 }, () => {
  it("democon: counts, days with opening hours, themes, formats, UUIDs kept; the audit entry; the engine's report", async () => {
    const { programme, changes } = read("voc-schedule__pretalx-democon.json", "democon-details");
    const progress: ImportProgress[] = [];
    const result = await apply(programme, changes, { batchSize: 10, onProgress: (p) => progress.push(p) });
    expect(result.slug).toBe("democon-details");
    expect(result.counts).toEqual({ days: 3, rooms: 2, themes: 2, formats: 2, speakers: 27, sessions: 36 });
    const db = await getDb();
    const edition = await db.select().from(editions).where(eq(editions.id, result.editionId)).get();
    expect(edition).toMatchObject({ title: "DemoCon", startDate: "2020-12-14", endDate: "2020-12-16", timeZone: "UTC", mainLanguage: "en" });
    const session = await db.select().from(sessions).where(and(eq(sessions.editionId, result.editionId), eq(sessions.titleEn, "Focused 5thgeneration hardware"))).get();
    expect(session).toMatchObject({ status: "scheduled", startsAt: Date.parse("2020-12-14T09:00:00+01:00"), language: "en" });
    // The source guid, unless an earlier import in this file's database already holds it (then a derived one, reported).
    const guid = "8079583e-8321-506c-95af-fd2903a5f075";
    if (session!.uuid !== guid) expect(result.changes).toContainEqual({ kind: "session.guidTaken", subject: "Focused 5thgeneration hardware", from: guid, to: session!.uuid });
    const hours = await db.select({ date: roomOpeningHours.date, opens: roomOpeningHours.opens, closes: roomOpeningHours.closes }).from(roomOpeningHours).innerJoin(rooms, eq(rooms.id, roomOpeningHours.roomId)).where(eq(rooms.editionId, result.editionId)).all();
    expect(hours).toHaveLength(2 * 3);
    expect(hours).toContainEqual({ date: "2020-12-14", opens: "03:00", closes: "02:59" });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.editionId, result.editionId), eq(auditLog.action, "import"))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "edition", entityUuid: edition!.uuid, actorType: "system" });
    expect(audit[0]!.after).toMatchObject({ slug: "democon-details", sessions: 36, speakers: 27, changes: result.changes.length });
    // Progress went up to the total, one step per batch, then the check.
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toMatchObject({ stage: "done" });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
    // Conflicts in the file are imported as they are; the engine reports them.
    expect(result.conflicts.total).toBeGreaterThan(0);
    expect(result.conflicts.total).toBe(Object.values(result.conflicts.byLevel).reduce((a, b) => a + b, 0));
  });

  it("democon publishes once its one real speaker overlap is acknowledged: imported formats list no roles, so no role rule", async () => {
    const { programme, changes } = read("voc-schedule__pretalx-democon.json", "democon-publish");
    const result = await apply(programme, changes);
    const db = await getDb();
    expect(result.conflicts.byRule.FORMAT_ROLES).toBeUndefined();
    const { conflicts } = await checkEdition(db, { editionId: result.editionId });
    const serious = conflicts.filter((c) => c.level === "error" || c.level === "block");
    expect(serious.map((c) => [c.rule, c.level, c.people.length])).toEqual([["SPEAKER_OVERLAP", "error", 1]]);
    const publish = () => publishProgramme(db, { editionId: result.editionId, slug: result.slug, actor: { type: "system" }, note: null, now: Date.parse("2026-01-01T00:00:00Z") });
    expect(await publish()).toMatchObject({ ok: false, blocking: [{ rule: "SPEAKER_OVERLAP", key: serious[0]!.key }] });
    await acknowledgeConflict(db, { editionId: result.editionId, key: serious[0]!.key, reason: "In the source file", actor: { type: "system" }, organiserId: null });
    expect(await publish()).toMatchObject({ ok: true, number: 1 });
  });

  it("a second import of the same file: new slug and derived UUIDs, each reported; the first edition untouched", async () => {
    const { programme, changes } = read("voc-schedule__pretalx-rc3.json", "rc3-twice");
    const first = await apply(programme, changes);
    const second = await apply(programme, changes);
    expect(first.slug).toBe("rc3-twice");
    expect(second.slug).toBe("rc3-twice-2");
    expect(second.changes).toContainEqual({ kind: "edition.slugTaken", subject: "rC3 Channels", from: first.slug, to: second.slug });
    const taken = second.changes.filter((c) => c.kind === "session.guidTaken");
    expect(taken).toHaveLength(48);
    const db = await getDb();
    const secondUuids = (await db.select({ uuid: sessions.uuid }).from(sessions).where(eq(sessions.editionId, second.editionId)).all()).map((r) => r.uuid);
    expect(secondUuids.sort()).toEqual(taken.map((c) => c.to).sort());
    // Derived UUIDs are stable: the same slug and source key give the same one.
    expect(new Set(secondUuids).size).toBe(48);
    expect((await db.select({ n: count() }).from(sessions).where(eq(sessions.editionId, first.editionId)).get())!.n).toBe(48);
  });

  it("persons merged by guid and by name become one speaker with all their sessions", async () => {
    const g = "33333333-3333-4333-8333-333333333333";
    const event = (id: number, persons: unknown[]) => ({ id, title: `Talk ${id}`, start: "10:00", duration: "00:30", persons });
    const text = JSON.stringify({
      schedule: { conference: { title: "Merge", acronym: "merge", time_zone_name: "Europe/Paris", days: [{ date: "2016-03-09", rooms: { A: [event(1, [{ guid: g, name: "Ada" }])], B: [event(2, [{ name: "Ada" }]), event(3, [{ guid: g, name: "Ada L." }])] } }] } },
    });
    const read1 = readSchedule(text);
    if (!read1.ok) throw new Error("refused");
    const result = await apply(read1.programme, read1.changes);
    const db = await getDb();
    const rows = await db.select({ uuid: speakers.uuid, name: speakers.publicName }).from(speakers).where(eq(speakers.editionId, result.editionId)).all();
    expect(rows).toEqual([{ uuid: g, name: "Ada" }]);
    expect((await db.select({ n: count() }).from(sessionSpeakers).innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId)).where(eq(speakers.uuid, g)).get())!.n).toBe(3);
    expect(result.changes.filter((c) => c.kind === "person.merged")).toHaveLength(2);
    // Room overlap (A and B are different rooms, so none) but the same speaker twice at 10:00: the engine says so.
    expect(result.conflicts.byRule.SPEAKER_OVERLAP).toBeGreaterThan(0);
  });

  it("the importer's organisation runs the new edition", async () => {
    const db = await getDb();
    const ouishare = (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "OuiShare")).get())!;
    const { programme, changes } = read("voc-schedule__frab-camp2019.json");
    const result = await apply(programme, changes, { organisationId: ouishare.id });
    expect(await db.select().from(editionOrganisations).where(eq(editionOrganisations.editionId, result.editionId)).all()).toEqual([
      { editionId: result.editionId, organisationId: ouishare.id },
    ]);
  });

  it("nothing is written when the file is refused, nor when a write fails half-way", async () => {
    const before = await tableCounts();
    const refused = readSchedule(readFixture(INVALID_FILE));
    expect(refused.ok).toBe(false);
    expect(await tableCounts()).toEqual(before);

    // A session pointing at a person that does not exist fails on its link row, after rooms, speakers and sessions were inserted.
    const { programme, changes } = read("voc-schedule__pretalx-democon.json");
    const broken: ImportedProgramme = { ...programme, edition: { ...programme.edition, slug: "broken" }, sessions: programme.sessions.map((s, i) => (i === 30 ? { ...s, people: [{ person: 10_000, role: "speaker" }] } : s)) };
    await expect(apply(broken, changes, { batchSize: 5 })).rejects.toThrow();
    expect(await tableCounts()).toEqual(before);
    expect(await (await getDb()).select().from(editions).where(eq(editions.slug, "broken")).get()).toBeUndefined();
  });

  it("statements grow with batches, not rows: 16 or 161 sessions in one batch each cost the same number of statements", async () => {
    const { programme, changes } = read("jgerstbe-fahrplan-ccc__36c3.json");
    const small: ImportedProgramme = { ...programme, sessions: programme.sessions.slice(0, 16) };
    queryCounter.count = 0;
    await apply(small, changes, { batchSize: 10_000 });
    const few = queryCounter.count;
    queryCounter.count = 0;
    await apply(programme, changes, { batchSize: 10_000 });
    const many = queryCounter.count;
    expect(many).toBe(few);
  });
});
