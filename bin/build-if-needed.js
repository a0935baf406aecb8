// Builds the app (`remix build`) when there is no build or a source changed since the last one,
// so that `npm ci && npm start` works on a fresh clone. Plain JavaScript: it runs before the
// bundle exists, with no TypeScript loader.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const BUILD_FILE = path.join(ROOT, "build", "index.js");

/** What the server bundle is made of: a change to any of them means a new build. */
const SOURCES = ["app", "seed", "remix.config.js"];

function newestChange(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  return newest;
}

export function buildIfNeeded() {
  const sources = Math.max(...SOURCES.map((name) => path.join(ROOT, name)).filter(existsSync).map(newestChange));
  if (existsSync(BUILD_FILE) && statSync(BUILD_FILE).mtimeMs >= sources) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"], {
    cwd: ROOT,
    // The build's progress goes to stderr: a command's stdout stays its output (`cli -- export`).
    stdio: ["ignore", 2, 2],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    process.stderr.write("The build failed.\n");
    process.exit(1);
  }
}
