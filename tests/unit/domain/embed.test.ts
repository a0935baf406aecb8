// The embed's URL options and the snippet partners paste.
import { describe, expect, it } from "vitest";
import { embedOptionsFrom, embedSnippet, embedUrl } from "~/domain/exports/embed";

const THEME_ID = "6f1c2f4e-2b7a-4c1e-9a53-3d1f0b7c9e21";

describe("embedOptionsFrom", () => {
  it("defaults to French, the reader's colours and no filter", () => {
    expect(embedOptionsFrom(new URLSearchParams(""))).toEqual({ filters: { day: null, theme: null, room: null, speaker: null }, locale: "fr", theme: "auto" });
  });

  it("tells the colours from the theme filter by value, both under `theme`", () => {
    const options = embedOptionsFrom(new URLSearchParams(`lang=en&theme=dark&theme=${THEME_ID}&day=2016-03-09&room=r&speaker=s`));
    expect(options).toEqual({ filters: { day: "2016-03-09", theme: THEME_ID, room: "r", speaker: "s" }, locale: "en", theme: "dark" });
    expect(embedOptionsFrom(new URLSearchParams("theme=light&theme=")).theme).toBe("light");
    expect(embedOptionsFrom(new URLSearchParams("theme=light&theme=")).filters.theme).toBeNull();
  });

  it("ignores unknown languages and colours, empty and oversized values", () => {
    const options = embedOptionsFrom(new URLSearchParams(`lang=de&theme=pink&day=&speaker=${"x".repeat(65)}`));
    expect(options.locale).toBe("fr");
    expect(options.theme).toBe("auto");
    // An unknown colour is a theme id that matches nothing, not an error.
    expect(options.filters).toEqual({ day: null, theme: "pink", room: null, speaker: null });
  });
});

describe("embedSnippet", () => {
  it("frames the embed and listens only to that frame from our origin", () => {
    const snippet = embedSnippet({ origin: "https://barouf.example", slug: "grand-barouf-2016", title: 'Programme — "Grand" <Barouf> & co' });
    expect(snippet.split("\n")[0]).toBe(
      '<iframe id="barouf-programme-grand-barouf-2016" src="https://barouf.example/programme/grand-barouf-2016/embed" title="Programme — &quot;Grand&quot; &lt;Barouf&gt; &amp; co" width="100%" height="800" style="border:0" loading="lazy"></iframe>',
    );
    expect(snippet).toContain('event.origin !== "https://barouf.example" || event.source !== frame.contentWindow');
    expect(snippet).toContain('event.data.type === "barouf:height"');
  });

  it("names the English embed when asked", () => {
    expect(embedUrl("https://barouf.example", "b", "en")).toBe("https://barouf.example/programme/b/embed?lang=en");
    expect(embedSnippet({ origin: "https://barouf.example", slug: "b", title: "t", locale: "en" })).toContain('src="https://barouf.example/programme/b/embed?lang=en"');
  });
});
