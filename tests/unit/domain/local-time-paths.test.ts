// Local time, once: every entry path that turns typed local text into instants gives the
// instants of time.ts's one rule, on ordinary, spring-forward and autumn days, and formatting
// gives the local text back. Each path is called through the function it really uses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowToWindow, isRowProblem } from "~/domain/availability";
import { buildProgramme } from "~/domain/import/build";
import type { RawSchedule } from "~/domain/import/model";
import { slotInterval, isTimeProblem } from "~/domain/slots";
import { addDays, editionDays, localDate, localTime, localToEpoch, occurrenceOf, resolveLocalInterval, type Occurrence } from "~/domain/time";
import { translate } from "~/i18n";
import { boardActionSchema, previewSchema } from "~/schemas/board";
import { resolvePlacement, TIME_PROBLEM_MESSAGES } from "~/schemas/placement";
import { sessionSchema } from "~/schemas/sessions";
import { toBoardChange, toPreviewChange } from "~/services/board/forms.server";

const DAYS: Record<string, string[]> = {
  // ordinary, spring forward, autumn back
  "Europe/Paris": ["2016-03-09", "2016-03-27", "2016-10-30"],
  "America/New_York": ["2016-03-09", "2016-03-13", "2016-11-06"],
};
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
/** Times near the clock changes more often than elsewhere. */
const nearChange = fc.constantFrom("00:00", "00:30", "01:00", "01:30", "01:59", "02:00", "02:30", "02:59", "03:00", "03:30", "23:30");
const time = fc.oneof(hhmm, nearChange);
const occurrence = fc.constantFrom<Occurrence | undefined>(undefined, "first", "second");
const input = fc
  .record({ zone: fc.constantFrom(...Object.keys(DAYS)), day: fc.integer({ min: 0, max: 2 }), start: time, end: time, startOccurrence: occurrence, endOccurrence: occurrence })
  .map(({ zone, day, ...rest }) => ({ zone, date: DAYS[zone]![day]!, ...rest }));

const editionAround = (date: string, timeZone: string) => ({ timeZone, days: editionDays(addDays(date, -1), addDays(date, 1), timeZone) });

function raw(date: string, start: string, timeZone: string): RawSchedule {
  return {
    format: "frab-json",
    title: "Test",
    acronym: "test",
    start: date,
    end: date,
    timeZone,
    venue: null,
    rooms: [],
    tracks: [],
    days: [
      {
        where: "day",
        date,
        dayStart: null,
        dayEnd: null,
        rooms: [{ name: "A", events: [{ where: "e", id: "1", guid: null, date: null, start, duration: "00:30", room: "A", slug: null, title: "E", subtitle: null, track: null, type: null, language: "fr", abstract: null, description: null, persons: [] }] }],
      },
    ],
  } as RawSchedule;
}

describe("every entry path reads local time by one rule", () => {
  it("session form, board form, board drop, preview, slots, availability and frab import agree; formatting gives the text back", () => {
    fc.assert(
      fc.property(input, ({ zone, date, start, end, startOccurrence, endOccurrence }) => {
        const reference = resolveLocalInterval({ date, start, end, startOccurrence, endOccurrence }, zone);
        const edition = editionAround(date, zone);
        const occurrences = { ...(startOccurrence ? { startOccurrence } : {}), ...(endOccurrence ? { endOccurrence } : {}) };

        // The session form: its schema (browser and server), then what the model calls.
        const form = sessionSchema.safeParse({ titleFr: "S", language: "fr", status: "draft", day: date, start, end, ...occurrences });
        const formResult = form.success
          ? resolvePlacement(edition, { date: form.data.day!, start: form.data.start!, end: form.data.end!, startOccurrence: form.data.startOccurrence, endOccurrence: form.data.endOccurrence }, "fr")
          : null;
        // The board's keyboard and plain forms: the action's schema, then its change parsing.
        const posted = boardActionSchema.safeParse({ intent: "place", session: "s", version: "1", room: "r", date, start, end, ...occurrences });
        const boardResult = posted.success && posted.data.intent === "place" ? toBoardChange(posted.data, edition, "fr") : null;
        const preview = previewSchema.safeParse({ kind: "place", session: "s", room: "r", date, start, end, ...occurrences });
        const previewChange = preview.success ? toPreviewChange(preview.data, edition) : null;

        if (!reference.ok) {
          // Refused everywhere: by the schemas (the typed times alone) or by the server step, on the same field.
          expect(formResult?.ok ?? false).toBe(false);
          expect(boardResult?.ok ?? false).toBe(false);
          expect(previewChange).toBeNull();
          if (form.success) expect(formResult).toEqual({ ok: false, errors: { [reference.problem.field]: TIME_PROBLEM_MESSAGES[reference.problem.code] } });
          return;
        }
        const instants = { start: reference.start, end: reference.end };
        expect(formResult).toEqual({ ok: true, ...instants });
        expect(boardResult).toMatchObject({ ok: true, change: instants });
        expect(previewChange).toMatchObject(instants);

        // A drop posts the instant of the grid row it lands on; the row's text, read back by the
        // form with the row's occurrence, is that same instant.
        const row = { date: localDate(reference.start, zone), time: localTime(reference.start, zone), occurrence: occurrenceOf(reference.start, zone) };
        const drop = boardActionSchema.parse({ intent: "place", session: "s", version: "1", room: "r", startsAt: String(reference.start), endsAt: String(reference.end) });
        expect(toBoardChange(drop as Extract<typeof drop, { intent: "place" }>, edition, "fr")).toMatchObject({ ok: true, change: instants });
        expect(localToEpoch(row.date, row.time, zone, { occurrence: row.occurrence })).toBe(reference.start);

        // Formatting gives back the typed text (and the occurrence, when the hour repeats).
        expect(row.date).toBe(date);
        expect(row.time).toBe(start);
        expect(localTime(reference.end, zone)).toBe(end);
        if (localToEpoch(date, start, zone, { occurrence: "second" }) !== localToEpoch(date, start, zone)) expect(row.occurrence).toBe(startOccurrence ?? "first");

        // Paths that have no occurrence choice read the first pass, like the forms by default.
        if (startOccurrence !== "second" && endOccurrence !== "second") {
          const slot = slotInterval(date, { start, end }, zone);
          if (!isTimeProblem(slot)) expect(slot).toEqual(instants);
          else expect(slot.code).toBe("tooLong"); // a slot is 12 hours at most even within one day
          const window = rowToWindow({ date, start, end }, zone);
          expect(isRowProblem(window) ? window : { start: window.startsAt, end: window.endsAt }).toEqual(instants);
          const imported = buildProgramme(raw(date, start, zone)).programme.sessions[0]!;
          expect(imported.start).toBe(reference.start);
        }
      }),
      { numRuns: 2000, seed: 20161030 },
    );
  });
});

describe("the two bugs and the spring-forward gap", () => {
  it("a 23:30–00:30 session passes the session form's schema and ends the next day", () => {
    const parsed = sessionSchema.safeParse({ titleFr: "Nuit", language: "fr", status: "draft", day: "2016-03-09", start: "23:30", end: "00:30" });
    expect(parsed.success).toBe(true);
    const placed = resolvePlacement(editionAround("2016-03-09", "Europe/Paris"), { date: "2016-03-09", start: "23:30", end: "00:30" }, "fr");
    expect(placed).toEqual({ ok: true, start: Date.UTC(2016, 2, 9, 22, 30), end: Date.UTC(2016, 2, 9, 23, 30) });
    // 10:30–09:30 read as 23 hours is the typo the 12-hour limit catches.
    expect(sessionSchema.safeParse({ titleFr: "Typo", language: "fr", status: "draft", day: "2016-03-09", start: "10:30", end: "09:30" }).error?.issues[0]?.message).toBe("time.tooLong");
  });

  it("a drop on the autumn hour's second pass and the form saying 'second' give the same instant, an hour after the first pass", () => {
    const edition = editionAround("2016-10-30", "Europe/Paris");
    const second = Date.UTC(2016, 9, 30, 1, 0); // 02:00 CET, the second 02:00 in Paris
    const drop = boardActionSchema.parse({ intent: "place", session: "s", version: "1", room: "r", startsAt: String(second), endsAt: String(second + 3_600_000) });
    const form = boardActionSchema.parse({ intent: "place", session: "s", version: "1", room: "r", date: "2016-10-30", start: "02:00", end: "03:00", startOccurrence: "second" });
    const dropped = toBoardChange(drop as Extract<typeof drop, { intent: "place" }>, edition, "fr");
    const typed = toBoardChange(form as Extract<typeof form, { intent: "place" }>, edition, "fr");
    expect(dropped).toMatchObject({ ok: true, change: { start: second, end: second + 3_600_000 } });
    expect(typed).toMatchObject({ ok: true, change: { start: second, end: second + 3_600_000 } });
    // Without saying otherwise, the form means the first pass.
    const first = boardActionSchema.parse({ intent: "place", session: "s", version: "1", room: "r", date: "2016-10-30", start: "02:00", end: "03:00" });
    expect(toBoardChange(first as Extract<typeof first, { intent: "place" }>, edition, "fr")).toMatchObject({ ok: true, change: { start: second - 3_600_000 } });
  });

  it("refuses a time the spring-forward night skips, saying why, in French and English", () => {
    const placed = resolvePlacement(editionAround("2016-03-27", "Europe/Paris"), { date: "2016-03-27", start: "02:30", end: "04:00" }, "fr");
    expect(placed).toEqual({ ok: false, errors: { start: "time.nonexistent" } });
    expect(translate("fr", "time.nonexistent")).toContain("les horloges avancent d’une heure (passage à l’heure d’été)");
    expect(translate("en", "time.nonexistent")).toContain("the clocks go forward one hour (daylight saving time begins)");
  });
});
