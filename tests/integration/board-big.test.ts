// The board of a big edition: FOSDEM 2021 imported (773 sessions, over a hundred rooms). Every
// day is a page the browser can take (under 400 KB of HTML and data, PERFORMANCE.md): the grid
// shows a page of rooms at a time, and the pager leads to the others; loading any page costs the
// same few queries as a small edition's board.
import { and, count, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rooms, sessions } from "~/db/schema";
import { readSchedule } from "~/domain/import";
import { ROOMS_PER_PAGE } from "~/domain/board/pages";
import { applyImport, type ImportResult } from "~/services/import.server";
import { db, organisationIdOf, queryCounter, request, signIn } from "../helpers/app";
import { readFixture } from "../helpers/schedule-files";

const PAGE_LIMIT = 400_000;
const DAYS = ["2021-02-06", "2021-02-07"];

async function importFile(file: string, slug: string): Promise<ImportResult> {
  const read = readSchedule(readFixture(file), { slug });
  if (!read.ok) throw new Error(`refused: ${JSON.stringify(read.problems)}`);
  return applyImport(await db(), { programme: read.programme, changes: read.changes, actor: { type: "system" }, organisationId: await organisationIdOf(), fileName: file });
}

/** The page as the browser receives it: its bytes, and the text. */
async function page(path: string, cookie: string) {
  const response = await request(path, { cookie });
  expect(response.status, path).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes: bytes.length, html: bytes.toString("utf8") };
}

const roomIdsOf = (html: string) => [...html.matchAll(/<section class="board-room"[^>]* data-room-id="([^"]+)"/g)].map((m) => m[1]!);
const cardIdsOf = (html: string) => [...html.matchAll(/<section class="board-room"[\s\S]*?<\/section>/g)].flatMap((m) => [...m[0].matchAll(/data-card-id="([^"]+)"/g)].map((c) => c[1]!));
/** The address of the pager's link to the next or previous page of rooms, as the browser follows it. */
const link = (html: string, rel: "next" | "prev") => {
  const pager = /data-testid="rooms-pager"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
  return /href="([^"]*)"/.exec(new RegExp(`<a[^>]*rel="${rel}"[^>]*>`).exec(pager)?.[0] ?? "")?.[1]?.replaceAll("&amp;", "&") ?? null;
};

/** Every page of rooms of a day, following the pager's "next" links from the day's board. */
async function everyPage(slug: string, day: string, cookie: string) {
  const pages = [await page(`/editions/${slug}/board?day=${day}`, cookie)];
  for (let next = link(pages[0]!.html, "next"); next; next = link(pages[pages.length - 1]!.html, "next")) {
    expect(pages.length).toBeLessThan(60);
    pages.push(await page(next, cookie));
  }
  return pages;
}

describe("the board of FOSDEM 2021", { timeout: 300_000 }, () => {
  let fosdem: ImportResult;
  let cookie: string;
  beforeAll(async () => {
    fosdem = await importFile("giggity__fosdem_2021.xml", "fosdem-2021-board");
    ({ cookie } = await signIn("editor"));
  }, 180_000);

  it("shows a page of rooms at a time, every page of every day under 400 KB (HTML and data); together they show every room and session", async () => {
    const database = await db();
    const roomCount = (await database.select({ n: count() }).from(rooms).where(eq(rooms.editionId, fosdem.editionId)).get())!.n;
    expect(roomCount).toBeGreaterThan(100);
    const placed = await database
      .select({ uuid: sessions.uuid, startsAt: sessions.startsAt })
      .from(sessions)
      .where(and(eq(sessions.editionId, fosdem.editionId), isNotNull(sessions.roomId), isNotNull(sessions.startsAt)))
      .all();
    const sizes: string[] = [];
    for (const day of DAYS) {
      const pages = await everyPage(fosdem.slug, day, cookie);
      const largest = Math.max(...pages.map((p) => p.bytes));
      sizes.push(`${day}: ${pages.length} pages, first ${Math.round(pages[0]!.bytes / 1024)} KiB, largest ${Math.round(largest / 1024)} KiB`);
      expect(largest, sizes.join("; ")).toBeLessThan(PAGE_LIMIT);
      const seenRooms = new Set<string>();
      const seenCards = new Set<string>();
      for (const { html } of pages) {
        const shown = roomIdsOf(html);
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.length).toBeLessThanOrEqual(ROOMS_PER_PAGE);
        for (const id of shown) {
          expect(seenRooms.has(id), `room ${id} on two pages`).toBe(false);
          seenRooms.add(id);
        }
        for (const id of cardIdsOf(html)) seenCards.add(id);
      }
      expect(seenRooms.size).toBe(roomCount);
      // Every session placed on that day (Brussels time, as imported) is on one of the pages.
      const dayStart = Date.parse(`${day}T00:00:00+01:00`);
      const onDay = placed.filter((s) => s.startsAt! >= dayStart && s.startsAt! < dayStart + 24 * 3_600_000).map((s) => s.uuid);
      expect(onDay.length).toBeGreaterThan(300);
      expect(seenCards).toEqual(new Set(onDay));
    }
    console.log(`FOSDEM 2021 board pages: ${sizes.join("; ")}`);
  });

  it("says which rooms it shows, in French and English, with links to the previous and next rooms", async () => {
    const roomCount = (await (await db()).select({ n: count() }).from(rooms).where(eq(rooms.editionId, fosdem.editionId)).get())!.n;
    const day = DAYS[0]!;
    const base = `/editions/${fosdem.slug}/board?day=${day}`;
    const first = await page(base, cookie);
    const shown = roomIdsOf(first.html).length;
    expect(first.html).toContain(`Salles 1–${shown} sur ${roomCount}`);
    expect(first.html).toContain("Salles suivantes ›");
    expect(link(first.html, "prev")).toBeNull();
    // The next page is a plain link that keeps the day.
    expect(link(first.html, "next")).toBe(`/editions/${fosdem.slug}/board?day=${day}&roomPage=2`);
    const second = await page(link(first.html, "next")!, cookie);
    expect(second.html).toContain(`Salles ${shown + 1}–${shown + roomIdsOf(second.html).length} sur ${roomCount}`);
    expect(second.html).toContain("‹ Salles précédentes");
    expect(link(second.html, "prev")).toBe(`/editions/${fosdem.slug}/board?day=${day}`);
    expect((await page(`${base}&roomPage=2&lang=en`, cookie)).html).toContain(`Rooms ${shown + 1}–`);
    // A page past the last shows the last one.
    expect(link((await page(`${base}&roomPage=999`, cookie)).html, "next")).toBeNull();
  });

  it("loads any page of its board in the same number of queries as a small edition's board", async () => {
    const small = await importFile("voc-schedule__pretalx-democon.json", "democon-board");
    const counted = async (path: string) => {
      const before = queryCounter.count;
      await page(path, cookie);
      return queryCounter.count - before;
    };
    const smallBoard = `/editions/${small.slug}/board`;
    // The board without a day sends to the edition's first day.
    const smallUrl = (await request(smallBoard, { cookie })).headers.get("Location")!;
    expect(smallUrl).toMatch(/\?day=\d{4}-\d\d-\d\d$/);
    const figures = {
      small: { cold: await counted(smallUrl), warm: await counted(smallUrl) },
      fosdem: {
        cold: await counted(`/editions/${fosdem.slug}/board?day=${DAYS[1]}&roomPage=3`),
        warm: await counted(`/editions/${fosdem.slug}/board?day=${DAYS[1]}&roomPage=3`),
        otherPage: await counted(`/editions/${fosdem.slug}/board?day=${DAYS[1]}&roomPage=7&conflictPage=2`),
      },
    };
    expect(figures.fosdem.warm, JSON.stringify(figures)).toBe(figures.small.warm);
    expect(figures.fosdem.otherPage, JSON.stringify(figures)).toBe(figures.small.warm);
    expect(figures.fosdem.cold, JSON.stringify(figures)).toBe(figures.small.cold);
    expect(figures.small.warm).toBeLessThanOrEqual(8);
  });
});
