// Schedule board benchmark (PERFORMANCE.md):
//   board.render  one day's board page rendered by the built server through the real request
//                 handler (guard, loader, React's streaming render through Remix's documented
//                 entry, the streamed data), as a ratio to renderToString of the same route tree
//                 (the build's own root document, edition layout and board) with the same loader
//                 data already in memory, the median of 40 interleaved pairs' ratios; beside it,
//                 React's streaming renderer alone on that tree (its share of the ratio); and the page's
//                 bytes as the browser receives them (HTML and data). Targets: ratio ≤ 2.5,
//                 page ≤ 400 KB.
//     F1          the generated F1 workload (35 rooms), its first day, as the board opens it;
//     FOSDEM2021  FOSDEM 2021 imported from its real schedule file (773 sessions, over 100
//                 rooms), its busiest day as the board opens it; the heaviest page of rooms of
//                 that day is reported beside it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Writable } from "node:stream";
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import type { LinksFunction, MetaFunction, ServerBuild } from "@remix-run/node";
import { median, round, type BenchContext, type BenchModule } from "./measure";
import { generateWorkload } from "./workloads";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ORIGIN = "http://bench.barouf.test";
const PAGE_LIMIT = 400_000;

type Served = { bytes: number; body: Buffer };

const bench: BenchModule = {
  name: "board",
  async run(ctx) {
    const wantF1 = ctx.wants("board.render", "F1");
    const wantFosdem = ctx.wants("board.render", "FOSDEM2021");
    if (!wantF1 && !wantFosdem) return;
    const buildFile = path.join(ROOT, "build", "index.js");
    if (!existsSync(buildFile)) spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "ignore" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "barouf-bench-"));
    process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
    process.env.PUBLIC_ORIGIN = ORIGIN;
    process.env.NODE_ENV = "production";
    try {
      const { getDb } = await import("~/db/client.server");
      const { createOrganisation, createOrganiser } = await import("../../seed/factories");
      const { startLoginSession } = await import("~/services/auth.server");
      const { createAppHandler } = await import("~/server/handler.server");
      const db = await getDb();
      const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
      const handler = createAppHandler({ build, mode: "production", publicOrigin: ORIGIN });
      const organisation = await createOrganisation(db, { name: "Bench" });
      const organiser = await createOrganiser(db, { role: "editor", organisationId: organisation.id, passwordHash: "not-a-login" });
      const cookie = (await startLoginSession(organiser.id)).split(";")[0]!;
      const serve = async (pathname: string): Promise<Served> => {
        const response = await handler(new Request(`${ORIGIN}${pathname}`, { headers: { Cookie: cookie } }), { clientAddress: "127.0.0.1" });
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200) throw new Error(`${pathname} answered ${response.status}`);
        return { bytes: body.length, body };
      };
      const board = { db, serve, organiser, build, editions: [] as { slug: string; title: string }[] };

      if (wantF1) {
        const { loadWorkload } = await import("./load-workload");
        const w = generateWorkload("F1");
        const { editionId, slug } = await loadWorkload(db, w);
        const { editionOrganisations } = await import("~/db/schema");
        await db.insert(editionOrganisations).values({ editionId, organisationId: organisation.id });
        board.editions.push({ slug, title: w.edition.name });
        await renderRatio(ctx, board, { workload: "F1", editionId, slug, title: w.edition.name, day: w.edition.firstDay });
      }
      if (wantFosdem) {
        const { readSchedule } = await import("~/domain/import");
        const { applyImport } = await import("~/services/import.server");
        const { readFixture } = await import("../helpers/schedule-files");
        const read = readSchedule(readFixture("giggity__fosdem_2021.xml"), { slug: "fosdem-2021" });
        if (!read.ok) throw new Error("FOSDEM 2021's schedule file was refused");
        const imported = await applyImport(db, { programme: read.programme, changes: read.changes, actor: { type: "system" }, organisationId: organisation.id, fileName: "giggity__fosdem_2021.xml" });
        board.editions.push({ slug: imported.slug, title: imported.title });
        // The busiest day: the one with the most sessions placed, in the edition's time zone.
        const { localDate } = await import("~/domain/time");
        const perDay = new Map<string, number>();
        for (const s of read.programme.sessions) {
          if (s.start === null) continue;
          const date = localDate(s.start, read.programme.edition.timeZone);
          perDay.set(date, (perDay.get(date) ?? 0) + 1);
        }
        const busiest = [...perDay].sort((a, b) => b[1] - a[1])[0]![0];
        await renderRatio(ctx, board, { workload: "FOSDEM2021", editionId: imported.editionId, slug: imported.slug, title: imported.title, day: busiest, everyPage: true });
      }
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Serves one day's board (as the board opens it) and renders the same tree from memory, alternately. */
async function renderRatio(
  ctx: BenchContext,
  board: {
    db: Awaited<ReturnType<typeof import("~/db/client.server").getDb>>;
    serve: (pathname: string) => Promise<Served>;
    organiser: { id: number; name: string; role: string };
    build: ServerBuild;
    editions: { slug: string; title: string }[];
  },
  edition: { workload: string; editionId: number; slug: string; title: string; day: string; everyPage?: boolean },
) {
  const { loadBoard, boardQuery } = await import("~/services/board/load.server");
  const { packBoard } = await import("~/components/board/packed");
  const { createRemixStub } = await import("@remix-run/testing");
  // The very modules the server renders (the build's): the root's document, the edition's layout, the board.
  type RouteModule = { default: ComponentType; Layout?: ComponentType<{ children: ReactNode }>; links?: LinksFunction; meta?: MetaFunction };
  const moduleOf = (id: string) => board.build.routes[id]!.module as unknown as RouteModule;
  const root = moduleOf("root");
  const editionLayout = moduleOf("routes/editions.$editionSlug");
  const boardRoute = moduleOf("routes/editions.$editionSlug.board");
  const Document = () => createElement(root.Layout!, null, createElement(root.default));
  const { slug, title, day } = edition;
  const pathname = `/editions/${slug}/board?day=${day}`;

  // The same tree with its data in memory: the loaders' answers, handed to the router.
  const data = await loadBoard(board.db, {
    editionId: edition.editionId,
    organiserId: board.organiser.id,
    locale: "fr",
    ...boardQuery(new URL(pathname, ORIGIN)),
  });
  if ("redirectDay" in data) throw new Error(`${day} is not a day of ${slug}`);
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      Component: Document,
      links: root.links,
      meta: root.meta,
      children: [
        {
          id: "routes/editions.$editionSlug",
          path: "editions/:editionSlug",
          Component: editionLayout.default,
          meta: editionLayout.meta,
          loader: () => null,
          children: [{ id: "routes/editions.$editionSlug.board", path: "board", Component: boardRoute.default, meta: boardRoute.meta, loader: () => null }],
        },
      ],
    },
  ]);
  const loaderData = {
    root: { locale: "fr" },
    "routes/editions.$editionSlug": {
      edition: { slug, title },
      editions: board.editions,
      organiser: { name: board.organiser.name, role: board.organiser.role },
    },
    "routes/editions.$editionSlug.board": { board: packBoard(data), canWrite: true, editionSlug: slug, title },
  };
  let page: Served = { bytes: 0, body: Buffer.alloc(0) };
  let rendered = 0;
  const serve = async () => {
    page = await board.serve(pathname);
  };
  const tree = () => createElement(Stub, { initialEntries: [pathname], hydrationData: { loaderData } });
  const render = () => {
    rendered = renderToString(tree()).length;
  };
  // React's streaming renderer alone on the same tree, into a sink: the part of the ratio that is React's.
  const stream = () =>
    new Promise<void>((resolve, reject) => {
      const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
      sink.on("finish", resolve);
      const { pipe } = renderToPipeableStream(tree(), { onAllReady: () => pipe(sink), onShellError: reject });
    });

  // The stub's router uses layout effects, which React warns about on the server: expected here.
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("useLayoutEffect does nothing on the server")) return;
    error(...args);
  };
  try {
    for (let i = 0; i < 6; i++) {
      await serve();
      render();
      await stream();
    }
    // Interleaved, and the ratio taken pair by pair: a shared machine's drift hits both sides of a pair alike.
    const served: number[] = [];
    const base: number[] = [];
    const ratios: number[] = [];
    const streamRatios: number[] = [];
    for (let i = 0; i < 40; i++) {
      let t = performance.now();
      await serve();
      const s = performance.now() - t;
      t = performance.now();
      render();
      const b = performance.now() - t;
      t = performance.now();
      await stream();
      const r = performance.now() - t;
      served.push(s);
      base.push(b);
      ratios.push(s / b);
      streamRatios.push(r / b);
    }
    const value = median(served);
    const baseline = median(base);
    const ratio = median(ratios);
    const rooms = /data-testid="rooms-pager"[\s\S]*?>((?:Salles|Rooms) [^<]*)</.exec(page.body.toString("utf8"))?.[1] ?? `${data.rooms.length} rooms`;
    let heaviest = "";
    let largest = page.bytes;
    if (edition.everyPage && data.roomPages) {
      for (let n = 2; n <= data.roomPages.pages; n++) largest = Math.max(largest, (await board.serve(`${pathname}&roomPage=${n}`)).bytes);
      heaviest = `; heaviest of its ${data.roomPages.pages} pages ${kb(largest)}`;
    }
    ctx.report({
      bench: "board.render",
      workload: edition.workload,
      value: round(value),
      baseline: round(baseline),
      ratio: round(ratio),
      target: `ratio ≤ 2.5, page ≤ 400 KB (${day}, ${rooms}, ${data.cards.length} cards: page ${kb(page.bytes)}${heaviest}, tree ${kb(rendered)}; React's streaming renderer alone ${round(median(streamRatios))}×)`,
      pass: ratio <= 2.5 && largest <= PAGE_LIMIT,
    });
  } finally {
    console.error = error;
  }
}

const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;

export default bench;
