// The server bundle's main module (remix.config.js `server`): Remix compiles it with the app into
// build/index.js, so the server, the routes, the workers and the command line are one module graph
// run by plain node (ADR 0019). It exports the Remix build like the default entry does, plus what
// is started from outside: the server (bin/start.js), the command line (bin/cli.js), and the state
// that tests read from the running graph (the export cache's fast path, the query counter).
import * as build from "@remix-run/dev/server-build";
import { log } from "./log.server";
import { startServer } from "./start.server";

export * from "@remix-run/dev/server-build";
export { runCli } from "~/cli/main";
export { queryCounter } from "~/db/client.server";
export { serveCachedExport } from "~/services/export-cache.server";

/** Migrates, seeds on first start, serves and runs the workers. */
export async function start(): Promise<void> {
  try {
    await startServer(build);
  } catch (error: unknown) {
    log.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
