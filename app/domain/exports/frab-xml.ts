// frab / pentabarf compatible schedule.xml (validates against schedule.xsd; <schedule> and
// <conference> come first, as Giggity wants them within the first kilobyte).
import type { PublicProgramme } from "./model";
import { acronymOf, durationOf, eventSlug, frabDays, lookups, publicPageUrl, sessionUrl, type ExportOptions } from "./frab";
import { frabVersionLabel } from "./frab-json";
import { asciiSlug, xmlText as x } from "./text";

export function buildFrabXml(programme: PublicProgramme, options: ExportOptions): string {
  const l = lookups(programme);
  const acronym = acronymOf(programme);
  const days = frabDays(programme);
  const url = publicPageUrl(options, programme);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n');
  out.push(`  <generator name="Barouf" version="1"/>\n  <url>${x(url)}</url>\n  <version>${x(frabVersionLabel(programme))}</version>\n`);
  out.push("  <conference>\n");
  out.push(`    <title>${x(programme.edition.title)}</title>\n    <acronym>${x(acronym)}</acronym>\n`);
  out.push(`    <start>${days[0]?.date ?? programme.edition.startDate}</start>\n    <end>${days.at(-1)?.date ?? programme.edition.endDate}</end>\n`);
  out.push(`    <days>${days.length}</days>\n    <timeslot_duration>00:05</timeslot_duration>\n`);
  out.push(`    <base_url>${x(url)}</base_url>\n    <url>${x(url)}</url>\n    <time_zone_name>${x(programme.edition.timeZone)}</time_zone_name>\n`);
  for (const theme of programme.themes) {
    const slug = asciiSlug(theme.slug, "-");
    const slugAttr = /^[a-z][a-z0-9-]+$/.test(slug) ? ` slug="${slug}"` : "";
    const name = l.text(theme.name) ?? theme.slug;
    out.push(`    <track name="${x(name)}" color="${theme.colour}"${slugAttr}>${x(name)}</track>\n`);
  }
  out.push("  </conference>\n");
  for (const day of days) {
    out.push(`  <day index="${day.index}" date="${day.date}" start="${day.start}" end="${day.end}">\n`);
    for (const { room, sessions } of day.rooms) {
      out.push(`    <room name="${x(room.name)}" guid="${room.id}">\n`);
      for (const s of sessions) {
        const theme = s.themeId ? l.themes.get(s.themeId) : undefined;
        const format = s.formatId ? l.formats.get(s.formatId) : undefined;
        out.push(`      <event id="${s.numericId}" guid="${s.id}">\n`);
        out.push(`        <room>${x(room.name)}</room>\n        <title>${x(l.title(s))}</title>\n        <subtitle></subtitle>\n`);
        out.push(`        <type>${x(format ? (l.text(format.name) ?? format.slug) : "other")}</type>\n`);
        out.push(`        <date>${s.start}</date>\n        <start>${s.start.slice(11, 16)}</start>\n        <duration>${durationOf(s)}</duration>\n`);
        out.push(`        <abstract>${x(l.text(s.abstract) ?? "")}</abstract>\n        <slug>${eventSlug(acronym, s)}</slug>\n`);
        out.push(`        <track>${x(theme ? (l.text(theme.name) ?? "") : "")}</track>\n        <language>${s.language}</language>\n`);
        out.push("        <persons>\n");
        for (const p of s.people) {
          const speaker = l.speakers.get(p.speakerId)!;
          out.push(`          <person id="${speaker.numericId}" guid="${speaker.id}">${x(speaker.name)}</person>\n`);
        }
        out.push("        </persons>\n        <links></links>\n");
        out.push(`        <url>${x(sessionUrl(options, programme, s))}</url>\n      </event>\n`);
      }
      out.push("    </room>\n");
    }
    out.push("  </day>\n");
  }
  out.push("</schedule>\n");
  return out.join("");
}
