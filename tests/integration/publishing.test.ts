// Publishing: refused while blocking conflicts remain, numbered versions with changelogs, stable
// ids, public exports with ETags, 304s, CORS, encodings; organiser pages and the public page.
import { and, eq } from "drizzle-orm";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { editions, programmeVersions, rooms, sessions, sessionSpeakers } from "~/db/schema";
import { db, queryCounter, request, SEED_EDITION, serverBundle, signIn } from "../helpers/app";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { assertBaroufJson, assertScheduleJson, assertScheduleXml, parseIcal } from "../helpers/validators";

const VERSIONS = `/editions/${SEED_EDITION}/versions`;
const PUBLIC = `/programme/${SEED_EDITION}`;

async function seedEdition() {
  const database = await db();
  return (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
}

async function body(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const encoding = response.headers.get("Content-Encoding");
  if (encoding === "br") return brotliDecompressSync(bytes).toString("utf8");
  if (encoding === "gzip") return gunzipSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

describe("publishing", () => {
  it("is refused while unacknowledged error or block conflicts remain, listing them, and writes nothing", async () => {
    const { cookie } = await signIn("editor");
    const page = await request(VERSIONS, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="blocking-conflicts"');
    const response = await request(VERSIONS, { cookie, form: { intent: "publish", note: "first try" } });
    expect(response.status).toBe(409);
    const text = await response.text();
    expect(text).toContain("Jennifer Leblond");
    expect(text).toContain("Salle du Beffroi");
    const edition = await seedEdition();
    expect(await (await db()).select().from(programmeVersions).where(eq(programmeVersions.editionId, edition.id)).all()).toHaveLength(0);
    expect((await request(`${PUBLIC}/programme.json`)).status).toBe(404);
  });

  it("publishes twice with a change: two versions, the right changelog, stable ids, new ETag, old ETag → 200, current → 304", async () => {
    const database = await db();
    const edition = await seedEdition();
    expect(await acknowledgeBlockingConflicts(database, edition.id)).toBe(2);
    const { cookie, organiser } = await signIn("editor");

    const first = await request(VERSIONS, { cookie, form: { intent: "publish", note: "Première version" } });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`${VERSIONS}/1?published=1`);

    const v1Response = await request(`${PUBLIC}/programme.json`, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(v1Response.status).toBe(200);
    expect(v1Response.headers.get("Content-Encoding")).toBe("br");
    expect(v1Response.headers.get("Vary")).toBe("Accept-Encoding");
    expect(v1Response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(v1Response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(v1Response.headers.get("Cache-Control")).toMatch(/stale-while-revalidate=\d+/);
    expect(v1Response.headers.get("Cache-Control")).toMatch(/stale-if-error=\d+/);
    const etag1 = v1Response.headers.get("ETag")!;
    expect(etag1).toMatch(/^"[A-Za-z0-9_-]+-br"$/);
    const v1 = assertBaroufJson(await body(v1Response));
    expect(v1.version).toMatchObject({ number: 1, previous: null });

    // The change: move one session, rename another, remove a person from a third, cancel a fourth.
    const all = await database.select().from(sessions).where(and(eq(sessions.editionId, edition.id), eq(sessions.status, "scheduled"))).all();
    const inV1 = new Set(v1.sessions.map((s: { id: string }) => s.id));
    const published = all.filter((s) => inV1.has(s.uuid));
    const [moved, renamed, peopleChanged, cancelled] = published;
    const otherRoom = (await database.select().from(rooms).where(eq(rooms.editionId, edition.id)).all()).find((r) => r.id !== moved!.roomId)!;
    await database
      .update(sessions)
      .set({ roomId: otherRoom.id, startsAt: moved!.startsAt! + 86_400_000 * 0 + 0, endsAt: moved!.endsAt! })
      .where(eq(sessions.id, moved!.id));
    await database.update(sessions).set({ titleFr: "Nouveau titre </script>" }).where(eq(sessions.id, renamed!.id));
    const removedPerson = (await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, peopleChanged!.id)).all())[0]!;
    await database.delete(sessionSpeakers).where(eq(sessionSpeakers.id, removedPerson.id));
    await database.update(sessions).set({ status: "cancelled" }).where(eq(sessions.id, cancelled!.id));
    // Edits may lapse acknowledgements or add conflicts: acknowledge what blocks again.
    await acknowledgeBlockingConflicts(database, edition.id);

    // Before the second publish the versions page shows what would change.
    const pending = await (await request(VERSIONS, { cookie })).text();
    expect(pending).toContain('data-testid="changes-moved"');

    const beforePublish = queryCounter.count;
    const second = await request(VERSIONS, { cookie, form: { intent: "publish", note: "Deuxième" } });
    expect(second.status).toBe(302);
    const publishQueries = queryCounter.count - beforePublish;

    const versions = await database.select().from(programmeVersions).where(eq(programmeVersions.editionId, edition.id)).all();
    expect(versions.map((v) => [v.number, v.note, v.publishedBy])).toEqual([
      [1, "Première version", organiser.id],
      [2, "Deuxième", organiser.id],
    ]);

    const changesResponse = await request(`${PUBLIC}/changes.json`);
    expect(changesResponse.status).toBe(200);
    const changes = assertBaroufJson(await body(changesResponse), "changes");
    expect(changes).toMatchObject({ from: 1, to: 2, added: [] });
    expect(changes.moved.map((m: { session: { id: string } }) => m.session.id)).toEqual([moved!.uuid]);
    expect(changes.moved[0].to.room.name).toBe(otherRoom.name);
    expect(changes.renamed).toEqual([expect.objectContaining({ to: expect.objectContaining({ fr: "Nouveau titre </script>" }) })]);
    expect(changes.peopleChanged).toHaveLength(1);
    expect(changes.peopleChanged[0].session.id).toBe(peopleChanged!.uuid);
    expect(changes.peopleChanged[0].removed).toHaveLength(1);
    expect(changes.cancelled.map((s: { id: string }) => s.id)).toEqual([cancelled!.uuid]);

    // Stable ids: every session in both versions keeps its UUID and integer id.
    const v2 = assertBaroufJson(await body(await request(`${PUBLIC}/programme.json`)));
    expect(v2.version).toMatchObject({ number: 2, previous: 1 });
    const v1Ids = new Map(v1.sessions.map((s: { id: string; numericId: number }) => [s.id, s.numericId]));
    for (const s of v2.sessions) expect(v1Ids.get(s.id)).toBe(s.numericId);
    const movedV2 = v2.sessions.find((s: { id: string }) => s.id === moved!.uuid);
    expect(movedV2.sequence).toBe(1);

    // New ETag; the old one gets 200 with the new one; the current one gets 304 with no body.
    const latest = await request(`${PUBLIC}/programme.json`, { headers: { "Accept-Encoding": "gzip, br", "If-None-Match": etag1 } });
    expect(latest.status).toBe(200);
    const etag2 = latest.headers.get("ETag")!;
    expect(etag2).not.toBe(etag1);
    const notModified = await request(`${PUBLIC}/programme.json`, { headers: { "Accept-Encoding": "gzip, br", "If-None-Match": etag2 } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("ETag")).toBe(etag2);
    // Version 1 keeps its bytes and its ETag for ever.
    const old = await request(`${PUBLIC}/v/1/programme.json`, { headers: { "Accept-Encoding": "gzip, br", "If-None-Match": etag1 } });
    expect(old.status).toBe(304);
    expect((await request(`${PUBLIC}/v/1/programme.json`)).headers.get("Cache-Control")).toContain("immutable");

    // The publish action's query count does not depend on the programme's size (checked on F1 below).
    expect(publishQueries).toBeLessThan(40);

    // Organiser pages: list with changelogs, one version, compare.
    const list = await (await request(VERSIONS, { cookie })).text();
    expect(list).toContain('data-testid="version-2"');
    expect(list).toContain("Deuxième");
    const detail = await request(`${VERSIONS}/2`, { cookie });
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain(`/programme/${SEED_EDITION}/v/2/schedule.xml`);
    const compare = await request(`${VERSIONS}/compare?from=1&to=2`, { cookie });
    expect(compare.status).toBe(200);
    expect(await compare.text()).toContain('data-testid="changes-cancelled"');
    expect((await request(`${VERSIONS}/compare?from=1&to=9`, { cookie })).status).toBe(404);
    expect((await request(`${VERSIONS}/9`, { cookie })).status).toBe(404);
  });

  it("serves every format of the seed, valid, with the right content types", async () => {
    const database = await db();
    const edition = await seedEdition();
    await acknowledgeBlockingConflicts(database, edition.id);
    const { cookie } = await signIn("editor");
    expect((await request(VERSIONS, { cookie, form: { intent: "publish", note: "" } })).status).toBe(302);

    const types: Record<string, string> = {
      "programme.json": "application/json; charset=utf-8",
      "schedule.json": "application/json; charset=utf-8",
      "schedule.xml": "application/xml; charset=utf-8",
      "programme.ics": "text/calendar; charset=utf-8",
      "programme.csv": "text/csv; charset=utf-8; header=present",
    };
    const texts: Record<string, string> = {};
    for (const [file, type] of Object.entries(types)) {
      // The latest version, and version 1 (published by the test above, or by this one).
      for (const prefix of [`${PUBLIC}/v/1`, PUBLIC]) {
        const response = await request(`${prefix}/${file}`, { headers: { "Accept-Encoding": "gzip" } });
        expect(response.status, `${prefix}/${file}`).toBe(200);
        expect(response.headers.get("Content-Type")).toBe(type);
        expect(response.headers.get("Content-Encoding")).toBe("gzip");
        expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
        texts[file] = await body(response);
      }
    }
    const barouf = assertBaroufJson(texts["programme.json"]!);
    expect(barouf.$schema).toBe("http://barouf.test/schemas/barouf-programme-1.json");
    expect(barouf.sessions.length).toBeGreaterThan(40);
    assertScheduleJson(texts["schedule.json"]!);
    await assertScheduleXml(texts["schedule.xml"]!);
    const { events } = parseIcal(texts["programme.ics"]!);
    expect(events).toHaveLength(barouf.sessions.length);
    expect(texts["programme.csv"]!.split("\r\n").length).toBe(barouf.sessions.length + 2);

    // The schema itself is public and is the one the documents point at.
    const schema = await request("/schemas/barouf-programme-1.json");
    expect(schema.status).toBe(200);
    expect(schema.headers.get("Content-Type")).toContain("application/schema+json");
    expect(JSON.parse(await body(schema)).$id).toBe(barouf.$schema);

    // Per speaker and per session calendars.
    const speaker = barouf.speakers[0];
    const mine = parseIcal(await body(await request(`${PUBLIC}/speakers/${speaker.id}.ics`)));
    expect(mine.events.length).toBe(barouf.sessions.filter((s: { people: { speakerId: string }[] }) => s.people.some((p) => p.speakerId === speaker.id)).length);
    const one = parseIcal(await body(await request(`${PUBLIC}/sessions/${barouf.sessions[0].id}.ics`)));
    expect(one.events.map((e) => e.uid)).toEqual([`${barouf.sessions[0].id}@barouf`]);
    expect((await request(`${PUBLIC}/sessions/00000000-0000-4000-8000-000000000000.ics`)).status).toBe(404);
    expect((await request(`${PUBLIC}/nothing.txt`)).status).toBe(404);
    expect((await request(`/programme/no-such-edition/programme.json`)).status).toBe(404);

    // Organiser pages never carry the CORS header.
    expect((await request(VERSIONS, { cookie })).headers.get("Access-Control-Allow-Origin")).toBeNull();

    // The public page of the version, with filters (GET form, works without JavaScript).
    const page = await request(`${PUBLIC}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`id="session-${barouf.sessions[0].id}"`);
    const room = barouf.rooms[0];
    const filtered = await (await request(`${PUBLIC}/?room=${room.id}`)).text();
    const count = barouf.sessions.filter((s: { roomId: string }) => s.roomId === room.id).length;
    expect(filtered).toMatch(new RegExp(`data-testid="public-count"[^>]*>${count} `));
    expect((await request(`${PUBLIC}/v/1`)).status).toBe(200);
    expect((await request(`${PUBLIC}/v/${barouf.version.number + 1}`)).status).toBe(404);
    expect((await request(`${PUBLIC}/v/${barouf.version.number + 1}/programme.json`)).status).toBe(404);
  });

  it("the server's fast path answers from the same prepared bytes, and forgets latest paths on publish", async () => {
    const database = await db();
    const edition = await seedEdition();
    await acknowledgeBlockingConflicts(database, edition.id);
    const { cookie } = await signIn("editor");
    expect((await request(VERSIONS, { cookie, form: { intent: "publish" } })).status).toBe(302);

    const { serveCachedExport } = await serverBundle();
    const fake = (url: string, headers: Record<string, string>) => {
      const res = { status: 0, headers: {} as Record<string, string>, body: undefined as Buffer | undefined };
      const served = serveCachedExport(
        { method: "GET", url, headers },
        {
          writeHead: (status, raw) => {
            res.status = status;
            for (let i = 0; i < raw.length; i += 2) res.headers[raw[i]] = raw[i + 1];
          },
          end: (b?: Buffer) => (res.body = b),
        },
        { secure: false },
      );
      return { served, ...res };
    };
    const path = `${PUBLIC}/schedule.xml`;
    // Not answered by the app yet: the fast path lets it through.
    expect(fake(path, {}).served).toBe(false);
    const viaApp = await request(path, { headers: { "Accept-Encoding": "gzip" } });
    const appBytes = Buffer.from(await viaApp.arrayBuffer());
    const fast = fake(path, { "accept-encoding": "gzip" });
    expect(fast.served).toBe(true);
    expect(fast.status).toBe(200);
    expect(fast.body!.equals(appBytes)).toBe(true);
    expect(fast.headers.ETag).toBe(viaApp.headers.get("ETag"));
    expect(fast.headers["Access-Control-Allow-Origin"]).toBe("*");
    const notModified = fake(path, { "accept-encoding": "gzip", "if-none-match": viaApp.headers.get("ETag")! });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeUndefined();
    // Query strings and other methods always go through the app.
    expect(fake(`${path}?x=1`, {}).served).toBe(false);

    // A new version: the latest path is forgotten at once.
    await database.update(sessions).set({ titleFr: "Titre changé" }).where(eq(sessions.editionId, edition.id));
    await acknowledgeBlockingConflicts(database, edition.id);
    expect((await request(VERSIONS, { cookie, form: { intent: "publish" } })).status).toBe(302);
    expect(fake(path, {}).served).toBe(false);
    const fresh = await request(path);
    expect(fresh.headers.get("ETag")).not.toBe(viaApp.headers.get("ETag")?.replace(/-gz"$/, '"'));
  });
});
