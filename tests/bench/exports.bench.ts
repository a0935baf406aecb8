// Export benchmarks (PERFORMANCE.md):
//   exports.build.<format>  the draft export built from the database (rows → public snapshot →
//                           format), ratio to a raw SELECT of the same rows through @libsql/client
//                           plus JSON.stringify of them, in the same run (target ≤ 3), F1 and F10
//   exports.serve.200       warm export served by the real built server, requests per second as a
//                           ratio to a bare node:http server sending the same bytes (target ≥ 0.5), F1
//   exports.serve.304       the same with If-None-Match (target ≥ 0.8), F1
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, type Database } from "~/db/client.server";
import { EXPORT_FORMATS, type ExportFormat } from "~/domain/exports";
import { draftProgramme, publishProgramme } from "~/services/publishing.server";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { insertWorkload } from "../helpers/workload-db";
import { startServer } from "../helpers/server";
import { median, round, type BenchModule } from "./measure";
import { serveRatio } from "./serve-ratio";
import { generateWorkload, type WorkloadName } from "./workloads";

const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];
const OPTIONS = { origin: "https://barouf.example", generatedAt: Date.UTC(2016, 2, 1) };

export async function freshDatabase(name: string): Promise<{ db: Database; file: string; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `barouf-bench-${name}-`));
  const file = path.join(dir, "bench.db");
  const db = await openDatabase(`file:${file}`);
  await migrateDatabase(db);
  return { db, file, dir };
}

/** The baseline: the same rows as the export reads, raw through @libsql/client, then JSON.stringify. */
async function rawBaseline(db: Database, editionId: number): Promise<number> {
  const client = db.$client;
  const t = performance.now();
  const results = await Promise.all([
    client.execute({ sql: "select * from editions where id = ?", args: [editionId] }),
    client.execute({ sql: "select id, uuid, slug, name_fr, name_en, colour, position from themes where edition_id = ?", args: [editionId] }),
    client.execute({ sql: "select id, uuid, slug, name_fr, name_en, position from formats where edition_id = ?", args: [editionId] }),
    client.execute({ sql: "select id, uuid, name, capacity, position from rooms where edition_id = ?", args: [editionId] }),
    client.execute({
      sql: "select s.id, s.uuid, s.public_name, o.name, s.job_title, s.bio_fr, s.bio_en, s.consent_publish_bio, s.links from speakers s left join organisations o on o.id = s.organisation_id where s.edition_id = ?",
      args: [editionId],
    }),
    client.execute({
      sql: "select id, uuid, slug, title_fr, title_en, abstract_fr, abstract_en, format_id, theme_id, language, status, is_public, room_id, starts_at, ends_at from sessions where edition_id = ?",
      args: [editionId],
    }),
    client.execute({
      sql: "select ss.session_id, ss.speaker_id, ss.role, ss.confirmation from session_speakers ss join sessions s on s.id = ss.session_id where s.edition_id = ? order by ss.session_id, ss.position, ss.id",
      args: [editionId],
    }),
  ]);
  const text = JSON.stringify(results.map((r) => r.rows));
  if (text.length === 0) throw new Error("empty");
  return performance.now() - t;
}

async function buildBench(ctx: Parameters<BenchModule["run"]>[0], name: WorkloadName) {
  const wanted = FORMATS.filter((f) => ctx.wants(`exports.build.${f}`, name));
  if (wanted.length === 0) return;
  const { db, dir } = await freshDatabase(name);
  try {
    const { editionId } = await insertWorkload(db, generateWorkload(name));
    const runs = name === "F10" ? 9 : 21;
    for (const format of wanted) {
      const build = async () => {
        const t = performance.now();
        const programme = await draftProgramme(db, { editionId });
        const text = EXPORT_FORMATS[format].build(programme, OPTIONS);
        if (text.length === 0) throw new Error("empty export");
        return performance.now() - t;
      };
      for (let i = 0; i < 2; i++) {
        await rawBaseline(db, editionId);
        await build();
      }
      const base: number[] = [];
      const values: number[] = [];
      for (let i = 0; i < runs; i++) {
        base.push(await rawBaseline(db, editionId));
        values.push(await build());
      }
      const value = median(values);
      const baseline = median(base);
      const ratio = value / baseline;
      ctx.report({ bench: `exports.build.${format}`, workload: name, value: round(value), baseline: round(baseline), ratio: round(ratio), target: "ratio ≤ 3", pass: ratio <= 3 });
    }
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * F1 published in a fresh database, served by the real built server: one path's requests per
 * second against bare node:http (serve-ratio.ts). The exports' and the public pages' lines.
 */
export async function servePublishedF1(
  ctx: Parameters<BenchModule["run"]>[0],
  { label, names, path: pathOf }: { label: string; names: { ok: string; notModified: string }; path: (slug: string) => string },
) {
  const want200 = ctx.wants(names.ok, "F1");
  const want304 = ctx.wants(names.notModified, "F1");
  if (!want200 && !want304) return;
  const { db, file, dir } = await freshDatabase(label);
  const { editionId, slug } = await insertWorkload(db, generateWorkload("F1"));
  await acknowledgeBlockingConflicts(db, editionId);
  const published = await publishProgramme(db, { editionId, slug, actor: { type: "system" }, note: null, now: Date.now() });
  if (!published.ok) throw new Error("F1 could not be published");
  db.$client.close();

  const app = await startServer({ DATABASE_URL: `file:${file}` });
  try {
    await serveRatio(ctx, { appUrl: app.url, path: pathOf(slug), dir, names, want200, want304 });
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: BenchModule = {
  name: "exports",
  async run(ctx) {
    for (const name of ["F1", "F10"] as const) await buildBench(ctx, name);
    await servePublishedF1(ctx, { label: "serve", names: { ok: "exports.serve.200", notModified: "exports.serve.304" }, path: (slug) => `/programme/${slug}/v/1/schedule.json` });
  },
};

export default bench;
