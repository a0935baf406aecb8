// Public site benchmarks (issue 16, ADR 0020), F1 published:
//   public.page.200  the latest programme page (F1's 1,000 sessions) served warm by the real built
//                    server, requests per second as a ratio to bare node:http sending the same
//                    bytes (target ≥ 0.5)
//   public.page.304  the same with If-None-Match (target ≥ 0.8)
import { rmSync } from "node:fs";
import { publishProgramme } from "~/services/publishing.server";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { startServer } from "../helpers/server";
import { insertWorkload } from "../helpers/workload-db";
import { freshDatabase } from "./exports.bench";
import type { BenchModule } from "./measure";
import { serveRatio } from "./serve-ratio";
import { generateWorkload } from "./workloads";

const bench: BenchModule = {
  name: "public",
  async run(ctx) {
    const want200 = ctx.wants("public.page.200", "F1");
    const want304 = ctx.wants("public.page.304", "F1");
    if (!want200 && !want304) return;
    const { db, file, dir } = await freshDatabase("public");
    const { editionId, slug } = await insertWorkload(db, generateWorkload("F1"));
    await acknowledgeBlockingConflicts(db, editionId);
    const published = await publishProgramme(db, { editionId, slug, actor: { type: "system" }, note: null, now: Date.now() });
    if (!published.ok) throw new Error("F1 could not be published");
    db.$client.close();
    const app = await startServer({ DATABASE_URL: `file:${file}` });
    try {
      const names = { ok: "public.page.200", notModified: "public.page.304" };
      await serveRatio(ctx, { appUrl: app.url, path: `/programme/${slug}/`, dir, names, want200, want304 });
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
