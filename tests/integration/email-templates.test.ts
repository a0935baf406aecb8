// An edition's texts of the messages speakers receive: the page's action (refusals, save, reset,
// the preview without JavaScript) and a real SMTP conversation proving the edition's text, in the
// speaker's language, is what the speaker receives.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailTemplates, sessions, sessionSpeakers, speakers } from "~/db/schema";
import { organiserActor } from "~/models/audit.server";
import { deliverQueued } from "~/services/outbox.server";
import { markMustReconfirm } from "~/services/reconfirmation.server";
import { startSmtpServer } from "../helpers/mail";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { at, speakerWithSessions } from "./invitations-fixtures";

const PUBLIC = "https://programme.barouf.example";
process.env.PUBLIC_ORIGIN = PUBLIC;
process.env.MAIL_FROM = "Grand Barouf <programme@barouf.example>";
const LINK = new RegExp(`${PUBLIC.replace(/[.]/g, "\\.")}/invitation/[A-Za-z0-9_-]{43}`);
const PAGE = `/editions/${SEED_EDITION}/email-texts`;
const EDITION = "Grand Barouf numérique 2016";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let editor: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  editor = await signIn("editor");
}, 60_000);
afterAll(async () => {
  await smtp.close();
});

const post = (form: Record<string, string>) => request(PAGE, { cookie: editor.cookie, form });
const save = (kind: string, language: string, version: number, subject: string, body: string) =>
  post({ intent: "save", kind, language, version: String(version), subject, body });

async function stored(kind: "invitation" | "reminder" | "reconfirm", locale: "fr" | "en") {
  return (await db()).select().from(emailTemplates).where(and(eq(emailTemplates.kind, kind), eq(emailTemplates.locale, locale))).get();
}

describe("the email texts page", () => {
  it("shows today's text, the placeholders and a preview for a real speaker", async () => {
    const response = await request(`${PAGE}?kind=reminder&language=en`, { cookie: editor.cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("{edition}: a reminder, your speaker page is waiting");
    expect(html).toContain("{date_limite}");
    expect(html).toContain("la date jusqu’à laquelle ce lien est valable");
    expect(html).toContain(`${EDITION}: a reminder, your speaker page is waiting`);
    expect(html).toMatch(/Le message tel que .+ le recevrait/);
    expect(html).toContain(`${PUBLIC}/invitation/personal-link`);
  });

  it("refuses a body without the personal link, with a clear message, and saves nothing", async () => {
    const response = await save("invitation", "fr", 0, "{edition}", "Bonjour {nom},\n\nÀ bientôt.");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Le texte doit contenir la balise {lien}\u00a0: sans elle, le lien personnel manquerait");
    // What was typed stays in the form.
    expect(html).toContain("À bientôt.");
    expect(await stored("invitation", "fr")).toBeUndefined();
  });

  it("refuses an unknown placeholder by its name, and the link in the subject", async () => {
    const unknown = await save("invitation", "fr", 0, "{edition}", "Bonjour {prenom},\n\n{lien}");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("La balise {prenom} n’existe pas pour ce message. Balises possibles\u00a0: {nom}, {edition}, {lien}, {date_limite}.");
    const inSubject = await save("reminder", "en", 0, "Your {lien}", "{lien}");
    expect(inSubject.status).toBe(400);
    expect(await inSubject.text()).toContain("La balise {lien} ne peut figurer que dans le texte du message, pas dans l’objet.");
  });

  it("shows the preview of a typed text without JavaScript (the preview button posts)", async () => {
    const response = await post({ intent: "preview", kind: "invitation", language: "fr", version: "0", subject: "Pour {nom}", body: "Coucou {nom} !\n\n{lien}" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/data-testid="preview-body">Coucou .+ !\n\nhttps:\/\/programme\.barouf\.example\/invitation\/lien-personnel\n<\/pre>/);
    expect(await stored("invitation", "fr")).toBeUndefined();
  });

  it("saves a text (audited), refuses a save read before it, resets to the default after confirmation", async () => {
    const first = await save("reminder", "fr", 0, "Rappel {edition}", "Bonjour {nom},\r\n\r\nVotre lien\u00a0:\r\n{lien}");
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`${PAGE}?kind=reminder&language=fr&done=saved.emailText`);
    const row = (await stored("reminder", "fr"))!;
    expect(row).toMatchObject({ subject: "Rappel {edition}", body: "Bonjour {nom},\n\nVotre lien\u00a0:\n{lien}", version: 1 });
    const audit = await (await db()).select().from(auditLog).where(and(eq(auditLog.entity, "email_template"), eq(auditLog.entityUuid, row.uuid))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", after: { kind: "reminder", locale: "fr", subject: "Rappel {edition}" } });
    const page = await (await request(`${PAGE}?kind=reminder&language=fr&done=saved.emailText`, { cookie: editor.cookie })).text();
    expect(page).toContain("Texte du message enregistré.");
    expect(page).toContain("Rappel {edition}");

    // Someone saved meanwhile: the save read at version 0 is refused, the typed text kept.
    const late = await save("reminder", "fr", 0, "Autre rappel", "Autre texte {lien}");
    expect(late.status).toBe(409);
    const lateHtml = await late.text();
    expect(lateHtml).toContain("Quelqu’un a modifié ce texte pendant que vous l’écriviez.");
    expect(lateHtml).toContain("Autre texte {lien}");
    expect((await stored("reminder", "fr"))!.subject).toBe("Rappel {edition}");

    // Reset asks first, then brings the default text back.
    const asked = await post({ intent: "reset", kind: "reminder", language: "fr", version: "1" });
    expect(asked.status).toBe(400);
    expect((await stored("reminder", "fr"))!.subject).toBe("Rappel {edition}");
    const reset = await post({ intent: "reset", kind: "reminder", language: "fr", version: "1", confirm: "yes" });
    expect(reset.status).toBe(302);
    expect(reset.headers.get("Location")).toBe(`${PAGE}?kind=reminder&language=fr&done=saved.emailTextReset`);
    expect(await stored("reminder", "fr")).toMatchObject({ subject: null, body: null, version: 2 });
    const after = await (await request(`${PAGE}?kind=reminder&language=fr`, { cookie: editor.cookie })).text();
    expect(after).toContain("{edition}\u00a0: rappel, votre espace intervenant·e vous attend");
  });

  it("lets a viewer read the texts but not change them", async () => {
    const viewer = await signIn("viewer");
    expect((await request(PAGE, { cookie: viewer.cookie })).status).toBe(200);
    const refused = await request(PAGE, { cookie: viewer.cookie, form: { intent: "save", kind: "invitation", language: "fr", version: "0", subject: "x", body: "{lien}" } });
    expect(refused.status).toBe(403);
  });
});

describe("sending with the edition's texts", () => {
  it("invitations: each speaker receives the edition's text in their language, values escaped in the HTML part", async () => {
    expect((await save("invitation", "fr", 0, "{edition} — bienvenue {nom}", "Chère, cher {nom},\n\nVoici votre lien pour {edition}\u00a0:\n{lien}\n\nIl expire le {date_limite}.\n\nÀ bientôt")).status).toBe(302);
    expect((await save("invitation", "en", 0, "Welcome {nom}", "Dear {nom},\n\n{lien}\n\nValid until {date_limite}.")).status).toBe(302);
    const french = await speakerWithSessions({ locale: "fr" });
    const english = await speakerWithSessions({ locale: "en" });
    const database = await db();
    const hostile = `Anne <b>Martin</b> & "Cie"`;
    await database.update(speakers).set({ publicName: hostile }).where(eq(speakers.id, french.speaker.id));
    const before = smtp.received.length;
    const response = await request(`/editions/${SEED_EDITION}/invitations`, {
      cookie: editor.cookie,
      method: "POST",
      body: new URLSearchParams([["intent", "send"], ["speaker", french.speaker.uuid], ["speaker", english.speaker.uuid]]).toString(),
    });
    expect(response.status).toBe(200);
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const toFrench = mails.find((m) => m.to.includes(french.speaker.email!))!;
    const toEnglish = mails.find((m) => m.to.includes(english.speaker.email!))!;

    expect(toFrench.subject).toBe(`${EDITION} — bienvenue ${hostile}`);
    expect(toFrench.text.replace(LINK, "<LINK>")).toMatch(
      new RegExp(`^Chère, cher Anne <b>Martin</b> & "Cie",\\r?\\n\\r?\\nVoici votre lien pour ${EDITION}\u00a0:\\r?\\n<LINK>\\r?\\n\\r?\\nIl expire le \\d{1,2} \\S+ \\d{4}\\.\\r?\\n\\r?\\nÀ bientôt\\s*$`),
    );
    expect(toFrench.html).toContain("Chère, cher Anne &lt;b&gt;Martin&lt;/b&gt; &amp; &quot;Cie&quot;,");
    expect(toFrench.html).not.toContain("<b>Martin");
    expect(toFrench.html).toMatch(new RegExp(`<a href="${LINK.source}">${LINK.source}</a>`));

    expect(toEnglish.subject).toBe(`Welcome ${english.speaker.publicName}`);
    expect(toEnglish.text.replace(LINK, "<LINK>")).toMatch(new RegExp(`^Dear ${english.speaker.publicName},\\r?\\n\\r?\\n<LINK>\\r?\\n\\r?\\nValid until \\d{1,2} \\S+ \\d{4}\\.\\s*$`));
    expect(toEnglish.html).toContain('<html lang="en">');
    // The link in the edition's text works.
    const open = await request(new URL(LINK.exec(toEnglish.text)![0]).pathname, { clientAddress: "198.51.100.23" });
    expect(open.status).toBe(302);
  });

  it("re-confirmation: the edition's text, the changes in it, and the paragraph with the link replaced for someone without one", async () => {
    expect(
      (await save("reconfirm", "fr", 0, "{edition} : ça bouge", "Bonjour {nom},\n\nDu nouveau\u00a0:\n\n{changements}\n\nReconfirmez ici\u00a0:\n{lien}\n\nL’équipe")).status,
    ).toBe(302);
    const { speaker, partner, first, edition } = await speakerWithSessions({ locale: "fr" });
    const database = await db();
    const invited = smtp.received.length;
    await request(`/editions/${SEED_EDITION}/invitations`, { cookie: editor.cookie, form: { intent: "send", speaker: speaker.uuid } });
    await smtp.waitFor(invited + 1);
    await database.update(sessionSpeakers).set({ confirmation: "confirmed" }).where(eq(sessionSpeakers.sessionId, first.id));
    const before = smtp.received.length;
    const newStart = at("2016-03-10", "16:00");
    await database.transaction(async (tx) => {
      const was = (await tx.select().from(sessions).where(eq(sessions.id, first.id)).get())!;
      await tx.update(sessions).set({ startsAt: newStart, endsAt: newStart + 3600_000 }).where(eq(sessions.id, first.id));
      await markMustReconfirm(tx, {
        editionId: edition.id,
        sessionIds: [first.id],
        actor: organiserActor(editor.organiser),
        before: [{ sessionId: first.id, startsAt: was.startsAt, endsAt: was.endsAt, roomId: was.roomId }],
      });
    });
    await deliverQueued();
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const toSpeaker = mails.find((m) => m.to.includes(speaker.email!))!;
    const toPartner = mails.find((m) => m.to.includes(partner.email!))!;
    expect(toSpeaker.subject).toBe(`${EDITION} : ça bouge`);
    const text = toSpeaker.text.replace(/\r\n/g, "\n");
    expect(text).toContain(`Bonjour ${speaker.publicName},\n\nDu nouveau\u00a0:\n\n«\u00a0Première session`);
    expect(text).toContain("– jour : 9 mars 2016 → 10 mars 2016");
    expect(text).toMatch(new RegExp(`Reconfirmez ici\u00a0:\n${LINK.source}\n\nL’équipe\\s*$`));
    const partnerText = toPartner.text.replace(/\r\n/g, "\n");
    expect(partnerText).toContain("\n\nMerci de confirmer à nouveau votre participation auprès de l’équipe d’organisation.\n\nL’équipe");
    expect(partnerText).not.toContain("Reconfirmez ici");
    expect(partnerText).not.toMatch(LINK);
  });
});
