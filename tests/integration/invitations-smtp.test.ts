// A real SMTP conversation: nodemailer in the app talks to smtp-server listening on
// 127.0.0.1 in this process. Links must come from PUBLIC_ORIGIN, not the request's Host.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emails, sessions, sessionSpeakers } from "~/db/schema";
import { checkProgramme } from "~/domain/conflicts";
import { organiserActor } from "~/models/audit.server";
import { markMustReconfirm } from "~/services/reconfirmation.server";
import { deliverQueued } from "~/services/outbox.server";
import { loadProgramme } from "~/services/programme.server";
import { startSmtpServer } from "../helpers/mail";
import { cookiesOf, db, request, SEED_EDITION, signIn } from "../helpers/app";
import { at, freshAddress, speakerWithSessions } from "./invitations-fixtures";

const PUBLIC = "https://programme.barouf.example";
process.env.PUBLIC_ORIGIN = PUBLIC;
process.env.MAIL_FROM = "Grand Barouf <programme@barouf.example>";
const BOUNCING = "bounce@example.org";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let editor: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  smtp = await startSmtpServer({ reject: (to) => to === BOUNCING });
  process.env.SMTP_URL = smtp.url;
  editor = await signIn("editor");
}, 60_000);
afterAll(async () => {
  await smtp.close();
});

const LINK = new RegExp(`${PUBLIC.replace(/[.]/g, "\\.")}/invitation/([A-Za-z0-9_-]{43})`);

describe("invitations by email", () => {
  it("delivers each invitation in the speaker's language, plain text and HTML, with a working link", async () => {
    const french = await speakerWithSessions({ locale: "fr" });
    const english = await speakerWithSessions({ locale: "en" });
    const before = smtp.received.length;
    const response = await request(`/editions/${SEED_EDITION}/invitations`, {
      cookie: editor.cookie,
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([["intent", "send"], ["speaker", french.speaker.uuid], ["speaker", english.speaker.uuid]]).toString(),
    });
    expect(response.status).toBe(200);
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const toFrench = mails.find((m) => m.to.includes(french.speaker.email!))!;
    const toEnglish = mails.find((m) => m.to.includes(english.speaker.email!))!;
    expect(toFrench.from).toBe("programme@barouf.example");
    expect(toFrench.subject).toBe("Grand Barouf numérique 2016 : votre espace intervenant·e");
    expect(toEnglish.subject).toBe("Grand Barouf numérique 2016: your speaker page");
    expect(toFrench.text).toContain(`Bonjour ${french.speaker.publicName},`);
    expect(toEnglish.text).toContain(`Hello ${english.speaker.publicName},`);
    for (const mail of [toFrench, toEnglish]) {
      expect(mail.html).toMatch(/<html lang="(fr|en)">/);
      expect(mail.text).toMatch(LINK);
      expect(mail.html).toMatch(LINK);
      expect(mail.raw).not.toContain("barouf.test/invitation");
    }
    expect(toEnglish.html).toContain('<html lang="en">');

    // The link works, once swapped, and lands on the clean URL in the speaker's language.
    const token = LINK.exec(toEnglish.text)![1]!;
    const open = await request(new URL(LINK.exec(toEnglish.text)![0]).pathname, { clientAddress: freshAddress() });
    expect(open.status).toBe(302);
    expect(open.headers.get("Location")).toBe("/speaker");
    expect(open.headers.getSetCookie().some((c) => c.startsWith("__Host-barouf_speaker=") && /Secure/i.test(c))).toBe(true);
    const page = await (await request("/speaker", { cookie: cookiesOf(open) })).text();
    expect(page).toContain(`Hello ${english.speaker.publicName}`);
    expect(page).toContain(`First session`);

    // The outbox holds the messages as sent, without the token.
    const database = await db();
    const stored = await database.select().from(emails).where(eq(emails.speakerId, english.speaker.id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.state).toBe("sent");
    expect(stored[0]!.sentAt).not.toBeNull();
    expect(stored[0]!.text + stored[0]!.html).not.toContain(token);
  });

  it("sends to a filtered list and reports each outcome, failures kept with their reason and sent again later", async () => {
    const good = await speakerWithSessions();
    const bouncing = await speakerWithSessions({ email: BOUNCING });
    const before = smtp.received.length;
    const response = await request(`/editions/${SEED_EDITION}/invitations`, {
      cookie: editor.cookie,
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([["intent", "send"], ["speaker", good.speaker.uuid], ["speaker", bouncing.speaker.uuid]]).toString(),
    });
    expect(response.status).toBe(200);
    await smtp.waitFor(before + 1);
    const database = await db();
    const failed = (await database.select().from(emails).where(eq(emails.speakerId, bouncing.speaker.id)).get())!;
    expect(failed.state).toBe("failed");
    expect(failed.lastError).toMatch(/550|Mailbox unavailable|Recipient/i);
    expect(failed.attempts).toBe(1);
    const outbox = await (await request(`/editions/${SEED_EDITION}/outbox?state=failed`, { cookie: editor.cookie })).text();
    expect(outbox).toContain(BOUNCING);

    // The address is fixed: "send again" delivers it, with a fresh link.
    await database.update(emails).set({ to: "fixed@example.org" }).where(eq(emails.id, failed.id));
    const resend = await request(`/editions/${SEED_EDITION}/outbox`, { cookie: editor.cookie, form: { intent: "resend" } });
    expect(resend.status).toBe(200);
    const mails = await smtp.waitFor(before + 2);
    expect(mails.at(-1)!.to).toEqual(["fixed@example.org"]);
    expect(mails.at(-1)!.text).toMatch(LINK);
    expect((await database.select().from(emails).where(eq(emails.id, failed.id)).get())!.state).toBe("sent");
  });
});

describe("sending to a list by email", () => {
  const send = (speaker: string, extra: [string, string][] = []) =>
    request(`/editions/${SEED_EDITION}/invitations`, {
      cookie: editor.cookie,
      method: "POST",
      body: new URLSearchParams([["intent", "send"], ["speaker", speaker], ...extra]).toString(),
    });
  const opens = async (path: string) => (await request(path, { clientAddress: freshAddress() })).status === 302;

  it("keeps a speaker's link and signed-in page working; the mailed link works too; re-issue only when asked", async () => {
    const { speaker } = await speakerWithSessions();
    // Invited by hand, signed in, then sent a reminder by email.
    const link = await request(`/editions/${SEED_EDITION}/invitations`, { cookie: editor.cookie, form: { intent: "link", speaker: speaker.uuid } });
    const oldPath = new URL(/https?:\/\/[^"\s]+\/invitation\/[A-Za-z0-9_-]{43}/.exec(await link.text())![0]).pathname;
    const open = await request(oldPath, { clientAddress: freshAddress() });
    const cookie = cookiesOf(open);
    const before = smtp.received.length;
    const page = await (await send(speaker.uuid, [["kind", "reminder"]])).text();
    expect(page).toContain("Relances\u00a0: 1 envoyée(s), 0 conservée(s) sans SMTP, 0 en échec.");
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.subject).toBe("Grand Barouf numérique 2016\u00a0: rappel, votre espace intervenant·e vous attend");
    const mailedPath = new URL(LINK.exec(mail!.text)![0]).pathname;
    expect(mailedPath).not.toBe(oldPath);
    // The old link still opens, the signed-in page still answers, and the new link opens too.
    expect(await opens(oldPath)).toBe(true);
    expect((await request("/speaker", { cookie })).status).toBe(200);
    expect(await opens(mailedPath)).toBe(true);

    // Asked for: new links, and every earlier one stops working.
    await send(speaker.uuid, [["reissue", "on"]]);
    const [reissued] = (await smtp.waitFor(before + 2)).slice(before + 1);
    const reissuedPath = new URL(LINK.exec(reissued!.text)![0]).pathname;
    expect(await opens(oldPath)).toBe(false);
    expect(await opens(mailedPath)).toBe(false);
    expect((await request("/speaker", { cookie })).status).toBe(401);
    expect(await opens(reissuedPath)).toBe(true);
  });

  it("does not warn about a missing mail server when SMTP is configured", async () => {
    const html = await (await request(`/editions/${SEED_EDITION}/invitations?bulk=invite&audience=not_invited`, { cookie: editor.cookie })).text();
    expect(html).toContain("recevront l’invitation");
    expect(html).not.toContain("aucun serveur d’envoi (SMTP) n’est configuré");
  });
});

describe("re-confirmation", () => {
  it("moving a confirmed session lapses its people, queues a message saying what changed, delivered after commit", async () => {
    const { speaker, partner, first, edition, room } = await speakerWithSessions({ locale: "en" });
    const database = await db();
    // The speaker has a live invitation and confirmed; the partner confirmed too.
    const invited = smtp.received.length;
    await request(`/editions/${SEED_EDITION}/invitations`, { cookie: editor.cookie, form: { intent: "send", speaker: speaker.uuid } });
    const invitationPath = new URL(LINK.exec((await smtp.waitFor(invited + 1)).at(-1)!.text)![0]).pathname;
    await database.update(sessionSpeakers).set({ confirmation: "confirmed" }).where(eq(sessionSpeakers.sessionId, first.id));
    const before = smtp.received.length;

    const newStart = at("2016-03-10", "16:00");
    const lapsed = await database.transaction(async (tx) => {
      const was = (await tx.select().from(sessions).where(eq(sessions.id, first.id)).get())!;
      await tx.update(sessions).set({ startsAt: newStart, endsAt: newStart + 3600_000 }).where(eq(sessions.id, first.id));
      const result = await markMustReconfirm(tx, {
        editionId: edition.id,
        sessionIds: [first.id],
        actor: organiserActor(editor.organiser),
        before: [{ sessionId: first.id, startsAt: was.startsAt, endsAt: was.endsAt, roomId: was.roomId }],
      });
      // Queued inside the transaction, not sent yet.
      const queued = await tx.select().from(emails).where(eq(emails.speakerId, speaker.id)).all();
      expect(queued.at(-1)!.state).toBe("queued");
      return result;
    });
    expect(lapsed.map((l) => l.speakerId).sort()).toEqual([speaker.id, partner.id].sort());
    const rows = await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, first.id)).all();
    expect(rows.every((r) => r.confirmation === "must_reconfirm")).toBe(true);

    const message = (await database.select().from(emails).where(eq(emails.speakerId, speaker.id)).all()).at(-1)!;
    expect(message.subject).toBe("Grand Barouf numérique 2016: one of your sessions changed");
    expect(message.text).toContain("– day: 9 March 2016 → 10 March 2016");
    expect(message.text).toContain("– time: 14:00–15:00 → 16:00–17:00");
    expect(message.text).not.toContain("– room");
    expect(message.text).toContain(`Now: 10 March 2016, 16:00–17:00, ${room.name}.`);

    await deliverQueued();
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const mail = mails.find((m) => m.to.includes(speaker.email!))!;
    expect(mail.subject).toBe(message.subject);
    // The partner had no invitation: their message asks them to reply to the organisers.
    const partnerMail = mails.find((m) => m.to.includes(partner.email!))!;
    expect(partnerMail.text).toContain("Merci de confirmer à nouveau votre participation auprès de l’équipe d’organisation.");
    expect(partnerMail.text).not.toMatch(LINK);
    // The link in the message works and the session asks to be confirmed again.
    const open = await request(new URL(LINK.exec(mail.text)![0]).pathname, { clientAddress: freshAddress() });
    expect(open.status).toBe(302);
    const page = await (await request("/speaker", { cookie: cookiesOf(open) })).text();
    expect(page).toContain("This session changed day, time or room since you confirmed it");
    // The link of the first invitation still works: the message did not replace it.
    expect((await request(invitationPath, { clientAddress: freshAddress() })).status).toBe(302);

    // The conflict engine sees the lapsed confirmation.
    const programme = await loadProgramme(database, { editionId: edition.id });
    const conflicts = checkProgramme(programme.input).filter((c) => c.rule === "SPEAKER_UNCONFIRMED" && c.sessions.includes(first.uuid));
    expect(conflicts.map((c) => c.people).flat().sort()).toEqual([speaker.uuid, partner.uuid].sort());
  });
});
