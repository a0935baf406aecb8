// iCalendar (RFC 5545): the whole programme, one speaker's sessions, or one session.
// UID stable across versions, SEQUENCE from the snapshot, DTSTAMP in UTC, TZID with its
// VTIMEZONE, text escaped, lines folded at 75 octets with CRLF.
import { offsetMinutes } from "../time";
import type { PublicProgramme, PublicSession } from "./model";
import { lookups, sessionUrl, type ExportOptions } from "./frab";
import { pad2, wellFormed } from "./text";

export type IcalScope = { kind: "programme" } | { kind: "speaker"; speakerId: string } | { kind: "session"; sessionId: string };

/** TEXT value escaping: backslash, semicolon, comma, newlines; other control characters dropped. */
export function icalText(text: string): string {
  return wellFormed(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, "\\n")
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, "");
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets (never inside a UTF-8 sequence), CRLF + space. */
export function foldLine(line: string): string {
  // Fast path: pure ASCII lines shorter than the limit.
  if (line.length <= 75 && !/[^\x00-\x7F]/.test(line)) return line;
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  let limit = 75;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > limit) {
      parts.push(current);
      current = "";
      bytes = 0;
      limit = 74; // the leading space counts
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utcStamp(epoch: number): string {
  return new Date(epoch).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** "2016-03-09T10:30:00+01:00" → "20160309T103000" (the local wall-clock time). */
function localStamp(iso: string): string {
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

function wallClockStamp(epoch: number, offset: number): string {
  return utcStamp(epoch + offset * 60_000).replace(/Z$/, "");
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A VTIMEZONE with every offset change of the zone in the years the programme spans. */
export function vtimezone(timeZone: string, from: number, to: number): string[] {
  const yearStart = Date.UTC(new Date(from).getUTCFullYear(), 0, 1) - DAY;
  const yearEnd = Date.UTC(new Date(to).getUTCFullYear() + 1, 0, 1) + DAY;
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const first = offsetMinutes(yearStart, timeZone);
  lines.push("BEGIN:STANDARD", `DTSTART:${wallClockStamp(yearStart, first)}`, `TZOFFSETFROM:${offsetText(first)}`, `TZOFFSETTO:${offsetText(first)}`, "END:STANDARD");
  let previous = first;
  for (let t = yearStart; t < yearEnd; t += 6 * HOUR) {
    const next = offsetMinutes(t + 6 * HOUR, timeZone);
    if (next === previous) continue;
    // Narrow the change down to the minute.
    let lo = t;
    let hi = t + 6 * HOUR;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    const kind = next > previous ? "DAYLIGHT" : "STANDARD";
    lines.push(`BEGIN:${kind}`, `DTSTART:${wallClockStamp(hi, previous)}`, `TZOFFSETFROM:${offsetText(previous)}`, `TZOFFSETTO:${offsetText(next)}`, `END:${kind}`);
    previous = next;
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

export function uidOf(session: PublicSession): string {
  return `${session.id}@barouf`;
}

export function buildIcal(programme: PublicProgramme, options: ExportOptions, scope: IcalScope = { kind: "programme" }): string {
  const l = lookups(programme);
  const tz = programme.edition.timeZone;
  const sessions =
    scope.kind === "programme"
      ? programme.sessions
      : scope.kind === "session"
        ? programme.sessions.filter((s) => s.id === scope.sessionId)
        : programme.sessions.filter((s) => s.people.some((p) => p.speakerId === scope.speakerId));
  const stampEpoch = programme.version.publishedAt ? Date.parse(programme.version.publishedAt) : (options.generatedAt ?? 0);
  const dtstamp = utcStamp(stampEpoch);
  let name = programme.edition.title;
  if (scope.kind === "speaker") name = `${programme.edition.title} — ${l.speakers.get(scope.speakerId)?.name ?? ""}`;
  if (scope.kind === "session" && sessions[0]) name = `${programme.edition.title} — ${l.title(sessions[0])}`;

  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Barouf//Programme//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icalText(name)}`,
    `X-WR-TIMEZONE:${tz}`,
  ];
  const from = sessions.length ? Date.parse(sessions[0]!.start) : Date.parse(`${programme.edition.startDate}T00:00:00Z`);
  const to = sessions.length ? Date.parse(sessions.at(-1)!.end) : Date.parse(`${programme.edition.endDate}T00:00:00Z`);
  lines.push(...vtimezone(tz, Math.min(from, Date.parse(`${programme.edition.startDate}T00:00:00Z`)), Math.max(to, Date.parse(`${programme.edition.endDate}T00:00:00Z`))));
  for (const s of sessions) {
    const room = l.rooms.get(s.roomId);
    const theme = s.themeId ? l.themes.get(s.themeId) : undefined;
    const people = s.people.map((p) => l.speakers.get(p.speakerId)?.name ?? "").filter(Boolean);
    const abstract = l.text(s.abstract);
    const description = [people.length ? people.join(", ") : null, abstract].filter(Boolean).join("\n\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uidOf(s)}`,
      `DTSTAMP:${dtstamp}`,
      `SEQUENCE:${s.sequence}`,
      `DTSTART;TZID=${tz}:${localStamp(s.start)}`,
      `DTEND;TZID=${tz}:${localStamp(s.end)}`,
      `SUMMARY:${icalText(l.title(s))}`,
      `LOCATION:${icalText(room?.name ?? "")}`,
    );
    if (description) lines.push(`DESCRIPTION:${icalText(description)}`);
    if (theme) lines.push(`CATEGORIES:${icalText(l.text(theme.name) ?? theme.slug)}`);
    lines.push(`URL:${sessionUrl(options, programme, s)}`, "STATUS:CONFIRMED", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
