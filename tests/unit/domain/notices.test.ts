import { describe, expect, it } from "vitest";
import { DEFAULT_NOTICES, fillNotice, NOTICE_KINDS, noticeBlocks, noticeTemplate, storedNoticeText } from "~/domain/notices";

const context = { organisation: "Métropole Européenne de Lille", edition: "Grand Barouf 2016", retentionMonths: 18, contact: null, conformity: "partial" as const };

describe("notices", () => {
  it("has a default of each kind in both languages, with every placeholder filled in", () => {
    for (const kind of NOTICE_KINDS) {
      for (const locale of ["fr", "en"] as const) {
        const text = fillNotice(DEFAULT_NOTICES[kind][locale], locale, context);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).toContain("Métropole Européenne de Lille");
        expect(noticeBlocks(text).filter((b) => b.type === "heading").length).toBeGreaterThanOrEqual(5);
      }
    }
    expect(fillNotice(DEFAULT_NOTICES.privacy.fr, "fr", context)).toContain("effacées 18 mois après la fin");
    expect(fillNotice(DEFAULT_NOTICES.privacy.fr, "fr", context)).toContain("CNIL");
    expect(fillNotice(DEFAULT_NOTICES.accessibility.fr, "fr", context)).toContain("est partiellement conforme");
    expect(fillNotice(DEFAULT_NOTICES.accessibility.en, "en", { ...context, conformity: "none" })).toContain("is non-compliant");
    expect(fillNotice(DEFAULT_NOTICES.accessibility.fr, "fr", context)).toContain("Défenseur des droits");
  });

  it("says who to write to: the contact, or the organising team", () => {
    expect(fillNotice("Écrivez à {contact}.", "fr", context)).toBe("Écrivez à l'équipe organisatrice de Métropole Européenne de Lille.");
    expect(fillNotice("Write to {contact}.", "en", { ...context, contact: "dpo@lillemetropole.fr" })).toBe("Write to dpo@lillemetropole.fr.");
    expect(fillNotice("{unknown} {retention}", "en", context)).toBe("{unknown} 18");
  });

  it("keeps an organisation's own text, falls back to the default, stores the default as null", () => {
    expect(noticeTemplate("privacy", "fr", "Notre texte")).toBe("Notre texte");
    expect(noticeTemplate("privacy", "fr", "  ")).toBe(DEFAULT_NOTICES.privacy.fr);
    expect(noticeTemplate("privacy", "en", null)).toBe(DEFAULT_NOTICES.privacy.en);
    expect(storedNoticeText("accessibility", "en", DEFAULT_NOTICES.accessibility.en.replace(/\n/g, "\r\n") + "\n")).toBeNull();
    expect(storedNoticeText("accessibility", "en", null)).toBeNull();
    expect(storedNoticeText("accessibility", "en", " Ours\r\nhere ")).toBe("Ours\nhere");
  });

  it("reads headings, list items and paragraphs", () => {
    expect(noticeBlocks("# Title\nFirst line\nsecond line\n\n- one\n- two\n\nLast\n# Next")).toEqual([
      { type: "heading", text: "Title" },
      { type: "paragraph", text: "First line\nsecond line" },
      { type: "list", items: ["one", "two"] },
      { type: "paragraph", text: "Last" },
      { type: "heading", text: "Next" },
    ]);
    expect(noticeBlocks("")).toEqual([]);
  });
});
