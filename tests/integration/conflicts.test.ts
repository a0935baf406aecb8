// The conflicts service, page, dashboard figures and command line on the seed's real conflicts.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { auditLog, conflictAcknowledgements, editions, organisations, sessions } from "~/db/schema";
import { organiserActor } from "~/models/audit.server";
import { acknowledgeConflict, checkEdition, countByLevel } from "~/services/conflicts.server";
import { createEdition, createOrganiser, createRoom, createSession, createSpeaker } from "../../seed/factories";
import { cli, freshDatabase } from "../helpers/cli";
import { db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const PAGE = `/editions/${SEED_EDITION}/conflicts`;

async function seedEdition() {
  const database = await db();
  return (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
}

async function conflictsOfSeed() {
  const database = await db();
  return (await checkEdition(database, { editionId: (await seedEdition()).id })).conflicts;
}

function decode(html: string): string {
  return html.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

let editor: { cookie: string; organiser: { id: number } };
let viewer: { cookie: string };

beforeAll(async () => {
  editor = await signIn("editor");
  viewer = await signIn("viewer");
});

describe("the seed's deliberate conflicts", () => {
  it("are found with their levels, and counted by level", async () => {
    const conflicts = await conflictsOfSeed();
    const byRule = (rule: string) => conflicts.filter((c) => c.rule === rule);
    expect(byRule("SPEAKER_OVERLAP")).toHaveLength(1);
    expect(byRule("SPEAKER_OVERLAP")[0]!.level).toBe("error");
    expect(byRule("ROOM_FEATURES")).toHaveLength(1);
    expect(byRule("ROOM_FEATURES")[0]!.message.fr).toContain("assises en cercle");
    expect(byRule("ROOM_FEATURES")[0]!.message.en).toContain("circle seating");
    expect(byRule("ROOM_CAPACITY")).toHaveLength(1);
    expect(byRule("ROOM_CAPACITY")[0]!.level).toBe("warning");
    expect(byRule("UNSCHEDULED")).toHaveLength(3);
    const counts = countByLevel(conflicts);
    expect(counts.block).toEqual({ open: 0, acknowledged: 0 });
    expect(counts.error).toEqual({ open: 2, acknowledged: 0 });
    expect(counts.warning.open).toBe(conflicts.filter((c) => c.level === "warning").length);
  });
});

describe("the conflicts page", () => {
  it("lists conflicts grouped by level and rule, with links to what they name", async () => {
    const response = await request(PAGE, { cookie: viewer.cookie });
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    const [overlap] = (await conflictsOfSeed()).filter((c) => c.rule === "SPEAKER_OVERLAP");
    expect(html).toContain("Personne à deux endroits");
    expect(html).toContain("Jennifer Leblond est dans deux sessions en même temps");
    for (const id of overlap!.sessions) expect(html).toContain(`/editions/${SEED_EDITION}/sessions/${id}`);
    for (const id of overlap!.people) expect(html).toContain(`/editions/${SEED_EDITION}/speakers/${id}`);
    for (const id of overlap!.rooms) expect(html).toContain(`/editions/${SEED_EDITION}/rooms/${id}`);
    expect(html).toMatch(/data-testid="count-error-open">2</);
    // Every conflict the engine (and the command line) reports is on the page, once.
    const all = await conflictsOfSeed();
    expect(all.length).toBeLessThanOrEqual(100);
    for (const conflict of all) expect(html.split(`data-key="${conflict.key}"`)).toHaveLength(2);
    expect(html.split("data-key=").length - 1).toBe(all.length);
    // A viewer reads but is offered no acknowledge form.
    expect(html).not.toContain('name="reason"');
  });

  it("filters by level, rule, state and words", async () => {
    const all = await conflictsOfSeed();
    const errors = await (await request(`${PAGE}?level=error`, { cookie: viewer.cookie })).text();
    expect(errors).toContain(`2 conflit(s) sur 2 correspondent`);
    const rule = await (await request(`${PAGE}?rule=UNSCHEDULED`, { cookie: viewer.cookie })).text();
    expect(rule).toContain(`3 conflit(s) sur 3 correspondent`);
    const words = decode(await (await request(`${PAGE}?q=leblond%20deux`, { cookie: viewer.cookie })).text());
    expect(words).toContain(`1 conflit(s) sur 1 correspondent`);
    const acknowledged = await (await request(`${PAGE}?state=acknowledged`, { cookie: viewer.cookie })).text();
    expect(acknowledged).toContain("Aucun conflit ne correspond");
    // Unknown filter values are ignored, not refused.
    const unknown = await (await request(`${PAGE}?level=bogus&page=-3`, { cookie: viewer.cookie })).text();
    expect(unknown).toContain(`sur ${all.length} correspondent`);
  });

  it("refuses an acknowledgement without a reason, field by field, keeping nothing else", async () => {
    const [overlap] = (await conflictsOfSeed()).filter((c) => c.rule === "SPEAKER_OVERLAP");
    const response = await request(PAGE, { cookie: editor.cookie, form: { intent: "acknowledge", key: overlap!.key, reason: " x " } });
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain("Donnez une raison d’au moins 3 caractères.");
    expect(html).toContain('aria-invalid="true"');
    expect((await conflictsOfSeed()).find((c) => c.key === overlap!.key)!.acknowledged).toBe(false);
  });

  it("acknowledges with a reason (audited), shows it on the page and the dashboard, then withdraws it", async () => {
    const database = await db();
    const [overlap] = (await conflictsOfSeed()).filter((c) => c.rule === "SPEAKER_OVERLAP");
    const reason = "Jennifer passe dix minutes à l'atelier puis rejoint le fishbowl";
    const response = await request(PAGE, { cookie: editor.cookie, form: { intent: "acknowledge", key: overlap!.key, reason } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Conflit accepté.");

    const now = (await conflictsOfSeed()).find((c) => c.key === overlap!.key)!;
    expect(now.acknowledged).toBe(true);
    const ack = (await database.select().from(conflictAcknowledgements).where(eq(conflictAcknowledgements.uuid, now.acknowledgementId!)).get())!;
    expect(ack.reason).toBe(reason);
    expect(ack.organiserId).toBe(editor.organiser.id);
    const audit = await database
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "conflict_acknowledgement"), eq(auditLog.entityUuid, ack.uuid)))
      .all();
    expect(audit.map((entry) => [entry.action, entry.organiserId])).toEqual([["acknowledge", editor.organiser.id]]);
    expect(audit[0]!.after).toMatchObject({ rule: "SPEAKER_OVERLAP", reason });

    const page = decode(await (await request(`${PAGE}?state=acknowledged`, { cookie: viewer.cookie })).text());
    expect(page).toContain(reason);
    expect(page).toMatch(/data-testid="count-error-acknowledged">1</);
    const dashboard = await (await request(`/editions/${SEED_EDITION}`, { cookie: viewer.cookie })).text();
    expect(dashboard).toMatch(/data-testid="conflicts-error-open">1 à traiter</);
    expect(dashboard).toMatch(/data-testid="conflicts-error-acknowledged">1 accepté\(s\)</);

    // Acknowledging again keeps the first reason.
    const again = await request(PAGE, { cookie: editor.cookie, form: { intent: "acknowledge", key: overlap!.key, reason: "autre raison" } });
    expect(again.status).toBe(200);
    expect(await database.$count(conflictAcknowledgements, eq(conflictAcknowledgements.key, overlap!.key))).toBe(1);

    const withdrawn = await request(PAGE, { cookie: editor.cookie, form: { intent: "withdraw", acknowledgementId: ack.uuid } });
    expect(withdrawn.status).toBe(200);
    expect((await conflictsOfSeed()).find((c) => c.key === overlap!.key)!.acknowledged).toBe(false);
    const withdrawAudit = await database
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityUuid, ack.uuid), eq(auditLog.action, "withdraw")))
      .all();
    expect(withdrawAudit).toHaveLength(1);
  });

  it("answers 409 for a conflict that no longer exists and 404 for an acknowledgement it does not own", async () => {
    const gone = await request(PAGE, { cookie: editor.cookie, form: { intent: "acknowledge", key: "ROOM_OVERLAP|nope,nothing", reason: "une raison" } });
    expect(gone.status).toBe(409);
    expect(decode(await gone.text())).toContain("Ce conflit n’existe plus");

    // An acknowledgement of another edition cannot be withdrawn through this one.
    const database = await db();
    const other = await createEdition(database);
    const room = await createRoom(database, { editionId: other.id });
    const start = Date.UTC(2016, 2, 9, 9);
    const a = await createSession(database, { editionId: other.id, roomId: room.id, startsAt: start, endsAt: start + 3_600_000 });
    await createSession(database, { editionId: other.id, roomId: room.id, startsAt: start, endsAt: start + 3_600_000 });
    const admin = await createOrganiser(database, { role: "admin" });
    const [otherConflict] = (await checkEdition(database, { editionId: other.id })).conflicts.filter((c) => c.rule === "ROOM_OVERLAP");
    expect(otherConflict!.sessions).toContain(a.uuid);
    const { id } = await database.transaction((tx) =>
      acknowledgeConflict(tx, { editionId: other.id, key: otherConflict!.key, reason: "test", actor: organiserActor(admin), organiserId: admin.id }),
    );
    const response = await request(PAGE, { cookie: editor.cookie, form: { intent: "withdraw", acknowledgementId: id } });
    expect(response.status).toBe(404);
    expect(
      (await database.select().from(conflictAcknowledgements).where(eq(conflictAcknowledgements.uuid, id)).get())!.withdrawnAt,
    ).toBeNull();
  });

  it("loads in a number of queries that does not grow with the programme", async () => {
    const database = await db();
    const measure = async () => {
      const start = queryCounter.count;
      const response = await request(PAGE, { cookie: viewer.cookie });
      expect(response.status).toBe(200);
      return queryCounter.count - start;
    };
    await measure();
    const before = await measure();
    const edition = await seedEdition();
    const room = await createRoom(database, { editionId: edition.id });
    const speaker = await createSpeaker(database, { editionId: edition.id });
    for (let i = 0; i < 30; i++) {
      const start = Date.UTC(2016, 2, 9, 8 + (i % 10));
      await createSession(database, { editionId: edition.id, roomId: room.id, startsAt: start, endsAt: start + 5_400_000, people: [{ speakerId: speaker.id }] });
    }
    // The first read after a change rebuilds the cached checker; the next one finds it again.
    expect(await measure()).toBeGreaterThan(before);
    expect(await measure()).toBe(before);
  });
});

describe("an acknowledgement", () => {
  it("lapses when a session it names moves, and holds again only if acknowledged anew", async () => {
    const database = await db();
    const edition = await seedEdition();
    const [capacity] = (await conflictsOfSeed()).filter((c) => c.rule === "ROOM_CAPACITY");
    await request(PAGE, { cookie: editor.cookie, form: { intent: "acknowledge", key: capacity!.key, reason: "Retransmission dans le hall" } });
    expect((await conflictsOfSeed()).find((c) => c.key === capacity!.key)!.acknowledged).toBe(true);

    const sessionId = capacity!.sessions[0]!;
    const session = (await database.select().from(sessions).where(and(eq(sessions.uuid, sessionId), eq(sessions.editionId, edition.id))).get())!;
    await database
      .update(sessions)
      .set({ startsAt: session.startsAt! + 15 * 60_000, endsAt: session.endsAt! + 15 * 60_000 })
      .where(eq(sessions.id, session.id));
    const after = (await conflictsOfSeed()).find((c) => c.key === capacity!.key)!;
    expect(after.acknowledged).toBe(false);
    const page = await (await request(`${PAGE}?rule=ROOM_CAPACITY`, { cookie: editor.cookie })).text();
    expect(page).toContain('name="reason"');
  });
});

describe("npm run cli -- conflicts", { timeout: 90_000 }, () => {
  it("prints one JSON array with UUIDs, ISO times with the offset and both messages", async () => {
    const database = freshDatabase();
    const result = await cli(["conflicts", "--edition", SEED_EDITION, "--format", "json"], { database });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout) as Record<string, unknown>[];
    const copy = await openDatabase(`file:${database}`);
    const edition = (await copy.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    const expected = (await checkEdition(copy, { editionId: edition.id })).conflicts;
    copy.$client.close();
    expect(list).toHaveLength(expected.length);
    expect(list.map((c) => c.rule)).toEqual(expected.map((c) => c.rule));
    const overlap = list.find((c) => c.rule === "SPEAKER_OVERLAP")!;
    expect(Object.keys(overlap).sort()).toEqual(["acknowledged", "end", "level", "message", "people", "rooms", "rule", "sessions", "start"]);
    expect(overlap).toMatchObject({ level: "error", acknowledged: false, start: "2016-03-09T11:00:00+01:00", end: "2016-03-09T12:00:00+01:00" });
    expect((overlap.sessions as string[]).every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(overlap.message).toMatchObject({ fr: expect.stringContaining("Jennifer Leblond"), en: expect.stringContaining("two sessions at once") });
    const unscheduled = list.find((c) => c.rule === "UNSCHEDULED")!;
    expect(unscheduled.start).toBeNull();
  });

  it("keeps the levels asked for, prints a table by default, and fails clearly", async () => {
    const database = freshDatabase();
    const errors = await cli(["conflicts", "--edition", SEED_EDITION, "--format", "json", "--min-level", "error"], { database });
    expect((JSON.parse(errors.stdout) as { level: string }[]).map((c) => c.level)).toEqual(["error", "error"]);
    const table = await cli(["conflicts", "--edition", SEED_EDITION, "--min-level", "warning", "--lang", "en"], { database });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^LEVEL\s+RULE\s+ACK\s+START\s+MESSAGE/);
    expect(table.stdout).toContain("lacks what the format");
    const unknown = await cli(["conflicts", "--edition", "nope"], { database });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No edition with the slug "nope"');
    const badLevel = await cli(["conflicts", "--edition", SEED_EDITION, "--min-level", "fatal"], { database });
    expect(badLevel.code).toBe(1);
    expect(badLevel.stderr).toContain("--min-level must be one of");
  });
});

describe("the pages that show an edition's conflicts read the cached checker", () => {
  const count = async (url: string, cookie: string) => {
    const start = queryCounter.count;
    const response = await request(url, { cookie });
    expect(response.status, url).toBe(200);
    return queryCounter.count - start;
  };

  it("load again with nothing changed in the same small number of queries for 4 and 60 sessions", { timeout: 60_000 }, async () => {
    const database = await db();
    const ouishare = (await database.select().from(organisations).where(eq(organisations.name, "OuiShare")).get())!;
    const figures: Record<string, number>[] = [];
    for (const size of [4, 60]) {
      const edition = await createEdition(database, { organisationIds: [ouishare.id] });
      const rooms = await Promise.all([0, 1].map(() => createRoom(database, { editionId: edition.id })));
      const speaker = await createSpeaker(database, { editionId: edition.id });
      const made = [];
      for (let i = 0; i < size; i++) {
        // Two by two in the same room at the same time, the speaker in several: conflicts to show.
        const start = Date.UTC(2016, 2, 9, 8 + Math.floor(i / 4));
        made.push(
          await createSession(database, {
            editionId: edition.id,
            roomId: rooms[i % 2]!.id,
            startsAt: start,
            endsAt: start + 3_600_000,
            people: i % 3 === 0 ? [{ speakerId: speaker.id }] : [],
          }),
        );
      }
      // A fresh login: the guard refreshes a session's last-seen time once a minute.
      const { cookie } = await signIn("viewer");
      const pages = {
        dashboard: `/editions/${edition.slug}`,
        conflicts: `/editions/${edition.slug}/conflicts`,
        session: `/editions/${edition.slug}/sessions/${made[0]!.uuid}`,
      };
      const figure: Record<string, number> = {};
      for (const [name, url] of Object.entries(pages)) {
        // The first read (the dashboard's) builds the checker; every later read finds it by the programme's stamp.
        const first = await count(url, cookie);
        const again = await count(url, cookie);
        figure[name] = again;
        if (name === "dashboard") expect(again, name).toBeLessThan(first);
      }
      expect((await checkEdition(database, { editionId: edition.id })).conflicts.length).toBeGreaterThan(0);
      figures.push(figure);
    }
    expect(figures[1], JSON.stringify(figures)).toEqual(figures[0]);
    // The guards, the programme's stamp and what the page shows besides conflicts: 19, 7 and 13
    // today (the dashboard also says which webhooks were disabled, what retention will purge and
    // which speakers asked for erasure).
    expect(figures[0]!.dashboard).toBeLessThanOrEqual(19);
    expect(figures[0]!.conflicts).toBeLessThanOrEqual(7);
    expect(figures[0]!.session).toBeLessThanOrEqual(13);
  });
});
