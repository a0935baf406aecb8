// The speaker's rights (issue 17 points 5 and 6): "download my data" (theirs only, complete),
// the erasure request and the organisers' erasure (told by email, nothing left in the database
// file, published history kept), and the notices each organisation edits (privacy notice,
// accessibility statement, retention).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emails, organisations, programmeVersions, sessionSpeakers, speakers } from "~/db/schema";
import { DEFAULT_NOTICES } from "~/domain/notices";
import { recordAudit } from "~/models/audit.server";
import { publishProgramme } from "~/services/publishing.server";
import { addAvailability, createEdition, createOrganisation } from "../../seed/factories";
import { checkpoint, expectNowhere } from "../helpers/database-bytes";
import { startSmtpServer } from "../helpers/mail";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { cookiesOf, db, request, SEED_EDITION, signIn } from "../helpers/app";
import { at, makeLink, openLink, otherEditionSpeaker, speakerWithSessions } from "./invitations-fixtures";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
}, 60_000);
afterAll(async () => {
  await smtp.close();
});

/** A speaker with private and sensitive values, availability, a stored message and an audit entry; signed in through their link. */
async function signedInSpeaker(marks: { phone: string; needs: string }) {
  const editor = await signIn("editor");
  const fixture = await speakerWithSessions();
  const database = await db();
  await database.update(speakers).set({ phone: marks.phone, accessibilityNeeds: marks.needs, internalNotes: "Note interne" }).where(eq(speakers.id, fixture.speaker.id));
  await database.update(speakers).set({ phone: "+33 6 00 00 00 99 PARTNER" }).where(eq(speakers.id, fixture.partner.id));
  await addAvailability(database, { speakerId: fixture.speaker.id, startsAt: at("2016-03-09", "09:00"), endsAt: at("2016-03-09", "12:00") });
  await database.insert(emails).values({ editionId: fixture.edition.id, speakerId: fixture.speaker.id, to: fixture.speaker.email!, subject: "Votre venue", text: "Bonjour", html: "<p>Bonjour</p>", state: "stored" });
  await database.insert(emails).values({ editionId: fixture.edition.id, speakerId: fixture.partner.id, to: fixture.partner.email!, subject: "Message du partenaire", text: "Bonjour", html: "<p>Bonjour</p>", state: "stored" });
  await recordAudit(database, { editionId: fixture.edition.id, actor: { type: "speaker", speakerId: fixture.speaker.id }, entity: "speaker", entityUuid: fixture.speaker.uuid, action: "update", before: { phone: null }, after: { phone: marks.phone } });
  const cookie = await openLink(await makeLink(editor.cookie, fixture.speaker.uuid));
  return { ...fixture, cookie, editor };
}

describe("download my data", () => {
  it("gives the speaker a JSON file of everything held about them, and nothing about anyone else", async () => {
    const marks = { phone: "+33 6 11 22 33 44", needs: "Boucle magnétique DOWNLOAD" };
    const { speaker, partner, first, second, cookie } = await signedInSpeaker(marks);
    const response = await request("/speaker/data", { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="barouf-${SEED_EDITION}-my-data.json"`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = await response.text();
    const document = JSON.parse(body);
    expect(document.edition.slug).toBe(SEED_EDITION);
    expect(document.speaker).toMatchObject({
      uuid: speaker.uuid,
      publicName: speaker.publicName,
      email: speaker.email,
      phone: marks.phone,
      accessibilityNeeds: marks.needs,
      internalNotes: "Note interne",
      erasureRequestedAt: null,
    });
    expect(document.sessions.map((s: { session: string }) => s.session).sort()).toEqual([first.uuid, second.uuid].sort());
    expect(document.sessions[0]).toMatchObject({ role: "speaker", confirmation: "pending" });
    expect(document.availability).toEqual([{ startsAt: new Date(at("2016-03-09", "09:00")).toISOString(), endsAt: new Date(at("2016-03-09", "12:00")).toISOString() }]);
    expect(document.invitations).toHaveLength(1);
    expect(document.invitations[0]).not.toHaveProperty("tokenHash");
    expect(document.loginSessions).toHaveLength(1);
    expect(document.emails.map((m: { subject: string }) => m.subject)).toEqual(["Votre venue"]);
    expect(document.auditEntries.some((e: { action: string; after: { phone?: string } }) => e.action === "update" && e.after.phone === marks.phone)).toBe(true);
    // Nothing of the partner who shares a session, nor of anyone else.
    expect(body).not.toContain(partner.email!);
    expect(body).not.toContain("PARTNER");
    expect(body).not.toContain("Message du partenaire");
    expect(body).not.toContain(partner.uuid);
  });

  it("is the same document for the organisers (editors and admins only), and out of a speaker's reach for anyone else's data", async () => {
    const { speaker, partner, cookie, editor } = await signedInSpeaker({ phone: "+33 6 55 44 33 22", needs: "Interprète ORGANISER-EXPORT" });
    const path = `/editions/${SEED_EDITION}/speakers/${speaker.uuid}/data`;
    const response = await request(path, { cookie: editor.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="barouf-${SEED_EDITION}-speaker-${speaker.uuid}.json"`);
    const byOrganiser = JSON.parse(await response.text());
    const bySpeaker = JSON.parse(await (await request("/speaker/data", { cookie })).text());
    // The same document, and the speaker now sees that the organisers exported it (not who).
    const exportEntry = bySpeaker.auditEntries.at(-1);
    expect({ ...byOrganiser, exportedAt: null }).toEqual({ ...bySpeaker, exportedAt: null, auditEntries: bySpeaker.auditEntries.slice(0, -1) });
    expect(exportEntry).toMatchObject({ actorType: "organiser", entity: "speaker", action: "export" });
    // Staff access to personal data is traceable: one entry, who and whose, counts only.
    const entries = await (await db())
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "speaker"), eq(auditLog.entityUuid, speaker.uuid), eq(auditLog.action, "export")))
      .all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: "organiser", organiserId: editor.organiser.id, editionId: speaker.editionId, before: null });
    expect(entries[0]!.after).toEqual({
      sessionCount: byOrganiser.sessions.length,
      availabilityCount: byOrganiser.availability.length,
      invitationCount: byOrganiser.invitations.length,
      loginSessionCount: byOrganiser.loginSessions.length,
      emailCount: byOrganiser.emails.length,
      auditEntryCount: byOrganiser.auditEntries.length,
    });
    expect(entries[0]!.after).toMatchObject({ sessionCount: 2, availabilityCount: 1, emailCount: 1 });
    const recorded = JSON.stringify(entries);
    for (const value of ["+33 6 55 44 33 22", "ORGANISER-EXPORT", speaker.email!, "Note interne"]) expect(recorded).not.toContain(value);
    // Viewers do not see sensitive data: no export for them.
    expect((await request(path, { cookie: (await signIn("viewer")).cookie })).status).toBe(403);
    // A speaker has no organiser session: another speaker's export sends to the login page.
    const other = await request(`/editions/${SEED_EDITION}/speakers/${partner.uuid}/data`, { cookie });
    expect(other.status).toBe(302);
    expect(other.headers.get("Location")).toMatch(/^\/login/);
    // A speaker of another edition is not found from this one.
    const elsewhere = await otherEditionSpeaker();
    expect((await request(`/editions/${SEED_EDITION}/speakers/${elsewhere.speaker.uuid}/data`, { cookie: editor.cookie })).status).toBe(404);
    // Without a speaker session: 401.
    expect((await request("/speaker/data")).status).toBe(401);
  });
});

describe("erasure", () => {
  it("the speaker asks, the organisers see it, an editor erases: told by email, nothing left in the file, the published history kept", async () => {
    const marks = { phone: "+33 6 98 12 34 56", needs: "Fauteuil ERASURE-SENSITIVE" };
    const { speaker, edition, cookie, editor } = await signedInSpeaker(marks);
    const database = await db();
    const email = speaker.email!;

    // The speaker's page: the privacy notice with the edition's retention, the download, the request.
    const page = await (await request("/speaker", { cookie })).text();
    expect(page).toContain("Commission nationale de l&#x27;informatique et des libertés (CNIL)");
    expect(page).toContain('href="/speaker/data"');
    expect(page).toContain('action="/speaker/erasure"');

    // Unconfirmed: nothing recorded.
    expect((await request("/speaker/erasure", { cookie, form: { intent: "erasure" } })).status).toBe(400);
    expect((await database.select().from(speakers).where(eq(speakers.id, speaker.id)).get())!.erasureRequestedAt).toBeNull();
    const asked = await request("/speaker/erasure", { cookie, form: { intent: "erasure", confirm: "yes" } });
    expect(asked.status).toBe(302);
    expect(asked.headers.get("Location")).toBe("/speaker?erasure=requested#rights");
    const requestedAt = (await database.select().from(speakers).where(eq(speakers.id, speaker.id)).get())!.erasureRequestedAt;
    expect(requestedAt).not.toBeNull();
    expect(await (await request("/speaker", { cookie })).text()).toContain("Vous avez demandé l’effacement de vos données le");
    // Asking again keeps the first date.
    await request("/speaker/erasure", { cookie, form: { intent: "erasure", confirm: "yes" } });
    expect((await database.select().from(speakers).where(eq(speakers.id, speaker.id)).get())!.erasureRequestedAt).toBe(requestedAt);
    const requestEntries = await database.select().from(auditLog).where(and(eq(auditLog.entityUuid, speaker.uuid), eq(auditLog.action, "erasure_request"))).all();
    expect(requestEntries).toHaveLength(1);

    // The organisers see the request: on the dashboard and on the speaker's page.
    const dashboard = await (await request(`/editions/${SEED_EDITION}`, { cookie: editor.cookie })).text();
    expect(dashboard).toContain("Demandes d’effacement en attente");
    expect(dashboard).toContain(`/editions/${SEED_EDITION}/speakers/${speaker.uuid}#speaker-rights`);
    const speakerPath = `/editions/${SEED_EDITION}/speakers/${speaker.uuid}`;
    expect(await (await request(speakerPath, { cookie: editor.cookie })).text()).toContain("Cette personne a demandé l’effacement de ses données le");

    // Published before the erasure: the published history must not change.
    await acknowledgeBlockingConflicts(database, edition.id);
    await publishProgramme(database, { editionId: edition.id, slug: edition.slug, actor: { type: "system" }, note: null, now: Date.now() });
    const publishedBefore = await database.select({ snapshot: programmeVersions.snapshot }).from(programmeVersions).where(eq(programmeVersions.editionId, edition.id)).all();

    // Viewers may not erase; an unconfirmed erasure does nothing.
    expect((await request(speakerPath, { cookie: (await signIn("viewer")).cookie, form: { intent: "erase", confirm: "yes" } })).status).toBe(403);
    expect((await request(speakerPath, { cookie: editor.cookie, form: { intent: "erase" } })).status).toBe(400);
    expect((await database.select().from(speakers).where(eq(speakers.id, speaker.id)).get())!.email).toBe(email);

    const before = smtp.received.length;
    const erased = await request(speakerPath, { cookie: editor.cookie, form: { intent: "erase", confirm: "yes" } });
    expect(erased.status).toBe(302);
    expect(erased.headers.get("Location")).toBe(`${speakerPath}?erased=1#speaker-rights`);

    // Told by email, at the address just erased; the outbox keeps no copy.
    const told = (await smtp.waitFor(before + 1)).slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]!.to).toEqual([email]);
    expect(told[0]!.subject).toBe(`${edition.title}\u00a0: vos données personnelles ont été effacées`);
    expect(told[0]!.text).toContain("Comme vous l’avez demandé");
    expect(told[0]!.text).not.toContain(marks.needs);
    expect(await database.select().from(emails).where(eq(emails.to, email)).all()).toEqual([]);

    const row = (await database.select().from(speakers).where(eq(speakers.id, speaker.id)).get())!;
    expect(row).toMatchObject({ publicName: speaker.publicName, email: null, phone: null, accessibilityNeeds: null, internalNotes: null, erasureRequestedAt: null });
    expect(await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.speakerId, speaker.id)).all()).toHaveLength(2);
    expect(await database.select({ snapshot: programmeVersions.snapshot }).from(programmeVersions).where(eq(programmeVersions.editionId, edition.id)).all()).toEqual(publishedBefore);

    // Audited with counts, never values.
    const entry = (await database.select().from(auditLog).where(and(eq(auditLog.entityUuid, speaker.uuid), eq(auditLog.action, "erase"))).get())!;
    expect(entry.after).toEqual({ availabilityWindows: 1, invitations: 1, emails: 1, auditEntries: expect.any(Number), requested: true, told: true });
    expect(entry.before).toBeNull();

    await checkpoint();
    expectNowhere([email, marks.phone, marks.needs]);

    // The speaker's link died with the erasure; the request is no longer pending.
    expect((await request("/speaker", { cookie })).status).toBe(401);
    expect(await (await request(`/editions/${SEED_EDITION}`, { cookie: editor.cookie })).text()).not.toContain(`${speaker.uuid}#speaker-rights`);
    expect(await (await request(`${speakerPath}?erased=1`, { cookie: editor.cookie })).text()).toContain("Les données personnelles ont été effacées");
  });

  it("lets an editor erase a speaker who asked by email (no request on file), the speaker told all the same", async () => {
    const { speaker, editor } = await signedInSpeaker({ phone: "+33 6 77 66 55 44", needs: "Rampe BY-EMAIL" });
    const before = smtp.received.length;
    const erased = await request(`/editions/${SEED_EDITION}/speakers/${speaker.uuid}`, { cookie: editor.cookie, form: { intent: "erase", confirm: "yes" } });
    expect(erased.status).toBe(302);
    const told = (await smtp.waitFor(before + 1)).slice(before);
    expect(told[0]!.text).toContain("Nous avons effacé les données personnelles");
    const database = await db();
    const entry = (await database.select().from(auditLog).where(and(eq(auditLog.entityUuid, speaker.uuid), eq(auditLog.action, "erase"))).get())!;
    expect(entry.after).toMatchObject({ requested: false, told: true });
    await checkpoint();
    expectNowhere([speaker.email!, "+33 6 77 66 55 44", "Rampe BY-EMAIL"]);
  });
});

describe("notices and retention", () => {
  async function ownOrganisation() {
    const database = await db();
    const organisation = await createOrganisation(database, { name: `Métropole ${Date.now()}`, kind: "public_body" });
    const edition = await createEdition(database, { organisationIds: [organisation.id], title: "Festival des possibles", startDate: "2026-03-08", endDate: "2026-03-10" });
    const admin = await signIn("admin", { organisation: organisation.name });
    return { organisation, edition, admin };
  }

  const form = (values: Record<string, string>) => ({
    intent: "notices",
    version: "1",
    retentionMonths: "12",
    noticeContact: "",
    accessibilityConformity: "none",
    privacyNoticeFr: "",
    privacyNoticeEn: "",
    accessibilityStatementFr: "",
    accessibilityStatementEn: "",
    ...values,
  });

  it("shows the default notices in French and English, filled in with the organisation, the contact and the retention", async () => {
    const { organisation, edition } = await ownOrganisation();
    const privacy = await (await request(`/programme/${edition.slug}/confidentialite`)).text();
    expect(privacy).toContain(`${organisation.name} organise Festival des possibles`);
    expect(privacy).toContain("effacées 12 mois après la fin de l&#x27;édition");
    expect(privacy).toContain("CNIL");
    expect(privacy).toContain("l&#x27;équipe organisatrice de");
    const accessibility = await (await request(`/programme/${edition.slug}/accessibilite`)).text();
    expect(accessibility).toContain("Défenseur des droits");
    expect(accessibility).toContain("est non conforme avec le référentiel général d&#x27;amélioration de l&#x27;accessibilité");
    const english = cookiesOf(await request("/locale", { form: { locale: "en", redirectTo: "/" } }));
    const inEnglish = await (await request(`/programme/${edition.slug}/accessibilite`, { cookie: english })).text();
    expect(inEnglish).toContain("is non-compliant with the French accessibility framework");
    expect(inEnglish).toContain("Accessibility statement");
    expect((await request("/programme/no-such-edition/confidentialite")).status).toBe(404);
  });

  it("lets the organisation's admins edit the retention, the contact, the conformity and the texts, validated", async () => {
    const { edition, admin, organisation } = await ownOrganisation();
    const page = await (await request("/admin/organisations/notices", { cookie: admin.cookie })).text();
    expect(page).toContain("Qui traite vos données");
    expect(page).toContain("Voies de recours");

    const refused = await request("/admin/organisations/notices", { cookie: admin.cookie, form: form({ retentionMonths: "0", privacyNoticeFr: "Gardé\u0007" }) });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain("aria-invalid");
    expect(refusedPage).toContain("Gardé");
    expect((await request("/admin/organisations/notices", { cookie: admin.cookie, form: form({ retentionMonths: "121" }) })).status).toBe(400);
    expect((await request("/admin/organisations/notices", { cookie: admin.cookie, form: form({ accessibilityConformity: "somewhat" }) })).status).toBe(400);

    const saved = await request("/admin/organisations/notices", {
      cookie: admin.cookie,
      form: form({
        retentionMonths: "18",
        noticeContact: "dpo@metropole.example",
        accessibilityConformity: "partial",
        privacyNoticeFr: "# Notre politique\nVos données sont gardées {retention} mois ; écrivez à {contact}.\n\n- <script>alert(1)</script>",
        privacyNoticeEn: DEFAULT_NOTICES.privacy.en,
      }),
    });
    expect(saved.status).toBe(302);
    const database = await db();
    const row = (await database.select().from(organisations).where(eq(organisations.id, organisation.id)).get())!;
    expect(row).toMatchObject({ retentionMonths: 18, noticeContact: "dpo@metropole.example", accessibilityConformity: "partial", privacyNoticeEn: null, accessibilityStatementFr: null });
    expect(row.privacyNoticeFr).toContain("# Notre politique");
    const audit = (await database.select().from(auditLog).where(and(eq(auditLog.entityUuid, organisation.uuid), eq(auditLog.action, "update"))).get())!;
    expect(audit.after).toMatchObject({ retentionMonths: 18, accessibilityConformity: "partial" });

    const privacy = await (await request(`/programme/${edition.slug}/confidentialite`)).text();
    expect(privacy).toContain("<h2>Notre politique</h2>");
    expect(privacy).toContain("Vos données sont gardées 18 mois ; écrivez à dpo@metropole.example.");
    expect(privacy).toContain("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>");
    expect(privacy).not.toContain("<script>alert(1)");
    expect(await (await request(`/programme/${edition.slug}/accessibilite`)).text()).toContain("est partiellement conforme");

    // The dashboard's purge summary follows the setting.
    const dashboard = await (await request(`/editions/${edition.slug}`, { cookie: admin.cookie })).text();
    expect(dashboard).toContain("Conservées 18 mois après l’édition");

    // A stale save is refused, nothing applied over the newer one.
    const stale = await request("/admin/organisations/notices", { cookie: admin.cookie, form: form({ retentionMonths: "6" }) });
    expect(stale.status).toBe(409);
    expect((await database.select().from(organisations).where(eq(organisations.id, organisation.id)).get())!.retentionMonths).toBe(18);
    // Editors cannot change them.
    const editor = await signIn("editor", { organisation: organisation.name });
    expect((await request("/admin/organisations/notices", { cookie: editor.cookie, form: form({ version: "2", retentionMonths: "6" }) })).status).toBe(403);
  });

  it("links both notices from the public programme's footer", async () => {
    const { edition } = await ownOrganisation();
    await publishProgramme(await db(), { editionId: edition.id, slug: edition.slug, actor: { type: "system" }, note: null, now: Date.now() });
    const programme = await (await request(`/programme/${edition.slug}`)).text();
    expect(programme).toContain(`href="/programme/${edition.slug}/accessibilite"`);
    expect(programme).toContain(`href="/programme/${edition.slug}/confidentialite"`);
  });
});
