// Sending to a list and reminders, with no SMTP configured: who the preview names, that only
// they get a message, that live links keep working unless a re-issue is asked for.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emails, sessionSpeakers } from "~/db/schema";
import { addDays, localDate } from "~/domain/time";
import { createSpeaker } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { freshAddress, makeLink, openLink, speakerWithSessions } from "./invitations-fixtures";

let editor: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  editor = await signIn("editor");
}, 60_000);

const PAGE = `/editions/${SEED_EDITION}/invitations`;

/** The preview's heading count and the speakers its confirm form would send to. */
async function preview(query: string) {
  const response = await request(`${PAGE}?${query}`, { cookie: editor.cookie });
  expect(response.status).toBe(200);
  const html = await response.text();
  const section = /<section[^>]*bulk-preview[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
  const count = Number(/id="bulk-preview-title"[^>]*>(\d+)/.exec(section)?.[1]);
  const speakers = [...section.matchAll(/name="speaker" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
  return { html, section, count, speakers };
}

async function send(speakers: string[], extra: [string, string][] = []) {
  const response = await request(PAGE, {
    cookie: editor.cookie,
    method: "POST",
    body: new URLSearchParams([["intent", "send"], ...speakers.map((s) => ["speaker", s] as [string, string]), ...extra]).toString(),
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** Whether a link still opens the speaker page. */
async function opens(token: string) {
  const response = await request(`/invitation/${token}`, { clientAddress: freshAddress() });
  return response.status === 302;
}

async function confirmAll(speakerId: number) {
  const database = await db();
  await database.update(sessionSpeakers).set({ confirmation: "confirmed" }).where(eq(sessionSpeakers.speakerId, speakerId));
}

describe("sending the invitation to a list", () => {
  it("previews only the speakers who need it, with their count and names, and sends only to them", async () => {
    const fresh = await speakerWithSessions();
    const confirmed = await speakerWithSessions();
    const confirmedToken = await makeLink(editor.cookie, confirmed.speaker.uuid);
    await openLink(confirmedToken);
    await confirmAll(confirmed.speaker.id);
    const waiting = await speakerWithSessions();
    const waitingToken = await makeLink(editor.cookie, waiting.speaker.uuid);
    const database = await db();
    const alone = await createSpeaker(database, { editionId: fresh.edition.id, publicName: `Sans session ${Date.now()}`, email: `alone.${Date.now()}@example.org` });

    const notInvited = await preview("bulk=invite&audience=not_invited");
    expect(notInvited.speakers).toContain(fresh.speaker.uuid);
    expect(notInvited.speakers).toContain(fresh.partner.uuid);
    expect(notInvited.speakers).not.toContain(confirmed.speaker.uuid);
    expect(notInvited.speakers).not.toContain(waiting.speaker.uuid);
    // Never speakers without a session unless asked for.
    expect(notInvited.speakers).not.toContain(alone.uuid);
    expect(notInvited.count).toBe(notInvited.speakers.length);
    expect(notInvited.section).toContain(fresh.speaker.publicName);
    expect(notInvited.section).toContain(`Envoyer l’invitation à ${notInvited.count} intervenant·e(s)`);
    // No mail server: said before sending.
    expect(notInvited.section).toContain("Attention\u00a0: aucun serveur d’envoi (SMTP) n’est configuré");

    // The list's search narrows it further.
    const searched = await preview(`bulk=invite&audience=not_invited&q=${encodeURIComponent(fresh.speaker.publicName)}`);
    expect(searched.speakers).toEqual([fresh.speaker.uuid]);
    expect(searched.count).toBe(1);

    const withAlone = await preview("bulk=invite&audience=not_invited&withoutSession=on");
    expect(withAlone.speakers).toContain(alone.uuid);
    expect(withAlone.count).toBe(notInvited.count + 1);

    const notAnswered = await preview("bulk=invite&audience=not_answered");
    expect(notAnswered.speakers).toEqual([waiting.speaker.uuid]);
    expect(notAnswered.count).toBe(1);
    expect(notAnswered.section).toContain(waiting.speaker.publicName);

    // Sending what the preview listed: a message to each, the live link kept.
    const before = await database.select().from(emails).all();
    const page = await send(notAnswered.speakers, [["kind", "invitation"]]);
    expect(page).toMatch(/role="status"[^>]*aria-labelledby="send-summary-title"/);
    expect(page).toContain("0 envoyé(s), 1 conservé(s) sans SMTP, 0 en échec");
    expect(page).toContain("1 lien(s) actif(s) conservé(s), 0 nouveau(x) lien(s).");
    const after = await database.select().from(emails).all();
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)!.speakerId).toBe(waiting.speaker.id);
    expect(await opens(waitingToken)).toBe(true);
    expect(await opens(confirmedToken)).toBe(true);
  });

  it("re-issues links only when asked, and then the old ones stop working", async () => {
    const waiting = await speakerWithSessions();
    const token = await makeLink(editor.cookie, waiting.speaker.uuid);
    await send([waiting.speaker.uuid]);
    expect(await opens(token)).toBe(true);
    const page = await send([waiting.speaker.uuid], [["reissue", "on"]]);
    expect(page).toContain("0 lien(s) actif(s) conservé(s), 1 nouveau(x) lien(s).");
    expect(await opens(token)).toBe(false);
  });

  it("refuses a preview with no audience chosen, saying why", async () => {
    const { html, speakers } = await preview("bulk=invite");
    expect(speakers).toEqual([]);
    expect(html).toMatch(/role="alert"[^>]*>Aucun·e intervenant·e sélectionné·e\./);
  });
});

describe("reminders", () => {
  it("go only to those who have not answered and were sent nothing since the date, keeping their links", async () => {
    const today = localDate(Date.now(), "Europe/Paris");
    const tomorrow = addDays(today, 1);
    const handed = await speakerWithSessions(); // a link made by hand: never sent anything
    const handedToken = await makeLink(editor.cookie, handed.speaker.uuid);
    const mailed = await speakerWithSessions({ locale: "en" }); // invited by email today
    await send([mailed.speaker.uuid]);
    const lapsed = await speakerWithSessions(); // must re-confirm, mailed today
    await send([lapsed.speaker.uuid]);
    const database = await db();
    await database.update(sessionSpeakers).set({ confirmation: "must_reconfirm" }).where(eq(sessionSpeakers.sessionId, lapsed.first.id));
    const confirmed = await speakerWithSessions();
    await makeLink(editor.cookie, confirmed.speaker.uuid);
    await confirmAll(confirmed.speaker.id);

    const sinceToday = await preview(`bulk=remind&since=${today}&audience=not_answered&audience=must_reconfirm`);
    expect(sinceToday.speakers).toContain(handed.speaker.uuid);
    expect(sinceToday.speakers).not.toContain(mailed.speaker.uuid);
    expect(sinceToday.speakers).not.toContain(lapsed.speaker.uuid);
    expect(sinceToday.speakers).not.toContain(confirmed.speaker.uuid);
    expect(sinceToday.speakers).not.toContain(handed.partner.uuid); // never invited: not a reminder
    expect(sinceToday.count).toBe(sinceToday.speakers.length);
    expect(sinceToday.section).toContain("recevront une relance");

    const sinceTomorrow = await preview(`bulk=remind&since=${tomorrow}&audience=not_answered&audience=must_reconfirm`);
    expect(sinceTomorrow.speakers).toEqual(expect.arrayContaining([handed.speaker.uuid, mailed.speaker.uuid, lapsed.speaker.uuid]));
    expect(sinceTomorrow.speakers).not.toContain(confirmed.speaker.uuid);
    const onlyLapsed = await preview(`bulk=remind&since=${tomorrow}&audience=must_reconfirm`);
    expect(onlyLapsed.speakers).toContain(lapsed.speaker.uuid);
    expect(onlyLapsed.speakers).not.toContain(mailed.speaker.uuid);

    const page = await send([handed.speaker.uuid, mailed.speaker.uuid], [["kind", "reminder"]]);
    expect(page).toContain("Relances\u00a0: 0 envoyée(s), 2 conservée(s) sans SMTP, 0 en échec.");
    const reminder = (await database.select().from(emails).where(eq(emails.speakerId, mailed.speaker.id)).all()).at(-1)!;
    expect(reminder.subject).toBe("Grand Barouf numérique 2016: a reminder, your speaker page is waiting");
    expect(reminder.text).toContain("we do not have your answer yet");
    const handedReminder = (await database.select().from(emails).where(and(eq(emails.speakerId, handed.speaker.id))).all()).at(-1)!;
    expect(handedReminder.subject).toContain("rappel");
    expect(await opens(handedToken)).toBe(true);
    // Reminded today: no longer in a reminder since today.
    const again = await preview(`bulk=remind&since=${today}&audience=not_answered&audience=must_reconfirm`);
    expect(again.speakers).not.toContain(handed.speaker.uuid);
  });
});
