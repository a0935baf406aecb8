// Starts the real server as `npm start` does (`node bin/start.js`: the server bundle, built if
// needed) on a free port with its own database file, and stops it with SIGKILL (remix timers linger).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const E2E_ADMIN_PASSWORD = "e2e-admin-password-2016";

export type RunningServer = {
  url: string;
  databaseFile: string;
  /** The server's process id (its memory is read from /proc in a bench). */
  pid: number;
  /** Everything the server wrote to stderr: tests fail on unexpected errors there. */
  stderr: () => string;
  stop: () => Promise<void>;
};

/** `databaseFile`: an existing database to serve (left in place at stop), instead of a fresh one. */
export async function startServer(env: Record<string, string> = {}, options: { databaseFile?: string } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "barouf-e2e-"));
  const databaseFile = options.databaseFile ?? path.join(dir, "barouf.db");
  // The test process's own PUBLIC_ORIGIN (tests/setup/database.ts) is not the server's: without one
  // in `env`, the server's origin is the address it listens on, as with `npm start`.
  const { PUBLIC_ORIGIN: _testOrigin, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ["bin/start.js"], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: "production",
      DATABASE_URL: `file:${databaseFile}`,
      HOST: "127.0.0.1",
      PORT: "0",
      BAROUF_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${stdout}\n${stderr}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk;
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
  return {
    url,
    databaseFile,
    pid: child.pid!,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
