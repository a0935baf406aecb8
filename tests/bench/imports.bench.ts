// Import upload benchmark:
//   imports.pending_rss  the real built server's RSS growth (MB) after 20 pending uploads of a
//                        30 MB schedule.json (F1 exported as frab JSON, abstracts padded), each
//                        previewed and left waiting; garbage collected through the inspector
//                        before each reading. Target: under 50 MB (the bytes wait in the database).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import { organisations } from "~/db/schema";
import { EXPORT_FORMATS } from "~/domain/exports";
import { draftProgramme } from "~/services/publishing.server";
import { eq } from "drizzle-orm";
import { createOrganiser } from "../../seed/factories";
import { startServer } from "../helpers/server";
import { insertWorkload } from "../helpers/workload-db";
import { round, type BenchModule } from "./measure";
import { generateWorkload } from "./workloads";

const UPLOADS = 20;
const FILE_BYTES = 30 * 1024 * 1024;
const PER_ORGANISER = 3;
const TARGET_MB = 50;
const PASSWORD = "bench uploads password";

/** F1's draft as a frab schedule.json, every event's abstract padded so the file is FILE_BYTES. */
async function paddedSchedule(): Promise<Blob> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "barouf-bench-imports-"));
  const db = await openDatabase(`file:${path.join(dir, "source.db")}`);
  try {
    await migrateDatabase(db);
    const { editionId } = await insertWorkload(db, generateWorkload("F1"));
    const programme = await draftProgramme(db, { editionId });
    const schedule = JSON.parse(EXPORT_FORMATS["frab-json"].build(programme, { origin: "https://barouf.example", generatedAt: Date.UTC(2016, 2, 1) }));
    const events = Object.values(schedule.schedule.conference.days as { rooms: Record<string, { abstract?: string }[]> }[]).flatMap((day) => Object.values(day.rooms).flat());
    const base = Buffer.byteLength(JSON.stringify(schedule));
    const each = Math.floor((FILE_BYTES - base) / events.length);
    const words = "Un atelier sur la vie numérique, ses communs et ses villes. ";
    for (const event of events) event.abstract = (event.abstract ?? "") + words.repeat(Math.ceil(each / words.length)).slice(0, each - (event.abstract?.length ?? 0) - 8);
    return new Blob([JSON.stringify(schedule)], { type: "application/json" });
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return kb / 1024;
}

/** A full garbage collection in the server, through its inspector (Node 20's WebSocket client, in a helper process). */
async function collectGarbage(inspectorUrl: string) {
  const script = `const ws = new WebSocket(${JSON.stringify(inspectorUrl)});
ws.onopen = () => ws.send(JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" }));
ws.onmessage = (m) => { if (JSON.parse(m.data).id === 1) { ws.close(); process.exit(0); } };
setTimeout(() => process.exit(1), 30000);`;
  const child = spawn(process.execPath, ["--experimental-websocket", "--no-warnings", "-e", script], { stdio: "ignore", env: { ...process.env, NODE_OPTIONS: "" } });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error("could not reach the server's inspector");
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: "manual",
  });
  if (response.status !== 302) throw new Error(`sign-in answered ${response.status}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

async function upload(url: string, cookie: string, file: Blob, n: number) {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("slug", `bench-upload-${n}`);
  form.set("file", new File([file], `schedule-${n}.json`, { type: "application/json" }));
  const response = await fetch(`${url}/editions/import`, { method: "POST", headers: { Origin: url, Cookie: cookie }, body: form });
  const html = await response.text();
  if (response.status !== 200 || !html.includes('name="uploadId"')) throw new Error(`upload ${n} answered ${response.status}`);
}

const bench: BenchModule = {
  name: "imports",
  async run(ctx) {
    if (!ctx.wants("imports.pending_rss", "F1")) return;
    const file = await paddedSchedule();
    const server = await startServer({ NODE_OPTIONS: "--inspect=127.0.0.1:0" });
    try {
      const inspectorUrl = /ws:\/\/\S+/.exec(server.stderr())?.[0];
      if (!inspectorUrl) throw new Error("the server printed no inspector address");
      const db = await openDatabase(`file:${server.databaseFile}`);
      const organisation = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "OuiShare")).get();
      const emails: string[] = [];
      for (let i = 0; i < Math.ceil(UPLOADS / PER_ORGANISER); i++) {
        emails.push((await createOrganiser(db, { role: "editor", organisationId: organisation?.id ?? null, password: PASSWORD })).email);
      }
      db.$client.close();
      const cookies = await Promise.all(emails.map((email) => signIn(server.url, email)));
      // Warm-up: one upload cancelled (the code paths loaded, the import page rendered once).
      await upload(server.url, cookies[0]!, file, 0);
      await collectGarbage(inspectorUrl);
      const before = rssMb(server.pid);
      for (let n = 1; n <= UPLOADS; n++) await upload(server.url, cookies[Math.floor((n - 1) / PER_ORGANISER)]!, file, n);
      await collectGarbage(inspectorUrl);
      const growth = rssMb(server.pid) - before;
      ctx.report({
        bench: "imports.pending_rss",
        workload: "F1",
        value: round(growth),
        baseline: TARGET_MB,
        ratio: round(growth / TARGET_MB),
        unit: "MB",
        target: `< ${TARGET_MB} MB (${UPLOADS} × ${Math.round(file.size / 1024 / 1024)} MB pending)`,
        pass: growth < TARGET_MB,
      });
    } finally {
      await server.stop();
    }
  },
};

export default bench;
