// Retention and erasure, down to the bytes: after the purge of the seed edition 13 months after
// it ended, and after a speaker's deletion, their email, phone and accessibility needs are
// nowhere in the database file (audit log and outbox included), while the public archive stays.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "~/db/client.server";
import { appMeta, auditLog, editionOrganisations, editions, organisations, programmeVersions, speakers } from "~/db/schema";
import { purgeEdition, purgeDueEditions, editionRetention } from "~/services/retention.server";
import { addMonths, startOfLocalDay } from "~/domain/time";
import { createEdition, createSpeaker } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { publishProgramme } from "~/services/publishing.server";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { checkpoint, expectNowhere, givePrivateData } from "../helpers/database-bytes";

describe("retention", () => {
  it("purges the seed 13 months after it ended: private values gone from the file, the public archive kept, counts audited", async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const [ada, kept] = await database.select().from(speakers).where(eq(speakers.editionId, edition.id)).orderBy(speakers.id).limit(2).all();
    const marks = { email: "Ada.Retention@Private.example", phone: "+33 6 98 76 54 32", needs: "Boucle magnétique SENSITIVE-ADA" };
    await givePrivateData(ada!, marks);
    // Someone who comes back in a later edition keeps what that later edition needs.
    await database.update(speakers).set({ email: "back.again@private.example" }).where(eq(speakers.id, kept!.id));
    const later = await createEdition(database, { startDate: "2017-03-08", endDate: "2017-03-10" });
    await createSpeaker(database, { editionId: later.id, publicName: kept!.publicName, email: "Back.Again@private.example" });
    await acknowledgeBlockingConflicts(database, edition.id);
    await publishProgramme(database, { editionId: edition.id, slug: edition.slug, actor: { type: "system" }, note: null, now: Date.UTC(2016, 2, 1) });
    const publishedBefore = await database.select({ snapshot: programmeVersions.snapshot }).from(programmeVersions).where(eq(programmeVersions.editionId, edition.id)).all();

    // The sample organisations keep data 20 years (seed/index.ts): give them the default 12 months.
    const runBy = await database.select({ id: editionOrganisations.organisationId }).from(editionOrganisations).where(eq(editionOrganisations.editionId, edition.id)).all();
    await database.update(organisations).set({ retentionMonths: 12 }).where(inArray(organisations.id, runBy.map((row) => row.id)));
    const now = startOfLocalDay(addMonths(edition.endDate, 13), edition.timeZone);
    const before = await editionRetention(database, { editionId: edition.id, now });
    expect(before).toMatchObject({ retentionMonths: 12, due: true, purgedAt: null });
    expect(before.pending.speakers).toBeGreaterThan(1);
    expect(before.pending.invitations).toBe(1);
    expect(before.pending.emails).toBe(1);
    // Not due a month earlier.
    expect((await editionRetention(database, { editionId: edition.id, now: startOfLocalDay(addMonths(edition.endDate, 11), edition.timeZone) })).due).toBe(false);

    // The dashboard says what goes and since when (today is long past the seed's period).
    const { cookie } = await signIn("viewer");
    const dashboard = await (await request(`/editions/${edition.slug}`, { cookie })).text();
    expect(dashboard).toContain("Délai de conservation (12 mois) écoulé depuis le");
    expect(dashboard).toContain(`de ${before.pending.speakers} intervenant·e(s)`);

    const dry = await purgeDueEditions(database, { now, dryRun: true });
    expect(dry.map((d) => d.slug)).toEqual([SEED_EDITION]);
    expect((await database.select().from(speakers).where(eq(speakers.id, ada!.id)).get())!.email).toBe(marks.email);

    const done = await purgeDueEditions(database, { now });
    const purged = done[0]!.purged;
    expect(purged).toMatchObject({ speakers: before.pending.speakers, invitations: 1, emails: 1 });
    expect(purged.auditEntries).toBeGreaterThanOrEqual(2);
    console.info(`Purge of ${SEED_EDITION} at ${new Date(now).toISOString()}: ${JSON.stringify(purged)}`);

    await checkpoint();
    expectNowhere([marks.email, marks.phone, marks.needs, "PRIVATE-NOTE-1"]);
    const row = (await database.select().from(speakers).where(eq(speakers.id, ada!.id)).get())!;
    expect(row).toMatchObject({ publicName: ada!.publicName, organisationId: ada!.organisationId, email: null, phone: null, accessibilityNeeds: null, internalNotes: null });
    expect((await database.select().from(speakers).where(eq(speakers.id, kept!.id)).get())!.email).toBe("back.again@private.example");
    // Published history untouched.
    expect(await database.select({ snapshot: programmeVersions.snapshot }).from(programmeVersions).where(eq(programmeVersions.editionId, edition.id)).all()).toEqual(publishedBefore);
    const entry = (await database.select().from(auditLog).where(and(eq(auditLog.editionId, edition.id), eq(auditLog.action, "purge"))).get())!;
    expect(entry.after).toEqual({ ...purged });
    expect((await database.select().from(editions).where(eq(editions.id, edition.id)).get())!.personalDataPurgedAt).toBe(now);
    expect(await (await request(`/editions/${edition.slug}`, { cookie })).text()).toContain("Données personnelles purgées le");
    // Run again: nothing left, nothing audited twice.
    expect(await purgeEdition(database, { editionId: edition.id, now, actor: { type: "system" } })).toEqual({ speakers: 0, availabilityWindows: 0, invitations: 0, emails: 0, auditEntries: 0 });
    expect(await database.select().from(auditLog).where(and(eq(auditLog.editionId, edition.id), eq(auditLog.action, "purge"))).all()).toHaveLength(1);
  });

  it("leaves nothing of a deleted speaker in the database file", async () => {
    const { cookie } = await signIn("editor");
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const speaker = await createSpeaker(database, { editionId: edition.id, publicName: "Bérénice Gone" });
    const marks = { email: "berenice.gone@private.example", phone: "+33 7 01 02 03 04", needs: "Interprète LSF SENSITIVE-BERENICE" };
    await givePrivateData(speaker, marks);
    const response = await request(`/editions/${edition.slug}/speakers/${speaker.uuid}`, { cookie, form: { intent: "delete", version: "1", confirm: "yes" } });
    expect(response.status).toBe(302);
    await checkpoint();
    expectNowhere([marks.email, marks.phone, marks.needs]);
    const entry = (await database.select().from(auditLog).where(and(eq(auditLog.entityUuid, speaker.uuid), eq(auditLog.action, "delete"))).get())!;
    expect(entry.before).toMatchObject({ publicName: "Bérénice Gone", email: { withheld: "before" } });
  });
});

describe("sensitive data", () => {
  it("shows accessibility needs to editors, not to viewers", async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const speaker = await createSpeaker(database, { editionId: edition.id, publicName: "Chloé Sensible", accessibilityNeeds: "Rampe SENSITIVE-CHLOE" });
    const path = `/editions/${edition.slug}/speakers/${speaker.uuid}`;
    const viewer = await signIn("viewer");
    const seen = await (await request(path, { cookie: viewer.cookie })).text();
    expect(seen).toContain("Chloé Sensible");
    expect(seen).not.toContain("SENSITIVE-CHLOE");
    const editor = await signIn("editor");
    expect(await (await request(path, { cookie: editor.cookie })).text()).toContain("SENSITIVE-CHLOE");
  });
});

describe("the audit log written before the data map", () => {
  it("loses its sensitive values, and a deleted speaker's every private value, once at start-up", async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const [kept, gone] = await database
      .insert(auditLog)
      .values([
        { editionId: edition.id, at: 1, actorType: "system", entity: "speaker", entityUuid: "kept-uuid", action: "update", before: { email: "old@private.example", accessibilityNeeds: null }, after: { email: "new@private.example", accessibilityNeeds: "LEGACY-SENSITIVE" } },
        { editionId: edition.id, at: 2, actorType: "system", entity: "speaker", entityUuid: "gone-uuid", action: "delete", before: { publicName: "Gone", phone: "LEGACY-PHONE" }, after: null },
      ])
      .returning({ id: auditLog.id });
    await database.delete(appMeta).where(eq(appMeta.key, "audit_personal_data_withheld_at"));
    await migrateDatabase(database);
    const rows = await database.select().from(auditLog).where(inArray(auditLog.id, [kept!.id, gone!.id])).orderBy(auditLog.id).all();
    expect(rows[0]!.before).toEqual({ email: "old@private.example", accessibilityNeeds: null });
    expect(rows[0]!.after).toEqual({ email: "new@private.example", accessibilityNeeds: { withheld: "after" } });
    expect(rows[1]!.before).toEqual({ publicName: "Gone", phone: { withheld: "before" } });
    await checkpoint();
    expectNowhere(["LEGACY-SENSITIVE", "LEGACY-PHONE"]);
    // Once: a later start leaves the log as it is.
    expect(await database.select().from(appMeta).where(eq(appMeta.key, "audit_personal_data_withheld_at")).get()).toBeDefined();
  });
});
