// frab / pretalx compatible schedule.json (c3voc "schedule.json v1"), written for strict consumers
// (see shared/formats/README.md): UUID guids, integer ids, HH:MM durations, absolute URLs.
import { EXPORT_PHOTO_SIZE, photoUrl } from "../images";
import type { PublicProgramme } from "./model";
import { acronymOf, durationOf, eventSlug, frabDays, lookups, publicPageUrl, sessionUrl, type ExportOptions } from "./frab";
import { asciiSlug } from "./text";

export function frabVersionLabel(programme: PublicProgramme): string {
  return programme.version.number === null ? "draft" : `v${programme.version.number}`;
}

export function buildFrabJson(programme: PublicProgramme, options: ExportOptions): string {
  const l = lookups(programme);
  const acronym = acronymOf(programme);
  const days = frabDays(programme);
  const document = {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: "Barouf", version: "1" },
    schedule: {
      version: frabVersionLabel(programme),
      base_url: publicPageUrl(options, programme),
      conference: {
        acronym,
        title: programme.edition.title,
        start: days[0]?.date ?? programme.edition.startDate,
        end: days.at(-1)?.date ?? programme.edition.endDate,
        daysCount: days.length,
        timeslot_duration: "00:05",
        time_zone_name: programme.edition.timeZone,
        url: publicPageUrl(options, programme),
        tracks: programme.themes.map((t) => {
          const slug = asciiSlug(t.slug, "-");
          return { name: l.text(t.name) ?? t.slug, ...(/^[a-z0-9_-]+[a-z0-9]$/.test(slug) ? { slug } : {}), color: t.colour };
        }),
        rooms: programme.rooms.map((r) => ({ name: r.name, guid: r.id, capacity: r.capacity })),
        days: days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: Object.fromEntries(
            day.rooms.map(({ room, sessions }) => [
              room.name,
              sessions.map((s) => {
                const theme = s.themeId ? l.themes.get(s.themeId) : undefined;
                const format = s.formatId ? l.formats.get(s.formatId) : undefined;
                return {
                  guid: s.id,
                  id: s.numericId,
                  date: s.start,
                  start: s.start.slice(11, 16),
                  end: s.end,
                  duration: durationOf(s),
                  room: room.name,
                  slug: eventSlug(acronym, s),
                  url: sessionUrl(options, programme, s),
                  title: l.title(s),
                  subtitle: "",
                  track: theme ? l.text(theme.name) : null,
                  type: format ? (l.text(format.name) ?? format.slug) : "other",
                  language: s.language,
                  abstract: l.text(s.abstract) ?? "",
                  description: null,
                  persons: s.people.map((p) => {
                    const speaker = l.speakers.get(p.speakerId)!;
                    const avatar = speaker.photo ? { avatar: photoUrl(publicPageUrl(options, programme), speaker.photo, EXPORT_PHOTO_SIZE) } : {};
                    return { guid: speaker.id, name: speaker.name, public_name: speaker.name, ...avatar, biography: l.text(speaker.bio) };
                  }),
                  links: [],
                };
              }),
            ]),
          ),
        })),
      },
    },
  };
  return JSON.stringify(document);
}
