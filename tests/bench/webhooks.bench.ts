// webhooks.fanout (issue 16): the time from a publish to the last of 50 local receivers
// answering its version.published delivery, with the publish itself (until it returns, the
// deliveries queued in its transaction) as the baseline, BAROUF workload. Medians of 7 runs
// after a warm-up; each run publishes the next version.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { getDb } from "~/db/client.server";
import { getEnv } from "~/env.server";
import { publishProgramme } from "~/services/publishing.server";
import { addEndpoint } from "~/services/webhook-endpoints.server";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";
import { insertWorkload } from "../helpers/workload-db";
import { median, round, type BenchModule } from "./measure";
import { generateWorkload } from "./workloads";

const RECEIVERS = 50;
const RUNS = 7;

const bench: BenchModule = {
  name: "webhooks",
  async run(ctx) {
    if (!ctx.wants("webhooks.fanout", "BAROUF")) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), "barouf-bench-webhooks-"));
    const file = path.join(dir, "bench.db");
    // The worker reads the database and the address rule from the environment, once.
    process.env.DATABASE_URL = `file:${file}`;
    process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
    if (getEnv().DATABASE_URL !== `file:${file}`) throw new Error("Run webhooks.fanout on its own: npm run bench -- webhooks");
    const servers: Server[] = [];
    try {
      const db = await getDb();
      const { editionId, slug } = await insertWorkload(db, generateWorkload("BAROUF"));
      await acknowledgeBlockingConflicts(db, editionId);
      let answered = 0;
      let waiting: { count: number; resolve: () => void } | null = null;
      for (let i = 0; i < RECEIVERS; i++) {
        const server = createServer((req, res) => {
          req.resume();
          req.on("end", () => {
            res.writeHead(204).end();
            answered++;
            if (waiting && answered >= waiting.count) waiting.resolve();
          });
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        servers.push(server);
        const added = await addEndpoint(db, { editionId, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, description: "", events: ["version.published"], active: true, now: Date.now(), actor: { type: "system" } });
        if (!added.ok) throw new Error(added.problem);
      }
      const publishOnce = async () => {
        const target = answered + RECEIVERS;
        const done = new Promise<void>((resolve) => (waiting = { count: target, resolve }));
        const t = performance.now();
        const result = await publishProgramme(db, { editionId, slug, actor: { type: "system" }, note: null, now: Date.now() });
        const publish = performance.now() - t;
        if (!result.ok || result.webhooks !== RECEIVERS) throw new Error("publish did not queue a delivery per receiver");
        await done;
        return { publish, fanout: performance.now() - t };
      };
      await publishOnce();
      const publishes: number[] = [];
      const fanouts: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const { publish, fanout } = await publishOnce();
        publishes.push(publish);
        fanouts.push(fanout);
      }
      const value = round(median(fanouts));
      const baseline = round(median(publishes));
      ctx.report({ bench: "webhooks.fanout", workload: "BAROUF", value, baseline, ratio: round(value / baseline), target: `${RECEIVERS} receivers` });
    } finally {
      for (const server of servers) server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
