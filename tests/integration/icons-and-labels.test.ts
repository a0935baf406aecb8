// Issue 14, items 19 and 6, through the real request handler on the seed edition: no meaning is
// carried by an emoji glyph (icons are inline SVG with a text alternative), the board's conflict
// title counts only what is to handle, the list runs by level with acknowledged conflicts last,
// and undoing a board change is named apart from cancelling a session.
import { describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/locale.server";
import { uuidv5 } from "~/services/ids.server";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { sessions } from "~/db/schema";
import { eq } from "drizzle-orm";

const BASE = `/editions/${SEED_EDITION}`;
const DAY1 = "2016-03-09";
const seedId = (kind: string, key: string) => uuidv5(`${SEED_EDITION}/${kind}/${key}`);
// Pictographs, dingbats, technical and misc symbols (⏳ ⛔ ✖ ⚠ ℹ …) that fonts without emoji show as empty boxes.
const EMOJI = /[\u{1F000}-\u{1FAFF}\u{2300}-\u{23FF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{2139}\u{FE0F}]/u;
const LEVEL_WORDS = { block: "Bloquant", error: "Erreur", warning: "Avertissement", info: "Information" } as const;
const RANK = { block: 0, error: 1, warning: 2, info: 3 } as const;
type Level = keyof typeof RANK;

/** The visible text of a fragment (tags dropped). */
const text = (html: string) => html.replace(/<[^>]*>/g, "").replace(/\s+/g, " ");

describe("icons", () => {
  it("the board, conflicts, sessions list, dashboard and a session page carry no emoji code point", async () => {
    const { cookie } = await signIn("editor");
    for (const path of [`/board?day=${DAY1}`, "/conflicts", "/sessions", "", `/sessions/${seedId("session", "fishbowl-donnees")}`]) {
      const response = await request(`${BASE}${path}`, { cookie });
      expect(response.status, path).toBe(200);
      const html = await response.text();
      const found = EMOJI.exec(html);
      expect(found?.[0] ?? null, `${path}: ${found ? html.slice(found.index - 80, found.index + 20) : ""}`).toBeNull();
    }
  });

  it("every level icon comes with its level in words, and the svg itself is hidden from assistive technology", async () => {
    const { cookie } = await signIn("viewer");
    const conflicts = await (await request(`${BASE}/conflicts`, { cookie })).text();
    for (const level of Object.keys(LEVEL_WORDS) as Level[]) {
      // The badge: a hidden shape, then the word.
      const badge = new RegExp(`<span class="level level-${level}"><svg class="icon icon-${level}"[^>]*aria-hidden="true"[^>]*>.*?</svg>(<!-- -->)? (<!-- -->)?${LEVEL_WORDS[level]}</span>`);
      expect(conflicts.match(badge)?.[0] ?? conflicts.slice(conflicts.indexOf(`level-${level}`) - 20, conflicts.indexOf(`level-${level}`) + 400)).toMatch(badge);
    }
    const board = await (await request(`${BASE}/board?day=${DAY1}`, { cookie })).text();
    // Each level icon on a card is followed by the level's word.
    const cardIcons = [...board.matchAll(/<li class="card-conflict level-(\w+)"[^>]*>(.*?)<\/li>/g)];
    expect(cardIcons.length).toBeGreaterThan(0);
    for (const [, level, inner] of cardIcons) {
      expect(inner).toMatch(new RegExp(`<svg class="icon icon-${level}"[^>]*aria-hidden="true"`));
      expect(text(inner!)).toContain(`${LEVEL_WORDS[level as Level]} :`);
    }
    // A person who has not confirmed: the hourglass carries its meaning as text.
    expect(board).toMatch(/<span class="icon-labelled" title="[^"]+"><svg class="icon icon-pending"[^>]*aria-hidden="true"[^>]*>.*?<\/svg><span class="visually-hidden">[^<]+<\/span><\/span>/);
  });
});

describe("the board's conflict list", () => {
  it("counts only open block, error and warning conflicts as to handle, and lists open ones by level, acknowledged last", async () => {
    const { cookie } = await signIn("editor");
    const board = `${BASE}/board?day=${DAY1}`;
    // One acknowledged warning-or-worse conflict, so the order has something to show.
    const ackKey = `ROOM_FEATURES|${seedId("session", "fishbowl-donnees")}`;
    const ack = await request(board, { cookie, form: { intent: "acknowledge", key: ackKey, reason: "Chaises disposées en cercle par la régie" } });
    expect(ack.status).toBe(302);

    const html = await (await request(board, { cookie })).text();
    const items = [...html.matchAll(/<li class="level-(\w+)( is-acknowledged)?" data-conflict-key="([^"]+)"/g)].map(([, level, acknowledged, key]) => ({
      level: level as Level,
      acknowledged: Boolean(acknowledged),
      key: key!,
    }));
    const main = items.filter((c) => c.level !== "info");
    const infos = items.filter((c) => c.level === "info");
    expect(main.some((c) => c.acknowledged && c.key === ackKey)).toBe(true);
    expect(infos.length).toBeGreaterThan(0);

    // The title: open non-information conflicts out of all non-information ones.
    const open = main.filter((c) => !c.acknowledged).length;
    const title = /<h2 id="day-conflicts-title">([^<]*)<\/h2>/.exec(html)![1];
    expect(title).toBe(`Conflits du jour : ${open} à traiter sur ${main.length}`);
    expect(html).toContain(`Informations (${infos.length})`);

    // Order: every open one before every acknowledged one, each part by level.
    const sortKey = (c: { level: Level; acknowledged: boolean }) => Number(c.acknowledged) * 10 + RANK[c.level];
    for (const list of [main, infos]) {
      const keys = list.map(sortKey);
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
    }
    expect(main.at(-1)!.acknowledged).toBe(true);

    // The conflicts page keeps its groups (level, then rule); in each, acknowledged ones come last.
    const page = await (await request(`${BASE}/conflicts`, { cookie })).text();
    const groups = page.split('<section class="conflict-group"').slice(1);
    expect(groups.length).toBeGreaterThan(1);
    let acknowledgedSeen = 0;
    for (const group of groups) {
      const states = [...group.matchAll(/<li class="conflict conflict-\w+( conflict-acknowledged)?"/g)].map((m) => Boolean(m[1]));
      expect(states).toEqual([...states].sort((a, b) => Number(a) - Number(b)));
      acknowledgedSeen += states.filter(Boolean).length;
    }
    expect(acknowledgedSeen).toBeGreaterThan(0);
  });

  it("names undoing a board change « Défaire », apart from « Annuler la session », in both languages", async () => {
    const { cookie } = await signIn("editor");
    const uuid = seedId("session", "table-emploi");
    const row = (await (await db()).select().from(sessions).where(eq(sessions.uuid, uuid)).get())!;
    const board = `${BASE}/board?day=${DAY1}`;
    const placed = await request(board, {
      cookie,
      form: { intent: "place", session: uuid, version: String(row.version), room: seedId("room", "jeanbart"), date: DAY1, start: "09:00", end: "10:00" },
    });
    expect(placed.status).toBe(302);
    const fr = await (await request(board, { cookie })).text();
    const undo = /<form[^>]*class="board-undo"[^>]*>(.*?)<\/form>/.exec(fr)![1]!;
    expect(undo).toMatch(/<svg class="icon icon-undo"/);
    expect(text(undo)).toContain("Défaire");
    expect(text(undo)).not.toContain("Annuler");
    const sessionPage = await (await request(`${BASE}/sessions/${uuid}`, { cookie })).text();
    expect(sessionPage).toContain("Annuler la session");
    expect(sessionPage).not.toContain("Défaire");

    const english = `${cookie}; ${await localeCookie.serialize("en")}`.replace(/;\s*(Max-Age|Path|Expires|HttpOnly|SameSite)[^;]*/gi, "");
    const en = await (await request(board, { cookie: english })).text();
    const undoEn = /<form[^>]*class="board-undo"[^>]*>(.*?)<\/form>/.exec(en)![1]!;
    expect(text(undoEn)).toContain("Undo");
    expect(text(undoEn)).not.toContain("Cancel");
    expect(await (await request(`${BASE}/sessions/${uuid}`, { cookie: english })).text()).toContain("Cancel the session");
  });
});
