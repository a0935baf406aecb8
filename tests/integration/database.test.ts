import { count, eq, getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { BUSY_TIMEOUT_MS, migrateDatabase } from "~/db/client.server";
import * as schema from "~/db/schema";
import { getDashboardFigures } from "~/models/editions.server";
import { seedDatabase } from "../../seed";
import { ALL_SESSIONS, EDITION, NAMED_SPEAKERS, ROOMS, SAMPLE_SPEAKERS } from "../../seed/grand-barouf-2016";
import { createEdition, createSession } from "../../seed/factories";
import { db, queryCounter } from "../helpers/app";

describe("the database connection", () => {
  it("uses WAL, enforces foreign keys and waits on locks, in transactions too", async () => {
    const database = await db();
    const client = database.$client;
    expect((await client.execute("PRAGMA journal_mode")).rows[0]![0]).toBe("wal");
    expect((await client.execute("PRAGMA foreign_keys")).rows[0]![0]).toBe(1);
    expect((await client.execute("PRAGMA busy_timeout")).rows[0]![0]).toBe(BUSY_TIMEOUT_MS);
    const tx = await client.transaction("write");
    try {
      expect((await tx.execute("PRAGMA foreign_keys")).rows[0]![0]).toBe(1);
      expect((await tx.execute("PRAGMA busy_timeout")).rows[0]![0]).toBe(BUSY_TIMEOUT_MS);
    } finally {
      await tx.rollback();
    }
  });

  it("refuses a row that points at nothing", async () => {
    const database = await db();
    await expect(createSession(database, { editionId: 999_999 })).rejects.toThrow();
  });

  it("rolls a failed transaction back whole", async () => {
    const database = await db();
    const before = await database.select({ n: count() }).from(schema.editions).get();
    await expect(
      database.transaction(async (tx) => {
        await createEdition(tx, { slug: "half-written" });
        await createSession(tx, { editionId: 999_999 });
      }),
    ).rejects.toThrow();
    const after = await database.select({ n: count() }).from(schema.editions).get();
    expect(after).toEqual(before);
    expect(await database.select().from(schema.editions).where(eq(schema.editions.slug, "half-written")).get()).toBeUndefined();
  });

  it("applies migrations idempotently", async () => {
    const database = await db();
    await migrateDatabase(database);
    await migrateDatabase(database);
    const tables = await database.$client.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'");
    // Every table of the drizzle schema, and no other.
    const declared = Object.values(schema)
      .filter((value) => is(value, SQLiteTable))
      .map((table) => getTableName(table as SQLiteTable))
      .sort();
    expect(tables.rows.map((row) => String(row.name)).sort()).toEqual(declared);
    // The programme stamp's triggers (drizzle/0001_programme_stamps.sql): drizzle-kit knows
    // nothing of them, and a migration that rebuilds a table drops its triggers with it.
    const triggers = await database.$client.execute("select name from sqlite_master where type = 'trigger' and name like '%_stamp_%'");
    expect(triggers.rows.length).toBe(36);
  });

  it("gives every editable row a stable UUID and a version", async () => {
    const database = await db();
    const edition = await createEdition(database);
    expect(edition.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(edition.version).toBe(1);
  });
});

describe("the 2016 seed", () => {
  it("holds the edition as the article describes it", async () => {
    const database = await db();
    const edition = await database.select().from(schema.editions).where(eq(schema.editions.slug, EDITION.slug)).get();
    expect(edition).toMatchObject({ startDate: "2016-03-09", endDate: "2016-03-10", timeZone: "Europe/Paris", venue: "CCI Grand-Lille, Lille" });
    const themes = await database.select({ nameFr: schema.themes.nameFr }).from(schema.themes).where(eq(schema.themes.editionId, edition!.id)).orderBy(schema.themes.position).all();
    expect(themes.map((t) => t.nameFr)).toEqual([
      "Nouvelles solidarités 2.0",
      "Modèles économiques résilients",
      "Travailleurs émancipés",
      "Citoyens acteurs publics",
    ]);
    const formats = await database.select({ slug: schema.formats.slug }).from(schema.formats).where(eq(schema.formats.editionId, edition!.id)).orderBy(schema.formats.position).all();
    expect(formats.map((f) => f.slug)).toEqual(["keynote", "conference-spectacle", "fishbowl", "atelier", "table-ronde", "exposition", "pause"]);
    const people = await database.select({ name: schema.speakers.publicName }).from(schema.speakers).where(eq(schema.speakers.editionId, edition!.id)).all();
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(["Grégoire Kopp", "Damien Castelain", "Jennifer Leblond", "Claire Levrat"]));
  });

  it("has figures that match its source data", async () => {
    const database = await db();
    const edition = await database.select().from(schema.editions).where(eq(schema.editions.slug, EDITION.slug)).get();
    const figures = await getDashboardFigures(database, { editionId: edition!.id });
    const placed = ALL_SESSIONS.filter((s) => s.at && s.status !== "cancelled").length;
    expect(figures).toEqual({
      speakers: NAMED_SPEAKERS.length + SAMPLE_SPEAKERS.length,
      rooms: ROOMS.length,
      sessions: ALL_SESSIONS.length,
      byStatus: {
        draft: ALL_SESSIONS.filter((s) => s.status === "draft").length,
        accepted: ALL_SESSIONS.filter((s) => s.status === "accepted").length,
        scheduled: placed,
        cancelled: ALL_SESSIONS.filter((s) => s.status === "cancelled").length,
      },
      scheduled: placed,
      unscheduled: ALL_SESSIONS.filter((s) => !s.at && s.status !== "cancelled").length,
      hasSampleData: true,
    });
    expect(figures.sessions).toBeGreaterThanOrEqual(55);
    expect(figures.unscheduled).toBeGreaterThan(0);
  });

  it("creates nothing new when seeded twice", async () => {
    const database = await db();
    const counts = async () =>
      Promise.all(
        [schema.organisations, schema.editions, schema.rooms, schema.themes, schema.formats, schema.speakers, schema.sessions, schema.sessionSpeakers].map(
          async (table) => (await database.select({ n: count() }).from(table).get())!.n,
        ),
      );
    const before = await counts();
    const result = await seedDatabase(database);
    expect(result.created).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("computes the dashboard in a constant number of queries", async () => {
    const database = await db();
    const small = await createEdition(database);
    const large = await createEdition(database);
    for (let i = 0; i < 40; i++) await createSession(database, { editionId: large.id });
    const measure = async (editionId: number) => {
      const start = queryCounter.count;
      await getDashboardFigures(database, { editionId });
      return queryCounter.count - start;
    };
    expect(await measure(large.id)).toBe(await measure(small.id));
    expect(await measure(large.id)).toBe(3);
  });
});
