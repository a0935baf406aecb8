// Invitation links, the speaker page and the organisers' side, with no SMTP configured.
import { and, desc, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import sharp from "sharp";
import { auditLog, emails, invitations, sessions, sessionSpeakers, speakerPhotos, speakers, availabilityWindows } from "~/db/schema";
import { listInvitations } from "~/models/invitations.server";
import { listSpeakerChanges } from "~/models/speaker-changes.server";
import { hashToken } from "~/services/auth.server";
import { openInvitation } from "~/services/speaker-auth.server";
import { issueInvitation } from "~/services/invitations.server";
import { createEdition, createSpeaker } from "../../seed/factories";
import { cookiesOf, db, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";
import { at, freshAddress, makeLink, openLink, otherEditionSpeaker, speakerWithSessions } from "./invitations-fixtures";


let editor: { cookie: string; organiser: { id: number } };
let viewer: { cookie: string };

beforeAll(async () => {
  editor = await signIn("editor");
  viewer = await signIn("viewer");
}, 60_000);

describe("invitation links", () => {
  it("swaps a token for a speaker cookie and a clean URL, with the capability headers", async () => {
    const { speaker } = await speakerWithSessions({ locale: "en" });
    const token = await makeLink(editor.cookie, speaker.uuid);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    const response = await request(`/invitation/${token}`, { clientAddress: freshAddress() });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/speaker");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Robots-Tag")).toMatch(/noindex/);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("barouf_speaker="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeLessThanOrEqual(4 * 3600);

    const page = await request("/speaker", { cookie: cookiesOf(response) });
    expect(page.status).toBe(200);
    // The clean URL carries no token: same-origin posts keep their Origin (a form without JavaScript).
    expect(page.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(page.headers.get("X-Robots-Tag")).toMatch(/noindex/);
    const html = await page.text();
    // The speaker's language came with the link.
    expect(html).toContain(`Hello ${speaker.publicName}`);
    expect(html).not.toContain(token);
  });

  it("stores only the SHA-256 of the token, and records the opening", async () => {
    const { speaker } = await speakerWithSessions();
    const token = await makeLink(editor.cookie, speaker.uuid);
    const database = await db();
    const row = (await database.select().from(invitations).where(eq(invitations.speakerId, speaker.id)).get())!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.lastOpenedAt).toBeNull();
    await openLink(token);
    const opened = (await database.select().from(invitations).where(eq(invitations.id, row.id)).get())!;
    expect(opened.lastOpenedAt).not.toBeNull();
    // Nothing in the audit log holds the token.
    const entries = await database.select().from(auditLog).where(like(auditLog.after, `%${token.slice(0, 20)}%`)).all();
    expect(entries).toEqual([]);
  });

  it("refuses an expired link", async () => {
    const { speaker } = await speakerWithSessions();
    const token = await makeLink(editor.cookie, speaker.uuid);
    const database = await db();
    await database.update(invitations).set({ expiresAt: Date.now() - 1 }).where(eq(invitations.tokenHash, hashToken(token)));
    const response = await request(`/invitation/${token}`, { clientAddress: freshAddress() });
    expect(response.status).toBe(404);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("barouf_speaker="))).toBe(false);
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("refuses a revoked link and ends the sessions opened with it", async () => {
    const { speaker } = await speakerWithSessions();
    const token = await makeLink(editor.cookie, speaker.uuid);
    const cookie = await openLink(token);
    expect((await request("/speaker", { cookie })).status).toBe(200);
    const revoke = await request(`/editions/${SEED_EDITION}/invitations`, { cookie: editor.cookie, form: { intent: "revoke", speaker: speaker.uuid, confirm: "yes" } });
    expect(revoke.status).toBe(200);
    expect((await request(`/invitation/${token}`, { clientAddress: freshAddress() })).status).toBe(404);
    expect((await request("/speaker", { cookie })).status).toBe(401);
  });

  it("invalidates the previous link when a new one is issued", async () => {
    const { speaker } = await speakerWithSessions();
    const first = await makeLink(editor.cookie, speaker.uuid);
    const second = await makeLink(editor.cookie, speaker.uuid);
    expect(second).not.toBe(first);
    expect((await request(`/invitation/${first}`, { clientAddress: freshAddress() })).status).toBe(404);
    expect((await request(`/invitation/${second}`, { clientAddress: freshAddress() })).status).toBe(302);
  });

  it("answers an unknown token exactly as a revoked one, through the same steps", async () => {
    const { speaker } = await speakerWithSessions();
    const revoked = await makeLink(editor.cookie, speaker.uuid);
    await request(`/editions/${SEED_EDITION}/invitations`, { cookie: editor.cookie, form: { intent: "revoke", speaker: speaker.uuid, confirm: "yes" } });
    const unknown = "A".repeat(43);
    const answers = await Promise.all(
      [revoked, unknown].map(async (token) => {
        const response = await request(`/invitation/${token}`, { clientAddress: freshAddress() });
        return { status: response.status, headers: [...response.headers].filter(([k]) => k !== "content-security-policy"), body: (await response.text()).replace(/nonce="[^"]+"/g, "") };
      }),
    );
    expect(answers[0]!.status).toBe(404);
    expect(answers[1]).toEqual(answers[0]);
    // Same timing class: the address's attempt counter (read, sweep, count), then one hash and one
    // lookup by hash, nothing else.
    const counts = [];
    for (const token of [revoked, unknown, "short"]) {
      const before = queryCounter.count;
      const result = await openInvitation({ token, clientAddress: freshAddress() });
      expect(result).toEqual({ ok: false, reason: "invalid" });
      counts.push(queryCounter.count - before);
    }
    expect(counts).toEqual([4, 4, 4]);
  });

  it("limits attempts per address, valid token or not", async () => {
    const { speaker } = await speakerWithSessions();
    const token = await makeLink(editor.cookie, speaker.uuid);
    const clientAddress = freshAddress();
    for (let i = 0; i < 20; i++) {
      const response = await request(`/invitation/${"B".repeat(42)}${i % 10}`, { clientAddress });
      expect(response.status).toBe(404);
    }
    const limited = await request(`/invitation/${token}`, { clientAddress });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(limited.headers.get("Cache-Control")).toBe("no-store");
    // Another address is not affected.
    expect((await request(`/invitation/${token}`, { clientAddress: freshAddress() })).status).toBe(302);
  });

  it("never writes a token to the logs", async () => {
    const { speaker } = await speakerWithSessions();
    const spies = (["log", "info", "warn", "debug"] as const).map((m) => vi.spyOn(console, m));
    const token = await makeLink(editor.cookie, speaker.uuid);
    await openLink(token);
    await request(`/invitation/${token}x`, { clientAddress: freshAddress() });
    const printed = spies.flatMap((spy) => spy.mock.calls.flat().map(String)).join("\n");
    expect(printed).not.toContain(token);
  });
});

describe("sending invitations without SMTP", () => {
  it("keeps every message in the outbox as stored, in the speaker's language, without the token", async () => {
    const french = await speakerWithSessions({ locale: "fr" });
    const english = await speakerWithSessions({ locale: "en" });
    const noEmail = await speakerWithSessions({ email: null });
    const response = await request(`/editions/${SEED_EDITION}/invitations`, {
      cookie: editor.cookie,
      body: new URLSearchParams([["intent", "send"], ["speaker", french.speaker.uuid], ["speaker", english.speaker.uuid], ["speaker", noEmail.speaker.uuid]]).toString(),
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(200);
    const database = await db();
    const fr = (await database.select().from(emails).where(eq(emails.speakerId, french.speaker.id)).get())!;
    const en = (await database.select().from(emails).where(eq(emails.speakerId, english.speaker.id)).get())!;
    expect(fr.state).toBe("stored");
    expect(en.state).toBe("stored");
    expect(fr.subject).toContain("votre espace intervenant·e");
    expect(en.subject).toContain("your speaker page");
    expect(fr.html).toContain("<!doctype html>");
    expect(fr.text).not.toMatch(/\/invitation\/[A-Za-z0-9_-]{43}/);
    expect(await database.select().from(emails).where(eq(emails.speakerId, noEmail.speaker.id)).all()).toEqual([]);
    // The list shows them invited; the outbox shows the kept messages without any link.
    const list = await (await request(`/editions/${SEED_EDITION}/invitations?q=${encodeURIComponent(french.speaker.publicName)}`, { cookie: editor.cookie })).text();
    expect(list).toContain("Invité·e");
    const outbox = await (await request(`/editions/${SEED_EDITION}/outbox?state=stored`, { cookie: viewer.cookie })).text();
    expect(outbox).toContain(french.speaker.email!);
    expect(outbox).toContain("[lien personnel, créé à l’envoi]");
  });

  it("escapes stored text in the HTML message", async () => {
    const database = await db();
    const { speaker } = await speakerWithSessions();
    await database.update(speakers).set({ publicName: `<script>alert(1)</script> & Co` }).where(eq(speakers.id, speaker.id));
    await request(`/editions/${SEED_EDITION}/invitations`, { cookie: editor.cookie, form: { intent: "send", speaker: speaker.uuid } });
    const message = (await database.select().from(emails).where(eq(emails.speakerId, speaker.id)).get())!;
    expect(message.html).not.toContain("<script>alert");
    expect(message.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
  });

  it("refuses a viewer and a speaker of another edition", async () => {
    const other = await otherEditionSpeaker();
    expect((await request(`/editions/${SEED_EDITION}/invitations`, { cookie: viewer.cookie, form: { intent: "send", speaker: other.speaker.uuid } })).status).toBe(403);
    const response = await request(`/editions/${SEED_EDITION}/invitations`, { cookie: editor.cookie, form: { intent: "link", speaker: other.speaker.uuid } });
    expect(response.status).toBe(404);
    const database = await db();
    expect(await database.select().from(invitations).where(eq(invitations.speakerId, other.speaker.id)).all()).toEqual([]);
    const send = await request(`/editions/${SEED_EDITION}/invitations`, { cookie: editor.cookie, form: { intent: "send", speaker: other.speaker.uuid } });
    expect(send.status).toBe(200);
    expect(await database.select().from(emails).where(eq(emails.speakerId, other.speaker.id)).all()).toEqual([]);
  });

  it("lists every speaker's state in a fixed number of queries", async () => {
    const database = await db();
    const { edition } = await speakerWithSessions();
    const count = async () => {
      const before = queryCounter.count;
      const rows = await listInvitations(database, { editionId: edition.id, now: Date.now() });
      return { queries: queryCounter.count - before, rows: rows.length };
    };
    const small = await count();
    for (let i = 0; i < 25; i++) await createSpeaker(database, { editionId: edition.id });
    const large = await count();
    expect(large.rows).toBe(small.rows + 25);
    expect(large.queries).toBe(small.queries);
    expect(small.queries).toBe(4);
  });
});

describe("the speaker page", () => {
  it("shows the speaker's sessions with room, time in the edition's zone and the others' public names only", async () => {
    const { speaker, partner, partnerOnly } = await speakerWithSessions();
    const database = await db();
    await database.update(speakers).set({ phone: "+33 6 00 00 00 01", internalNotes: "note interne secrète" }).where(eq(speakers.id, partner.id));
    const cookie = await openLink(await makeLink(editor.cookie, speaker.uuid));
    const html = await (await request("/speaker", { cookie })).text();
    expect(html).toContain("Première session");
    expect(html).toContain("9 mars 2016, 14:00–15:00");
    expect(html).toContain("10 mars 2016, 10:00–11:00");
    expect(html).toContain(partner.publicName);
    expect(html).not.toContain(partner.email!);
    expect(html).not.toContain("+33 6 00 00 00 01");
    expect(html).not.toContain("note interne secrète");
    expect(html).not.toContain(partnerOnly.titleFr!);
    // Every form carries its values in the HTML itself, for JavaScript-off browsers.
    expect(html).toMatch(/<input type="hidden" name="intent" value="decline"\/>/);
    expect(html).toMatch(/<input type="hidden" name="intent" value="profile"\/>/);
    expect(html).toMatch(/<textarea[^>]*name="bioFr"[^>]*>Une biographie courte\.<\/textarea>/);
    expect(html).toMatch(/<option value="all" selected="">/);
  });

  it("confirms one session, declines another with a reason, each in the audit log as the speaker's", async () => {
    const { speaker, first, second } = await speakerWithSessions();
    const cookie = await openLink(await makeLink(editor.cookie, speaker.uuid));
    const confirm = await request("/speaker", { cookie, form: { intent: "confirm", session: first.uuid, version: "1" } });
    expect(confirm.status).toBe(200);
    const noReason = await request("/speaker", { cookie, form: { intent: "decline", session: second.uuid, version: "1", reason: "" } });
    expect(noReason.status).toBe(400);
    const decline = await request("/speaker", { cookie, form: { intent: "decline", session: second.uuid, version: "1", reason: "Je serai à Bruxelles" } });
    expect(decline.status).toBe(200);
    const database = await db();
    const rows = await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.speakerId, speaker.id)).all();
    expect(rows.find((r) => r.sessionId === first.id)!.confirmation).toBe("confirmed");
    const declined = rows.find((r) => r.sessionId === second.id)!;
    expect(declined.confirmation).toBe("declined");
    expect(declined.declineReason).toBe("Je serai à Bruxelles");
    const audit = await database.select().from(auditLog).where(and(eq(auditLog.speakerId, speaker.id), eq(auditLog.entity, "session_speaker"))).orderBy(auditLog.id).all();
    expect(audit.map((a) => [a.actorType, a.action, a.entityUuid])).toEqual([
      ["speaker", "confirm", first.uuid],
      ["speaker", "decline", second.uuid],
    ]);
    // A stale answer (the session moved since the page was read) is refused.
    const stale = await request("/speaker", { cookie, form: { intent: "confirm", session: second.uuid, version: "1" } });
    expect(stale.status).toBe(409);
  });

  it("saves the profile, availability and consents, keeping typed values on errors", async () => {
    const { speaker } = await speakerWithSessions();
    const cookie = await openLink(await makeLink(editor.cookie, speaker.uuid));
    const bad = await request("/speaker", {
      cookie,
      form: { intent: "profile", version: "1", publicName: "Ada", organisation: "", jobTitle: "", bioFr: "Ma bio gardée", bioEn: "", "links.0.label": "x", "links.0.url": "javascript:alert(1)" },
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Ma bio gardée");
    expect(badHtml).toContain("L’adresse doit commencer par http:// ou https://.");
    const ok = await request("/speaker", {
      cookie,
      form: {
        intent: "profile",
        version: "1",
        publicName: "Ada Lovelace",
        organisation: "Coopérative Test",
        jobTitle: "Mathématicienne",
        bioFr: "Nouvelle biographie",
        bioEn: "New bio",
        "links.0.label": "Site",
        "links.0.url": "https://ada.example",
      },
    });
    expect(ok.status).toBe(200);
    const availability = await request("/speaker", {
      cookie,
      form: { intent: "availability", "days.0.date": "2016-03-09", "days.0.mode": "part", "days.0.from": "13:30", "days.0.to": "18:00", "days.1.date": "2016-03-10", "days.1.mode": "none" },
    });
    expect(availability.status).toBe(200);
    const practical = await request("/speaker", {
      cookie,
      form: { intent: "practical", version: "2", consentRecording: "on", accessibilityNeeds: "Fauteuil roulant", practicalNotes: "", preferredLocale: "en" },
    });
    expect(practical.status).toBe(200);
    const database = await db();
    const row = (await database.select().from(speakers).where(eq(speakers.id, speaker.id)).get())!;
    expect(row).toMatchObject({
      publicName: "Ada Lovelace",
      jobTitle: "Mathématicienne",
      bioFr: "Nouvelle biographie",
      bioEn: "New bio",
      links: [{ label: "Site", url: "https://ada.example" }],
      consentRecording: true,
      consentPhotos: false,
      accessibilityNeeds: "Fauteuil roulant",
      preferredLocale: "en",
    });
    const windows = await database.select().from(availabilityWindows).where(eq(availabilityWindows.speakerId, speaker.id)).all();
    expect(windows.map((w) => [w.startsAt, w.endsAt])).toEqual([[at("2016-03-09", "13:30"), at("2016-03-09", "18:00")]]);

    // The organisers see each change with its author, until they mark them seen.
    const changes = await listSpeakerChanges(database, { editionId: speaker.editionId, organiserId: editor.organiser.id, speakerUuid: speaker.uuid });
    expect(changes.map((c) => c.entity).sort()).toEqual(["availability", "speaker", "speaker"]);
    const page = await (await request(`/editions/${SEED_EDITION}/speaker-changes`, { cookie: editor.cookie })).text();
    expect(page).toContain("par Ada Lovelace (intervenant·e)");
    expect(page).toContain("Nouvelle biographie");
    // Accessibility needs are sensitive: the change shows, never its value (the data map).
    expect(page).not.toContain("Fauteuil roulant");
    expect(page).toContain("modifié (valeur non conservée)");
    // The speaker's own organiser page shows them too, and marks them seen from there.
    const speakerPage = await (await request(`/editions/${SEED_EDITION}/speakers/${speaker.uuid}`, { cookie: editor.cookie })).text();
    expect(speakerPage).toContain("Modifié par l’intervenant·e depuis votre dernière visite (3)");
    const seen = await request(`/editions/${SEED_EDITION}/speaker-changes`, {
      cookie: editor.cookie,
      form: { intent: "seen", speaker: speaker.uuid, redirectTo: `/editions/${SEED_EDITION}/speakers/${speaker.uuid}` },
    });
    expect(seen.status).toBe(302);
    expect(seen.headers.get("Location")).toBe(`/editions/${SEED_EDITION}/speakers/${speaker.uuid}`);
    expect(await (await request(`/editions/${SEED_EDITION}/speakers/${speaker.uuid}`, { cookie: editor.cookie })).text()).not.toContain("depuis votre dernière visite");
    expect(await listSpeakerChanges(database, { editionId: speaker.editionId, organiserId: editor.organiser.id, speakerUuid: speaker.uuid })).toEqual([]);
    // Another organiser has not looked yet.
    const other = await signIn("admin");
    const theirs = await (await request(`/editions/${SEED_EDITION}/speaker-changes`, { cookie: other.cookie })).text();
    expect(theirs).toContain("par Ada Lovelace (intervenant·e)");
  });

  it("refuses an availability in the hour the clocks skip with the field's message (400), writing nothing", async () => {
    const database = await db();
    // Europe/Paris skips 02:00–03:00 on 2016-03-27.
    const edition = await createEdition(database, { slug: `spring-forward-${Date.now()}`, startDate: "2016-03-26", endDate: "2016-03-28" });
    const speaker = await createSpeaker(database, { editionId: edition.id, email: `spring.${Date.now()}@example.org` });
    const { token } = await database.transaction((tx) => issueInvitation(tx, { editionId: edition.id, speakerId: speaker.id, organiserId: null, now: Date.now() }));
    const cookie = await openLink(token);
    const form = { intent: "availability", "days.0.date": "2016-03-27", "days.0.mode": "part", "days.0.from": "02:30", "days.0.to": "04:00" };
    const refused = await request("/speaker", { cookie, form });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Cette heure n’existe pas ce jour-là");
    expect(html).toContain('value="02:30"');
    expect(await database.select().from(availabilityWindows).where(eq(availabilityWindows.speakerId, speaker.id)).all()).toEqual([]);
    // The same hours an hour later exist, and are saved.
    const saved = await request("/speaker", { cookie, form: { ...form, "days.0.from": "03:30" } });
    expect(saved.status).toBe(200);
    const windows = await database.select().from(availabilityWindows).where(eq(availabilityWindows.speakerId, speaker.id)).all();
    expect(windows.map((w) => [w.startsAt, w.endsAt])).toEqual([[at("2016-03-27", "03:30"), at("2016-03-27", "04:00")]]);
  });

  it("lists unseen changes in one query whatever their number", async () => {
    const database = await db();
    const { speaker, edition } = await speakerWithSessions();
    const cookie = await openLink(await makeLink(editor.cookie, speaker.uuid));
    const count = async () => {
      const before = queryCounter.count;
      await listSpeakerChanges(database, { editionId: edition.id, organiserId: editor.organiser.id });
      return queryCounter.count - before;
    };
    const few = await count();
    for (let i = 0; i < 5; i++) {
      await request("/speaker", { cookie, form: { intent: "propose", session: (await speakerSessionUuid(speaker.id)), version: String(i + 1), proposedTime: `Proposition ${i}` } });
    }
    expect(await count()).toBe(few);
    expect(few).toBe(1);
  });
});

async function speakerSessionUuid(speakerId: number) {
  const database = await db();
  const row = (await database
    .select({ uuid: sessions.uuid })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .where(eq(sessionSpeakers.speakerId, speakerId))
    .orderBy(sessions.id)
    .get())!;
  return row.uuid;
}

describe("a speaker reaches only their own data", () => {
  it("cannot answer for a session that is not theirs, by changing the id", async () => {
    const mine = await speakerWithSessions();
    const other = await otherEditionSpeaker();
    const cookie = await openLink(await makeLink(editor.cookie, mine.speaker.uuid));
    const database = await db();
    for (const session of [mine.partnerOnly, other.session]) {
      for (const form of <Record<string, string>[]>[
        { intent: "confirm", session: session.uuid, version: "1" },
        { intent: "decline", session: session.uuid, version: "1", reason: "Pas moi" },
        { intent: "propose", session: session.uuid, version: "1", proposedTime: "Demain" },
      ]) {
        const response = await request("/speaker", { cookie, form });
        expect(response.status).toBe(404);
      }
      const rows = await database.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id)).all();
      expect(rows.every((r) => r.confirmation === "pending" && r.proposedTime === null)).toBe(true);
    }
  });

  it("changes only their own profile whatever ids the form carries", async () => {
    const mine = await speakerWithSessions();
    const cookie = await openLink(await makeLink(editor.cookie, mine.speaker.uuid));
    const response = await request("/speaker", {
      cookie,
      form: { intent: "profile", version: "1", speakerId: mine.partner.uuid, speaker: mine.partner.uuid, id: String(mine.partner.id), publicName: "Pirate", organisation: "", jobTitle: "", bioFr: "", bioEn: "" },
    });
    expect(response.status).toBe(200);
    const database = await db();
    expect((await database.select().from(speakers).where(eq(speakers.id, mine.partner.id)).get())!.publicName).toBe(mine.partner.publicName);
    expect((await database.select().from(speakers).where(eq(speakers.id, mine.speaker.id)).get())!.publicName).toBe("Pirate");
  });

  it("reaches no organiser page, and nothing without a cookie", async () => {
    const mine = await speakerWithSessions();
    const cookie = await openLink(await makeLink(editor.cookie, mine.speaker.uuid));
    for (const path of [`/editions/${SEED_EDITION}`, `/editions/${SEED_EDITION}/invitations`, `/editions/${SEED_EDITION}/speaker-photos/${mine.speaker.uuid}`]) {
      const response = await request(path, { cookie });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
    expect((await request("/speaker")).status).toBe(401);
    expect((await request("/speaker", { form: { intent: "confirm", session: mine.first.uuid, version: "1" } })).status).toBe(401);
    expect((await request("/speaker/photo")).status).toBe(401);
    expect((await request("/speaker", { cookie: "barouf_speaker=%22forged%22" })).status).toBe(401);
  });

  it("takes a checked photo upload, resized into the database and served only to the speaker and the edition's organisers", async () => {
    const mine = await speakerWithSessions();
    const other = await otherEditionSpeaker();
    const cookie = await openLink(await makeLink(editor.cookie, mine.speaker.uuid));
    const png = new Uint8Array(await sharp({ create: { width: 300, height: 200, channels: 3, background: "#2a6" } }).png().toBuffer());
    const upload = async (bytes: Uint8Array<ArrayBuffer>, name: string, type: string) => {
      const form = new FormData();
      form.append("intent", "photo");
      form.append("photo", new Blob([bytes], { type }), name);
      return request("/speaker", { cookie, method: "POST", body: form });
    };
    const fake = await upload(new TextEncoder().encode("<svg onload=alert(1)>"), "photo.png", "image/png");
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain("Seules les images JPEG, PNG ou WebP sont acceptées.");
    const ok = await upload(png, "moi.png", "image/png");
    expect(ok.status).toBe(200);
    const database = await db();
    const rows = await database.select().from(speakerPhotos).where(eq(speakerPhotos.speakerId, mine.speaker.id)).all();
    expect(rows.map((r) => r.size).sort((x, y) => x - y)).toEqual([96, 256, 512]);
    const own = await request("/speaker/photo", { cookie });
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("image/webp");
    expect(own.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await sharp(Buffer.from(await own.arrayBuffer())).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });
    const organiser = await request(`/editions/${SEED_EDITION}/speaker-photos/${mine.speaker.uuid}`, { cookie: viewer.cookie });
    expect(organiser.status).toBe(200);
    // Another edition's speaker through this edition's URL: not found.
    await database.insert(speakerPhotos).values(rows.map(({ speakerId: _id, ...row }) => ({ ...row, speakerId: other.speaker.id })));
    expect((await request(`/editions/${SEED_EDITION}/speaker-photos/${other.speaker.uuid}`, { cookie: viewer.cookie })).status).toBe(404);
  });

  it("lets the speaker remove their own photo, once confirmed, and says so in the organisers' history", async () => {
    const mine = await speakerWithSessions();
    const cookie = await openLink(await makeLink(editor.cookie, mine.speaker.uuid));
    const png = new Uint8Array(await sharp({ create: { width: 64, height: 64, channels: 3, background: "#a26" } }).png().toBuffer());
    const form = new FormData();
    form.append("intent", "photo");
    form.append("photo", new Blob([png], { type: "image/png" }), "moi.png");
    expect((await request("/speaker", { cookie, method: "POST", body: form })).status).toBe(200);
    const database = await db();
    const photos = () => database.select().from(speakerPhotos).where(eq(speakerPhotos.speakerId, mine.speaker.id)).all();
    expect(await photos()).toHaveLength(3);
    const page = await (await request("/speaker", { cookie })).text();
    expect(page).toContain("Retirer ma photo");
    // Unconfirmed: nothing removed, the page asks.
    const asked = await request("/speaker", { cookie, form: { intent: "removePhoto" } });
    expect(asked.status).toBe(400);
    expect(await asked.text()).toContain("Votre photo sera effacée de Barouf");
    expect(await photos()).toHaveLength(3);
    const removed = await request("/speaker", { cookie, form: { intent: "removePhoto", confirm: "yes" } });
    expect(removed.status).toBe(200);
    expect(await photos()).toEqual([]);
    expect((await request("/speaker/photo?size=256", { cookie })).status).toBe(404);
    const entry = await database.select().from(auditLog).where(and(eq(auditLog.entity, "speaker"), eq(auditLog.entityUuid, mine.speaker.uuid))).orderBy(desc(auditLog.id)).get();
    expect(entry!.actorType).toBe("speaker");
  });
});
