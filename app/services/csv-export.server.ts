// Speakers and sessions as CSV for spreadsheets (organisers only: private fields included).
// Column names, yes/no, statuses and roles are in the organiser's language; the CSV import
// reads them back in either language, so an exported file imports back as it is.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { formats, organisations, rooms, sessions, sessionSpeakers, speakers, themes } from "~/db/schema";
import { toCsv, type CsvCell, type CsvSeparator } from "~/domain/csv";
import { SENSITIVE_SPEAKER_COLUMNS } from "~/domain/personal-data";
import { localDate, localTime } from "~/domain/time";
import type { Role, SessionStatus } from "~/domain/vocabulary";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { IMPORT_FIELDS } from "~/schemas/csv-import";

/** `only`: the rows ticked in the list (their UUIDs), when the organiser exports a selection. */
type ExportOptions = { locale: Locale; separator: CsvSeparator; only?: readonly string[] };

/** The words of one export: column names, yes/no, statuses and roles in the organiser's language. */
function wordsFor(locale: Locale) {
  return {
    column: (field: string) => translate(locale, `csv.field.${field}` as MessageKey),
    yesNo: (value: boolean) => translate(locale, value ? "csv.value.yes" : "csv.value.no"),
    status: (status: SessionStatus) => translate(locale, `status.${status}`),
    role: (role: Role) => translate(locale, `sessions.role.${role}`),
  };
}

/**
 * One query whatever the number of speakers. Sensitive columns (the data map) only when
 * `sensitive` is asked for explicitly; otherwise their column is left out.
 */
export async function speakersCsv(
  db: Queryable,
  { editionId, locale, separator, sensitive = false, only = [] }: { editionId: number; sensitive?: boolean } & ExportOptions,
): Promise<string> {
  const words = wordsFor(locale);
  const rows = await db
    .select({
      uuid: speakers.uuid,
      publicName: speakers.publicName,
      email: speakers.email,
      organisation: organisations.name,
      jobTitle: speakers.jobTitle,
      bioFr: speakers.bioFr,
      bioEn: speakers.bioEn,
      phone: speakers.phone,
      languages: speakers.languages,
      preferredLocale: speakers.preferredLocale,
      links: speakers.links,
      accessibilityNeeds: speakers.accessibilityNeeds,
      internalNotes: speakers.internalNotes,
      consentRecording: speakers.consentRecording,
      consentPhotos: speakers.consentPhotos,
      consentPublishBio: speakers.consentPublishBio,
    })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(and(eq(speakers.editionId, editionId), only.length > 0 ? inArray(speakers.uuid, [...only]) : undefined))
    .orderBy(asc(speakers.publicName), asc(speakers.id))
    .all();
  const fields = IMPORT_FIELDS.speakers.filter((field) => sensitive || !(SENSITIVE_SPEAKER_COLUMNS as readonly string[]).includes(field));
  return toCsv(
    ["uuid", ...fields].map(words.column),
    rows.map((row) => [
      row.uuid,
      ...fields.map((field): CsvCell => {
        if (field === "languages") return row.languages.join(", ");
        if (field === "links") return row.links.map((link) => link.url).join(" ");
        const value = row[field];
        return typeof value === "boolean" ? words.yesNo(value) : value;
      }),
    ]),
    { separator },
  );
}

const SESSION_COLUMNS = [...IMPORT_FIELDS.sessions, "speakerNames", "room", "day", "start", "end"] as const;

/** One row per session with its people; two queries whatever the number of sessions. */
export async function sessionsCsv(
  db: Queryable,
  { editionId, timeZone, locale, separator, only = [] }: { editionId: number; timeZone: string } & ExportOptions,
): Promise<string> {
  const words = wordsFor(locale);
  const inEdition = and(eq(sessions.editionId, editionId), only.length > 0 ? inArray(sessions.uuid, [...only]) : undefined);
  const [sessionRows, people] = await Promise.all([
    db
      .select({
        id: sessions.id,
        uuid: sessions.uuid,
        slug: sessions.slug,
        titleFr: sessions.titleFr,
        titleEn: sessions.titleEn,
        abstractFr: sessions.abstractFr,
        abstractEn: sessions.abstractEn,
        format: formats.slug,
        theme: themes.slug,
        language: sessions.language,
        status: sessions.status,
        isPublic: sessions.isPublic,
        expectedAudience: sessions.expectedAudience,
        room: rooms.name,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
      })
      .from(sessions)
      .leftJoin(formats, eq(formats.id, sessions.formatId))
      .leftJoin(themes, eq(themes.id, sessions.themeId))
      .leftJoin(rooms, eq(rooms.id, sessions.roomId))
      .where(inEdition)
      .orderBy(asc(sessions.startsAt), asc(sessions.slug))
      .all(),
    db
      .select({ sessionId: sessionSpeakers.sessionId, role: sessionSpeakers.role, name: speakers.publicName, email: speakers.email })
      .from(sessionSpeakers)
      .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
      .innerJoin(speakers, and(eq(speakers.id, sessionSpeakers.speakerId), eq(speakers.editionId, editionId)))
      .where(inEdition)
      .orderBy(asc(sessionSpeakers.sessionId), asc(sessionSpeakers.position))
      .all(),
  ]);
  const peopleOf = new Map<number, typeof people>();
  for (const person of people) {
    const list = peopleOf.get(person.sessionId) ?? [];
    list.push(person);
    peopleOf.set(person.sessionId, list);
  }
  return toCsv(
    ["uuid", ...SESSION_COLUMNS].map(words.column),
    sessionRows.map((row) => {
      const list = peopleOf.get(row.id) ?? [];
      const cells: Record<(typeof SESSION_COLUMNS)[number], CsvCell> = {
        ...row,
        status: words.status(row.status),
        isPublic: words.yesNo(row.isPublic),
        people: list.filter((p) => p.email).map((p) => `${p.email} (${words.role(p.role)})`).join("; "),
        speakerNames: list.map((p) => `${p.name} (${words.role(p.role)})`).join("; "),
        day: row.startsAt === null ? null : localDate(row.startsAt, timeZone),
        start: row.startsAt === null ? null : localTime(row.startsAt, timeZone),
        end: row.endsAt === null ? null : localTime(row.endsAt, timeZone),
      };
      return [row.uuid, ...SESSION_COLUMNS.map((column) => cells[column])];
    }),
    { separator },
  );
}

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
