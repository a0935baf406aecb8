/// <reference types="vite/client" />
// Generated over every zod schema exported from app/schemas/*.ts: each string field of a valid
// sample gets an invisible control character or a lone surrogate inserted, and the form must
// answer a field error on that very field, naming the character (app/domain/text.ts).
// A schema without a sample below fails the test, so a new form is covered the day it is added.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { RULES } from "~/domain/conflicts/types";
import { ROOM_FEATURES } from "~/domain/vocabulary";
import { codePointLabel } from "~/domain/text";
import { fieldErrorsOf } from "~/utils/forms";

const modules = import.meta.glob<Record<string, unknown>>("../../../app/schemas/*.ts", { eager: true });
const moduleOf = (file: string) => {
  const found = Object.entries(modules).find(([path]) => path.endsWith(`/schemas/${file}.ts`));
  if (!found) throw new Error(`no app/schemas/${file}.ts`);
  return found[1];
};

const U1 = "0b9e1a9c-0a40-4c5c-8f7a-4c0f6e3e5b10";
const U2 = "1c8d2b7e-3f41-4a2b-9c3d-5e6f7a8b9c0d";
const U3 = "2d7c3a6f-4e52-4b3c-8d4e-6f7a8b9c0d1e";
const DAY = "2016-03-09";
const speakerRow = {
  publicName: "Anne Martin",
  organisation: "Ville de Lille",
  jobTitle: "Élue",
  bioFr: "Élue à la culture.",
  bioEn: "Culture councillor.",
  links: [{ label: "Site", url: "https://example.org/anne" }],
};
const mapping = (file: string, kind: "speakers" | "sessions", mapped: Record<string, string>) => {
  const fields = (moduleOf("csv-import").IMPORT_FIELDS as Record<string, readonly string[]>)[kind]!;
  return { intent: "map", fileName: file, content: "YQ==", ...Object.fromEntries(fields.map((f) => [`map_${f}`, mapped[f] ?? ""])) };
};

/** Schemas made by a function: how the app calls it. */
const FACTORIES: Record<string, () => z.ZodType> = {
  "csv-import.mappingSchema(speakers)": () => (moduleOf("csv-import").mappingSchema as (k: string) => z.ZodType)("speakers"),
  "csv-import.mappingSchema(sessions)": () => (moduleOf("csv-import").mappingSchema as (k: string) => z.ZodType)("sessions"),
  "speakers.speakerSchema": () => (moduleOf("speakers").speakerSchema as (zone: string) => z.ZodType)("Europe/Paris"),
  "speakers.speakerEditSchema": () => (moduleOf("speakers").speakerEditSchema as (zone: string) => z.ZodType)("Europe/Paris"),
  "speakers.speakerPageActionSchema": () => (moduleOf("speakers").speakerPageActionSchema as (zone: string) => z.ZodType)("Europe/Paris"),
  "csv-import.importPageActionSchema(speakers)": () => (moduleOf("csv-import").importPageActionSchema as (k: string) => z.ZodType)("speakers"),
  "placement.localPlacementFields": () => {
    const { z } = require("zod") as typeof import("zod");
    return z.object((moduleOf("placement").localPlacementFields as (m: object) => z.ZodRawShape)({ date: "board.error.date", time: "board.error.time" }));
  },
  "fields.textField": () => (moduleOf("fields").textField as () => z.ZodType)(),
  "fields.requiredText": () => (moduleOf("fields").requiredText as () => z.ZodType)(),
  "fields.optionalText": () => (moduleOf("fields").optionalText as () => z.ZodType)(),
  "fields.checkboxList": () => (moduleOf("fields").checkboxList as (item: unknown) => z.ZodType)(moduleOf("fields").uuidField),
};
/** Exported functions that make no schema with text of their own: numbers only, helpers, or readers that parse with a schema above. */
const NOT_TEXT_FACTORIES = new Set([
  // The CSV exports' separator: a choice among two names, read with .catch (no text reaches a query).
  "csv-export.defaultSeparatorName",
  "csv-export.parseCsvExportQuery",
  "fields.requiredInt",
  "fields.optionalInt",
  "fields.isKnownTimeZone",
  "fields.slugify",
  "fields.refuseForbiddenCharacters",
  "audit.parseAuditFilters",
  "organisers.organiserFormValues",
  "placement.addLocalTimesIssue",
  "placement.placementMessage",
  "placement.checkPlacement",
  "placement.resolvePlacement",
  "slots.selectionKey",
  "speakers.parseSpeakerListQuery",
  // The ticked rows in a GET query: UUIDs only, read with selectionQuerySchema.
  "sessions-bulk.parseSelectionQuery",
  "speakers.toFormValues",
  "speakers.retypedFormValues",
]);

const speakerForm = {
  ...speakerRow,
  organisationKind: "association",
  photoPath: "/photos/anne.jpg",
  languages: ["fr", "en"],
  email: "anne@example.org",
  phone: "+33 6 12 34 56 78",
  preferredLocale: "fr",
  accessibilityNeeds: "Rampe d'accès.",
  practicalNotes: "Arrive la veille.",
  internalNotes: "Contact via la mairie.",
  consentRecording: "on",
  consentPhotos: "on",
  consentPublishBio: "on",
  availability: [{ date: DAY, start: "10:00", end: "12:00" }],
};
const edition = { title: "Barouf 2016", startDate: DAY, endDate: "2016-03-10", timeZone: "Europe/Paris", venue: "Lille", mainLanguage: "fr" };
const format = { nameFr: "Atelier", nameEn: "Workshop", defaultMinutes: "60", minMinutes: "30", maxMinutes: "90", roles: { speaker: { min: "1", max: "3" } }, requiredFeatures: [ROOM_FEATURES[0]] };
const room = { name: "Agora", capacity: "120", features: [ROOM_FEATURES[0]], hours: [{ date: DAY, opens: "09:00", closes: "18:00" }] };
const session = {
  intent: "save",
  version: "1",
  titleFr: "Ouverture",
  titleEn: "Opening",
  abstractFr: "Le mot d'accueil.",
  abstractEn: "The welcome.",
  slug: "ouverture",
  formatId: U1,
  themeId: U2,
  roomId: U3,
  language: "fr",
  status: "accepted",
  isPublic: "on",
  expectedAudience: "120",
  day: DAY,
  start: "10:00",
  end: "11:00",
  startOccurrence: "",
  endOccurrence: "",
};
const place = { intent: "place", session: "s1", version: "1", room: "r1", date: DAY, start: "10:00", end: "11:00", startOccurrence: "first", endOccurrence: "", seen: "0" };

/** A valid sample per schema ("file.export", or a FACTORIES key). */
const SAMPLES: Record<string, unknown> = {
  "audit.auditFiltersSchema": { entity: "session", author: U1, from: DAY, to: "2016-03-10", page: "2" },
  "auto-schedule.autoPlanSchema": { scope: "selected", day: DAY, sessions: [U1], movePlaced: "on", timeLimit: "10" },
  "auto-schedule.autoApplySchema": { stamp: "token.3", seen: "5", proposals: [`${U1}|2|${U1}|1457510400000|1457514000000`] },
  "auto-schedule.autoScheduleActionSchema": { intent: "apply", stamp: "token.3", seen: "5", proposals: [`${U1}|2|${U1}|1457510400000|1457514000000`] },
  "auto-schedule.proposalToken": `${U1}|2|${U1}|1457510400000|1457514000000`,
  "auth.loginSchema": { email: "anne@example.org", password: "un mot de passe", redirectTo: "/editions" },
  "board.placeSchema": place,
  "board.swapSchema": { intent: "swap", session: "s1", version: "1", other: "s2", otherVersion: "1", seen: "5" },
  "board.unscheduleSchema": { intent: "unschedule", session: "s1", version: "1" },
  "board.undoSchema": { intent: "undo", change: "c1" },
  "board.acknowledgeSchema": { intent: "acknowledge", key: "ROOM_OVERLAP:a:b", reason: "Voulu : deux ateliers\nen parallèle." },
  "board.boardActionSchema": place,
  "board.previewSchema": { kind: "place", session: "s1", room: "r1", date: DAY, start: "10:00", end: "11:00" },
  "conflicts.acknowledgeSchema": { intent: "acknowledge", key: "ROOM_OVERLAP:a:b", reason: "Voulu." },
  "conflicts.withdrawSchema": { intent: "withdraw", acknowledgementId: U1 },
  "conflicts.conflictActionSchema": { intent: "acknowledge", key: "ROOM_OVERLAP:a:b", reason: "Voulu." },
  "conflicts.conflictFiltersSchema": { level: "error", rule: "ROOM_OVERLAP", state: "open", q: "agora", page: "1" },
  "csv-import.speakerRowSchema": {
    ...speakerRow,
    email: "anne@example.org",
    phone: "+33 6 12 34 56 78",
    languages: "fr, en",
    preferredLocale: "fr",
    links: "https://example.org/anne",
    accessibilityNeeds: "Rampe.",
    internalNotes: "Via la mairie.",
    consentRecording: "oui",
    consentPhotos: "non",
    consentPublishBio: "yes",
  },
  "csv-import.sessionRowSchema": {
    slug: "ouverture",
    titleFr: "Ouverture",
    titleEn: "Opening",
    abstractFr: "Le mot d'accueil.",
    abstractEn: "The welcome.",
    format: "Plénière",
    theme: "Ville",
    language: "fr",
    status: "acceptée",
    isPublic: "oui",
    expectedAudience: "120",
    people: "anne@example.org (modératrice)\nbob@example.org",
  },
  "csv-import.mappingSchema(speakers)": mapping("speakers.csv", "speakers", { publicName: "0", email: "1" }),
  "csv-import.importPageActionSchema(speakers)": mapping("speakers.csv", "speakers", { publicName: "0", email: "1" }),
  "csv-import.mappingSchema(sessions)": mapping("sessions.csv", "sessions", { titleFr: "0", people: "1" }),
  "editions.editionSettingsSchema": { ...edition, changeoverMinutes: "10", dailySessionLimit: "3", levels: Object.fromEntries(RULES.map((rule) => [rule, "warning"])), version: "1" },
  "editions.newEditionSchema": { ...edition, slug: "barouf-2017", copyFrom: "barouf-2016" },
  "fields.versionField": "3",
  "fields.uuidField": U1,
  "fields.localDateField": DAY,
  "fields.timeField": "10:00",
  "fields.optionalTimeField": "10:00",
  "fields.timeZoneField": "Europe/Paris",
  "fields.slugField": "barouf-2016",
  "fields.textField": "Agora",
  "fields.requiredText": "Agora",
  "fields.optionalText": "Agora",
  "fields.checkboxList": [U1, U2],
  "formats.formatSchema": format,
  "formats.formatEditSchema": { ...format, version: "1" },
  "import.editionSlugSchema": "barouf-2017",
  "import.importUploadSchema": { intent: "upload", slug: "barouf-2017" },
  "import.importApplySchema": { intent: "apply", uploadId: "abcdefghijklmnop" },
  "import.importCancelSchema": { intent: "cancel", uploadId: "abcdefghijklmnop" },
  "import.importStepSchema": { intent: "cancel", uploadId: "abcdefghijklmnop" },
  "import.importFileFormSchema": { slug: "barouf-2017" },
  "email-templates.emailTextSchema": { intent: "save", kind: "invitation", language: "fr", version: "0", subject: "{edition} : votre espace", body: "Bonjour {nom},\n\n{lien}" },
  "email-templates.emailTextPreviewSchema": { intent: "preview", kind: "reminder", language: "en", version: "1", subject: "{edition}: a reminder", body: "Hello {nom},\n\n{lien}" },
  "email-templates.emailTextResetSchema": { intent: "reset", kind: "reconfirm", language: "fr", version: "2", confirm: "yes" },
  "email-templates.emailTextActionSchema": { intent: "save", kind: "reconfirm", language: "fr", version: "2", subject: "{edition}", body: "{changements}\n\n{lien}" },
  "email-templates.emailTextPageSchema": { kind: "invitation", language: "fr" },
  "invitations.invitationActionSchema": { intent: "send", speaker: [U1, U2] },
  "invitations.bulkPreviewSchema": { bulk: "remind", audience: ["not_answered", "must_reconfirm"], withoutSession: "on", since: "2016-03-01" },
  "notices.organisationNoticesSchema": { intent: "notices", version: "1", retentionMonths: "12", noticeContact: "dpo@example.org", accessibilityConformity: "partial", privacyNoticeFr: "# Qui ?\nNous.", privacyNoticeEn: "# Who?\nUs.", accessibilityStatementFr: "Texte.", accessibilityStatementEn: "Text." },
  "webhooks.webhookAddSchema": { intent: "add", url: "https://festival.example/hooks/barouf", description: "Site du festival", events: ["version.published"], active: "on" },
  "webhooks.webhookActionSchema": { intent: "add", url: "https://festival.example/hooks/barouf", description: "Site du festival", events: ["version.published"], active: "on" },
  "invitations.invitationFilterSchema": { q: "anne", state: "" },
  "sessions-bulk.sessionsBulkSchema": { intent: "bulkTheme", session: [U1, U2], theme: U3 },
  "sessions-bulk.selectionQuerySchema": { session: [U1], speaker: [U2] },
  "invitations.outboxActionSchema": { intent: "resend" },
  "invitations.outboxFilterSchema": { state: "sent", page: "0" },
  "invitations.speakerChangesActionSchema": { intent: "seen", speaker: U1, redirectTo: "/editions/barouf-2016/speakers" },
  "speaker-photo.speakerPhotoActionSchema": { intent: "remove", confirm: "yes" },
  "organisers.partnerOrganiserSchema": { intent: "create", edition: U1, organisation: "", newOrganisation: "OuiShare", name: "Anne", email: "anne@example.org", role: "editor", password: "" },
  "organisers.organiserCreateSchema": { intent: "create", name: "Anne", email: "anne@example.org", role: "editor", password: "un long mot de passe" },
  "organisers.organiserEditSchema": { intent: "update", name: "Anne", email: "anne@example.org", role: "editor", version: "1" },
  "organisers.organiserActiveSchema": { intent: "deactivate", version: "1" },
  "organisers.organisationEditSchema": { intent: "rename", name: "Métropole", version: "1" },
  "organisers.editionAccessGrantSchema": { intent: "grant", edition: U1, organisation: U2 },
  "organisers.editionAccessRevokeSchema": { intent: "revoke", edition: U1, organisation: U2 },
  "organisers.organisationActionSchema": { intent: "revoke", edition: U1, organisation: U2 },
  "organisers.organiserActionSchema": { intent: "reactivate", version: "1" },
  "password.newPasswordSchema": "un long mot de passe",
  "placement.occurrenceField": "second",
  "placement.localPlacementFields": { date: DAY, start: "10:00", end: "11:00" },
  "publishing.publishSchema": { intent: "publish", note: "Version du 9 mars" },
  "publishing.compareSchema": { from: "0", to: "1" },
  "rooms.roomSchema": room,
  "rooms.roomEditSchema": { ...room, version: "1" },
  "rooms.walkingSchema": { intent: "walking", version: "1", walk: { [U1]: { [U2]: "5" } } },
  "rooms.roomsPageActionSchema": { intent: "walking", version: "1", walk: { [U1]: { [U2]: "5" } } },
  "sessions.sessionSchema": session,
  "sessions.peopleSchema": { intent: "addPerson", version: "1", speakerId: U1, role: "speaker" },
  "sessions.cancelSchema": { intent: "cancel", version: "1" },
  "sessions.deleteSchema": { intent: "delete", version: "1" },
  "sessions.sessionPageActionSchema": { ...session, intent: "save", version: "1" },
  "sessions.sessionFiltersSchema": { q: "agora", format: U1, theme: U2, room: U3, status: "draft", scheduled: "yes", day: DAY, page: "1" },
  "slots.templateSchema": { name: "Matinée", times: [{ start: "09:00", end: "10:00" }] },
  "slots.templateEditSchema": { name: "Matinée", times: [{ start: "09:00", end: "10:00" }], template: U1, version: "1" },
  "slots.templateDeleteSchema": { template: U1 },
  "slots.applySchema": { template: U1, rooms: [U2], dates: [DAY], templateVersion: "1" },
  "slots.slotEditSchema": { slot: U1, version: "1", start: "09:00", end: "10:00" },
  "slots.slotDeleteSchema": { slot: U1, version: "1" },
  "slots.slotsPageActionSchema": { intent: "update-template", name: "Matinée", times: [{ start: "09:00", end: "10:00" }], template: U1, version: "1" },
  "speaker.confirmSchema": { intent: "confirm", session: U1, version: "1" },
  "speaker.declineSchema": { intent: "decline", session: U1, version: "1", reason: "Pas disponible\nce jour-là." },
  "speaker.proposeSchema": { intent: "propose", session: U1, version: "1", proposedTime: "Le matin plutôt." },
  "speaker.profileSchema": { intent: "profile", version: "1", ...speakerRow },
  "speaker.practicalSchema": { intent: "practical", version: "1", consentRecording: "on", consentPhotos: "on", consentPublishBio: "on", accessibilityNeeds: "Rampe.", practicalNotes: "Train.", preferredLocale: "fr" },
  "speaker.availabilitySchema": { intent: "availability", days: [{ date: DAY, mode: "part", from: "10:00", to: "12:00" }] },
  "speaker.photoSchema": { intent: "photo" },
  "speaker.removePhotoSchema": { intent: "removePhoto" },
  "speaker.speakerActionSchema": { intent: "decline", session: U1, version: "1", reason: "Pas disponible ce jour-là." },
  "speakers.speakerSchema": speakerForm,
  "speakers.speakerEditSchema": { ...speakerForm, version: "1" },
  "speakers.confirmationSchema": { session: "s1", confirmation: "confirmed", version: "1" },
  "speakers.deleteSpeakerSchema": { version: "1" },
  "speakers.speakerPageActionSchema": { ...speakerForm, intent: "save", version: "1" },
  "structure.structurePageActionSchema": { intent: "delete" },
  "speakers.speakerListQuerySchema": { q: "anne", organisation: "o1", confirmation: "pending", theme: "t1", bio: "yes", photo: "no", sort: "name", dir: "asc", page: "1", perPage: "25" },
  "themes.themeSchema": { nameFr: "Ville", nameEn: "City", colour: "#1f77b4" },
  "themes.themeEditSchema": { nameFr: "Ville", nameEn: "City", colour: "#1f77b4", version: "1" },
};

/** Fields people write several lines in: tab, LF and CR stay accepted there. */
const MULTI_LINE = /^(bio(Fr|En)|abstract(Fr|En)|internalNotes|practicalNotes|accessibilityNeeds|reason|proposedTime|note|people)$/;

const isSchema = (value: unknown): value is z.ZodType => typeof value === "object" && value !== null && "_zod" in value;
type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

type Leaf = { path: (string | number)[]; value: string; caught: boolean; format: string | null; group: boolean };

/** The string fields a sample fills, found by walking the schema's shape along the sample. */
function stringLeaves(schema: z.ZodType, sample: unknown, path: (string | number)[] = [], caught = false, group = false): Leaf[] {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      return typeof sample === "string" ? [{ path, value: sample, caught, format: (def.format as string | undefined) ?? null, group }] : [];
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      const record = (sample ?? {}) as Record<string, unknown>;
      return Object.entries(shape).flatMap(([key, child]) => stringLeaves(child, record[key], [...path, key], caught, false));
    }
    case "array":
      // A list of plain values is a checkbox group: its error is on the group's name.
      return Array.isArray(sample) ? sample.flatMap((item, i) => stringLeaves(def.element as z.ZodType, item, [...path, i], caught, typeof item === "string")) : [];
    case "record": {
      const record = (sample ?? {}) as Record<string, unknown>;
      return Object.entries(record).flatMap(([key, value]) => stringLeaves(def.valueType as z.ZodType, value, [...path, key], caught, false));
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
      return stringLeaves(def.innerType as z.ZodType, sample, path, caught, group);
    case "catch":
      return stringLeaves(def.innerType as z.ZodType, sample, path, true, group);
    case "pipe": {
      // z.preprocess is a pipe from a transform: the value reaches its `out` side; otherwise the input side reads it.
      const input = def.in as z.ZodType;
      return defOf(input).type === "transform" ? stringLeaves(def.out as z.ZodType, sample, path, caught, group) : stringLeaves(input, sample, path, caught, group);
    }
    case "union": {
      const option = (def.options as z.ZodType[]).find((o) => o.safeParse(sample).success);
      return option ? stringLeaves(option, sample, path, caught, group) : [];
    }
    case "intersection":
      return [...stringLeaves(def.left as z.ZodType, sample, path, caught, group), ...stringLeaves(def.right as z.ZodType, sample, path, caught, group)];
    default:
      return [];
  }
}

function withValue(sample: unknown, path: readonly (string | number)[], value: string): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(sample) ? [...sample] : { ...(sample as object) }) as Record<string | number, unknown>;
  copy[head!] = withValue(copy[head!], rest, value);
  return copy;
}
const insert = (value: string, char: string) => value.slice(0, Math.ceil(value.length / 2)) + char + value.slice(Math.ceil(value.length / 2));

const CHARACTERS = [
  { char: "\u0000", message: "text.control.U+0000" },
  { char: "\u001B", message: "text.control.U+001B" },
  { char: "\u0085", message: "text.control.U+0085" },
  { char: "\u009F", message: "text.control.U+009F" },
  { char: "\uD800", message: "text.surrogate" },
];

// Every exported schema, and every schema factory as the app calls it.
const schemas: { name: string; schema: z.ZodType }[] = [];
const unknownFactories: string[] = [];
for (const [path, exports] of Object.entries(modules)) {
  const file = path.replace(/^.*\/schemas\//, "").replace(/\.ts$/, "");
  for (const [name, value] of Object.entries(exports)) {
    if (isSchema(value)) schemas.push({ name: `${file}.${name}`, schema: value });
    else if (typeof value === "function" && !NOT_TEXT_FACTORIES.has(`${file}.${name}`)) {
      const made = Object.keys(FACTORIES).filter((key) => key === `${file}.${name}` || key.startsWith(`${file}.${name}(`));
      if (made.length === 0) unknownFactories.push(`${file}.${name}`);
    }
  }
}
for (const [name, make] of Object.entries(FACTORIES)) schemas.push({ name, schema: make() });

describe("every schema refuses control characters and lone surrogates in every text field", () => {
  it("knows every schema and factory, and each sample is valid", () => {
    expect(unknownFactories).toEqual([]);
    expect(schemas.filter((s) => !(s.name in SAMPLES)).map((s) => s.name)).toEqual([]);
    for (const { name, schema } of schemas) {
      const result = schema.safeParse(SAMPLES[name]);
      expect(result.success ? "valid" : `${name}: ${JSON.stringify(result.error.issues)}`).toBe("valid");
    }
  });

  const tried: string[] = [];
  let multiLine = 0;
  for (const { name, schema } of schemas) {
    const sample = SAMPLES[name];
    if (sample === undefined) continue;
    const leaves = stringLeaves(schema, sample);
    for (const leaf of leaves) {
      const field = leaf.path.join(".");
      // A checkbox group may report on the group's name (the name the form shows errors for) rather than the box.
      const errorPath = leaf.group ? leaf.path.slice(0, -1).join(".") : field;
      it(`${name} › ${field || "(the value)"}`, () => {
        for (const { char, message } of CHARACTERS) {
          const result = schema.safeParse(withValue(sample, leaf.path, insert(leaf.value, char)));
          tried.push(`${name}.${field}:${codePointLabel(char.charCodeAt(0))}`);
          if (leaf.caught) {
            // A list's filters read from the URL ignore a value they cannot use: it never reaches a query.
            expect(result.success).toBe(true);
            expect(JSON.stringify(result.data)).not.toContain(JSON.stringify(char).slice(1, -1));
            continue;
          }
          expect(result.success, `${JSON.stringify(char)} accepted`).toBe(false);
          const errors = fieldErrorsOf(result.error!);
          const at = [field || "_form", errorPath || "_form"].find((key) => key in errors);
          expect(at, `${JSON.stringify(char)}: errors on ${Object.keys(errors).join(", ")}`).toBeDefined();
          // A uuid or email field (a select's or hidden input's value) may say its format is wrong; any other names the character.
          if (leaf.format === null) expect(errors[at!]).toBe(message);
        }
        if (MULTI_LINE.test(String(leaf.path.at(-1)))) {
          multiLine++;
          const value = `${leaf.value}\n\tsuite\r\nfin`;
          const result = schema.safeParse(withValue(sample, leaf.path, value));
          expect(result.success).toBe(true);
          expect(JSON.stringify(result.data)).toContain(JSON.stringify(value).slice(1, -1));
        }
      });
    }
  }

  it("tried every field with every character (the count is reported)", () => {
    const fields = new Set(tried.map((t) => t.replace(/:[^:]+$/, "")));
    console.info(`control characters: ${fields.size} string fields × ${CHARACTERS.length} characters = ${tried.length} tries; ${multiLine} multi-line fields keep tab, LF and CR`);
    expect(tried.length).toBe(fields.size * CHARACTERS.length);
    expect(fields.size).toBeGreaterThan(150);
    expect(multiLine).toBeGreaterThan(20);
  });
});
