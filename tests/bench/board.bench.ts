// Schedule board benchmark (PERFORMANCE.md):
//   board.render  F1 loaded into a database file; one day, all 35 rooms, rendered by the built
//                 server through the real request handler (guard, loader, React, the document
//                 and its serialised data), as a ratio to renderToString of the same route tree
//                 (shell + board) with the same loader data already in memory. Target ≤ 2.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import type { ServerBuild } from "@remix-run/node";
import { median, round, type BenchModule } from "./measure";
import { generateWorkload } from "./workloads";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ORIGIN = "http://bench.barouf.test";

const bench: BenchModule = {
  name: "board",
  async run(ctx) {
    if (!ctx.wants("board.render", "F1")) return;
    const buildFile = path.join(ROOT, "build", "index.js");
    if (!existsSync(buildFile)) spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "ignore" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "barouf-bench-"));
    process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
    process.env.PUBLIC_ORIGIN = ORIGIN;
    process.env.NODE_ENV = "production";
    try {
      const { getDb } = await import("~/db/client.server");
      const { loadWorkload } = await import("./load-workload");
      const { createOrganiser } = await import("../../seed/factories");
      const { startLoginSession } = await import("~/services/auth.server");
      const { loadBoard } = await import("~/services/board/load.server");
      const { packBoard } = await import("~/components/board/packed");
      const { createAppHandler } = await import("~/server/handler.server");
      const { createRemixStub } = await import("@remix-run/testing");
      const { Outlet } = await import("@remix-run/react");
      const EditionLayout = (await import("~/routes/editions.$editionSlug")).default;
      const BoardRoute = (await import("~/routes/editions.$editionSlug.board")).default;

      const db = await getDb();
      const w = generateWorkload("F1");
      const { editionId, organisationId, slug } = await loadWorkload(db, w);
      const organiser = await createOrganiser(db, { role: "editor", organisationId, passwordHash: "not-a-login" });
      const cookie = (await startLoginSession(organiser.id)).split(";")[0]!;
      const day = w.edition.firstDay;
      const pathname = `/editions/${slug}/board?day=${day}`;

      const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
      const handler = createAppHandler({ build, mode: "production", publicOrigin: ORIGIN });
      let bytes = 0;
      const serve = async () => {
        const response = await handler(new Request(`${ORIGIN}${pathname}`, { headers: { Cookie: cookie } }), { clientAddress: "127.0.0.1" });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`Board answered ${response.status}`);
        bytes = html.length;
      };

      // The same tree with its data in memory: the loaders' answers, handed to the router.
      const board = await loadBoard(db, {
        editionId,
        organiserId: organiser.id,
        locale: "fr",
        day,
        step: 30,
        filters: { q: "", theme: "", format: "", person: "" },
        suggest: null,
        edit: null,
        saved: null,
      });
      if ("redirectDay" in board) throw new Error("The workload's first day is not an edition day");
      const Stub = createRemixStub([
        {
          id: "root",
          path: "/",
          Component: Outlet,
          children: [
            {
              id: "routes/editions.$editionSlug",
              path: "editions/:editionSlug",
              Component: EditionLayout,
              loader: () => null,
              children: [{ id: "routes/editions.$editionSlug.board", path: "board", Component: BoardRoute, loader: () => null }],
            },
          ],
        },
      ]);
      const loaderData = {
        root: { locale: "fr" },
        "routes/editions.$editionSlug": {
          edition: { slug, title: w.edition.name },
          editions: [{ slug, title: w.edition.name }],
          organiser: { name: organiser.name, role: organiser.role },
        },
        "routes/editions.$editionSlug.board": { board: packBoard(board), canWrite: true, editionSlug: slug, title: w.edition.name },
      };
      let rendered = 0;
      const render = () => {
        rendered = renderToString(createElement(Stub, { initialEntries: [pathname], hydrationData: { loaderData } })).length;
      };

      // The stub's router uses layout effects, which React warns about on the server: expected here.
      const error = console.error;
      console.error = (...args: unknown[]) => {
        if (typeof args[0] === "string" && args[0].includes("useLayoutEffect does nothing on the server")) return;
        error(...args);
      };
      for (let i = 0; i < 4; i++) {
        await serve();
        render();
      }
      const served: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < 15; i++) {
        let t = performance.now();
        await serve();
        served.push(performance.now() - t);
        t = performance.now();
        render();
        base.push(performance.now() - t);
      }
      console.error = error;
      const value = median(served);
      const baseline = median(base);
      const ratio = value / baseline;
      ctx.report({
        bench: "board.render",
        workload: "F1",
        value: round(value),
        baseline: round(baseline),
        ratio: round(ratio),
        target: `ratio ≤ 2 (${board.cards.length} cards, ${board.rooms.length} rooms; ${Math.round(bytes / 1024)} KiB page, ${Math.round(rendered / 1024)} KiB tree)`,
        pass: ratio <= 2,
      });
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
