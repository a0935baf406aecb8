import { describe, expect, it } from "vitest";
import { formatDay, formatInstant, formatInstantLong, formatInterval, formatTime } from "~/domain/format";
import { featureName } from "~/domain/rooms";

const PARIS = "Europe/Paris";

describe("formatInterval", () => {
  it("shows one day and two times in the edition's zone", () => {
    const start = Date.UTC(2016, 2, 9, 9, 0); // 10:00 in Paris (UTC+1)
    expect(formatInterval(start, start + 90 * 60_000, PARIS, "fr")).toBe("mer. 9 mars, 10:00–11:30");
    expect(formatInterval(start, start + 90 * 60_000, PARIS, "en")).toBe("Wed 9 Mar, 10:00–11:30");
  });

  it("shows both days across midnight, but not for an interval ending at midnight", () => {
    const start = Date.UTC(2016, 2, 9, 22, 30); // 23:30 local
    expect(formatInterval(start, start + 60 * 60_000, PARIS, "fr")).toBe("mer. 9 mars, 23:30 – jeu. 10 mars, 00:30");
    expect(formatInterval(start, start + 30 * 60_000, PARIS, "fr")).toBe("mer. 9 mars, 23:30–00:00");
  });

  it("follows the DST change (27 March 2016: 02:00 becomes 03:00)", () => {
    const start = Date.UTC(2016, 2, 27, 0, 30); // 01:30 CET
    const end = Date.UTC(2016, 2, 27, 1, 30); // 03:30 CEST, one hour later
    expect(formatInterval(start, end, PARIS, "en")).toBe("Sun 27 Mar, 01:30–03:30");
    expect(formatTime(end, "UTC", "fr")).toBe("01:30");
    expect(formatDay(end, "America/New_York", "en")).toBe("Sat 26 Mar");
  });
});

describe("formatInstant and formatInstantLong", () => {
  it("show an instant's date and time in the edition's zone, short and long", () => {
    const at = Date.UTC(2016, 2, 9, 9, 30); // 10:30 in Paris
    expect(formatInstant(at, PARIS, "fr")).toBe("9 mars 2016, 10:30");
    expect(formatInstant(at, PARIS, "en")).toBe("9 Mar 2016, 10:30");
    expect(formatInstantLong(at, PARIS, "fr")).toBe("9 mars 2016 à 10:30");
    expect(formatInstantLong(at, PARIS, "en")).toBe("9 March 2016 at 10:30");
  });
});

describe("featureName", () => {
  it("names features in both languages and shows unknown identifiers as they are", () => {
    expect(featureName("circle_seating", "fr")).toBe("assises en cercle");
    expect(featureName("circle_seating", "en")).toBe("circle seating");
    expect(featureName("hologram", "fr")).toBe("hologram");
  });
});
