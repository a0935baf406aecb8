// The browser flow through the real handler: upload (multipart), preview, apply, progress, access.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { editions, sessions } from "~/db/schema";
import { findReachableEdition } from "~/services/access.server";
import { ORIGIN, request, signIn } from "../helpers/app";
import { INVALID_FILE, readFixture } from "../helpers/schedule-files";

function upload(cookie: string, file: string, slug = "") {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("slug", slug);
  form.set("file", new File([readFixture(file)], file, { type: "application/json" }));
  return request("/editions/import", { method: "POST", cookie, body: form, headers: { Origin: ORIGIN } });
}

/** Page text with the entities React writes turned back into characters. */
async function textOf(response: Response): Promise<string> {
  return (await response.text()).replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

function uploadIdIn(html: string): string {
  const id = /name="uploadId" value="([^"]+)"/.exec(html)?.[1];
  if (!id) throw new Error("no uploadId in the page");
  return id;
}

describe("/editions/import", { timeout: 60_000 }, () => {
  it("an editor uploads, previews, applies; their organisation then reaches the new edition", async () => {
    const { cookie, organiser } = await signIn("editor");
    const page = await request("/editions/import", { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/enctype="multipart\/form-data"/i);

    const before = await (await getDb()).select().from(editions).all();
    const preview = await upload(cookie, "voc-schedule__pretalx-democon.json", "democon-web");
    expect(preview.status).toBe(200);
    const html = await textOf(preview);
    const step = { uploadId: uploadIdIn(html) };
    expect(html).toContain("Aperçu de voc-schedule__pretalx-democon.json");
    expect(html).toContain("schedule.json (pretalx)");
    expect(html).toMatch(/data-count="sessions">36</);
    expect(html).toMatch(/data-count="speakers">27</);
    expect(html).toContain("Valeurs modifiées à l’import (36)");
    expect(html).toContain("<td>Focused 5thgeneration hardware</td><td>09:00</td><td>08:00</td>");
    // Nothing written by the preview.
    expect(await (await getDb()).select().from(editions).all()).toEqual(before);

    const state = await request(`/editions/import/progress?upload=${step.uploadId}`, { cookie });
    expect(await state.json()).toEqual({ state: "waiting" });

    const applied = await request("/editions/import", { cookie, form: { intent: "apply", uploadId: step.uploadId } });
    expect(applied.status).toBe(200);
    const done1 = await textOf(applied);
    expect(done1).toContain("Édition « DemoCon » créée");
    expect(done1).toContain('href="/editions/democon-web"');
    expect(done1).toMatch(/Le moteur signale \d+ conflits/);
    const done = await request(`/editions/import/progress?upload=${step.uploadId}`, { cookie });
    expect(await done.json()).toEqual({ state: "done", result: { slug: "democon-web", title: "DemoCon" } });

    const db = await getDb();
    expect(await findReachableEdition(db, { slug: "democon-web", organiser })).toMatchObject({ title: "DemoCon" });
    expect((await request("/editions/democon-web", { cookie })).status).toBe(200);
    // Applied once: the same upload cannot be applied again.
    const again = await request("/editions/import", { cookie, form: { intent: "apply", uploadId: step.uploadId } });
    expect(again.status).toBe(400);
    expect(await textOf(again)).toContain("Cet aperçu a expiré");
  });

  it("the invalid example is refused with where and why; nothing is written; the slug typed is kept", async () => {
    const { cookie } = await signIn("editor");
    const db = await getDb();
    const before = (await db.select().from(sessions).all()).length;
    const response = await upload(cookie, INVALID_FILE, "winter");
    expect(response.status).toBe(400);
    const html = await textOf(response);
    expect(html).toContain(`Le fichier ${INVALID_FILE} ne peut pas être importé. Rien n’a été écrit.`);
    expect(html).toContain("À schedule.conference.days[0].rooms.Winterchaos[0].id");
    expect(html).toContain("valeur d’un type inattendu");
    expect(html).toContain('expected an integer, got the text "2814"');
    expect(html).toContain('value="winter"');
    expect((await db.select().from(sessions).all()).length).toBe(before);
  });

  it("a bad slug and a missing file come back per field", async () => {
    const { cookie } = await signIn("editor");
    const form = new FormData();
    form.set("intent", "upload");
    form.set("slug", "Not A Slug");
    const response = await request("/editions/import", { method: "POST", cookie, body: form });
    expect(response.status).toBe(400);
    const html = await textOf(response);
    expect(html).toContain("Lettres minuscules, chiffres et tirets seulement");
    expect(html).toContain("Choisissez un fichier.");
    expect(html).toContain('value="Not A Slug"');
  });

  it("another organiser cannot apply or watch someone else's upload", async () => {
    const { cookie } = await signIn("editor");
    const step = { uploadId: uploadIdIn(await textOf(await upload(cookie, "voc-schedule__pretalx-rc3.json", "rc3-private"))) };
    const other = await signIn("editor", { organisation: "Uber" });
    expect((await request(`/editions/import/progress?upload=${step.uploadId}`, { cookie: other.cookie })).status).toBe(404);
    const stolen = await request("/editions/import", { cookie: other.cookie, form: { intent: "apply", uploadId: step.uploadId } });
    expect(stolen.status).toBe(404);
    expect(await (await getDb()).select().from(editions).where(eq(editions.slug, "rc3-private")).get()).toBeUndefined();
  });

  it("viewers may not import", async () => {
    const { cookie } = await signIn("viewer");
    expect((await request("/editions/import", { cookie })).status).toBe(403);
  });
});

describe("upload size", () => {
  it("the import page and its single-fetch data URL accept files over the general 2 MB limit", async () => {
    const { bodyLimitFor, BODY_LIMIT, IMPORT_BODY_LIMIT } = await import("~/server/handler.server");
    expect(bodyLimitFor("/editions/import")).toBe(IMPORT_BODY_LIMIT);
    expect(bodyLimitFor("/editions/import.data")).toBe(IMPORT_BODY_LIMIT);
    expect(bodyLimitFor("/editions/importer")).toBe(BODY_LIMIT);
    expect(bodyLimitFor("/editions/grand-barouf-2016/sessions")).toBe(BODY_LIMIT);
  });
});
