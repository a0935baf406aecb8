// The "Trust" finding: an admin of an organisation with no access to an edition read and changed
// it (speakers CSV, sessions, publishing, invitation links). Admins reach only the editions their
// organisation runs or was given access to, and there act with their role.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { editions, organisations, speakers } from "~/db/schema";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { makeLink } from "./invitations-fixtures";

const base = `/editions/${SEED_EDITION}`;
const TITLE = "Grand Barouf numérique 2016";

async function seed() {
  const database = await db();
  const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
  const speaker = (await database.select().from(speakers).where(eq(speakers.editionId, edition.id)).get())!;
  const emails = (await database.select({ email: speakers.email }).from(speakers).where(eq(speakers.editionId, edition.id)).all())
    .map((row) => row.email)
    .filter((email): email is string => Boolean(email));
  const uber = (await database.select().from(organisations).where(eq(organisations.name, "Uber")).get())!;
  return { edition, speaker, emails, uber };
}

describe("an admin of another organisation", () => {
  it("reaches nothing of an edition their organisation has no access to; once granted, reaches it with their role", async () => {
    const { edition, speaker, emails, uber } = await seed();
    expect(emails.length).toBeGreaterThan(0);
    const outsider = await signIn("admin", { organisation: "Uber" });
    const uberViewer = await signIn("viewer", { organisation: "Uber" });
    const cookie = outsider.cookie;

    const csv = await request(`${base}/speakers.csv`, { cookie });
    expect(csv.status).toBe(404);
    const body = await csv.text();
    for (const email of emails) expect(body).not.toContain(email);
    expect((await request(`${base}/sessions.csv`, { cookie })).status).toBe(404);
    expect((await request(`${base}/sessions/new`, { cookie, form: { titleFr: "Intrusion" } })).status).toBe(404);
    expect((await request(`${base}/versions`, { cookie, form: { note: "" } })).status).toBe(404);
    expect((await request(`${base}/invitations`, { cookie, form: { intent: "link", speaker: speaker.uuid } })).status).toBe(404);
    expect((await request(`${base}/board`, { cookie })).status).toBe(404);
    expect((await request(`${base}/board/state`, { cookie })).status).toBe(404);
    expect((await request(`/editions/new?from=${SEED_EDITION}`, { cookie })).status).toBe(404);
    expect(await (await request("/editions", { cookie })).text()).not.toContain(TITLE);
    expect((await request("/", { cookie })).status).toBe(200);

    const mel = await signIn("admin", { organisation: "Métropole Européenne de Lille" });
    const granted = await request("/admin/organisations", { cookie: mel.cookie, form: { intent: "grant", edition: edition.uuid, organisation: uber.uuid } });
    expect(granted.status).toBe(200);

    const reached = await request(`${base}/speakers.csv`, { cookie });
    expect(reached.status).toBe(200);
    expect(await reached.text()).toContain(emails[0]);
    expect((await request(`${base}/board`, { cookie })).status).toBeLessThan(400); // the page, or its redirect to a day
    expect((await request(`${base}/board/state`, { cookie })).status).toBe(200);
    expect((await request(`${base}/sessions/new`, { cookie })).status).toBe(200);
    expect(await makeLink(cookie, speaker.uuid)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await (await request("/editions", { cookie })).text()).toContain(TITLE);
    expect((await request("/", { cookie })).headers.get("Location")).toBe(base);

    // With their own role there: the partner's viewer reads, but may not publish nor make links.
    expect((await request(`${base}/speakers.csv`, { cookie: uberViewer.cookie })).status).toBe(200);
    expect((await request(`${base}/versions`, { cookie: uberViewer.cookie, form: { note: "" } })).status).toBe(403);
    expect((await request(`${base}/invitations`, { cookie: uberViewer.cookie, form: { intent: "link", speaker: speaker.uuid } })).status).toBe(403);
  });

  it("an admin without organisation reaches no edition and cannot start one", async () => {
    const { cookie } = await signIn("admin", { organisation: "(none)" });
    expect((await request(base, { cookie })).status).toBe(404);
    expect(await (await request("/editions", { cookie })).text()).not.toContain(TITLE);
    const form = { title: "Orpheline", slug: "orpheline", startDate: "2017-03-15", endDate: "2017-03-16", timeZone: "Europe/Paris", venue: "", mainLanguage: "fr" };
    expect((await request("/editions/new", { cookie, form })).status).toBe(403);
  });
});
