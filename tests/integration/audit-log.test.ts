import { describe, expect, it } from "vitest";
import { listAuditEntries, listAuditFacets, listEntityHistory } from "~/models/audit-log.server";
import { organiserActor, recordAudit } from "~/models/audit.server";
import { eq } from "drizzle-orm";
import { editions } from "~/db/schema";
import { createEdition, createOrganiser, createSpeaker } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const T0 = Date.UTC(2016, 2, 9, 9, 0);
const HOUR = 3_600_000;

async function setup() {
  const database = await db();
  const edition = await createEdition(database);
  const other = await createEdition(database);
  const alice = await createOrganiser(database, { name: "Alice Martin" });
  const bruno = await createOrganiser(database, { name: "Bruno Lefebvre" });
  const speaker = await createSpeaker(database, { editionId: edition.id, publicName: "Camille Dupont" });
  const otherSpeaker = await createSpeaker(database, { editionId: other.id, publicName: "Autre" });
  return { database, edition, other, alice, bruno, speaker, otherSpeaker };
}

describe("the audit log model", () => {
  it("filters an edition's entries by entity, author and date, newest first, never another edition's", async () => {
    const { database, edition, other, alice, bruno, speaker } = await setup();
    await recordAudit(database, { editionId: edition.id, actor: organiserActor(alice), entity: "speaker", entityUuid: speaker.uuid, action: "create", after: { publicName: "Camille" }, at: T0 });
    await recordAudit(database, { editionId: edition.id, actor: organiserActor(bruno), entity: "speaker", entityUuid: speaker.uuid, action: "update", before: { publicName: "Camille" }, after: { publicName: "Camille Dupont" }, at: T0 + HOUR });
    await recordAudit(database, { editionId: edition.id, actor: { type: "speaker", speakerId: speaker.id }, entity: "session_speaker", entityUuid: null, action: "confirm", after: { confirmation: "confirmed" }, at: T0 + 25 * HOUR });
    await recordAudit(database, { editionId: edition.id, actor: { type: "system" }, entity: "session", entityUuid: null, action: "update", at: T0 + 26 * HOUR });
    await recordAudit(database, { editionId: other.id, actor: organiserActor(alice), entity: "speaker", entityUuid: null, action: "create", at: T0 });

    const all = await listAuditEntries(database, { editionId: edition.id });
    expect(all.total).toBe(4);
    expect(all.entries.map((e) => e.action)).toEqual(["update", "confirm", "update", "create"]);
    expect(all.entries[2]).toMatchObject({ authorName: "Bruno Lefebvre", authorUuid: bruno.uuid, before: { publicName: "Camille" } });
    expect(all.entries[1]).toMatchObject({ actorType: "speaker", authorName: "Camille Dupont", authorUuid: speaker.uuid });
    expect(all.entries[0]).toMatchObject({ actorType: "system", authorName: null });

    const speakers = await listAuditEntries(database, { editionId: edition.id, filters: { entity: "speaker" } });
    expect(speakers.entries.map((e) => e.action)).toEqual(["update", "create"]);
    const byAlice = await listAuditEntries(database, { editionId: edition.id, filters: { author: alice.uuid } });
    expect(byAlice.entries.map((e) => e.action)).toEqual(["create"]);
    const bySpeaker = await listAuditEntries(database, { editionId: edition.id, filters: { author: speaker.uuid } });
    expect(bySpeaker.entries.map((e) => e.action)).toEqual(["confirm"]);
    const bySystem = await listAuditEntries(database, { editionId: edition.id, filters: { author: "system" } });
    expect(bySystem.total).toBe(1);
    const firstDay = await listAuditEntries(database, { editionId: edition.id, filters: { from: T0, to: T0 + HOUR } });
    expect(firstDay.entries.map((e) => e.action)).toEqual(["create"]);
    const later = await listAuditEntries(database, { editionId: edition.id, filters: { from: T0 + HOUR } });
    expect(later.total).toBe(3);

    const facets = await listAuditFacets(database, { editionId: edition.id });
    expect(facets.entities).toEqual(["session", "session_speaker", "speaker"]);
    expect(facets.authors).toEqual([
      { uuid: alice.uuid, name: "Alice Martin", kind: "organiser" },
      { uuid: bruno.uuid, name: "Bruno Lefebvre", kind: "organiser" },
      { uuid: speaker.uuid, name: "Camille Dupont", kind: "speaker" },
    ]);
    expect(facets.hasSystem).toBe(true);
  });

  it("pages through the log with the same three queries whatever its length", async () => {
    const { database, edition, other, alice } = await setup();
    const measure = async (editionId: number, page: number) => {
      const start = queryCounter.count;
      const result = await listAuditEntries(database, { editionId, page, pageSize: 20 });
      return { queries: queryCounter.count - start, result };
    };
    const few = await measure(other.id, 1);
    for (let i = 0; i < 45; i++) {
      await recordAudit(database, { editionId: edition.id, actor: organiserActor(alice), entity: "room", entityUuid: null, action: "update", after: { capacity: i }, at: T0 + i });
    }
    const many = await measure(edition.id, 3);
    expect(many.queries).toBe(few.queries);
    expect(many.queries).toBe(3);
    expect(many.result).toMatchObject({ total: 45, page: 3, pageCount: 3 });
    expect(many.result.entries.map((e) => e.after?.capacity)).toEqual([4, 3, 2, 1, 0]);
    const facetsStart = queryCounter.count;
    await listAuditFacets(database, { editionId: edition.id });
    expect(queryCounter.count - facetsStart).toBe(2);
  });

  it("gives one entity's history, only within the edition, without secrets", async () => {
    const { database, edition, other, alice, speaker, otherSpeaker } = await setup();
    await recordAudit(database, { editionId: edition.id, actor: organiserActor(alice), entity: "speaker", entityUuid: speaker.uuid, action: "create", after: { publicName: "Camille", tokenHash: "abc" }, at: T0 });
    await recordAudit(database, { editionId: edition.id, actor: organiserActor(alice), entity: "speaker", entityUuid: speaker.uuid, action: "update", before: { jobTitle: null }, after: { jobTitle: "Élue" }, at: T0 + 1 });
    await recordAudit(database, { editionId: other.id, actor: organiserActor(alice), entity: "speaker", entityUuid: otherSpeaker.uuid, action: "create", at: T0 });

    const start = queryCounter.count;
    const history = await listEntityHistory(database, { editionId: edition.id, entityUuid: speaker.uuid });
    expect(queryCounter.count - start).toBe(1);
    expect(history.map((e) => e.action)).toEqual(["update", "create"]);
    expect(history[1]!.after).toEqual({ publicName: "Camille" });
    // Another edition's entity is not reachable by changing the uuid.
    expect(await listEntityHistory(database, { editionId: edition.id, entityUuid: otherSpeaker.uuid })).toEqual([]);
  });
});

describe("the audit log page", () => {
  async function seedEdition() {
    const database = await db();
    return (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
  }

  it("shows who did what and when in the edition's zone, with a readable diff, to a viewer too", async () => {
    const database = await db();
    const edition = await seedEdition();
    const { cookie, organiser } = await signIn("viewer");
    const speaker = await createSpeaker(database, { editionId: edition.id, publicName: "Dominique <b>Audit</b>" });
    await recordAudit(database, {
      editionId: edition.id,
      actor: organiserActor(organiser),
      entity: "speaker",
      entityUuid: speaker.uuid,
      action: "update",
      before: { jobTitle: "Maire", consentPhotos: false },
      after: { jobTitle: "<script>alert(1)</script>", consentPhotos: true },
      at: Date.UTC(2016, 2, 9, 9, 30),
    });
    const response = await request(`/editions/${SEED_EDITION}/audit?entity=speaker&author=${organiser.uuid}`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(organiser.name);
    // 09:30 UTC is 10:30 in Paris in March.
    expect(html).toContain("10:30");
    expect(html).toContain("Fonction");
    expect(html).toContain("Maire");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain(`href="/editions/${SEED_EDITION}/speakers/${speaker.uuid}"`);
    expect(html).toContain("Dominique &lt;b&gt;Audit&lt;/b&gt;");
    expect(html).toMatch(/data-testid="audit-count">1 entrée/);
  });

  it("filters by date in the edition's zone and keeps the filters in the pager's links", async () => {
    const database = await db();
    const edition = await seedEdition();
    const { cookie, organiser } = await signIn("editor");
    // 23:30 UTC on 8 March is 00:30 on 9 March in Paris.
    for (let i = 0; i < 60; i++) {
      await recordAudit(database, { editionId: edition.id, actor: organiserActor(organiser), entity: "room", entityUuid: null, action: "update", after: { capacity: i }, at: Date.UTC(2016, 2, 8, 23, 30) + i });
    }
    await recordAudit(database, { editionId: edition.id, actor: organiserActor(organiser), entity: "room", entityUuid: null, action: "update", at: Date.UTC(2016, 2, 8, 22, 30) });
    const url = `/editions/${SEED_EDITION}/audit?entity=room&from=2016-03-09&to=2016-03-09`;
    const html = await (await request(url, { cookie })).text();
    expect(html).toMatch(/data-testid="audit-count">60 entrée\(s\) · page 1 sur 2/);
    expect(html.match(/data-testid="audit-entry"/g)).toHaveLength(50);
    expect(html).toContain(`href="/editions/${SEED_EDITION}/audit?entity=room&amp;from=2016-03-09&amp;to=2016-03-09&amp;page=2"`);
    const second = await (await request(`${url}&page=2`, { cookie })).text();
    expect(second.match(/data-testid="audit-entry"/g)).toHaveLength(10);
    const dayBefore = await (await request(`/editions/${SEED_EDITION}/audit?entity=room&to=2016-03-08`, { cookie })).text();
    expect(dayBefore).toMatch(/data-testid="audit-count">1 entrée/);
  });

  it("reports a bad filter on its field and still lists with the others", async () => {
    const { cookie } = await signIn("viewer");
    const response = await request(`/editions/${SEED_EDITION}/audit?from=2016-02-31&to=2016-03-10&author=nobody`, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Date invalide (AAAA-MM-JJ).");
    expect(html).toContain("Auteur·rice inconnu·e.");
    expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="[^"]+-error"/);
    const reversed = await (await request(`/editions/${SEED_EDITION}/audit?from=2016-03-10&to=2016-03-09`, { cookie })).text();
    expect(reversed).toContain("La date de fin précède la date de début.");
  });

  it("answers in a constant number of queries whatever the log's length", async () => {
    const database = await db();
    const edition = await seedEdition();
    const { cookie, organiser } = await signIn("editor");
    const measure = async () => {
      const start = queryCounter.count;
      const response = await request(`/editions/${SEED_EDITION}/audit?entity=speaker`, { cookie });
      expect(response.status).toBe(200);
      await response.text();
      return queryCounter.count - start;
    };
    await measure();
    const before = await measure();
    for (let i = 0; i < 150; i++) {
      const speaker = await createSpeaker(database, { editionId: edition.id });
      await recordAudit(database, { editionId: edition.id, actor: organiserActor(organiser), entity: "speaker", entityUuid: speaker.uuid, action: "create", after: { publicName: speaker.publicName } });
    }
    expect(await measure()).toBe(before);
  });
});
