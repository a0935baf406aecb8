// What the speaker pages need around the model: the form's values from a stored
// speaker, the days availability may be given on, and the answer to a stale save.
import { data } from "@remix-run/node";
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { auditLog } from "~/db/schema";
import { windowsToRows } from "~/domain/availability";
import { editionDays, localDate, localTime } from "~/domain/time";
import { translate, type Locale, type MessageKey } from "~/i18n";
import type { SpeakerState } from "~/models/speakers.server";
import { retypedFormValues, toFormValues, type SpeakerFormValues } from "~/schemas/speakers";
import type { StaleSave } from "~/utils/stale";
import { staleSave, type StaleField } from "~/utils/stale.server";

/** A stored speaker as the form shows it: availability as local rows in the edition's zone. */
export function speakerFormValues(speaker: SpeakerState, timeZone: string): SpeakerFormValues {
  return toFormValues({
    ...speaker,
    organisation: speaker.organisation ?? "",
    organisationKind: speaker.organisationKind ?? "other",
    links: speaker.links,
    availability: windowsToRows(speaker.availability, timeZone),
    version: String(speaker.version),
  });
}

/** The edition's days, plus any other day a stored window is on (so saving never drops it). */
export function availabilityDays(edition: { startDate: string; endDate: string; timeZone: string }, rows: { date: string }[]): string[] {
  const days = new Set(editionDays(edition.startDate, edition.endDate, edition.timeZone).map((day) => day.date));
  for (const row of rows) if (/^\d{4}-\d{2}-\d{2}$/.test(row.date)) days.add(row.date);
  return [...days].sort();
}

const describeLinks = (links: { label: string; url: string }[]) =>
  links.filter((link) => link.url || link.label).map((link) => (link.label ? `${link.label} <${link.url}>` : link.url)).join("\n");
const describeRows = (rows: { date: string; start: string; end: string }[]) =>
  rows.filter((row) => row.date || row.start || row.end).map((row) => `${row.date} ${row.start}–${row.end}`).join("\n");

/** The form's fields as the stale notice lists them; `columns` are the audit entries' keys. */
function speakerFields(locale: Locale): StaleField[] {
  const yesNo = (value: string | string[] | undefined) => translate(locale, value === "on" ? "speakers.yes" : "speakers.no");
  const language = (code: string) => (`speakers.language.${code}` as MessageKey);
  const languages = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value : value ? [value] : []).map((code) => translate(locale, language(code))).join(", ");
  const field = (name: string, show?: StaleField["show"]): StaleField => ({ name, label: `speakers.field.${name}`, show });
  return [
    field("publicName"),
    field("organisation"),
    field("jobTitle"),
    field("bioFr"),
    field("bioEn"),
    field("photoPath"),
    field("links"),
    field("languages", languages),
    field("email"),
    field("phone"),
    field("preferredLocale", languages),
    field("accessibilityNeeds"),
    field("practicalNotes"),
    field("internalNotes"),
    field("consentRecording", yesNo),
    field("consentPhotos", yesNo),
    field("consentPublishBio", yesNo),
    field("availability"),
  ];
}

function displayValues(values: SpeakerFormValues): Record<string, string | string[]> {
  const { links, availability, consentRecording, consentPhotos, consentPublishBio, ...plain } = values;
  return {
    ...plain,
    links: describeLinks(links),
    availability: describeRows(availability),
    consentRecording: consentRecording ? "on" : "",
    consentPhotos: consentPhotos ? "on" : "",
    consentPublishBio: consentPublishBio ? "on" : "",
  };
}

/** Fields a re-apply can hand back to the other person when the organiser left them as read. */
const TEXT_FIELDS = [
  "publicName", "organisation", "jobTitle", "bioFr", "bioEn", "photoPath", "email", "phone",
  "preferredLocale", "accessibilityNeeds", "practicalNotes", "internalNotes",
] as const;
const CONSENTS = ["consentRecording", "consentPhotos", "consentPublishBio"] as const;

/**
 * What the organiser did not change among what the other person did: a field is the
 * organiser's change only if what they posted differs from what they had read, which is
 * the `before` of the oldest audited save they missed. Those fields take the saved value,
 * so "re-apply my change on top" re-applies only the organiser's own changes.
 * (Links and availability are re-sent as typed.)
 */
function untouchedByOrganiser(
  read: Map<string, unknown>,
  submitted: Record<string, string | string[]>,
): Set<string> {
  const same = new Set<string>();
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  for (const field of TEXT_FIELDS) {
    if (!read.has(field)) continue;
    const before = text(read.get(field));
    const mine = text(submitted[field]);
    const equal = field === "email" || field === "organisation" ? before.toLowerCase() === mine.toLowerCase() : before === mine;
    if (equal) same.add(field);
  }
  for (const field of CONSENTS) {
    if (read.has(field) && Boolean(read.get(field)) === (submitted[field] === "on")) same.add(field);
  }
  if (read.has("languages")) {
    const before = Array.isArray(read.get("languages")) ? (read.get("languages") as string[]) : [];
    const posted = submitted.languages;
    const mine = Array.isArray(posted) ? posted : posted ? [posted] : [];
    if ([...before].sort().join() === [...mine].sort().join()) same.add("languages");
  }
  return same;
}

/**
 * The 409 answer to a save read at an older version: what is saved now against what the
 * organiser typed, field by field, and what "re-apply on top" will send: the organiser's
 * own changes over the saved speaker.
 */
export async function staleSpeakerSave(
  db: Queryable,
  args: { current: SpeakerState; readVersion: number; submitted: Record<string, string | string[]>; timeZone: string; locale: Locale },
) {
  const currentValues = speakerFormValues(args.current, args.timeZone);
  const savesSince = Math.max(0, args.current.version - args.readVersion);
  const missed =
    savesSince === 0
      ? []
      : await db
          .select({ before: auditLog.before })
          .from(auditLog)
          .where(and(eq(auditLog.entity, "speaker"), eq(auditLog.entityUuid, args.current.uuid), eq(auditLog.action, "update")))
          .orderBy(desc(auditLog.id))
          .limit(savesSince)
          .all();
  // Newest first: the oldest entry's `before` is what the organiser read.
  const read = new Map<string, unknown>();
  for (const entry of missed) for (const [field, value] of Object.entries(entry.before ?? {})) read.set(field, value);
  const keepTheirs = untouchedByOrganiser(read, args.submitted);
  const reapplied: Record<string, string | string[]> = { ...args.submitted };
  for (const field of keepTheirs) {
    if ((CONSENTS as readonly string[]).includes(field)) {
      if (currentValues[field as (typeof CONSENTS)[number]]) reapplied[field] = "on";
      else delete reapplied[field];
    } else {
      reapplied[field] = currentValues[field as keyof SpeakerFormValues] as string | string[];
    }
  }

  const answer = await staleSave(db, {
    entity: "speaker",
    entityUuid: args.current.uuid,
    current: displayValues(currentValues),
    currentVersion: args.current.version,
    readVersion: args.readVersion,
    submitted: displayValues(retypedFormValues(reapplied)),
    fields: speakerFields(args.locale),
    timeZone: args.timeZone,
  });
  // The comparison used readable summaries; "re-apply" re-sends posted names and values.
  const body: StaleSave = { ...(answer.data as StaleSave), values: reapplied };
  return data(body, { status: 409 });
}

/** "le 9 mars 2016 à 10:15" parts for a stored instant, in the edition's zone. */
export function localStamp(at: number, timeZone: string) {
  return { date: localDate(at, timeZone), time: localTime(at, timeZone) };
}
