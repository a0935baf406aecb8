// The pure parts of publishing: the one public rule, sequences, changelogs, text hygiene per format.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  buildIcal,
  buildSnapshot,
  diffProgrammes,
  foldLine,
  icalText,
  isPublicSession,
  type PublicSource,
} from "~/domain/exports";
import { toCsv } from "~/domain/csv";
import { programmePage } from "~/domain/exports/page";

const H = 3_600_000;
const T0 = Date.UTC(2016, 2, 9, 8, 0); // 09:00 in Paris

function source(): PublicSource {
  const session = (id: number, extra: Partial<PublicSource["sessions"][number]> = {}) => ({
    id,
    uuid: `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
    slug: `s-${id}`,
    titleFr: `Session ${id}`,
    titleEn: null,
    abstractFr: null,
    abstractEn: null,
    formatId: null,
    themeId: null,
    language: "fr" as const,
    status: "scheduled",
    isPublic: true,
    roomId: 1,
    startsAt: T0 + id * H,
    endsAt: T0 + id * H + H,
    ...extra,
  });
  return {
    edition: { uuid: "10000000-0000-4000-8000-000000000000", slug: "ed-2016", title: "Ed", startDate: "2016-03-09", endDate: "2016-03-10", timeZone: "Europe/Paris", venue: "Lille", mainLanguage: "fr" },
    themes: [],
    formats: [],
    rooms: [
      { id: 1, uuid: "20000000-0000-4000-8000-000000000001", name: "Agora", capacity: 100, position: 0 },
      { id: 2, uuid: "20000000-0000-4000-8000-000000000002", name: "Atelier", capacity: 20, position: 1 },
    ],
    speakers: [
      { id: 1, uuid: "30000000-0000-4000-8000-000000000001", publicName: "Ana", organisation: null, jobTitle: null, bioFr: "Bio", bioEn: null, consentPublishBio: true, consentPublicPhoto: true, photoKey: "0123456789abcdef", links: [] },
      { id: 2, uuid: "30000000-0000-4000-8000-000000000002", publicName: "Bo", organisation: null, jobTitle: null, bioFr: "Secret bio", bioEn: null, consentPublishBio: false, consentPublicPhoto: false, photoKey: "fedcba9876543210", links: [] },
      { id: 3, uuid: "30000000-0000-4000-8000-000000000003", publicName: "Cy (declined only)", organisation: null, jobTitle: null, bioFr: null, bioEn: null, consentPublishBio: true, consentPublicPhoto: true, photoKey: null, links: [] },
    ],
    sessions: [
      session(1),
      session(2),
      session(3, { isPublic: false }),
      session(4, { status: "cancelled" }),
      session(5, { status: "accepted", roomId: null, startsAt: null, endsAt: null }),
      session(6),
    ],
    people: [
      { sessionId: 1, speakerId: 1, role: "speaker", confirmation: "confirmed" },
      { sessionId: 1, speakerId: 2, role: "moderator", confirmation: "pending" },
      { sessionId: 2, speakerId: 3, role: "speaker", confirmation: "declined" },
      { sessionId: 3, speakerId: 3, role: "speaker", confirmation: "confirmed" },
    ],
  };
}

describe("the public snapshot", () => {
  it("keeps only public, scheduled, non-cancelled sessions, and people who did not decline", () => {
    const snapshot = buildSnapshot(source(), { number: 1, publishedAt: T0, previous: null });
    expect(snapshot.sessions.map((s) => s.numericId)).toEqual([1, 2, 6]);
    expect(snapshot.sessions[0]!.people.map((p) => p.role)).toEqual(["speaker", "moderator"]);
    expect(snapshot.sessions[1]!.people).toEqual([]);
    // Cy is only on a private session and a declined one: not public at all.
    expect(snapshot.speakers.map((s) => s.name)).toEqual(["Ana", "Bo"]);
    // Bo did not consent to publishing the bio.
    expect(snapshot.speakers[1]!.bio).toEqual({ fr: null, en: null });
    // A photo only with the consent to publish it: no field at all otherwise.
    expect(snapshot.speakers[0]!.photo).toBe("photo/30000000-0000-4000-8000-000000000001?v=0123456789abcdef");
    expect("photo" in snapshot.speakers[1]!).toBe(false);
    expect(snapshot.sessions[0]!.start).toBe("2016-03-09T10:00:00+01:00");
    expect(snapshot.version).toEqual({ number: 1, publishedAt: "2016-03-09T08:00:00Z", previous: null });
  });

  it("the rule refuses a session without a room, time, or whose room is gone", () => {
    const s = source().sessions[0]!;
    expect(isPublicSession(s, () => true)).toBe(true);
    expect(isPublicSession(s, () => false)).toBe(false);
    expect(isPublicSession({ ...s, startsAt: null }, () => true)).toBe(false);
    expect(isPublicSession({ ...s, status: "accepted" }, () => true)).toBe(false);
  });

  it("raises a session's sequence only when it changes, and lists the changes", () => {
    const v1 = buildSnapshot(source(), { number: 1, publishedAt: T0, previous: null });
    const next = source();
    next.sessions[0]!.roomId = 2; // moved
    next.sessions[1]!.titleFr = "Renamed"; // renamed
    next.people.push({ sessionId: 6, speakerId: 1, role: "speaker", confirmation: "confirmed" }); // people changed
    next.sessions[2]!.isPublic = true; // added
    next.sessions[5]!.status = "cancelled"; // cancelled
    const v2 = buildSnapshot(next, { number: 2, publishedAt: T0 + H, previous: v1 });
    expect(v2.sessions.map((s) => [s.numericId, s.sequence])).toEqual([[1, 1], [2, 1], [3, 0]]);
    const v3 = buildSnapshot(next, { number: 3, publishedAt: T0 + 2 * H, previous: v2 });
    expect(v3.sessions.map((s) => s.sequence)).toEqual([1, 1, 0]);

    const changes = diffProgrammes(v1, v2);
    expect(changes.from).toBe(1);
    expect(changes.to).toBe(2);
    expect(changes.added.map((s) => s.numericId)).toEqual([3]);
    expect(changes.cancelled.map((s) => s.numericId)).toEqual([6]);
    expect(changes.moved).toEqual([
      expect.objectContaining({
        from: { day: "2016-03-09", start: "10:00", end: "11:00", startsAt: "2016-03-09T10:00:00+01:00", room: { id: "20000000-0000-4000-8000-000000000001", name: "Agora" } },
        to: expect.objectContaining({ room: { id: "20000000-0000-4000-8000-000000000002", name: "Atelier" } }),
      }),
    ]);
    expect(changes.renamed).toEqual([expect.objectContaining({ from: { fr: "Session 2", en: null }, to: { fr: "Renamed", en: null } })]);
    // Session 6 was cancelled, so its new person is not a "people changed" entry.
    expect(changes.peopleChanged).toEqual([]);
    expect(diffProgrammes(null, v1).added).toHaveLength(3);
    expect(diffProgrammes(v2, v3)).toMatchObject({ added: [], cancelled: [], moved: [], renamed: [], peopleChanged: [] });
  });

  it("the page filters by day, room, theme and format and keeps only the people it shows", () => {
    const snapshot = buildSnapshot(source(), { number: 1, publishedAt: T0, previous: null });
    const page = programmePage(snapshot, { day: null, room: "20000000-0000-4000-8000-000000000002", theme: null, format: null });
    expect(page.sessions).toEqual([]);
    expect(page.speakers).toEqual([]);
    const day = programmePage(snapshot, { day: "2016-03-09", room: null, theme: null, format: null });
    expect(day.sessions).toHaveLength(3);
    expect(day.days).toEqual(["2016-03-09"]);
  });
});

describe("text in each format", () => {
  it("iCalendar escapes backslash, semicolon, comma and newlines, and folds at 75 octets without splitting a character", () => {
    expect(icalText('a\\b;c,d\ne\r\nf\u2028g')).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });

  it("iCalendar times keep their wall-clock time and offset across the DST change", () => {
    const s = source();
    s.sessions = [{ ...s.sessions[0]!, startsAt: Date.UTC(2016, 2, 27, 8, 0), endsAt: Date.UTC(2016, 2, 27, 9, 0) }];
    s.edition.endDate = "2016-03-28";
    const text = buildIcal(buildSnapshot(s, { number: 1, publishedAt: T0, previous: null }), { origin: "https://x.example" });
    const component = new ICAL.Component(ICAL.parse(text));
    for (const zone of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(component.getFirstSubcomponent("vevent")!);
    expect(event.startDate.toString()).toBe("2016-03-27T10:00:00");
    expect(event.startDate.toUnixTime() * 1000).toBe(Date.UTC(2016, 2, 27, 8, 0));
    expect(text).toContain("DTSTAMP:20160309T080000Z");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("CSV neutralises formula-like cells and quotes what needs quoting (the one writer, toCsv)", () => {
    const line = (cell: string | number | null) => toCsv(["h"], [[cell]]).split("\r\n")[1]!;
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(line(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(line('say "hi", then')).toBe('"say ""hi"", then"');
    expect(line("plain")).toBe("plain");
    expect(line(-3)).toBe("-3");
    expect(line(null)).toBe("");
  });
});
