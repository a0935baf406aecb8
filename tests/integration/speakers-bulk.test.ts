// The speakers list's selection (issue 14 item 12) and the way to a speaker's sessions (item 16):
// tick boxes in the bulk bar's form; the invitation of the ticked speakers (or of the ticked
// sessions' speakers) through the invitations page's preview — who will receive, live links
// kept — and its one send action; the export of the ticked speakers; the links to the sessions
// list filtered on the speaker.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invitations } from "~/db/schema";
import { createSpeaker } from "../../seed/factories";
import { db, ownEdition, request, SEED_EDITION, signIn } from "../helpers/app";
import { freshAddress, makeLink, otherEditionSpeaker, speakerWithSessions } from "./invitations-fixtures";

let editor: Awaited<ReturnType<typeof signIn>>;
let viewer: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  editor = await signIn("editor");
  viewer = await signIn("viewer");
}, 60_000);

const INVITATIONS = `/editions/${SEED_EDITION}/invitations`;

/** The preview's count and the speakers its confirm form would send to. */
async function preview(query: string, cookie = editor.cookie) {
  const response = await request(`${INVITATIONS}?${query}`, { cookie });
  expect(response.status).toBe(200);
  const html = await response.text();
  const section = /<section[^>]*bulk-preview[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
  const count = Number(/id="bulk-preview-title"[^>]*>(\d+)/.exec(section)?.[1]);
  const speakers = [...section.matchAll(/name="speaker" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!).sort();
  return { section, count, speakers };
}

const selection = (name: string, uuids: string[]) => ["bulk=selection", ...uuids.map((uuid) => `${name}=${uuid}`)].join("&");

describe("the speakers list's selection", () => {
  it("shows a tick box per row in the bulk bar's form, with a link to each speaker's sessions", async () => {
    const { speaker } = await speakerWithSessions();
    const html = await (await request(`/editions/${SEED_EDITION}/speakers?q=${encodeURIComponent(speaker.publicName)}`, { cookie: editor.cookie })).text();
    expect(html).toContain('id="speakers-bulk"');
    expect(html).toMatch(new RegExp(`<input [^>]*form="speakers-bulk" name="speaker" [^>]*value="${speaker.uuid}"`));
    expect(html).toContain(`href="/editions/${SEED_EDITION}/sessions?speaker=${speaker.uuid}"`);
    expect(html).toMatch(new RegExp(`formaction="/editions/${SEED_EDITION}/invitations"`, "i"));
    const page = await (await request(`/editions/${SEED_EDITION}/speakers/${speaker.uuid}`, { cookie: viewer.cookie })).text();
    expect(page).toMatch(new RegExp(`href="/editions/${SEED_EDITION}/sessions\\?speaker=${speaker.uuid}"[^>]*>Sessions de cet·te intervenant·e<`));
  });

  it("previews the ticked speakers only, then sends through the invitations' action, keeping live links", async () => {
    const a = await speakerWithSessions();
    const b = await speakerWithSessions();
    const stranger = await otherEditionSpeaker();
    const token = await makeLink(editor.cookie, b.speaker.uuid);
    const shown = await preview(selection("speaker", [a.speaker.uuid, b.speaker.uuid, stranger.speaker.uuid]));
    expect(shown.count).toBe(2);
    expect(shown.speakers).toEqual([a.speaker.uuid, b.speaker.uuid].sort());
    // The preview's confirm form: the existing send action, live links kept unless re-issue is ticked.
    expect(shown.section).toContain('name="intent" value="send"');
    expect(shown.section).toMatch(/<input id="bulk-reissue" type="checkbox" name="reissue"(?![^>]*checked)/);
    const sent = await request(INVITATIONS, {
      cookie: editor.cookie,
      method: "POST",
      body: new URLSearchParams([["intent", "send"], ...shown.speakers.map((s) => ["speaker", s] as [string, string])]).toString(),
    });
    expect(sent.status).toBe(200);
    const live = await (await db()).select().from(invitations).where(eq(invitations.speakerId, b.speaker.id)).all();
    expect(live.filter((row) => row.revokedAt === null)).toHaveLength(1);
    // b's link from before still opens their page: the message reused it.
    expect((await request(`/invitation/${token}`, { clientAddress: freshAddress() })).status).toBe(302);
  });

  it("previews the speakers of the ticked sessions", async () => {
    const { speaker, partner, second, partnerOnly } = await speakerWithSessions();
    expect((await preview(selection("session", [second.uuid]))).speakers).toEqual([speaker.uuid]);
    expect((await preview(selection("session", [second.uuid, partnerOnly.uuid]))).speakers).toEqual([speaker.uuid, partner.uuid].sort());
  });

  it("refuses viewers: no preview, and the send action answers 403", async () => {
    const { speaker } = await speakerWithSessions();
    const shown = await preview(selection("speaker", [speaker.uuid]), viewer.cookie);
    expect(shown.section).toBe("");
    const sent = await request(INVITATIONS, { cookie: viewer.cookie, form: { intent: "send", speaker: speaker.uuid } });
    expect(sent.status).toBe(403);
  });

  it("exports only the ticked speakers", async () => {
    const edition = await ownEdition();
    const database = await db();
    const [x, y, z] = [
      await createSpeaker(database, { editionId: edition.id, publicName: "Xavier Exporté" }),
      await createSpeaker(database, { editionId: edition.id, publicName: "Yasmine Exportée" }),
      await createSpeaker(database, { editionId: edition.id, publicName: "Zoé Restée" }),
    ];
    const response = await request(`/editions/${edition.slug}/speakers.csv?speaker=${x.uuid}&speaker=${y.uuid}`, { cookie: viewer.cookie });
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain("Xavier Exporté");
    expect(csv).toContain("Yasmine Exportée");
    expect(csv).not.toContain(z.publicName);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
  });
});
