// The real server and real Chromium a browser test file runs against: started before its first
// test, stopped after its last. `database: true` also opens the server's database file, for tests
// that check what the server wrote.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { launchBrowser } from "./browser";
import { startServer, type RunningServer } from "./server";

export type Rig = { server: RunningServer; browser: Browser; database: Database };

export function browserRig(options: { database?: boolean } = {}): Rig {
  const rig = {} as Rig;
  beforeAll(async () => {
    [rig.server, rig.browser] = await Promise.all([startServer(), launchBrowser()]);
    if (options.database) rig.database = await openDatabase(`file:${rig.server.databaseFile}`);
  });
  afterAll(async () => {
    rig.database?.$client.close();
    await rig.browser?.close();
    await rig.server?.stop();
  });
  return rig;
}
