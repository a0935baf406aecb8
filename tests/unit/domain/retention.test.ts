import { describe, expect, it } from "vitest";
import { editionRetentionMonths, personKey, purgeDueAt } from "~/domain/retention";
import { addMonths } from "~/domain/time";

describe("retention", () => {
  it("adds calendar months, clamped to the month's last day", () => {
    expect(addMonths("2016-03-10", 12)).toBe("2017-03-10");
    expect(addMonths("2016-01-31", 1)).toBe("2016-02-29");
    expect(addMonths("2016-11-30", 3)).toBe("2017-02-28");
  });

  it("is due at the start of the day after the last day plus the period, in the edition's zone", () => {
    // The seed ends on 10 March 2016: due on 11 March 2017 at 00:00 in Paris (23:00 UTC the day before).
    expect(purgeDueAt({ endDate: "2016-03-10", timeZone: "Europe/Paris" }, 12)).toBe(Date.UTC(2017, 2, 10, 23));
  });

  it("takes the shortest period of the organisations running the edition, 12 months by default", () => {
    expect(editionRetentionMonths([])).toBe(12);
    expect(editionRetentionMonths([24, 6])).toBe(6);
  });

  it("recognises a speaker across editions by email, or by name without one", () => {
    expect(personKey({ email: " Ada@Example.org", publicName: "Ada" })).toBe(personKey({ email: "ada@example.org", publicName: "A. L." }));
    expect(personKey({ email: null, publicName: "Ada Lovelace" })).toBe(personKey({ email: "", publicName: " ada lovelace" }));
  });
});
