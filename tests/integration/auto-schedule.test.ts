// « Placer automatiquement » through the real request handler: the preview (JSON for the
// board's script, the page without JavaScript) writes nothing; applying is one board change
// (one audit entry, refused when the programme changed since the preview, undone in one step,
// confirmations asked again for confirmed sessions that moved, never a block or error added).
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions, sessionSpeakers } from "~/db/schema";
import { checkProgramme } from "~/domain/conflicts";
import { localToEpoch } from "~/domain/time";
import { proposalValue } from "~/services/board/auto-schedule-result";
import { answerPreview, AutoScheduleCancelled, previewAutoSchedule, type AutoPreview } from "~/services/board/auto-schedule.server";
import { loadProgramme } from "~/services/programme.server";
import { createFormat, createRoom, createSession, createSpeaker } from "../../seed/factories";
import { db, ownEdition, request, signIn } from "../helpers/app";

const D1 = "2026-06-01";
const D2 = "2026-06-02";
const at = (date: string, time: string) => localToEpoch(date, time, "Europe/Paris");

async function fixture() {
  const database = await db();
  const edition = await ownEdition({ startDate: D1, endDate: D2 });
  const hours = [D1, D2].map((date) => ({ date, opens: "09:00", closes: "12:00" }));
  const alpha = await createRoom(database, { editionId: edition.id, name: "Salle Alpha", openingHours: hours });
  const beta = await createRoom(database, { editionId: edition.id, name: "Salle Bêta", openingHours: hours });
  const format = await createFormat(database, { editionId: edition.id, defaultMinutes: 60 });
  const speaker = await createSpeaker(database, { editionId: edition.id });
  const waiting = [];
  for (const title of ["Atelier données ouvertes", "Table ronde mobilités", "Fishbowl travail"]) {
    waiting.push(await createSession(database, { editionId: edition.id, formatId: format.id, titleFr: title }));
  }
  const placed = await createSession(database, {
    editionId: edition.id,
    formatId: format.id,
    titleFr: "Déjà placée",
    roomId: alpha.id,
    startsAt: at(D1, "09:00"),
    endsAt: at(D1, "10:00"),
    people: [{ speakerId: speaker.id, confirmation: "confirmed" }],
  });
  const base = `/editions/${edition.slug}/board`;
  return { edition, alpha, beta, waiting, placed, base };
}

async function plan(cookie: string, base: string, form: Record<string, string> = {}): Promise<AutoPreview> {
  const response = await request(`${base}/auto/plan`, { cookie, form: { scope: "day", day: D1, timeLimit: "1", ...form } });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { ok: true; preview: AutoPreview };
  expect(answer.ok).toBe(true);
  return answer.preview;
}

function applyForm(preview: AutoPreview, values: string[]) {
  const body = new URLSearchParams({ intent: "apply", stamp: preview.stamp, seen: String(preview.seen), firstDay: D1 });
  for (const value of values) body.append("proposals", value);
  return body.toString();
}

async function apply(cookie: string, base: string, preview: AutoPreview, values: string[]) {
  return request(`${base}/auto`, { cookie, method: "POST", body: applyForm(preview, values) });
}

async function severeKeys(editionId: number) {
  const { input } = await loadProgramme(await db(), { editionId });
  return new Set(checkProgramme(input).filter((c) => c.level === "block" || c.level === "error").map((c) => c.key));
}

async function rowsOf(ids: number[]) {
  return (await db()).select().from(sessions).where(inArray(sessions.id, ids)).all();
}

async function scheduleEntries(editionId: number) {
  return (await db())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.editionId, editionId), eq(auditLog.entity, "schedule")))
    .all();
}

// Signed in once for the file (each sign-in hashes a password).
let editor: { cookie: string };
let otherEditor: { cookie: string };
let viewer: { cookie: string };
beforeAll(async () => {
  [editor, otherEditor, viewer] = [await signIn("editor"), await signIn("editor"), await signIn("viewer")];
});

describe("placing automatically from the board", () => {
  it("is offered to editors and admins only", async () => {
    const { base } = await fixture();
    expect((await request(`${base}/auto`, { cookie: viewer.cookie })).status).toBe(403);
    expect((await request(`${base}/auto/plan`, { cookie: viewer.cookie, form: { scope: "edition", timeLimit: "1" } })).status).toBe(403);
    const page = await request(`${base}/auto?day=${D1}`, { cookie: editor.cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Placer automatiquement");
    expect(html).toContain("Table ronde mobilités");
    // The board links to it for editors, not for viewers.
    expect(await (await request(`${base}?day=${D1}`, { cookie: editor.cookie })).text()).toContain(`${base}/auto?day=${D1}`);
    expect(await (await request(`${base}?day=${D1}`, { cookie: viewer.cookie })).text()).not.toContain(`${base}/auto?day=`);
  });

  it("computes a preview without writing anything, as JSON for the script and as a page without JavaScript", async () => {
    const { edition, waiting, base } = await fixture();
    const { cookie } = editor;
    const auditBefore = (await (await db()).select().from(auditLog).where(eq(auditLog.editionId, edition.id)).all()).length;
    const preview = await plan(cookie, base);
    expect(preview.proposals.map((p) => p.session).sort()).toEqual(waiting.map((s) => s.uuid).sort());
    expect(preview.proposals.every((p) => p.date === D1 && ["Salle Alpha", "Salle Bêta"].includes(p.roomName))).toBe(true);
    expect(preview.unplaced).toEqual([]);
    // The grid's day: the session that stays and the three proposed cards.
    expect(preview.days.map((d) => d.date)).toEqual([D1]);
    expect(preview.days[0]!.cards.filter((c) => c.proposed)).toHaveLength(3);
    expect(preview.days[0]!.cards.filter((c) => !c.proposed).map((c) => c.title)).toEqual(["Déjà placée"]);

    const page = await request(`${base}/auto`, { cookie, form: { intent: "plan", scope: "day", day: D1, timeLimit: "1" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Aperçu\u00a0: 3 placement(s) proposé(s)");
    expect(html.match(/name="proposals"/g)).toHaveLength(3);
    expect(html.match(/data-testid="ghost"/g)).toHaveLength(3);

    expect((await rowsOf(waiting.map((s) => s.id))).every((s) => s.roomId === null && s.status === "accepted")).toBe(true);
    expect((await (await db()).select().from(auditLog).where(eq(auditLog.editionId, edition.id)).all()).length).toBe(auditBefore);
  });

  it("says why a session cannot be placed, and asks for a choice when the scope is the tray's selection", async () => {
    const { edition, base } = await fixture();
    const database = await db();
    const fishbowl = await createFormat(database, { editionId: edition.id, defaultMinutes: 60, requiredFeatures: ["circle_seating"] });
    await createSession(database, { editionId: edition.id, formatId: fishbowl.id, titleFr: "Fishbowl en cercle" });
    const { cookie } = editor;
    const empty = await request(`${base}/auto/plan`, { cookie, form: { scope: "selected", timeLimit: "1" } });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: Record<string, string> }).errors.sessions).toBe("auto.error.noSelection");
    const preview = await plan(cookie, base, { scope: "edition" });
    expect(preview.proposals).toHaveLength(3);
    expect(preview.unplaced).toEqual([{ session: expect.any(String), title: "Fishbowl en cercle", reason: expect.stringContaining("assises en cercle") }]);
    const html = await (await request(`${base}/auto`, { cookie, form: { intent: "plan", scope: "edition", day: D1, timeLimit: "1" } })).text();
    expect(html).toContain("Sessions non placées (1)");
  });

  it("applies the ticked proposals as one change with one audit entry, adds no block or error conflict, and undo takes it back in one step", async () => {
    const { edition, waiting, base } = await fixture();
    const { cookie } = editor;
    const severeBefore = await severeKeys(edition.id);
    const preview = await plan(cookie, base);
    const [kept1, kept2, unticked] = preview.proposals;
    const response = await apply(cookie, base, preview, [kept1!.value, kept2!.value]);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${base}?day=${D1}`);

    const rows = await rowsOf(waiting.map((s) => s.id));
    const byUuid = new Map(rows.map((r) => [r.uuid, r]));
    for (const p of [kept1!, kept2!]) expect(byUuid.get(p.session)).toMatchObject({ startsAt: p.startsAt, endsAt: p.endsAt, status: "scheduled" });
    expect(byUuid.get(unticked!.session)).toMatchObject({ roomId: null, status: "accepted" });
    const entries = await scheduleEntries(edition.id);
    expect(entries).toHaveLength(1);
    expect((entries[0]!.after as { placements: { session: string }[] }).placements.map((p) => p.session).sort()).toEqual([kept1!.session, kept2!.session].sort());
    expect(
      (await (await db()).select().from(auditLog).where(and(eq(auditLog.editionId, edition.id), eq(auditLog.entity, "session"))).all()).filter(
        (e) => e.action === "place",
      ),
    ).toEqual([]);
    const severeAfter = await severeKeys(edition.id);
    expect([...severeAfter].filter((k) => !severeBefore.has(k))).toEqual([]);

    // The board offers to undo it, in one step.
    const board = await (await request(`${base}?day=${D1}`, { cookie })).text();
    expect(board).toContain("Défaire le placement automatique de 2 session(s)");
    const undone = await request(`${base}?day=${D1}`, { cookie, form: { intent: "undo", change: "" } });
    expect(undone.status).toBe(302);
    const back = await rowsOf(waiting.map((s) => s.id));
    expect(back.every((s) => s.roomId === null && s.startsAt === null && s.status === "accepted")).toBe(true);
    const after = await scheduleEntries(edition.id);
    expect(after).toHaveLength(2);
    expect(after[1]!.after).toMatchObject({ undoes: (entries[0]!.after as { change: string }).change });
    // Nothing left to undo.
    expect(await (await request(`${base}?day=${D1}`, { cookie })).text()).not.toContain("Défaire le placement automatique");
  });

  it("refuses a preview the programme has moved on from (409), saying what changed, and writes nothing", async () => {
    const { edition, waiting, beta, base } = await fixture();
    const { cookie } = editor;
    const other = otherEditor;
    const preview = await plan(cookie, base);
    const moved = waiting[1]!;
    const placed = await request(`${base}?day=${D1}`, {
      cookie: other.cookie,
      form: { intent: "place", session: moved.uuid, version: String(moved.version), room: beta.uuid, date: D1, start: "11:00", end: "12:00" },
    });
    expect(placed.status).toBe(302);
    const response = await apply(cookie, base, preview, preview.proposals.map((p) => p.value));
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("Le programme a changé depuis l’aperçu");
    expect(html).toContain("Table ronde mobilités");
    expect(html).toContain("Salle Bêta, 1 juin 2026, 11:00–12:00");
    expect(await scheduleEntries(edition.id)).toEqual([]);
    const rows = await rowsOf(waiting.filter((s) => s.id !== moved.id).map((s) => s.id));
    expect(rows.every((s) => s.roomId === null)).toBe(true);
  });

  it("asks the confirmed speakers of a session that moves to confirm again, and refuses proposals that would add a block conflict", async () => {
    const { edition, placed, alpha, beta, waiting, base } = await fixture();
    const { cookie } = editor;
    const preview = await plan(cookie, base, { movePlaced: "on" });
    const move = proposalValue({ session: placed.uuid, version: placed.version, room: beta.uuid, start: at(D1, "11:00"), end: at(D1, "12:00") });
    // Two sessions in the same room at the same time: refused, nothing written.
    const clash = [waiting[0]!, waiting[1]!].map((s) => proposalValue({ session: s.uuid, version: s.version, room: alpha.uuid, start: at(D1, "10:00"), end: at(D1, "11:00") }));
    const refused = await apply(cookie, base, preview, clash);
    expect(refused.status).toBe(422);
    expect(await scheduleEntries(edition.id)).toEqual([]);

    const response = await apply(cookie, base, preview, [move]);
    expect(response.status).toBe(302);
    const [row] = await rowsOf([placed.id]);
    expect(row).toMatchObject({ roomId: beta.id, startsAt: at(D1, "11:00") });
    const people = await (await db()).select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, placed.id)).all();
    expect(people.map((p) => p.confirmation)).toEqual(["must_reconfirm"]);
    const [entry] = await scheduleEntries(edition.id);
    expect((entry!.after as { placements: unknown[] }).placements).toEqual([
      expect.objectContaining({ session: placed.uuid, roomName: "Salle Bêta", before: expect.objectContaining({ roomName: "Salle Alpha", startsAt: at(D1, "09:00") }) }),
    ]);
  });

  it("runs one plan per edition at a time, and says so to a second request", async () => {
    const { edition } = await fixture();
    const database = await db();
    const input = { scope: "edition" as const, sessions: [], movePlaced: true, timeLimit: 120 };
    const controller = new AbortController();
    const first = previewAutoSchedule(database, { editionId: edition.id, locale: "fr", input, signal: controller.signal });
    // Asked while the first run is under way (its worker has not even started).
    expect(await answerPreview(database, { editionId: edition.id, locale: "fr", input })).toEqual({ ok: false, status: 409, errors: { _form: "auto.busy" } });
    controller.abort();
    await first.catch((error: unknown) => expect(error).toBeInstanceOf(AutoScheduleCancelled));
    // Once it has ended, the next run goes ahead.
    expect((await answerPreview(database, { editionId: edition.id, locale: "fr", input: { ...input, timeLimit: 2 } })).ok).toBe(true);
  });

  it("names the changes to the edition's structure that made a preview stale", async () => {
    const { edition, waiting, base } = await fixture();
    const { cookie } = editor;
    const preview = await plan(cookie, base);
    // Another organiser adds a room: no session moved, the programme did change.
    const created = await request(`/editions/${edition.slug}/rooms`, {
      cookie: otherEditor.cookie,
      form: { intent: "create", name: "Salle Gamma", capacity: "40", "hours.0.date": D1, "hours.0.opens": "09:00", "hours.0.closes": "12:00", "hours.1.date": D2, "hours.1.opens": "", "hours.1.closes": "" },
    });
    expect(created.status).toBe(302);
    const response = await apply(cookie, base, preview, preview.proposals.map((p) => p.value));
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("Le programme a changé depuis l’aperçu");
    // What changed, its action and who (React separates the parts of a line with comments).
    expect(html.replace(/<!-- -->/g, "")).toContain("<li>Salle «\u00a0Salle Gamma\u00a0» — création (Organiser 2)</li>");
    expect(await scheduleEntries(edition.id)).toEqual([]);
    expect((await rowsOf(waiting.map((s) => s.id))).every((s) => s.roomId === null)).toBe(true);
  });

  it("stops the solvers when the run is cancelled", async () => {
    const { edition } = await fixture();
    const controller = new AbortController();
    const run = previewAutoSchedule(await db(), {
      editionId: edition.id,
      locale: "fr",
      input: { scope: "edition", sessions: [], movePlaced: true, timeLimit: 120 },
      signal: controller.signal,
    });
    // Mid-run: the worker is starting or solving (120 s allowed), and is terminated.
    setTimeout(() => controller.abort(), 300);
    await expect(run).rejects.toBeInstanceOf(AutoScheduleCancelled);
  });
});
