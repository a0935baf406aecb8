// Before each test file: its own copy of the base database (fresh per worker and per file).
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DB, TMP_DIR } from "./global-database";

const file = path.join(TMP_DIR, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
copyFileSync(BASE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.PUBLIC_ORIGIN ??= "http://barouf.test";

afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});
