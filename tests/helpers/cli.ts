// The command line as a user runs it (`npm run cli`: node bin/cli.js, the server bundle): a
// child process on its own database file.
import { spawn } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { BASE_DB, TMP_DIR } from "../setup/global-database";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** A copy of the migrated and seeded base database, for one command-line test. */
export function freshDatabase(): string {
  const file = path.join(TMP_DIR, `cli-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(BASE_DB, file);
  return file;
}

export function cli(args: string[], options: { database: string; input?: string; env?: Record<string, string> }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/cli.js", ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env, DATABASE_URL: `file:${options.database}` },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
