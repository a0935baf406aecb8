import { describe, expect, it } from "vitest";
import {
  LocalTimeError,
  NonexistentLocalTimeError,
  addDays,
  dayContaining,
  editionDays,
  formatHHMM,
  isAmbiguousLocalTime,
  localDate,
  localInterval,
  localTime,
  localTimeExists,
  localToEpoch,
  parseHHMM,
  parseIsoInstant,
  startOfLocalDay,
  toIsoWithOffset,
} from "~/domain/time";

const PARIS = "Europe/Paris";
const HOUR = 3_600_000;

describe("localToEpoch", () => {
  it("converts a winter and a summer local time with their offsets", () => {
    expect(localToEpoch("2016-03-09", "10:30", PARIS)).toBe(Date.UTC(2016, 2, 9, 9, 30));
    expect(localToEpoch("2016-07-14", "10:30", PARIS)).toBe(Date.UTC(2016, 6, 14, 8, 30));
  });

  it("rejects a local time skipped by the spring-forward change (27 March 2016, 02:00–03:00)", () => {
    for (const time of ["02:00", "02:30", "02:59"]) {
      expect(() => localToEpoch("2016-03-27", time, PARIS)).toThrow(NonexistentLocalTimeError);
      expect(localTimeExists("2016-03-27", time, PARIS)).toBe(false);
    }
    try {
      localToEpoch("2016-03-27", "02:30", PARIS);
    } catch (error) {
      expect(error).toBeInstanceOf(LocalTimeError);
      expect((error as LocalTimeError).code).toBe("NONEXISTENT_LOCAL_TIME");
      expect((error as Error).message).toContain("does not exist");
    }
    // The minutes either side of the gap exist and are one real minute apart… across an hour on the clock.
    expect(localToEpoch("2016-03-27", "03:00", PARIS) - localToEpoch("2016-03-27", "01:59", PARIS)).toBe(60_000);
  });

  it("resolves a time repeated by the fall-back change (30 Oct 2016, 02:00–03:00): earlier by default, later on request", () => {
    const earlier = localToEpoch("2016-10-30", "02:30", PARIS);
    const later = localToEpoch("2016-10-30", "02:30", PARIS, { occurrence: "second" });
    expect(earlier).toBe(Date.UTC(2016, 9, 30, 0, 30)); // +02:00
    expect(later).toBe(Date.UTC(2016, 9, 30, 1, 30)); // +01:00
    expect(localToEpoch("2016-10-30", "02:30", PARIS, { occurrence: "first" })).toBe(earlier);
    expect(isAmbiguousLocalTime("2016-10-30", "02:30", PARIS)).toBe(true);
    expect(isAmbiguousLocalTime("2016-10-30", "03:00", PARIS)).toBe(false);
    expect(toIsoWithOffset(earlier, PARIS)).toBe("2016-10-30T02:30:00+02:00");
    expect(toIsoWithOffset(later, PARIS)).toBe("2016-10-30T02:30:00+01:00");
  });

  it("rejects bad dates, times and zones with typed errors", () => {
    expect(() => localToEpoch("2016-02-30", "10:00", PARIS)).toThrow(LocalTimeError);
    expect(() => localToEpoch("2016-03-09", "24:00", PARIS)).toThrow(/HH:MM/);
    expect(() => localToEpoch("2016-03-09", "10:00", "Mars/Olympus")).toThrow(/Unknown time zone/);
  });

  it("round-trips through localDate/localTime in other zones", () => {
    const t = localToEpoch("2016-03-09", "23:45", "America/New_York");
    expect(localDate(t, "America/New_York")).toBe("2016-03-09");
    expect(localTime(t, "America/New_York")).toBe("23:45");
    expect(localDate(t, PARIS)).toBe("2016-03-10");
    expect(localTime(t, PARIS)).toBe("05:45");
  });
});

describe("formatting", () => {
  it("formats an ISO string with the zone's offset", () => {
    expect(toIsoWithOffset(Date.UTC(2016, 2, 9, 9, 30), PARIS)).toBe("2016-03-09T10:30:00+01:00");
    expect(toIsoWithOffset(Date.UTC(2016, 2, 9, 9, 30), "UTC")).toBe("2016-03-09T09:30:00+00:00");
    expect(toIsoWithOffset(Date.UTC(2016, 2, 9, 9, 30), "America/St_Johns")).toBe("2016-03-09T06:00:00-03:30");
    expect(parseIsoInstant("2016-03-09T10:30:00+01:00")).toBe(Date.UTC(2016, 2, 9, 9, 30));
    expect(() => parseIsoInstant("2016-03-09T10:30:00")).toThrow(LocalTimeError);
  });

  it("parses and formats HH:MM", () => {
    expect(parseHHMM("00:00")).toBe(0);
    expect(parseHHMM("10:30")).toBe(630);
    expect(parseHHMM("23:59")).toBe(1439);
    for (const bad of ["24:00", "9:30", "10:60", "10h30", ""]) expect(() => parseHHMM(bad)).toThrow(LocalTimeError);
    expect(formatHHMM(630)).toBe("10:30");
    expect(formatHHMM(1470)).toBe("00:30");
    expect(formatHHMM(-30)).toBe("23:30");
  });

  it("adds calendar days across months and years", () => {
    expect(addDays("2016-02-28", 1)).toBe("2016-02-29");
    expect(addDays("2016-12-31", 1)).toBe("2017-01-01");
    expect(addDays("2016-03-01", -1)).toBe("2016-02-29");
  });
});

describe("editionDays", () => {
  it("gives a 23-hour day on spring-forward and a 25-hour day on fall-back", () => {
    const spring = editionDays("2016-03-26", "2016-03-28", PARIS);
    expect(spring.map((d) => d.date)).toEqual(["2016-03-26", "2016-03-27", "2016-03-28"]);
    expect(spring.map((d) => (d.end - d.start) / HOUR)).toEqual([24, 23, 24]);
    expect(spring[1].start).toBe(Date.UTC(2016, 2, 26, 23));
    expect(spring[1].end).toBe(Date.UTC(2016, 2, 27, 22));
    const autumn = editionDays("2016-10-30", "2016-10-30", PARIS);
    expect((autumn[0].end - autumn[0].start) / HOUR).toBe(25);
  });

  it("makes contiguous days and finds the day of an instant, late night included", () => {
    const days = editionDays("2016-03-25", "2016-03-28", PARIS);
    for (let i = 1; i < days.length; i++) expect(days[i].start).toBe(days[i - 1].end);
    const lateNight = localToEpoch("2016-03-26", "23:30", PARIS);
    expect(dayContaining(days, lateNight)?.date).toBe("2016-03-26");
    expect(dayContaining(days, lateNight + HOUR)?.date).toBe("2016-03-27");
    expect(dayContaining(days, days[0].start - 1)).toBeUndefined();
    expect(dayContaining(days, days[3].end)).toBeUndefined();
  });

  it("starts a day whose midnight is skipped at the end of the gap", () => {
    // Santiago switched to summer time at 00:00 on 14 August 2016 (00:00 → 01:00).
    const start = startOfLocalDay("2016-08-14", "America/Santiago");
    expect(localTime(start, "America/Santiago")).toBe("01:00");
    expect(localDate(start, "America/Santiago")).toBe("2016-08-14");
    const [day] = editionDays("2016-08-14", "2016-08-14", "America/Santiago");
    expect((day.end - day.start) / HOUR).toBe(23);
  });
});

describe("localInterval", () => {
  it("crosses midnight when the end is not after the start", () => {
    const iv = localInterval("2016-03-09", "20:00", "02:00", PARIS);
    expect((iv.end - iv.start) / HOUR).toBe(6);
    expect(localDate(iv.end, PARIS)).toBe("2016-03-10");
  });

  it("measures real time across a DST night", () => {
    expect((localInterval("2016-03-26", "22:00", "04:00", PARIS).end - localInterval("2016-03-26", "22:00", "04:00", PARIS).start) / HOUR).toBe(5);
    const autumn = localInterval("2016-10-29", "22:00", "04:00", PARIS);
    expect((autumn.end - autumn.start) / HOUR).toBe(7);
  });

  it("rejects an interval boundary skipped by DST", () => {
    expect(() => localInterval("2016-03-26", "22:00", "02:30", PARIS)).toThrow(NonexistentLocalTimeError);
  });
});
