// `npm start` (through bin/start.js and the server bundle's `start`): migrate, seed on first
// start, serve, and run the background workers, all in the one module graph of build/index.js.
import { createServer } from "node:http";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "~/db/client.server";
import { getEnv, settleListeningPort } from "~/env.server";
import { prepareDatabase } from "~/services/bootstrap.server";
import { serveCachedExport } from "~/services/export-cache.server";
import { startRetentionWorker } from "~/services/retention.server";
import { startWebhookWorker } from "~/services/webhooks.server";
import { createAppHandler } from "./handler.server";
import { log } from "./log.server";
import { createNodeListener } from "./node.server";

export async function startServer(build: ServerBuild): Promise<void> {
  const root = process.cwd();
  const env = getEnv();

  const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const { seed, admin } = await prepareDatabase(db, { adminPassword: env.BAROUF_ADMIN_PASSWORD });
  db.$client.close();
  if (seed?.created) log.info(`Seeded the ${seed.edition} edition (${seed.sessions} sessions, ${seed.speakers} speakers).`);

  const server = createServer();
  server.keepAliveTimeout = 65_000;
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const url = `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${port}`;
    // The handler is made once the port is known: CSRF and links use the configured origin only
    // (and, one module graph, the routes read the same settled origin).
    const { publicOrigin } = settleListeningPort(port);
    const handler = createAppHandler({ build, mode: env.NODE_ENV, publicOrigin });
    server.on("request", createNodeListener(handler, { publicOrigin, publicDir: path.join(root, "public"), trustProxy: env.TRUST_PROXY, fastPath: serveCachedExport }));
    // Retention: editions past their period lose their personal data, checked daily.
    startRetentionWorker();
    // Webhooks queued before a restart are sent now, retries when they fall due.
    void startWebhookWorker();
    log.info(`Barouf is running at ${url}`);
    log.info(`Database: ${env.DATABASE_URL}`);
    if (admin.generatedPassword) {
      log.info(`Sample organiser login: ${admin.email} / ${admin.generatedPassword}`);
      log.info("(This generated password is printed once; set BAROUF_ADMIN_PASSWORD to choose it.)");
    } else {
      log.info(`Sample organiser login: ${admin.email} (password: BAROUF_ADMIN_PASSWORD, or the one printed at first start;`);
      log.info(`  set a new one with: npm run cli -- organiser password --email ${admin.email})`);
    }
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
