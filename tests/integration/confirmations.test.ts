// Issue 14 item 8, through the real request handler: destructive or far-reaching actions act only
// on a confirmed request. Without `confirm=yes` nothing changes and the page answers with the
// confirmation step open, saying what will happen; with it, the action is done.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { editions, organisers, rooms, sessions, speakers } from "~/db/schema";
import { createOrganiser, createRoom, createSession, createSpeaker } from "../../seed/factories";
import { db, organisationIdOf, request, SEED_EDITION, signIn } from "../helpers/app";
import { freshAddress, makeLink, speakerWithSessions } from "./invitations-fixtures";

const BASE = `/editions/${SEED_EDITION}`;
const ASKED = "Rien n’a encore été fait : confirmez d’abord.";
let seed: { id: number };
let editor: string;
let admin: string;

beforeAll(async () => {
  seed = (await (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
  editor = (await signIn("editor")).cookie;
  admin = (await signIn("admin")).cookie;
});

/** The unconfirmed answer: 400, the step open with its consequence, the confirming button. */
async function expectAsked(response: Response, consequence: string) {
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(html).toMatch(/<details class="confirm[^"]*" open=""/);
  const step = /data-testid="confirm-consequence">([^<]*)</.exec(html.slice(html.indexOf(ASKED) - 200));
  expect(step?.[1]).toContain(ASKED);
  expect(html).toContain(consequence);
  expect(html).toContain('name="confirm" value="yes"');
}

describe("asking first", () => {
  it("cancels a session only once confirmed", async () => {
    const session = await createSession(await db(), { editionId: seed.id });
    const path = `${BASE}/sessions/${session.uuid}`;
    await expectAsked(await request(path, { cookie: editor, form: { intent: "cancel", version: "1" } }), "elle disparaît du prochain programme publié");
    expect((await (await db()).select().from(sessions).where(eq(sessions.uuid, session.uuid)).get())!.status).not.toBe("cancelled");
    expect((await request(path, { cookie: editor, form: { intent: "cancel", version: "1", confirm: "yes" } })).status).toBe(302);
    expect((await (await db()).select().from(sessions).where(eq(sessions.uuid, session.uuid)).get())!.status).toBe("cancelled");
  });

  it("deletes a session only once confirmed", async () => {
    const session = await createSession(await db(), { editionId: seed.id });
    const path = `${BASE}/sessions/${session.uuid}`;
    await expectAsked(await request(path, { cookie: admin, form: { intent: "delete", version: "1" } }), "cela ne peut pas être défait");
    expect(await (await db()).select().from(sessions).where(eq(sessions.uuid, session.uuid)).get()).toBeDefined();
    expect((await request(path, { cookie: admin, form: { intent: "delete", version: "1", confirm: "yes" } })).status).toBe(302);
    expect(await (await db()).select().from(sessions).where(eq(sessions.uuid, session.uuid)).get()).toBeUndefined();
  });

  it("deletes a room (and so a theme or a format: one shared action) only once confirmed", async () => {
    const room = await createRoom(await db(), { editionId: seed.id });
    const path = `${BASE}/rooms/${room.uuid}`;
    await expectAsked(await request(path, { cookie: editor, form: { intent: "delete" } }), "La salle sera supprimée, avec ses créneaux");
    expect(await (await db()).select().from(rooms).where(eq(rooms.uuid, room.uuid)).get()).toBeDefined();
    expect((await request(path, { cookie: editor, form: { intent: "delete", confirm: "yes" } })).status).toBe(302);
    expect(await (await db()).select().from(rooms).where(eq(rooms.uuid, room.uuid)).get()).toBeUndefined();
  });

  it("deletes a speaker only once confirmed, naming them", async () => {
    const speaker = await createSpeaker(await db(), { editionId: seed.id, publicName: "Ophélie Confirmation" });
    const path = `${BASE}/speakers/${speaker.uuid}`;
    await expectAsked(await request(path, { cookie: editor, form: { intent: "delete", version: "1" } }), "La fiche de Ophélie Confirmation sera supprimée");
    expect(await (await db()).select().from(speakers).where(eq(speakers.uuid, speaker.uuid)).get()).toBeDefined();
    expect((await request(path, { cookie: editor, form: { intent: "delete", version: "1", confirm: "yes" } })).status).toBe(302);
    expect(await (await db()).select().from(speakers).where(eq(speakers.uuid, speaker.uuid)).get()).toBeUndefined();
  });

  it("withdraws an invitation link only once confirmed, and opens only that row's step", async () => {
    const { speaker } = await speakerWithSessions();
    const token = await makeLink(editor, speaker.uuid);
    const path = `${BASE}/invitations`;
    const asked = await request(path, { cookie: editor, form: { intent: "revoke", speaker: speaker.uuid } });
    const html = await asked.clone().text();
    await expectAsked(asked, "cessera de fonctionner tout de suite");
    expect(html.match(/<details class="confirm[^"]*" open=""/g)).toHaveLength(1);
    expect((await request(`/invitation/${token}`, { clientAddress: freshAddress() })).status).toBe(302);
    expect((await request(path, { cookie: editor, form: { intent: "revoke", speaker: speaker.uuid, confirm: "yes" } })).status).toBe(200);
    expect((await request(`/invitation/${token}`, { clientAddress: freshAddress() })).status).toBe(404);
  });

  it("deactivates an organiser account only once confirmed", async () => {
    const database = await db();
    const colleague = await createOrganiser(database, { organisationId: await organisationIdOf(), role: "editor" });
    const path = `/admin/organisers/${colleague.uuid}`;
    await expectAsked(await request(path, { cookie: admin, form: { intent: "deactivate", version: "1" } }), "Ses connexions en cours se terminent aussitôt");
    expect((await database.select().from(organisers).where(eq(organisers.uuid, colleague.uuid)).get())!.active).toBe(true);
    expect((await request(path, { cookie: admin, form: { intent: "deactivate", version: "1", confirm: "yes" } })).status).toBe(200);
    expect((await database.select().from(organisers).where(eq(organisers.uuid, colleague.uuid)).get())!.active).toBe(false);
  });
});
