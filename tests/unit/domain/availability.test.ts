import { describe, expect, it } from "vitest";
import { describeWindows, normaliseWindows, overlappingRows, rowToWindow, sameAvailability, windowsToRows } from "~/domain/availability";
import { foldForSearch, searchTerms } from "~/domain/search";
import { nestFormValues } from "~/utils/forms";

const PARIS = "Europe/Paris";
const h = (day: number, hour: number, minute = 0) => Date.UTC(2016, 2, day, hour, minute);

describe("availability rows in local time", () => {
  it("reads a row in the edition's zone, winter and summer", () => {
    expect(rowToWindow({ date: "2016-03-09", start: "10:00", end: "12:30" }, PARIS)).toEqual({ startsAt: h(9, 9), endsAt: h(9, 11, 30) });
    // After the change to summer time (27 March 2016) Paris is UTC+2.
    expect(rowToWindow({ date: "2016-03-28", start: "10:00", end: "11:00" }, PARIS)).toEqual({ startsAt: h(28, 8), endsAt: h(28, 9) });
  });

  it("takes 00:00 as an end for the midnight that ends the day, and refuses other ends before starts", () => {
    expect(rowToWindow({ date: "2016-03-09", start: "20:00", end: "00:00" }, PARIS)).toEqual({ startsAt: h(9, 19), endsAt: h(9, 23) });
    expect(rowToWindow({ date: "2016-03-09", start: "14:00", end: "14:00" }, PARIS)).toEqual({ field: "end", code: "endBeforeStart" });
    expect(rowToWindow({ date: "2016-03-09", start: "14:00", end: "13:59" }, PARIS)).toEqual({ field: "end", code: "endBeforeStart" });
  });

  it("names the field of a time skipped by the clocks, and of a date that does not exist", () => {
    expect(rowToWindow({ date: "2016-03-27", start: "02:30", end: "04:00" }, PARIS)).toEqual({ field: "start", code: "nonexistent" });
    expect(rowToWindow({ date: "2016-03-27", start: "01:00", end: "02:15" }, PARIS)).toEqual({ field: "end", code: "nonexistent" });
    expect(rowToWindow({ date: "2016-02-30", start: "10:00", end: "11:00" }, PARIS)).toEqual({ field: "date", code: "invalidDate" });
    // The 23-hour day still has its full evening.
    expect(rowToWindow({ date: "2016-03-27", start: "01:00", end: "03:00" }, PARIS)).toEqual({ startsAt: h(27, 0), endsAt: h(27, 1) });
  });

  it("shows stored windows as one row per local day, splitting across midnight, and back", () => {
    const windows = [{ startsAt: h(9, 21), endsAt: h(10, 1) }, { startsAt: h(9, 8), endsAt: h(9, 10) }];
    const rows = windowsToRows(windows, PARIS);
    expect(rows).toEqual([
      { date: "2016-03-09", start: "09:00", end: "11:00" },
      { date: "2016-03-09", start: "22:00", end: "00:00" },
      { date: "2016-03-10", start: "00:00", end: "02:00" },
    ]);
    const back = rows.map((row) => rowToWindow(row, PARIS) as { startsAt: number; endsAt: number });
    expect(sameAvailability(back, windows)).toBe(true);
    expect(back).toHaveLength(3);
  });

  it("merges touching and overlapping windows, and reports overlapping rows only", () => {
    expect(normaliseWindows([{ startsAt: 5, endsAt: 8 }, { startsAt: 0, endsAt: 5 }, { startsAt: 7, endsAt: 9 }])).toEqual([{ startsAt: 0, endsAt: 9 }]);
    expect(overlappingRows([{ startsAt: 0, endsAt: 5 }, { startsAt: 5, endsAt: 8 }, null, { startsAt: 7, endsAt: 9 }])).toEqual([3]);
    expect(overlappingRows([{ startsAt: 10, endsAt: 20 }, { startsAt: 0, endsAt: 15 }])).toEqual([0]);
    expect(describeWindows([{ startsAt: h(9, 9), endsAt: h(9, 11) }], PARIS)).toEqual(["2016-03-09T10:00:00+01:00/2016-03-09T12:00:00+01:00"]);
  });
});

describe("search words and posted rows", () => {
  it("folds case, accents and ligatures", () => {
    expect(foldForSearch("Élise ŒUVRE Thaïs")).toBe("elise oeuvre thais");
    expect(searchTerms("  Grégoire   KOPP ")).toEqual(["gregoire", "kopp"]);
  });

  it("nests posted names into rows, filling gaps so error paths still match inputs", () => {
    expect(nestFormValues({ publicName: "A", "links.0.url": "u", "links.2.label": "l", languages: ["fr", "en"] })).toEqual({
      publicName: "A",
      links: [{ url: "u" }, {}, { label: "l" }],
      languages: ["fr", "en"],
    });
    // A name whose shape contradicts an earlier one is ignored.
    expect(nestFormValues({ "links.0.url": "z", "links.a": "y" })).toEqual({ links: [{ url: "z" }] });
  });
});
