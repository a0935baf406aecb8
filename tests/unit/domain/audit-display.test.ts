import { describe, expect, it } from "vitest";
import { changeRows, formatAuditValue, isInstantField } from "~/domain/audit-display";

const words = { yes: "oui", no: "non", empty: "—", withheld: "modifié (valeur non conservée)" };
const paris = { timeZone: "Europe/Paris", locale: "fr" as const, words };

describe("changeRows", () => {
  it("lists only the changed fields of an update, ignoring bookkeeping", () => {
    const rows = changeRows(
      { publicName: "Anne", jobTitle: "Directrice", version: 1, updatedAt: 1 },
      { publicName: "Anne", jobTitle: "Présidente", version: 2, updatedAt: 2 },
    );
    expect(rows).toEqual([{ field: "jobTitle", before: "Directrice", after: "Présidente" }]);
  });

  it("lists every set field of a creation with nothing before, and of a deletion with nothing after", () => {
    expect(changeRows(null, { publicName: "Anne", email: "anne@example.org" })).toEqual([
      { field: "publicName", before: null, after: "Anne" },
      { field: "email", before: null, after: "anne@example.org" },
    ]);
    expect(changeRows({ publicName: "Anne" }, null)).toEqual([{ field: "publicName", before: "Anne", after: null }]);
  });

  it("compares lists and objects by value", () => {
    expect(changeRows({ languages: ["fr"] }, { languages: ["fr"] })).toEqual([]);
    expect(changeRows({ languages: ["fr"] }, { languages: ["fr", "en"] })).toHaveLength(1);
  });
});

describe("formatAuditValue", () => {
  it("shows instants in the edition's zone, across the DST change", () => {
    // 9 March 2016 10:30 in Paris is 09:30 UTC (winter, +01:00).
    expect(formatAuditValue("startsAt", Date.UTC(2016, 2, 9, 9, 30), paris)).toContain("10:30");
    // 28 March 2016 10:30 in Paris is 08:30 UTC (summer, +02:00).
    expect(formatAuditValue("startsAt", Date.UTC(2016, 2, 28, 8, 30), paris)).toContain("10:30");
    expect(formatAuditValue("startsAt", Date.UTC(2016, 2, 9, 9, 30), { ...paris, timeZone: "UTC" })).toContain("09:30");
  });

  it("keeps plain numbers as numbers", () => {
    expect(formatAuditValue("capacity", 120, paris)).toBe("120");
    expect(isInstantField("capacity")).toBe(false);
    expect(isInstantField("consentsUpdatedAt")).toBe(true);
    expect(isInstantField("at")).toBe(true);
  });

  it("writes booleans, empty values, lists and links as words", () => {
    expect(formatAuditValue("consentPhotos", true, paris)).toBe("oui");
    expect(formatAuditValue("consentPhotos", false, paris)).toBe("non");
    expect(formatAuditValue("jobTitle", null, paris)).toBe("—");
    expect(formatAuditValue("jobTitle", "", paris)).toBe("—");
    expect(formatAuditValue("languages", [], paris)).toBe("—");
    expect(formatAuditValue("languages", ["fr", "en"], paris)).toBe("fr, en");
    expect(formatAuditValue("links", [{ label: "Site", url: "https://example.org" }], paris)).toBe("Site (https://example.org)");
    expect(formatAuditValue("rows", { a: 1 }, paris)).toBe('{"a":1}');
  });

  it("returns stored text as text (escaping is the page's job)", () => {
    expect(formatAuditValue("bioFr", "<script>alert(1)</script>", paris)).toBe("<script>alert(1)</script>");
  });
});
