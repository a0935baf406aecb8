// Barouf's own programme document and its changes document. These zod schemas are the one
// source of truth: the TypeScript types are inferred from them and the published JSON Schemas
// are generated from them (z.toJSONSchema), so the schema can never drift from the code.
import { z } from "zod";

export const PROGRAMME_SCHEMA_PATH = "/schemas/barouf-programme-1.json";
export const CHANGES_SCHEMA_PATH = "/schemas/barouf-changes-1.json";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i).describe("UUID, stable across versions");
const numericId = z.number().int().min(1).describe("Positive integer id, stable across versions");
const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/)
  .describe("ISO 8601 date-time with an offset");
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localTime = z.string().regex(/^\d{2}:\d{2}$/);
const localised = z.object({ fr: z.string().nullable(), en: z.string().nullable() }).strict();
const language = z.enum(["fr", "en"]);
const role = z.enum(["speaker", "moderator", "expert", "facilitator", "artist"]);

export const programmeSchema = z
  .object({
    $schema: z.string().optional(),
    edition: z
      .object({
        id: uuid,
        slug: z.string(),
        title: z.string(),
        startDate: localDate,
        endDate: localDate,
        timeZone: z.string().describe("IANA time zone"),
        venue: z.string(),
        mainLanguage: language,
      })
      .strict(),
    version: z
      .object({
        number: z.number().int().min(1).nullable().describe("null for the unpublished draft"),
        publishedAt: isoInstant.nullable(),
        previous: z.number().int().min(1).nullable(),
      })
      .strict(),
    themes: z.array(
      z.object({ id: uuid, numericId, slug: z.string(), name: localised, colour: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).strict(),
    ),
    formats: z.array(z.object({ id: uuid, numericId, slug: z.string(), name: localised }).strict()),
    rooms: z.array(
      z.object({ id: uuid, numericId, name: z.string(), capacity: z.number().int().nullable(), position: z.number().int() }).strict(),
    ),
    speakers: z.array(
      z
        .object({
          id: uuid,
          numericId,
          name: z.string(),
          organisation: z.string().nullable(),
          jobTitle: z.string().nullable(),
          bio: localised.describe("Only when the speaker agreed to publish it"),
          links: z.array(z.object({ label: z.string(), url: z.string().regex(/^https?:\/\//i) }).strict()),
          photo: z
            .string()
            .optional()
            .describe("The speaker's portrait (square WebP), present only when the speaker agreed to publish it; an absolute URL in the exports"),
        })
        .strict(),
    ),
    sessions: z.array(
      z
        .object({
          id: uuid,
          numericId,
          slug: z.string(),
          title: localised,
          abstract: localised,
          formatId: uuid.nullable(),
          themeId: uuid.nullable(),
          language,
          roomId: uuid,
          start: isoInstant,
          end: isoInstant,
          durationMinutes: z.number().int().min(0),
          sequence: z.number().int().min(0).describe("Raised each time the session changes in a new version (iCalendar SEQUENCE)"),
          people: z.array(z.object({ speakerId: uuid, role }).strict()),
        })
        .strict(),
    ),
  })
  .strict();

export type PublicProgramme = z.infer<typeof programmeSchema>;
export type PublicSession = PublicProgramme["sessions"][number];
export type PublicSpeaker = PublicProgramme["speakers"][number];
export type PublicRoom = PublicProgramme["rooms"][number];

const sessionRef = z
  .object({ id: uuid, numericId, slug: z.string(), title: localised })
  .strict();
const placement = z
  .object({ day: localDate, start: localTime, end: localTime, startsAt: isoInstant, room: z.object({ id: uuid, name: z.string() }).strict() })
  .strict();
const personRef = z.object({ id: uuid, name: z.string() }).strict();

export const changesSchema = z
  .object({
    $schema: z.string().optional(),
    edition: z.string(),
    from: z.number().int().min(1).nullable().describe("null: compared with nothing (the first version)"),
    to: z.number().int().min(1).nullable().describe("null: the unpublished draft"),
    added: z.array(sessionRef.extend({ placement }).strict()),
    cancelled: z.array(sessionRef.extend({ placement }).strict()),
    moved: z.array(z.object({ session: sessionRef, from: placement, to: placement }).strict()),
    renamed: z.array(z.object({ session: sessionRef, from: localised, to: localised }).strict()),
    peopleChanged: z.array(z.object({ session: sessionRef, added: z.array(personRef), removed: z.array(personRef) }).strict()),
  })
  .strict();

export type Changes = z.infer<typeof changesSchema>;
export type Placement = z.infer<typeof placement>;
export type SessionRef = z.infer<typeof sessionRef>;

/** The JSON Schemas served at PROGRAMME_SCHEMA_PATH and CHANGES_SCHEMA_PATH. */
export function programmeJsonSchema(origin: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(programmeSchema, { target: "draft-2020-12" }),
    $id: `${origin}${PROGRAMME_SCHEMA_PATH}`,
    title: "Barouf programme",
    description: "A published version (or the draft) of a Barouf edition's public programme.",
  };
}

export function changesJsonSchema(origin: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(changesSchema, { target: "draft-2020-12" }),
    $id: `${origin}${CHANGES_SCHEMA_PATH}`,
    title: "Barouf programme changes",
    description: "What changed in the public programme between two versions.",
  };
}
