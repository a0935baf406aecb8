// `npm start`: build if needed, migrate, seed on first start, then serve.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "~/db/client.server";
import { getEnv, settleListeningPort } from "~/env.server";
import { prepareDatabase } from "~/services/bootstrap.server";
import { serveCachedExport } from "~/services/export-cache.server";
import { startRetentionWorker } from "~/services/retention.server";
import { createAppHandler } from "./handler.server";
import { log } from "./log.server";
import { createNodeListener } from "./node.server";

const root = process.cwd();
const buildFile = path.join(root, "build", "index.js");

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds when there is no build or the sources changed since the last one. */
function buildIfNeeded() {
  const sources = Math.max(newestChange(path.join(root, "app")), statSync(path.join(root, "remix.config.js")).mtimeMs);
  if (existsSync(buildFile) && statSync(buildFile).mtimeMs >= sources) return;
  log.info("Building the app…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("The build failed");
}

async function main() {
  process.env.NODE_ENV ??= "production";
  const env = getEnv();
  buildIfNeeded();

  const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const { seed, admin } = await prepareDatabase(db, { adminPassword: env.BAROUF_ADMIN_PASSWORD });
  db.$client.close();
  if (seed?.created) log.info(`Seeded the ${seed.edition} edition (${seed.sessions} sessions, ${seed.speakers} speakers).`);

  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const url = `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${port}`;
    // The handler is made once the port is known: CSRF and links use the configured origin only.
    const { publicOrigin } = settleListeningPort(port);
    const handler = createAppHandler({ build, mode: env.NODE_ENV, publicOrigin });
    server.on("request", createNodeListener(handler, { publicOrigin, publicDir: path.join(root, "public"), trustProxy: env.TRUST_PROXY, fastPath: serveCachedExport }));
    // Retention: editions past their period lose their personal data, checked daily.
    startRetentionWorker();
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

main().catch((error: unknown) => {
  log.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
