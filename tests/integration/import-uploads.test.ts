// Pending import uploads live in the database, not in the server's memory: the bytes in
// import_upload_chunks, the state in import_uploads. Through the real handler (and, for the
// streamed size limit, the real node:http listener).
import { eq } from "drizzle-orm";
import { createServer, request as httpRequest } from "node:http";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { editions, importUploadChunks, importUploads } from "~/db/schema";
import { IMPORT_BODY_LIMIT } from "~/server/handler.server";
import { createNodeListener } from "~/server/node.server";
import { UPLOAD_CHUNK_BYTES, UPLOADS_PER_ORGANISER } from "~/services/import-uploads.server";
import { app, ORIGIN, request, signIn } from "../helpers/app";
import { readFixture } from "../helpers/schedule-files";

const FILE = "voc-schedule__pretalx-democon.json";

function upload(cookie: string, slug: string, name = FILE) {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("slug", slug);
  form.set("file", new File([readFixture(FILE)], name, { type: "application/json" }));
  return request("/editions/import", { method: "POST", cookie, body: form });
}

async function uploadIdOf(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  const id = /name="uploadId" value="([^"]+)"/.exec(await response.text())?.[1];
  if (!id) throw new Error("no uploadId in the page");
  return id;
}

/** A multipart body written by hand, so the file part's header says exactly what a client may send. */
function rawMultipart(disposition: string, content: string) {
  const boundary = "----barouf-test-boundary";
  const body = [
    `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="slug"\r\n\r\n\r\n`,
    `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/json\r\n\r\n${content}\r\n`,
    `--${boundary}--\r\n`,
  ].join("");
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const rowsOf = async (id: string) => {
  const db = await getDb();
  return {
    upload: await db.select().from(importUploads).where(eq(importUploads.id, id)).get(),
    chunks: (await db.select({ seq: importUploadChunks.seq }).from(importUploadChunks).where(eq(importUploadChunks.uploadId, id))).length,
  };
};

const tempUploads = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith("barouf-upload-"));

describe("pending import uploads", { timeout: 60_000 }, () => {
  it("are kept in the database in chunks, no temporary file left; apply reads them from there and removes the bytes", async () => {
    const { cookie, organiser } = await signIn("editor");
    const before = tempUploads();
    const id = await uploadIdOf(await upload(cookie, "kept-in-db"));
    const { upload: row, chunks } = await rowsOf(id);
    const size = Buffer.byteLength(readFixture(FILE));
    expect(row).toMatchObject({ organiserId: organiser.id, fileName: FILE, byteSize: size, state: "waiting", detail: { slug: "kept-in-db" } });
    expect(chunks).toBe(Math.ceil(size / UPLOAD_CHUNK_BYTES));
    expect(tempUploads()).toEqual(before);

    const applied = await request("/editions/import", { cookie, form: { intent: "apply", uploadId: id } });
    expect(applied.status).toBe(200);
    expect(await (await getDb()).select({ slug: editions.slug }).from(editions).where(eq(editions.slug, "kept-in-db")).get()).toEqual({ slug: "kept-in-db" });
    const after = await rowsOf(id);
    expect(after.upload).toMatchObject({ state: "done", detail: { result: { slug: "kept-in-db", title: "DemoCon" } } });
    expect(after.chunks).toBe(0);
  });

  it("an upload whose row another server wrote is applied from the row alone", async () => {
    const { cookie, organiser } = await signIn("editor");
    // What another server would have written: the row and its chunks, nothing in this process.
    const db = await getDb();
    const id = "written-by-another-server-0001";
    const bytes = Buffer.from(readFixture(FILE));
    const now = Date.now();
    await db.insert(importUploads).values({ id, organiserId: organiser.id, fileName: FILE, byteSize: bytes.length, detail: { slug: "from-elsewhere" }, createdAt: now, expiresAt: now + 60_000, updatedAt: now });
    for (let seq = 0; seq * UPLOAD_CHUNK_BYTES < bytes.length; seq++) {
      await db.insert(importUploadChunks).values({ uploadId: id, seq, data: bytes.subarray(seq * UPLOAD_CHUNK_BYTES, (seq + 1) * UPLOAD_CHUNK_BYTES) });
    }
    expect(await (await request(`/editions/import/progress?upload=${id}`, { cookie })).json()).toEqual({ state: "waiting" });
    const applied = await request("/editions/import", { cookie, form: { intent: "apply", uploadId: id } });
    expect(applied.status).toBe(200);
    expect(await (await request(`/editions/import/progress?upload=${id}`, { cookie })).json()).toEqual({ state: "done", result: { slug: "from-elsewhere", title: "DemoCon" } });
  });

  it("cancel removes the row and its chunks; another organiser may neither cancel nor apply it (404)", async () => {
    const { cookie } = await signIn("editor");
    const id = await uploadIdOf(await upload(cookie, "to-cancel"));
    const other = await signIn("editor", { organisation: "Uber" });
    expect((await request("/editions/import", { cookie: other.cookie, form: { intent: "cancel", uploadId: id } })).status).toBe(404);
    expect((await request("/editions/import", { cookie: other.cookie, form: { intent: "apply", uploadId: id } })).status).toBe(404);
    expect((await request(`/editions/import/progress?upload=${id}`, { cookie: other.cookie })).status).toBe(404);
    expect((await rowsOf(id)).upload?.state).toBe("waiting");

    const cancelled = await request("/editions/import", { cookie, form: { intent: "cancel", uploadId: id } });
    expect(cancelled.status).toBe(302);
    expect(cancelled.headers.get("Location")).toBe("/editions/import");
    expect(await rowsOf(id)).toEqual({ upload: undefined, chunks: 0 });
    const late = await request("/editions/import", { cookie, form: { intent: "apply", uploadId: id } });
    expect(late.status).toBe(400);
  });

  it("an expired upload cannot be applied and is swept by the next upload", async () => {
    const { cookie } = await signIn("editor");
    const id = await uploadIdOf(await upload(cookie, "expiring"));
    const db = await getDb();
    await db.update(importUploads).set({ expiresAt: Date.now() - 1 }).where(eq(importUploads.id, id));
    const late = await request("/editions/import", { cookie, form: { intent: "apply", uploadId: id } });
    expect(late.status).toBe(400);
    expect((await rowsOf(id)).chunks).toBeGreaterThan(0);
    const other = await signIn("editor");
    await uploadIdOf(await upload(other.cookie, "sweeper"));
    expect(await rowsOf(id)).toEqual({ upload: undefined, chunks: 0 });
  });

  it(`an organiser keeps at most ${UPLOADS_PER_ORGANISER} pending uploads: a further one removes their oldest`, async () => {
    const { cookie, organiser } = await signIn("editor");
    const ids: string[] = [];
    for (let i = 0; i <= UPLOADS_PER_ORGANISER; i++) ids.push(await uploadIdOf(await upload(cookie, `limit-${i}`)));
    const db = await getDb();
    const kept = await db.select({ id: importUploads.id }).from(importUploads).where(eq(importUploads.organiserId, organiser.id));
    expect(kept.map((row) => row.id).sort()).toEqual(ids.slice(1).sort());
    expect(await rowsOf(ids[0]!)).toEqual({ upload: undefined, chunks: 0 });
    expect((await request("/editions/import", { cookie, form: { intent: "apply", uploadId: ids[0]! } })).status).toBe(400);
  });

  it.each([
    ["a semicolon", 'form-data; name="file"; filename="prog;2016.json"'],
    ["an equals sign", 'form-data; name="file"; filename="prog=2016.json"'],
    ["an escaped quote", 'form-data; name="file"; filename="prog\\"2016\\".json"'],
    ["a browser-encoded quote and line break", 'form-data; name="file"; filename="prog%222016%22%0D%0A.json"'],
    ["a backslash path", 'form-data; name="file"; filename="C:\\\\Users\\\\me\\\\prog.json"'],
    ["control characters", 'form-data; name="file"; filename="prog\u0007\u001b[31m.json"'],
    ["a very long name", `form-data; name="file"; filename="${"é".repeat(5000)}.json"`],
    ["no name", 'form-data; name="file"; filename=""'],
    ["a bare CR LF inside the header", 'form-data; name="file"; filename="prog\r\n.json"'],
  ])("a file name with %s never gives a 500", async (_, disposition) => {
    const { cookie } = await signIn("editor");
    const { body, contentType } = rawMultipart(disposition, readFixture(FILE));
    const response = await request("/editions/import", { method: "POST", cookie, body, headers: { "Content-Type": contentType } });
    expect([200, 400]).toContain(response.status);
    const html = await response.text();
    if (response.status === 200) {
      const title = /<h2[^>]*>([^<]*)<\/h2>/.exec(html)?.[1] ?? "";
      expect(title).toMatch(/^Aperçu de /);
      expect(title.length).toBeLessThan(250);
      expect(title).not.toMatch(/[\u0000-\u001f\u007f]/);
    } else {
      // The handler refuses a bad file name before the route (request-checks.server.ts), or the route does.
      expect(html).toMatch(/L’envoi n’a pas pu être lu|Bad file name/);
    }
  });

  it("a body that is not multipart as it claims gives a 400 with a message", async () => {
    const { cookie } = await signIn("editor");
    for (const [contentType, body] of [
      ["multipart/form-data", "no boundary"],
      ["multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n{\"cut"],
      ["multipart/form-data; boundary=xyz", "--xyz\r\nno colon here\r\n\r\nx\r\n--xyz--\r\n"],
    ]) {
      const response = await request("/editions/import", { method: "POST", cookie, body, headers: { "Content-Type": contentType! } });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/L’envoi n’a pas pu être lu|Bad multipart|Malformed multipart/);
    }
  });

  it("a file over the limit sent without a length gets 413 from the route, and nothing is kept", async () => {
    const { cookie, organiser } = await signIn("editor");
    const { body, contentType } = rawMultipart('form-data; name="file"; filename="big.json"', "x".repeat(IMPORT_BODY_LIMIT + 1));
    // A stream has no Content-Length: the handler's early check cannot see the size.
    const stream = new Blob([body]).stream();
    const response = await request("/editions/import", { method: "POST", cookie, body: stream, headers: { "Content-Type": contentType } });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Ce fichier dépasse 32 Mo.");
    expect(await (await getDb()).select().from(importUploads).where(eq(importUploads.organiserId, organiser.id))).toEqual([]);
  });
});

describe("the node listener streams request bodies", { timeout: 60_000 }, () => {
  it("answers 413 as soon as a chunked body passes the limit, before the client has sent it all", async () => {
    const { cookie } = await signIn("editor");
    const server = createServer(createNodeListener(await app(), { publicDir: path.resolve("public"), trustProxy: false, publicOrigin: ORIGIN }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const chunk = Buffer.alloc(1024 * 1024, "x");
      const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
        let sent = 0;
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port,
            method: "POST",
            path: "/editions/import",
            headers: { Host: new URL(ORIGIN).host, Origin: ORIGIN, Cookie: cookie, "Content-Type": "multipart/form-data; boundary=xyz", "Transfer-Encoding": "chunked" },
          },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, sent });
            req.destroy();
          },
        );
        req.on("error", reject);
        req.write('--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.json"\r\n\r\n');
        // Keeps sending (up to twice the limit) until the server answers.
        const pump = () => {
          while (sent < 2 * IMPORT_BODY_LIMIT && !req.destroyed) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once("drain", pump);
          }
        };
        pump();
      });
      expect(status).toBe(413);
      expect(sent).toBeLessThan(2 * IMPORT_BODY_LIMIT);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("small forms still reach the app whole through the stream", async () => {
    const server = createServer(createNodeListener(await app(), { publicDir: path.resolve("public"), trustProxy: false, publicOrigin: ORIGIN }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const response = await fetch(`http://127.0.0.1:${port}/login`, {
        method: "POST",
        headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "nobody@barouf.example", password: "wrong password" }),
        redirect: "manual",
      });
      // The action read both fields: a refused sign-in (401), not a form error about missing fields (400).
      expect(response.status).toBe(401);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
