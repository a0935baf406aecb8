import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, editionOrganisations, editions, loginSessions, organisations, organisers } from "~/db/schema";
import { createEdition, createOrganisation, createOrganiser } from "../../seed/factories";
import { cookiesOf, db, PASSWORD, request, SEED_EDITION, signIn, queryCounter } from "../helpers/app";

const LIST = "/admin/organisers";
const ORGANISATIONS = "/admin/organisations";
const MEL = "Métropole Européenne de Lille";

/** An admin of a fresh organisation of their own, so tests do not see each other's accounts. */
async function newAdmin() {
  const organisation = await createOrganisation(await db());
  const admin = await signIn("admin", { organisation: organisation.name });
  return { ...admin, organisation };
}

async function organiserByEmail(email: string) {
  return (await db()).select().from(organisers).where(eq(organisers.email, email)).get();
}

async function auditOf(uuid: string) {
  return (await db()).select().from(auditLog).where(eq(auditLog.entityUuid, uuid)).orderBy(auditLog.id).all();
}

async function countQueries(run: () => Promise<Response>, status = 200) {
  const before = queryCounter.count;
  const response = await run();
  expect(response.status).toBe(status);
  return queryCounter.count - before;
}

async function login(email: string, password: string) {
  return request("/login", { form: { email, password } });
}

describe("organisers: list and create", () => {
  it("lists the organisation's organisers (never another organisation's, never a hash) and creates one with a typed password, audited", async () => {
    const { cookie, organiser: admin, organisation } = await newAdmin();
    const colleague = await createOrganiser(await db(), { organisationId: organisation.id, role: "viewer", name: "Camille Collègue" });
    const stranger = await createOrganiser(await db(), { organisationId: (await createOrganisation(await db())).id, name: "Xavier Ailleurs" });

    const list = await request(LIST, { cookie });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("Camille Collègue");
    expect(html).toContain(colleague.email);
    expect(html).toContain(admin.email);
    expect(html).not.toContain("Xavier Ailleurs");
    expect(html).not.toContain(stranger.email);
    expect(html).not.toMatch(/scrypt\$|passwordHash/);
    expect(html).toContain("jamais"); // the colleague never signed in

    const created = await request(LIST, {
      cookie,
      form: { intent: "create", name: "Nadia Éditrice", email: "Nadia@Example.org", role: "editor", password: "une phrase solide" },
    });
    expect(created.status).toBe(200);
    const createdHtml = await created.text();
    expect(createdHtml).toContain("Compte créé pour Nadia Éditrice (nadia@example.org).");
    expect(createdHtml).not.toContain("generated-password");
    expect(createdHtml).not.toContain("une phrase solide");

    const row = await organiserByEmail("nadia@example.org");
    expect(row).toMatchObject({ name: "Nadia Éditrice", role: "editor", organisationId: organisation.id, active: true });
    expect((await login("nadia@example.org", "une phrase solide")).status).toBe(302);

    const audit = await auditOf(row!.uuid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ editionId: null, entity: "organiser", action: "create", organiserId: admin.id, actorType: "organiser" });
    expect(audit[0]!.after).toEqual({ name: "Nadia Éditrice", email: "nadia@example.org", role: "editor", active: true });
  });

  it("generates a password when none is typed, shows it once in the answer, and it signs in", async () => {
    const { cookie } = await newAdmin();
    const created = await request(LIST, { cookie, form: { intent: "create", name: "Paul Lecteur", email: "paul.lecteur@example.org", role: "viewer", password: "" } });
    expect(created.status).toBe(200);
    expect(created.headers.get("Cache-Control")).toBe("no-store");
    const password = /data-testid="generated-password">([^<]+)</.exec(await created.text())?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    // Never again: not on the list page, not in the database in clear.
    expect(await (await request(LIST, { cookie })).text()).not.toContain(password);
    const row = await organiserByEmail("paul.lecteur@example.org");
    expect(row!.passwordHash).not.toContain(password);
    expect((await login("paul.lecteur@example.org", password!)).status).toBe(302);
  });

  it("answers each invalid field with its own error, keeps what was typed but never the password", async () => {
    const { cookie } = await newAdmin();
    const response = await request(LIST, { cookie, form: { intent: "create", name: "", email: "pas-une-adresse", role: "boss", password: "court" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain("Adresse e-mail invalide.");
    expect(html).toContain("Le mot de passe doit compter au moins 8 caractères.");
    expect(html).toContain('value="pas-une-adresse"');
    expect(html).not.toContain('value="court"');
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(4);
  });

  it("refuses a duplicate email on the email field, whatever its case or organisation", async () => {
    const { cookie } = await newAdmin();
    const other = await createOrganiser(await db(), { organisationId: (await createOrganisation(await db())).id });
    const response = await request(LIST, { cookie, form: { intent: "create", name: "Doublon", email: other.email.toUpperCase(), role: "editor", password: "une phrase solide" } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html.match(/aria-invalid="true"/g)).toHaveLength(1);
    expect(html).toContain("Un compte utilise déjà cette adresse e-mail.");
    expect(html).toContain('value="Doublon"');
    expect(await (await db()).select().from(organisers).where(eq(organisers.name, "Doublon")).all()).toHaveLength(0);
  });
});

describe("organisers: role, activation and the last admin", () => {
  it("changes a role at the version read, ends their sessions, audits it, and refuses a stale save", async () => {
    const { cookie, organisation, organiser: admin } = await newAdmin();
    const { cookie: editorCookie, organiser: editor } = await signIn("editor", { organisation: organisation.name });
    expect((await request("/editions", { cookie: editorCookie })).status).toBe(200);
    const url = `${LIST}/${editor.uuid}`;

    const saved = await request(url, { cookie, form: { intent: "update", version: "1", name: editor.name, email: editor.email, role: "viewer" } });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("les connexions en cours de");
    expect(await organiserByEmail(editor.email)).toMatchObject({ role: "viewer", version: 2 });
    // Their login session ended: the next request goes to the login page.
    const after = await request("/editions", { cookie: editorCookie });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);

    // Someone who read version 1 too is refused, shown the current role.
    const stale = await request(url, { cookie, form: { intent: "update", version: "1", name: "Nom changé", email: editor.email, role: "admin" } });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Quelqu’un a enregistré une modification avant vous");
    expect(html).toMatch(/data-field="role"[\s\S]*?class="stale-theirs">lecteur·rice</);
    expect(html).toContain('value="Nom changé"');
    expect(await organiserByEmail(editor.email)).toMatchObject({ role: "viewer", name: editor.name, version: 2 });

    const audit = await auditOf(editor.uuid);
    expect(audit.map((a) => a.action)).toEqual(["update"]);
    expect(audit[0]).toMatchObject({ editionId: null, organiserId: admin.id, before: { role: "editor" }, after: { role: "viewer" } });

    // The history is on the organiser's page.
    const page = await (await request(url, { cookie })).text();
    expect(page).toMatch(/class="history-entry"[\s\S]*?class="audit-before">editor<[\s\S]*?class="audit-after">viewer</);
  });

  it("deactivating ends every login session at once; the organiser can no longer sign in until reactivated", async () => {
    const { cookie, organisation } = await newAdmin();
    const email = "sacha.editeur@example.org";
    const first = await signIn("editor", { organisation: organisation.name, email });
    const second = await login(email, PASSWORD); // a second browser
    const secondCookie = cookiesOf(second);
    expect((await request(`/editions`, { cookie: first.cookie })).status).toBe(200);
    const database = await db();
    expect(await database.select().from(loginSessions).where(eq(loginSessions.organiserId, first.organiser.id)).all()).toHaveLength(2);

    const url = `${LIST}/${first.organiser.uuid}`;
    const deactivated = await request(url, { cookie, form: { intent: "deactivate", version: "1", confirm: "yes" } });
    expect(deactivated.status).toBe(200);
    expect(await deactivated.text()).toContain("Compte désactivé");
    expect(await database.select().from(loginSessions).where(eq(loginSessions.organiserId, first.organiser.id)).all()).toHaveLength(0);
    for (const c of [first.cookie, secondCookie]) {
      const response = await request(`/editions/${SEED_EDITION}`, { cookie: c });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
    expect((await login(email, PASSWORD)).status).toBe(401);
    const list = await (await request(LIST, { cookie })).text();
    expect(list).toMatch(new RegExp(`data-organiser="${email}" class="organiser-inactive"[\\s\\S]*?Désactivé·e`));

    // A stale reactivation (read at version 1) is refused.
    expect((await request(url, { cookie, form: { intent: "reactivate", version: "1" } })).status).toBe(409);
    const reactivated = await request(url, { cookie, form: { intent: "reactivate", version: "2" } });
    expect(reactivated.status).toBe(200);
    expect((await login(email, PASSWORD)).status).toBe(302);
    const audit = await auditOf(first.organiser.uuid);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ["update", { active: true }, { active: false }],
      ["update", { active: false }, { active: true }],
    ]);
  });

  it("refuses to demote or deactivate the organisation's last active admin, and allows it once another admin exists", async () => {
    const { cookie, organisation, organiser: admin } = await newAdmin();
    const url = `${LIST}/${admin.uuid}`;
    const demote = await request(url, { cookie, form: { intent: "update", version: "1", name: admin.name, email: admin.email, role: "editor" } });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain("C’est le dernier compte administrateur actif de l’organisation");
    const deactivate = await request(url, { cookie, form: { intent: "deactivate", version: "1", confirm: "yes" } });
    expect(deactivate.status).toBe(409);
    expect(await deactivate.text()).toContain("C’est le dernier compte administrateur actif de l’organisation");
    expect(await organiserByEmail(admin.email)).toMatchObject({ role: "admin", active: true, version: 1 });
    // An inactive admin does not count.
    await createOrganiser(await db(), { organisationId: organisation.id, role: "admin", active: false });
    expect((await request(url, { cookie, form: { intent: "deactivate", version: "1", confirm: "yes" } })).status).toBe(409);
    expect(await auditOf(admin.uuid)).toHaveLength(0);

    await createOrganiser(await db(), { organisationId: organisation.id, role: "admin" });
    const allowed = await request(url, { cookie, form: { intent: "update", version: "1", name: admin.name, email: admin.email, role: "editor" } });
    // Their own session ended with the role change: the page they come back to sends them to the login page.
    expect(allowed.status).toBe(302);
    expect(allowed.headers.get("Location")).toMatch(/^\/login/);
    expect(await organiserByEmail(admin.email)).toMatchObject({ role: "editor" });
    expect((await request(LIST, { cookie })).status).toBe(302);
  });

  it("refuses an email another account uses when editing, on the email field", async () => {
    const { cookie, organisation } = await newAdmin();
    const one = await createOrganiser(await db(), { organisationId: organisation.id });
    const two = await createOrganiser(await db(), { organisationId: organisation.id });
    const response = await request(`${LIST}/${one.uuid}`, { cookie, form: { intent: "update", version: "1", name: one.name, email: two.email, role: one.role } });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("Un compte utilise déjà cette adresse e-mail.");
    expect(html).toContain(`value="${two.email}"`);
    expect(await organiserByEmail(one.email)).toMatchObject({ version: 1 });
  });
});

describe("organisers: who may do what", () => {
  it("hides another organisation's organisers: 404 on their page and on every change", async () => {
    const { cookie } = await newAdmin();
    const stranger = await createOrganiser(await db(), { organisationId: (await createOrganisation(await db())).id, role: "editor" });
    const url = `${LIST}/${stranger.uuid}`;
    expect((await request(url, { cookie })).status).toBe(404);
    const forms: Record<string, string>[] = [
      { intent: "update", version: "1", name: "Pris", email: stranger.email, role: "viewer" },
      { intent: "deactivate", version: "1", confirm: "yes" },
      { intent: "reactivate", version: "1" },
    ];
    for (const form of forms) {
      expect((await request(url, { cookie, form })).status).toBe(404);
    }
    expect(await organiserByEmail(stranger.email)).toMatchObject({ role: "editor", active: true, version: 1, name: stranger.name });
    // Nor an organiser without an organisation, nor a made-up id.
    const loose = await createOrganiser(await db(), { organisationId: null });
    expect((await request(`${LIST}/${loose.uuid}`, { cookie })).status).toBe(404);
    expect((await request(`${LIST}/00000000-0000-4000-8000-000000000000`, { cookie })).status).toBe(404);
  });

  it.each(["editor", "viewer"] as const)("answers a %s 403 on every administration loader and action", async (role) => {
    const organisation = await createOrganisation(await db());
    const { cookie, organiser } = await signIn(role, { organisation: organisation.name });
    const colleague = await createOrganiser(await db(), { organisationId: organisation.id });
    for (const url of [LIST, `${LIST}/${colleague.uuid}`, `${LIST}/${organiser.uuid}`, ORGANISATIONS]) {
      expect((await request(url, { cookie })).status).toBe(403);
    }
    const posts: [string, Record<string, string>][] = [
      [LIST, { intent: "create", name: "Intrus", email: "intrus@example.org", role: "admin", password: "une phrase solide" }],
      [`${LIST}/${organiser.uuid}`, { intent: "update", version: "1", name: organiser.name, email: organiser.email, role: "admin" }],
      [`${LIST}/${colleague.uuid}`, { intent: "deactivate", version: "1", confirm: "yes" }],
      [ORGANISATIONS, { intent: "rename", version: "1", name: "Pris" }],
    ];
    for (const [url, form] of posts) expect((await request(url, { cookie, form })).status).toBe(403);
    expect(await organiserByEmail("intrus@example.org")).toBeUndefined();
    expect(await organiserByEmail(organiser.email)).toMatchObject({ role });
    expect(await organiserByEmail(colleague.email)).toMatchObject({ active: true });
  });

  it("keeps the list page, the organiser page and the actions' query counts constant as organisers are added", async () => {
    const { cookie, organisation } = await newAdmin();
    const target = await createOrganiser(await db(), { organisationId: organisation.id });
    let seq = 0;
    const measure = async () => {
      seq++;
      const list = await countQueries(() => request(LIST, { cookie }));
      const page = await countQueries(() => request(`${LIST}/${target.uuid}`, { cookie }));
      const version = String((await organiserByEmail(target.email))!.version);
      const edit = await countQueries(() => request(`${LIST}/${target.uuid}`, { cookie, form: { intent: "update", version, name: `Nom ${seq}`, email: target.email, role: "editor" } }));
      const off = await countQueries(() => request(`${LIST}/${target.uuid}`, { cookie, form: { intent: "deactivate", version: String(Number(version) + 1), confirm: "yes" } }));
      const on = await countQueries(() => request(`${LIST}/${target.uuid}`, { cookie, form: { intent: "reactivate", version: String(Number(version) + 2) } }));
      const create = await countQueries(() =>
        request(LIST, { cookie, form: { intent: "create", name: `Créé ${seq}`, email: `cree${seq}@count.example`, role: "viewer", password: "une phrase solide" } }),
      );
      return { list, page, edit, off, on, create };
    };
    const small = await measure();
    const database = await db();
    for (let i = 0; i < 25; i++) await createOrganiser(database, { organisationId: organisation.id, role: i % 2 ? "viewer" : "editor", passwordHash: "x" });
    const large = await measure();
    expect(large).toEqual(small);
    // The figures, so a change shows in review (each action's count includes the page it renders after).
    expect(small).toEqual({ list: 3, page: 3, edit: 7, off: 8, on: 7, create: 7 });
  });
});

describe("organisations", () => {
  async function melAdmin() {
    return signIn("admin", { organisation: MEL });
  }
  async function seedEdition() {
    return (await db()).select().from(editions).where(eq(editions.slug, SEED_EDITION)).get().then((e) => e!);
  }
  async function orgByName(name: string) {
    return (await db()).select().from(organisations).where(eq(organisations.name, name)).get().then((o) => o!);
  }

  it("shows the admin's organisation and the editions it runs with its partners", async () => {
    const { cookie } = await melAdmin();
    const other = await createEdition(await db(), { title: "Édition d’un autre", organisationIds: [(await orgByName("Uber")).id] });
    const response = await request(ORGANISATIONS, { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`value="${MEL}"`);
    expect(html).toMatch(new RegExp(`data-edition="${SEED_EDITION}"[\\s\\S]*data-organisation="OuiShare"[\\s\\S]*data-organisation="POP"`));
    expect(html).toContain("Retirer l’accès de OuiShare");
    expect(html).not.toContain(`Retirer l’accès de ${MEL}`);
    expect(html).not.toContain(other.title);
  });

  it("gives a partner access to an edition and withdraws it: its organisers reach the edition, then no longer", async () => {
    const { cookie, organiser: admin } = await melAdmin();
    const edition = await seedEdition();
    const uber = await orgByName("Uber");
    const { cookie: partner } = await signIn("editor", { organisation: "Uber" });
    expect((await request(`/editions/${SEED_EDITION}`, { cookie: partner })).status).toBe(404);

    const granted = await request(ORGANISATIONS, { cookie, form: { intent: "grant", edition: edition.uuid, organisation: uber.uuid } });
    expect(granted.status).toBe(200);
    expect(await granted.text()).toContain("Accès accordé.");
    expect((await request(`/editions/${SEED_EDITION}`, { cookie: partner })).status).toBe(200);
    // Granting again changes nothing (and records nothing more).
    expect((await request(ORGANISATIONS, { cookie, form: { intent: "grant", edition: edition.uuid, organisation: uber.uuid } })).status).toBe(200);

    const revoked = await request(ORGANISATIONS, { cookie, form: { intent: "revoke", edition: edition.uuid, organisation: uber.uuid } });
    expect(revoked.status).toBe(200);
    expect((await request(`/editions/${SEED_EDITION}`, { cookie: partner })).status).toBe(404);

    const audit = await (await db()).select().from(auditLog).where(and(eq(auditLog.entity, "organisation"), eq(auditLog.entityUuid, uber.uuid))).all();
    expect(audit.map((a) => [a.action, a.editionId, a.organiserId])).toEqual([
      ["grant_access", edition.id, admin.id],
      ["revoke_access", edition.id, admin.id],
    ]);
    expect(audit[0]!.after).toEqual({ organisation: "Uber", edition: edition.title });
    // The edition's own audit page shows it.
    const page = await (await request(`/editions/${SEED_EDITION}/audit`, { cookie })).text();
    expect(page).toContain("accès à l’édition accordé");
  });

  it("refuses an empty choice per field, its own organisation's removal, and any edition it does not run (404)", async () => {
    const { cookie } = await melAdmin();
    const edition = await seedEdition();
    const empty = await request(ORGANISATIONS, { cookie, form: { intent: "grant", edition: edition.uuid, organisation: "" } });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Ce champ est obligatoire.");

    const own = await request(ORGANISATIONS, { cookie, form: { intent: "revoke", edition: edition.uuid, organisation: (await orgByName(MEL)).uuid } });
    expect(own.status).toBe(409);
    expect(await own.text()).toContain("Votre organisation ne peut pas se retirer elle-même");

    const foreign = await createEdition(await db(), { organisationIds: [(await orgByName("Uber")).id] });
    const ouishare = await orgByName("OuiShare");
    for (const intent of ["grant", "revoke"]) {
      expect((await request(ORGANISATIONS, { cookie, form: { intent, edition: foreign.uuid, organisation: ouishare.uuid } })).status).toBe(404);
    }
    expect(await (await db()).select().from(editionOrganisations).where(eq(editionOrganisations.editionId, foreign.id)).all()).toHaveLength(1);
    // OuiShare and POP still run the seed edition.
    expect(await (await db()).select().from(editionOrganisations).where(eq(editionOrganisations.editionId, edition.id)).all()).toHaveLength(3);
  });

  it("renames the organisation at the version read: audited, a taken name refused on the field, a stale save refused", async () => {
    const organisation = await createOrganisation(await db(), { name: "Collectif à renommer" });
    const { cookie, organiser: admin } = await signIn("admin", { organisation: organisation.name });
    const taken = await request(ORGANISATIONS, { cookie, form: { intent: "rename", version: "1", name: "OuiShare" } });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Une autre organisation porte déjà ce nom.");

    const renamed = await request(ORGANISATIONS, { cookie, form: { intent: "rename", version: "1", name: "Collectif renommé" } });
    expect(renamed.status).toBe(200);
    const stale = await request(ORGANISATIONS, { cookie, form: { intent: "rename", version: "1", name: "Autre nom" } });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toMatch(/class="stale-theirs">Collectif renommé</);
    const row = await (await db()).select().from(organisations).where(eq(organisations.id, organisation.id)).get();
    expect(row).toMatchObject({ name: "Collectif renommé", version: 2 });
    const audit = await (await db()).select().from(auditLog).where(and(isNull(auditLog.editionId), eq(auditLog.entityUuid, organisation.uuid))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "update", organiserId: admin.id, before: { name: "Collectif à renommer" }, after: { name: "Collectif renommé" } });
  });

  it("keeps the organisations page's and the actions' query counts constant with more editions and partners", async () => {
    const organisation = await createOrganisation(await db());
    const { cookie } = await signIn("admin", { organisation: organisation.name });
    const partner = await createOrganisation(await db());
    const first = await createEdition(await db(), { organisationIds: [organisation.id] });
    const measure = async () => {
      const page = await countQueries(() => request(ORGANISATIONS, { cookie }));
      const grant = await countQueries(() => request(ORGANISATIONS, { cookie, form: { intent: "grant", edition: first.uuid, organisation: partner.uuid } }));
      const revoke = await countQueries(() => request(ORGANISATIONS, { cookie, form: { intent: "revoke", edition: first.uuid, organisation: partner.uuid } }));
      return { page, grant, revoke };
    };
    const small = await measure();
    const database = await db();
    for (let i = 0; i < 10; i++) {
      const other = await createOrganisation(database);
      await createEdition(database, { organisationIds: [organisation.id, other.id, partner.id] });
    }
    expect(await measure()).toEqual(small);
    expect(small).toEqual({ page: 4, grant: 9, revoke: 9 });
  });
});
