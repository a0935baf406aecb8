import { describe, expect, it } from "vitest";
import { SLUG_MAX_LENGTH, slugify } from "~/domain/slug";

describe("slugify", () => {
  it("keeps lower-case ASCII words joined by single dashes", () => {
    expect(slugify("Le travail à l’heure des plateformes !")).toBe("le-travail-a-l-heure-des-plateformes");
    expect(slugify("Citoyens acteurs publics — Éveil!")).toBe("citoyens-acteurs-publics-eveil");
    expect(slugify("  Table   ronde  ")).toBe("table-ronde");
    expect(slugify("Salle 2.0 / Étage")).toBe("salle-2-0-etage");
  });

  it("decomposes compatibility characters (ligatures, full-width)", () => {
    expect(slugify("ﬁnance Ｌille")).toBe("finance-lille");
  });

  it("gives an empty slug when nothing is left, for the caller to replace", () => {
    expect(slugify("???")).toBe("");
    expect(slugify("___")).toBe("");
    expect(slugify("")).toBe("");
  });

  it("stops at SLUG_MAX_LENGTH characters without a trailing dash", () => {
    expect(SLUG_MAX_LENGTH).toBe(60);
    const long = slugify("mot ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // A cut that falls just after a dash drops the dash: 59 letters, a dash, more letters.
    expect(slugify(`${"a".repeat(59)} bcd`)).toBe("a".repeat(59));
    // A unique suffix still fits the 80 characters a slug field takes.
    expect(`${slugify("x".repeat(200))}-999`.length).toBeLessThanOrEqual(80);
  });
});
