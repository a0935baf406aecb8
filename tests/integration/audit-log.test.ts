import { describe, expect, it } from "vitest";
import { queryCounter } from "~/db/client.server";
import { listAuditEntries, listAuditFacets, listEntityHistory } from "~/models/audit-log.server";
import { organiserActor, recordAudit } from "~/models/audit.server";
import { createEdition, createOrganiser, createSpeaker } from "../factories";
import { db } from "../helpers/app";

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

  it("pages through the log with the same two queries whatever its length", async () => {
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
    expect(many.queries).toBe(2);
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
