// Bulk changes of the sessions list (issue 14 item 12) through the real request handler: status,
// theme and format of the ticked sessions in one transaction with one audit entry; sessions of
// another edition refused with nothing written; viewers refused; cancelling asks first; a block
// conflict refuses; a constant number of queries whatever the number of sessions; the selection
// exported as CSV. And the search (item 16): title, speakers' names and their organisations,
// folded; the speaker filter with its removable chip.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, sessions } from "~/db/schema";
import { createFormat, createOrganisation, createRoom, createSession, createSpeaker, createTheme } from "../../seed/factories";
import { db, ownEdition, queryCounter, request, signIn } from "../helpers/app";

type Edition = Awaited<ReturnType<typeof ownEdition>>;

function post(slug: string, cookie: string, pairs: [string, string][]) {
  return request(`/editions/${slug}/sessions?index`, { cookie, method: "POST", body: new URLSearchParams(pairs).toString() });
}

const ticked = (uuids: string[]) => uuids.map((uuid) => ["session", uuid] as [string, string]);

async function rowsOf(uuids: string[]) {
  return (await db()).select().from(sessions).where(inArray(sessions.uuid, uuids)).all();
}

async function bulkEntries(editionId: number) {
  return (await db())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.editionId, editionId), eq(auditLog.entity, "session"), isNull(auditLog.entityUuid)))
    .all();
}

async function editionWithSessions(n: number, values: Partial<Parameters<typeof createSession>[1]> = {}) {
  const edition = await ownEdition();
  const database = await db();
  const list = [];
  for (let i = 0; i < n; i++) list.push(await createSession(database, { editionId: edition.id, ...values }));
  return { edition, list, uuids: list.map((s) => s.uuid) };
}

const count = (html: string) => Number(/data-testid="sessions-count">(\d+)/.exec(html)?.[1]);

describe("bulk changes of the sessions list", () => {
  it("changes the theme of the ticked sessions only, in one audit entry, and says how many", async () => {
    const { cookie } = await signIn("editor");
    const { edition, uuids } = await editionWithSessions(4);
    const theme = await createTheme(await db(), { editionId: edition.id, nameFr: "Citoyens acteurs publics" });
    const response = await post(edition.slug, cookie, [["intent", "bulkTheme"], ["theme", theme.uuid], ...ticked(uuids.slice(0, 3))]);
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toBe(`/editions/${edition.slug}/sessions?done=bulk.sessionsChanged&count=3`);
    const rows = await rowsOf(uuids);
    expect(rows.filter((r) => r.themeId === theme.id).map((r) => r.uuid).sort()).toEqual(uuids.slice(0, 3).sort());
    expect(rows.filter((r) => r.themeId === theme.id).every((r) => r.version === 2)).toBe(true);
    const entries = await bulkEntries(edition.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ themeId: "Citoyens acteurs publics", uuids: expect.arrayContaining(uuids.slice(0, 3)) });
    const page = await (await request(location, { cookie })).text();
    expect(page).toContain("3 session(s) modifiée(s)");
  });

  it("changes the format, and takes the theme away with « none »", async () => {
    const { cookie } = await signIn("editor");
    const edition = await ownEdition();
    const database = await db();
    const theme = await createTheme(database, { editionId: edition.id });
    const format = await createFormat(database, { editionId: edition.id, nameFr: "Fishbowl" });
    const a = await createSession(database, { editionId: edition.id, themeId: theme.id });
    const b = await createSession(database, { editionId: edition.id, themeId: theme.id });
    expect((await post(edition.slug, cookie, [["intent", "bulkFormat"], ["format", format.uuid], ...ticked([a.uuid, b.uuid])])).status).toBe(302);
    expect((await post(edition.slug, cookie, [["intent", "bulkTheme"], ["theme", "none"], ...ticked([a.uuid, b.uuid])])).status).toBe(302);
    const rows = await rowsOf([a.uuid, b.uuid]);
    expect(rows.map((r) => [r.formatId, r.themeId])).toEqual([[format.id, null], [format.id, null]]);
    expect(await bulkEntries(edition.id)).toHaveLength(2);
  });

  it("changes the status; cancelling asks first and keeps the ticked rows", async () => {
    const { cookie } = await signIn("editor");
    const { edition, uuids } = await editionWithSessions(3, { status: "draft" });
    expect((await post(edition.slug, cookie, [["intent", "bulkStatus"], ["status", "accepted"], ...ticked(uuids)])).status).toBe(302);
    expect((await rowsOf(uuids)).map((r) => r.status)).toEqual(["accepted", "accepted", "accepted"]);

    const asked = await post(edition.slug, cookie, [["intent", "bulkStatus"], ["status", "cancelled"], ...ticked(uuids.slice(0, 2))]);
    expect(asked.status).toBe(400);
    const html = await asked.text();
    expect(html).toContain('data-testid="bulk-confirm"');
    for (const uuid of uuids.slice(0, 2)) expect(html).toMatch(new RegExp(`<input [^>]*name="session" [^>]*checked="" value="${uuid}"`));
    expect((await rowsOf(uuids)).map((r) => r.status)).toEqual(["accepted", "accepted", "accepted"]);

    const confirmed = await post(edition.slug, cookie, [["intent", "bulkStatus"], ["status", "cancelled"], ["confirm", "yes"], ...ticked(uuids.slice(0, 2))]);
    expect(confirmed.status).toBe(302);
    expect((await rowsOf(uuids)).filter((r) => r.status === "cancelled")).toHaveLength(2);
  });

  it("refuses « scheduled » for sessions without a place, and a change that raises a block conflict", async () => {
    const { cookie } = await signIn("editor");
    const edition = await ownEdition();
    const database = await db();
    const room = await createRoom(database, { editionId: edition.id });
    const at = Date.parse("2016-03-09T09:00:00Z");
    const unplaced = await createSession(database, { editionId: edition.id, status: "draft" });
    const refused = await post(edition.slug, cookie, [["intent", "bulkStatus"], ["status", "scheduled"], ...ticked([unplaced.uuid])]);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("demande une salle et un horaire");

    // Two sessions in one room at one time: one cancelled; bringing it back would double-book the room.
    await createSession(database, { editionId: edition.id, roomId: room.id, startsAt: at, endsAt: at + 3_600_000, status: "scheduled" });
    const cancelled = await createSession(database, { editionId: edition.id, roomId: room.id, startsAt: at, endsAt: at + 3_600_000, status: "cancelled" });
    const blocked = await post(edition.slug, cookie, [["intent", "bulkStatus"], ["status", "scheduled"], ...ticked([cancelled.uuid])]);
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toContain("Refusé");
    expect((await rowsOf([cancelled.uuid]))[0]!.status).toBe("cancelled");
    expect(await bulkEntries(edition.id)).toHaveLength(0);
  });

  it("refuses a selection holding a session of another edition (404), changing nothing", async () => {
    const { cookie } = await signIn("editor");
    const { edition, uuids } = await editionWithSessions(2);
    const other = await editionWithSessions(1);
    const theme = await createTheme(await db(), { editionId: edition.id });
    const response = await post(edition.slug, cookie, [["intent", "bulkTheme"], ["theme", theme.uuid], ...ticked([...uuids, other.uuids[0]!])]);
    expect(response.status).toBe(404);
    expect((await rowsOf([...uuids, other.uuids[0]!])).every((r) => r.themeId === null && r.version === 1)).toBe(true);
    // A theme of another edition is not one of this edition's either.
    const foreignTheme = await createTheme(await db(), { editionId: other.edition.id });
    const refused = await post(edition.slug, cookie, [["intent", "bulkTheme"], ["theme", foreignTheme.uuid], ...ticked(uuids)]);
    expect(refused.status).toBe(400);
    expect(await bulkEntries(edition.id)).toHaveLength(0);
  });

  it("refuses viewers (403) and an empty selection (400)", async () => {
    const viewer = await signIn("viewer");
    const editor = await signIn("editor");
    const { edition, uuids } = await editionWithSessions(2);
    const forbidden = await post(edition.slug, viewer.cookie, [["intent", "bulkStatus"], ["status", "accepted"], ...ticked(uuids)]);
    expect(forbidden.status).toBe(403);
    const empty = await post(edition.slug, editor.cookie, [["intent", "bulkStatus"], ["status", "accepted"]]);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Cochez au moins une ligne");
  });

  it("takes as many queries for 40 sessions as for 3", async () => {
    const { cookie } = await signIn("editor");
    const measure = async (n: number) => {
      const { edition, uuids } = await editionWithSessions(n, { status: "draft" });
      const theme = await createTheme(await db(), { editionId: edition.id });
      const before = queryCounter.count;
      const response = await post(edition.slug, cookie, [["intent", "bulkTheme"], ["theme", theme.uuid], ...ticked(uuids)]);
      expect(response.status).toBe(302);
      return queryCounter.count - before;
    };
    expect(await measure(40)).toBe(await measure(3));
  });

  it("exports only the ticked sessions, with the export's separator", async () => {
    const { cookie } = await signIn("viewer");
    const { edition, list } = await editionWithSessions(3);
    const response = await request(`/editions/${edition.slug}/sessions.csv?separator=comma&session=${list[0]!.uuid}&session=${list[2]!.uuid}`, { cookie });
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
    expect(csv).toContain(list[0]!.uuid);
    expect(csv).toContain(list[2]!.uuid);
    expect(csv).not.toContain(list[1]!.uuid);
    expect(csv.split(/\r?\n/)[0]).toContain(",");
    expect((await request(`/editions/${edition.slug}/sessions.csv?session=not-a-uuid`, { cookie })).status).toBe(400);
  });
});

describe("searching and filtering the sessions list", () => {
  async function programme(edition: Edition) {
    const database = await db();
    const uber = await createOrganisation(database, { name: `Über Téchnologies ${edition.id}` });
    const mel = await createOrganisation(database, { name: `Métropole ${edition.id}` });
    const thibaud = await createSpeaker(database, { editionId: edition.id, publicName: "Thibaud Hélène", organisationId: uber.id });
    const damien = await createSpeaker(database, { editionId: edition.id, publicName: "Damien Castelain", organisationId: mel.id });
    const a = await createSession(database, { editionId: edition.id, titleFr: "Plateformes et travail", people: [{ speakerId: thibaud.id }] });
    const b = await createSession(database, { editionId: edition.id, titleFr: "La ville ouverte", people: [{ speakerId: damien.id }] });
    const c = await createSession(database, { editionId: edition.id, titleFr: "Débat final", people: [{ speakerId: thibaud.id }, { speakerId: damien.id }] });
    return { thibaud, damien, a, b, c };
  }

  it("finds sessions by title, by a speaker's name and by their organisation, folded", async () => {
    const { cookie } = await signIn("viewer");
    const edition = await ownEdition();
    await programme(edition);
    const found = async (q: string) => count(await (await request(`/editions/${edition.slug}/sessions?q=${encodeURIComponent(q)}`, { cookie })).text());
    expect(await found("plateformes")).toBe(1);
    expect(await found("HELENE")).toBe(2);
    expect(await found("uber technologies")).toBe(2);
    expect(await found("metropole")).toBe(2);
    expect(await found("metropole debat")).toBe(1);
    expect(await found("uber ville")).toBe(0);
  });

  it("filters on one speaker with a chip that removes the filter", async () => {
    const { cookie } = await signIn("viewer");
    const edition = await ownEdition();
    const { damien, b, c, a } = await programme(edition);
    const html = await (await request(`/editions/${edition.slug}/sessions?speaker=${damien.uuid}&status=accepted`, { cookie })).text();
    expect(count(html)).toBe(2);
    expect(html).toContain(b.uuid);
    expect(html).toContain(c.uuid);
    expect(html).not.toContain(a.uuid);
    expect(html).toContain("Intervenant·e\u00a0: Damien Castelain");
    expect(html).toContain(`aria-label="Retirer le filtre «\u00a0Damien Castelain\u00a0»" data-discover="true" href="/editions/${edition.slug}/sessions?status=accepted"`);
    // A speaker of another edition matches nothing here.
    const other = await ownEdition();
    const stranger = await createSpeaker(await db(), { editionId: other.id });
    expect(count(await (await request(`/editions/${edition.slug}/sessions?speaker=${stranger.uuid}`, { cookie })).text())).toBe(0);
  });
});
