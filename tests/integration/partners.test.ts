import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editionOrganisations, organisations, organisers } from "~/db/schema";
import { createEdition, createOrganisation, createOrganiser } from "../../seed/factories";
import { cookiesOf, db, request, signIn } from "../helpers/app";

const PARTNERS = "/admin/organisations/partners";

/** An admin of a fresh organisation running a fresh edition, with a partner that has an account and a speaker's employer. */
async function setting() {
  const database = await db();
  const own = await createOrganisation(database);
  const admin = await signIn("admin", { organisation: own.name });
  const edition = await createEdition(database, { organisationIds: [own.id] });
  const partner = await createOrganisation(database);
  await createOrganiser(database, { organisationId: partner.id, role: "editor" });
  const employer = await createOrganisation(database, { kind: "company" });
  return { ...admin, own, edition, partner, employer };
}

function form(values: Record<string, string>) {
  return { intent: "create", organisation: "", newOrganisation: "", name: "Léa Partenaire", email: `lea.${crypto.randomUUID()}@example.org`, role: "editor", password: "", ...values };
}

describe("partner organisations", () => {
  it("offers partner organisations only (never a speaker's employer) in the access picker and the account form", async () => {
    const { cookie, partner, employer } = await setting();
    for (const page of ["/admin/organisations", PARTNERS]) {
      const html = await (await request(page, { cookie })).text();
      expect(html, page).toContain(`value="${partner.uuid}"`);
      expect(html, page).not.toContain(`value="${employer.uuid}"`);
      expect(html, page).not.toContain(employer.name);
    }
  });

  it("creates an editor's account for a new partner organisation, opens the edition to it, and the account reaches it", async () => {
    const { cookie, organiser: admin, edition } = await setting();
    const email = "lea.ouishare@example.org";
    const created = await request(PARTNERS, { cookie, form: form({ edition: edition.uuid, newOrganisation: "Partenaire Nouveau", email }) });
    expect(created.status).toBe(200);
    expect(created.headers.get("Cache-Control")).toBe("no-store");
    const html = await created.text();
    expect(html).toContain(`Compte créé pour Léa Partenaire (${email}), de Partenaire Nouveau, avec accès à ${edition.title}.`);
    const password = /data-testid="generated-password">([^<]+)</.exec(html)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const database = await db();
    const organisation = await database.select().from(organisations).where(eq(organisations.name, "Partenaire Nouveau")).get();
    const account = await database.select().from(organisers).where(eq(organisers.email, email)).get();
    expect(account).toMatchObject({ role: "editor", organisationId: organisation!.id, active: true });
    const access = await database
      .select()
      .from(editionOrganisations)
      .where(and(eq(editionOrganisations.editionId, edition.id), eq(editionOrganisations.organisationId, organisation!.id)))
      .all();
    expect(access).toHaveLength(1);
    const audit = await database.select().from(auditLog).where(eq(auditLog.organiserId, admin.id)).all();
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "grant_access"]);

    const login = await request("/login", { form: { email, password: password! } });
    expect(login.status).toBe(302);
    expect((await request(`/editions/${edition.slug}`, { cookie: cookiesOf(login) })).status).toBe(200);
    // The new organisation is now a partner: the next form offers it.
    expect(await (await request(PARTNERS, { cookie })).text()).toContain(`value="${organisation!.uuid}"`);
  });

  it("opens an account for an existing partner by uuid, refuses a taken email without keeping a new organisation, and never gives the admin role", async () => {
    const { cookie, edition, partner, employer, own } = await setting();
    const ok = await request(PARTNERS, { cookie, form: form({ edition: edition.uuid, organisation: partner.uuid, role: "viewer", password: "une phrase solide" }) });
    expect(ok.status).toBe(200);
    expect(await ok.text()).not.toContain("generated-password");

    const taken = (await createOrganiser(await db(), {})).email;
    const refused = await request(PARTNERS, { cookie, form: form({ edition: edition.uuid, newOrganisation: "Jamais Créée", email: taken }) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Jamais Créée");
    expect(await (await db()).select().from(organisations).where(eq(organisations.name, "Jamais Créée")).get()).toBeUndefined();

    const admin = await request(PARTNERS, { cookie, form: form({ edition: edition.uuid, organisation: partner.uuid, role: "admin" }) });
    expect(admin.status).toBe(400);
    // A speaker's employer is not a partner: choosing it by uuid is refused; naming it makes it one.
    expect((await request(PARTNERS, { cookie, form: form({ edition: edition.uuid, organisation: employer.uuid }) })).status).toBe(400);
    expect((await request(PARTNERS, { cookie, form: form({ edition: edition.uuid, newOrganisation: own.name }) })).status).toBe(400);
    expect((await request(PARTNERS, { cookie, form: form({ edition: edition.uuid }) })).status).toBe(400);
  });

  it("opens no account on an edition the admin's organisation does not run (404), and only admins reach the page", async () => {
    const { cookie, partner } = await setting();
    const other = await createEdition(await db(), { organisationIds: [partner.id] });
    expect((await request(PARTNERS, { cookie, form: form({ edition: other.uuid, organisation: partner.uuid }) })).status).toBe(404);
    const editor = await signIn("editor");
    const page = await request(PARTNERS, { cookie: editor.cookie });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Il vous faut le droit «\u00a0administrer\u00a0».");
  });
});

describe("a refused right is named", () => {
  it("tells a viewer that editing this edition needs the « modifier » right", async () => {
    const { cookie } = await signIn("viewer");
    const response = await request("/editions/grand-barouf-2016/speakers/new", { cookie });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain("Il vous faut le droit «\u00a0modifier\u00a0» sur cette édition.");
    const english = await request("/editions/grand-barouf-2016/speakers/new?lang=en", { cookie });
    expect(await english.text()).toContain("You need the “edit” right on this edition.");
  });
});
