// The embeddable programme (/programme/<slug>/embed) through the real handler: absent until a
// version is published, framable by other sites while every other page stays DENY, filtered by
// its URL, in both languages and themes, and carrying nothing but the published programme.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { editions } from "~/db/schema";
import type { PublicProgramme } from "~/domain/exports";
import { createEdition } from "../../seed/factories";
import { db, request, SEED_EDITION, signIn } from "../helpers/app";
import { acknowledgeBlockingConflicts } from "../helpers/publishing";

const EMBED = `/programme/${SEED_EDITION}/embed`;
let programme: PublicProgramme;

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#x27);/g, (e) => ENTITIES[e]!);
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => unescape(m[1]!));

/** What a reader of the page sees, read from the server's markup (React writes it one way). */
function parse(html: string) {
  return {
    lang: /<html lang="(\w+)"/.exec(html)?.[1],
    theme: /<html [^>]*data-theme="(\w+)"/.exec(html)?.[1] ?? null,
    titles: all(html, /<h3 id="title-[^"]+"(?: lang="\w+")?>([^<]*)<\/h3>/g),
    labels: all(html, /<label for="[^"]+">([^<]*)<\/label>/g),
    selected: (name: string) => new RegExp(`<select id="[^"]+" name="${name}">(?:(?!</select>).)*?<option value="([^"]*)" selected=""`, "s").exec(html)?.[1] ?? "",
    options: (name: string) => (new RegExp(`<select id="[^"]+" name="${name}">((?:(?!</select>).)*)</select>`, "s").exec(html)?.[1]!.match(/<option /g) ?? []).length,
    hidden: Object.fromEntries([...html.matchAll(/<input type="hidden" name="(\w+)" value="(\w+)"\/>/g)].map((m) => [m[1], m[2]])),
    reset: unescape(/<div class="embed-actions">.*?<a href="([^"]+)"/s.exec(html)?.[1] ?? ""),
    count: /data-testid="embed-count">([^<]*)</.exec(html)?.[1],
  };
}

async function embed(query = "") {
  const response = await request(`${EMBED}${query}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { response, html, page: parse(html) };
}

function titleOf(session: PublicProgramme["sessions"][number], locale: "fr" | "en" = "fr") {
  return session.title[locale] || session.title[locale === "fr" ? "en" : "fr"] || session.slug;
}

describe("before any publication", () => {
  it("answers 404, like an unknown edition", async () => {
    const database = await db();
    await createEdition(database, { slug: "jamais-publiee" });
    for (const path of [EMBED, "/programme/jamais-publiee/embed", "/programme/inconnue/embed"]) {
      const response = await request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe("Not found");
    }
    // The versions page says the snippet comes with the first version.
    const { cookie } = await signIn("admin");
    const versions = await (await request(`/editions/${SEED_EDITION}/versions`, { cookie })).text();
    expect(versions).toContain("Le programme intégrable sera disponible dès la publication de la première version.");
    expect(versions).not.toContain('id="embed-snippet"');
  });
});

describe("once published", () => {
  beforeAll(async () => {
    const database = await db();
    const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
    await acknowledgeBlockingConflicts(database, edition.id);
    // Published through the app, as an organiser does: the app's caches learn of it.
    const { cookie } = await signIn("editor");
    expect((await request(`/editions/${SEED_EDITION}/versions`, { cookie, form: { intent: "publish", note: "" } })).status).toBe(302);
    programme = JSON.parse(await (await request(`/programme/${SEED_EDITION}/programme.json`)).text()) as PublicProgramme;
    expect(programme.sessions.length).toBeGreaterThan(40);
  });

  it("may be framed by any site, with no X-Frame-Options, its one script carrying the policy's nonce", async () => {
    const { response, html } = await embed();
    const csp = response.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("frame-ancestors *");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(response.headers.get("X-Frame-Options")).toBeNull();
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe(` nonce="${nonce}"`);
    expect(scripts[0]![2]).toContain('type:"barouf:height"');
    // No Remix runtime, nothing loaded from elsewhere: one stylesheet of ours.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(all(html, /<link rel="stylesheet" href="([^"]+)"/g)).toEqual([expect.stringMatching(/^\/build\/_assets\/embed-[\w-]+\.css$/)]);
    // Each answer has its own nonce.
    const again = (await request(EMBED)).headers.get("Content-Security-Policy")!;
    expect(again).not.toBe(csp);
  });

  it("gives its snippet on the versions page, readable and selectable without JavaScript", async () => {
    const { cookie } = await signIn("viewer");
    const html = await (await request(`/editions/${SEED_EDITION}/versions`, { cookie })).text();
    const textarea = /<textarea id="embed-snippet"[^>]*\breadonly=""[^>]*>([^<]*)<\/textarea>/.exec(html);
    expect(textarea).not.toBeNull();
    const snippet = unescape(textarea![1]!);
    expect(snippet).toMatch(new RegExp(`^<iframe id="barouf-programme-${SEED_EDITION}" src="http://barouf.test${EMBED}" title="Programme — ${programme.edition.title}"`));
    expect(snippet).toContain('event.origin !== "http://barouf.test"');
    expect(html).toContain('<label for="embed-snippet">Code à coller</label>');
    // The copy button needs JavaScript: the server's page has none, the field is enough.
    expect(html).not.toMatch(/<button[^>]*>Copier<\/button>/);
  });

  it("leaves every other page unframable: the public programme, an export, the login page, an organiser page", async () => {
    const { cookie } = await signIn("admin");
    const others = [`/programme/${SEED_EDITION}/`, `/programme/${SEED_EDITION}/programme.json`, `${EMBED}.data`, "/login", `/editions/${SEED_EDITION}/versions`];
    for (const path of others) {
      const response = await request(path, { cookie });
      expect(response.status, path).toBeLessThan(400);
      expect(response.headers.get("Content-Security-Policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("X-Frame-Options"), path).toBe("DENY");
    }
  });

  it("shows every published session, in French by default, with landmarks, labelled filters and no link into the back office", async () => {
    const { page, html } = await embed();
    expect(page.lang).toBe("fr");
    expect(page.theme).toBeNull();
    expect(page.titles).toEqual(programme.sessions.map((s) => titleOf(s)));
    expect(page.count).toBe(`${programme.sessions.length} sessions`);
    expect(unescape(/<h1>([^<]*)<\/h1>/.exec(html)![1]!)).toBe(programme.edition.title);
    for (const landmark of [/<header /, /<main /, /<footer /, /<form [^>]*role="search"/, /<nav aria-label="À propos de ce programme"/]) expect(html).toMatch(landmark);
    expect(page.labels).toEqual(["Jour", "Thème", "Salle", "Intervenant·e"]);
    for (const id of all(html, /<select id="([^"]+)"/g)) expect(html).toContain(`<label for="${id}">`);
    const targets = all(html, /<(?:a|form) [^>]*(?:href|action)="([^"]*)"/g);
    expect(targets.length).toBeGreaterThan(programme.sessions.length);
    for (const target of targets) expect(target).toMatch(new RegExp(`^/programme/${SEED_EDITION}/`));
    expect(html).not.toMatch(/\/editions\/|\/login|\/admin|\/speaker"/);
  });

  it("filters by day, theme, room and speaker through its URL, and by several at once", async () => {
    const day = programme.sessions.at(-1)!.start.slice(0, 10);
    const theme = programme.themes.find((x) => programme.sessions.some((s) => s.themeId === x.id))!.id;
    const room = programme.sessions[0]!.roomId;
    const speaker = programme.sessions.find((s) => s.people.length > 0)!.people[0]!.speakerId;
    const cases: [string, (s: PublicProgramme["sessions"][number]) => boolean][] = [
      [`?day=${day}`, (s) => s.start.startsWith(day)],
      [`?theme=${theme}`, (s) => s.themeId === theme],
      [`?room=${room}`, (s) => s.roomId === room],
      [`?speaker=${speaker}`, (s) => s.people.some((p) => p.speakerId === speaker)],
      [`?day=${day}&room=${room}`, (s) => s.start.startsWith(day) && s.roomId === room],
    ];
    for (const [query, keep] of cases) {
      const expected = programme.sessions.filter(keep).map((s) => titleOf(s));
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(programme.sessions.length);
      const { page } = await embed(query);
      expect(page.titles, query).toEqual(expected);
      // The chosen values stay selected, and every speaker stays a choice.
      for (const [name, value] of new URLSearchParams(query)) expect(page.selected(name), query).toBe(value);
      expect(page.options("speaker")).toBe(programme.speakers.length + 1);
      expect(page.reset).toBe(EMBED);
    }
    // `theme` also names the colours: both may be given, as the filter form with ?theme=dark sends them.
    const dark = await embed(`?theme=dark&theme=${theme}`);
    expect(dark.page.theme).toBe("dark");
    expect(dark.page.titles).toEqual(programme.sessions.filter((s) => s.themeId === theme).map((s) => titleOf(s)));
    expect(dark.page.selected("theme")).toBe(theme);
    expect(dark.page.reset).toBe(`${EMBED}?theme=dark`);
    const none = await embed("?day=1999-01-01");
    expect(none.page.titles).toHaveLength(0);
    expect(none.html).toContain("Aucune session ne correspond à ces filtres.");
    // Oversized values are ignored; never an error.
    expect((await embed(`?speaker=${"x".repeat(500)}`)).page.titles).toHaveLength(programme.sessions.length);
  });

  it("speaks English with ?lang=en and keeps the language and theme through the filter form", async () => {
    const { page, html } = await embed("?lang=en&theme=dark");
    expect(page.lang).toBe("en");
    expect(page.theme).toBe("dark");
    expect(page.labels).toEqual(["Day", "Theme", "Room", "Speaker"]);
    expect(html).toContain('<button type="submit">Filter</button>');
    expect(page.hidden).toEqual({ lang: "en", theme: "dark" });
    expect(page.titles).toEqual(programme.sessions.map((s) => titleOf(s, "en")));
    expect(page.titles).not.toEqual(programme.sessions.map((s) => titleOf(s, "fr")));
    const filtered = await embed(`?lang=en&theme=light&day=${programme.sessions[0]!.start.slice(0, 10)}`);
    expect(filtered.page.theme).toBe("light");
    expect(filtered.page.reset).toBe(`${EMBED}?lang=en&theme=light`);
    // Anything else falls back to French and the reader’s system theme.
    const fallback = await embed("?lang=de&theme=pink");
    expect(fallback.page.lang).toBe("fr");
    expect(fallback.page.theme).toBeNull();
    expect(fallback.page.hidden).toEqual({});
  });
});
