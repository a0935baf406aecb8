// The whole Barouf data model. Column names are snake_case in SQL (drizzle `casing`),
// camelCase here. Instants are epoch milliseconds in UTC; local dates ("YYYY-MM-DD")
// and local times ("HH:MM") are only stored where an organiser enters them in the
// edition's time zone (opening hours, slot templates). See docs/decisions/0003.
import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { RuleId } from "../domain/conflicts/types";
import {
  AUDIT_ACTORS,
  CONFIRMATIONS,
  ACCESSIBILITY_CONFORMITY,
  EMAIL_KINDS,
  EMAIL_STATES,
  IMPORT_UPLOAD_STATES,
  ORGANISATION_KINDS,
  ORGANISER_ROLES,
  SESSION_ROLES,
  SESSION_STATUSES,
  type FormatRole,
  type Level,
  type RoomFeature,
  WEBHOOK_DELIVERY_STATES,
  type WebhookEvent,
  CSV_IMPORT_JOB_STATES,
  CSV_IMPORT_KINDS,
} from "../domain/vocabulary";
import { LOCALES } from "../i18n/locales";

const uuid = () =>
  text()
    .notNull()
    .unique()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer()
    .notNull()
    .$defaultFn(() => Date.now());
const updatedAt = () =>
  integer()
    .notNull()
    .$defaultFn(() => Date.now());
/** Optimistic concurrency: every save carries the version it was read at. */
const version = () => integer().notNull().default(1);
const flag = () => integer({ mode: "boolean" }).notNull().default(false);

/** Companies, public bodies and collectives: organisers' employers and speakers' organisations alike. */
export const organisations = sqliteTable("organisations", {
  id: integer().primaryKey({ autoIncrement: true }),
  uuid: uuid(),
  name: text().notNull().unique(),
  kind: text({ enum: ORGANISATION_KINDS }).notNull().default("other"),
  website: text(),
  /** Months after an edition ends before its speakers' private data is erased (app/domain/retention.ts). */
  retentionMonths: integer().notNull().default(12),
  /** Whom people write to about their data or the site's accessibility (a DPO, a service); null: the organisers. */
  noticeContact: text(),
  /** The privacy notice and the accessibility statement, per language; null: the default text (app/domain/notices.ts). */
  privacyNoticeFr: text(),
  privacyNoticeEn: text(),
  accessibilityStatementFr: text(),
  accessibilityStatementEn: text(),
  /** The public site's RGAA conformity, as the accessibility statement declares it. */
  accessibilityConformity: text({ enum: ACCESSIBILITY_CONFORMITY }).notNull().default("none"),
  /** The name folded by foldForSearch (app/domain/search.ts), kept by every write of the row. */
  searchText: text().notNull().default(""),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index("organisations_search_idx").on(t.searchText)]);

export const organisers = sqliteTable("organisers", {
  id: integer().primaryKey({ autoIncrement: true }),
  uuid: uuid(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  role: text({ enum: ORGANISER_ROLES }).notNull().default("viewer"),
  organisationId: integer().references(() => organisations.id, { onDelete: "set null" }),
  active: integer({ mode: "boolean" }).notNull().default(true),
  locale: text({ enum: LOCALES }).notNull().default("fr"),
  lastLoginAt: integer(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Server-side login sessions; the cookie holds a random id, the table its SHA-256. */
export const loginSessions = sqliteTable(
  "login_sessions",
  {
    idHash: text().primaryKey(),
    organiserId: integer()
      .notNull()
      .references(() => organisers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer().notNull(),
    expiresAt: integer().notNull(),
  },
  (t) => [index("login_sessions_organiser_idx").on(t.organiserId)],
);

export const editions = sqliteTable("editions", {
  id: integer().primaryKey({ autoIncrement: true }),
  uuid: uuid(),
  slug: text().notNull().unique(),
  title: text().notNull(),
  /** Local dates in the edition's zone, inclusive. */
  startDate: text().notNull(),
  endDate: text().notNull(),
  timeZone: text().notNull().default("Europe/Paris"),
  venue: text().notNull().default(""),
  mainLanguage: text({ enum: LOCALES }).notNull().default("fr"),
  changeoverMinutes: integer().notNull().default(10),
  dailySessionLimit: integer().notNull().default(3),
  /** Overrides of the conflict rules' default levels. */
  ruleLevels: text({ mode: "json" })
    .$type<Partial<Record<RuleId, Level>>>()
    .notNull()
    .default(sql`'{}'`),
  copiedFromId: integer(),
  /** When retention last erased this edition's personal data (app/services/retention.server.ts). */
  personalDataPurgedAt: integer(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The organisations that run an edition or were given access; their organisers work on it with their own role (services/access.server.ts). */
export const editionOrganisations = sqliteTable(
  "edition_organisations",
  {
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.organisationId] })],
);

export const rooms = sqliteTable(
  "rooms",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    name: text().notNull(),
    capacity: integer(),
    features: text({ mode: "json" }).$type<RoomFeature[]>().notNull().default(sql`'[]'`),
    position: integer().notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("rooms_edition_name_idx").on(t.editionId, t.name)],
);

/** Opening hours per local day; `closes` at or before `opens` means after midnight. */
export const roomOpeningHours = sqliteTable(
  "room_opening_hours",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    roomId: integer()
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    date: text().notNull(),
    opens: text().notNull(),
    closes: text().notNull(),
  },
  (t) => [index("room_opening_hours_room_idx").on(t.roomId, t.date)],
);

/** Walking minutes from one room to another, stored in both directions. */
export const roomWalkingTimes = sqliteTable(
  "room_walking_times",
  {
    roomId: integer()
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    otherRoomId: integer()
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    minutes: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.otherRoomId] })],
);

export const themes = sqliteTable(
  "themes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    nameFr: text().notNull(),
    nameEn: text().notNull(),
    colour: text().notNull().default("#555555"),
    position: integer().notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("themes_edition_slug_idx").on(t.editionId, t.slug)],
);

export const formats = sqliteTable(
  "formats",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    nameFr: text().notNull(),
    nameEn: text().notNull(),
    defaultMinutes: integer().notNull(),
    minMinutes: integer().notNull(),
    maxMinutes: integer().notNull(),
    roles: text({ mode: "json" }).$type<FormatRole[]>().notNull().default(sql`'[]'`),
    requiredFeatures: text({ mode: "json" }).$type<RoomFeature[]>().notNull().default(sql`'[]'`),
    position: integer().notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("formats_edition_slug_idx").on(t.editionId, t.slug)],
);

/** A day's grid of times, entered in local time, applied to chosen rooms and days. */
export const slotTemplates = sqliteTable("slot_templates", {
  id: integer().primaryKey({ autoIncrement: true }),
  uuid: uuid(),
  editionId: integer()
    .notNull()
    .references(() => editions.id, { onDelete: "cascade" }),
  name: text().notNull(),
  times: text({ mode: "json" }).$type<{ start: string; end: string }[]>().notNull().default(sql`'[]'`),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const slots = sqliteTable(
  "slots",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    roomId: integer()
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    templateId: integer().references(() => slotTemplates.id, { onDelete: "set null" }),
    startsAt: integer().notNull(),
    endsAt: integer().notNull(),
    version: version(),
  },
  (t) => [index("slots_room_idx").on(t.roomId, t.startsAt)],
);

export type SpeakerLink = { label: string; url: string };

export const speakers = sqliteTable(
  "speakers",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    // Public
    publicName: text().notNull(),
    organisationId: integer().references(() => organisations.id, { onDelete: "set null" }),
    jobTitle: text(),
    bioFr: text(),
    bioEn: text(),
    photoPath: text(),
    links: text({ mode: "json" }).$type<SpeakerLink[]>().notNull().default(sql`'[]'`),
    languages: text({ mode: "json" }).$type<string[]>().notNull().default(sql`'["fr"]'`),
    // Private
    email: text(),
    phone: text(),
    preferredLocale: text({ enum: LOCALES }).notNull().default("fr"),
    accessibilityNeeds: text(),
    practicalNotes: text(),
    internalNotes: text(),
    // Consents
    consentRecording: flag(),
    consentPhotos: flag(),
    consentPublishBio: flag(),
    /** Publishing the uploaded portrait (public site, exports), apart from being photographed at the event (consentPhotos). */
    consentPublicPhoto: flag(),
    consentsUpdatedAt: integer(),
    /** Illustrative seed data, marked so nobody mistakes it for real people. */
    isSample: flag(),
    /** When the speaker asked for their data to be erased (RGPD art. 17); cleared by the erasure. */
    erasureRequestedAt: integer(),
    /** Public name and email folded by foldForSearch (app/domain/search.ts), kept by every write of the row. */
    searchText: text().notNull().default(""),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("speakers_edition_idx").on(t.editionId, t.publicName),
    index("speakers_search_idx").on(t.editionId, t.searchText),
    uniqueIndex("speakers_edition_email_idx").on(t.editionId, t.email),
  ],
);

/**
 * A speaker's uploaded portrait, resized once at upload to each standard size (square WebP,
 * metadata stripped): rows in the shared database so every app server serves it (ADR 0029).
 */
export const speakerPhotos = sqliteTable(
  "speaker_photos",
  {
    speakerId: integer()
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    /** Width and height in pixels (PHOTO_SIZES, app/domain/images.ts). */
    size: integer().notNull(),
    /** Random per upload: the photo's URLs carry it, so a replaced photo is never served from a cache. */
    key: text().notNull(),
    bytes: blob({ mode: "buffer" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.speakerId, t.size] })],
);

export const availabilityWindows = sqliteTable(
  "availability_windows",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    speakerId: integer()
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    startsAt: integer().notNull(),
    endsAt: integer().notNull(),
  },
  (t) => [index("availability_windows_speaker_idx").on(t.speakerId, t.startsAt)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    titleFr: text(),
    titleEn: text(),
    abstractFr: text(),
    abstractEn: text(),
    formatId: integer().references(() => formats.id, { onDelete: "set null" }),
    themeId: integer().references(() => themes.id, { onDelete: "set null" }),
    language: text({ enum: LOCALES }).notNull().default("fr"),
    status: text({ enum: SESSION_STATUSES }).notNull().default("draft"),
    isPublic: integer({ mode: "boolean" }).notNull().default(true),
    expectedAudience: integer(),
    roomId: integer().references(() => rooms.id, { onDelete: "set null" }),
    startsAt: integer(),
    endsAt: integer(),
    /** Pinned by an organiser: auto-scheduling never moves it. */
    pinned: flag(),
    /** The programme version this session first appeared in; a published session is never deleted. */
    firstPublishedVersion: integer(),
    isSample: flag(),
    /** Both titles and the speakers' names folded by foldForSearch (app/domain/search.ts), kept by every write of the session, its people or their names. */
    searchText: text().notNull().default(""),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("sessions_search_idx").on(t.editionId, t.searchText),
    uniqueIndex("sessions_edition_slug_idx").on(t.editionId, t.slug),
    index("sessions_edition_start_idx").on(t.editionId, t.startsAt),
    index("sessions_room_idx").on(t.roomId, t.startsAt),
  ],
);

/** A speaker on a session, with a role and their own confirmation of it. */
export const sessionSpeakers = sqliteTable(
  "session_speakers",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    sessionId: integer()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    speakerId: integer()
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    role: text({ enum: SESSION_ROLES }).notNull().default("speaker"),
    position: integer().notNull().default(0),
    confirmation: text({ enum: CONFIRMATIONS }).notNull().default("pending"),
    confirmationChangedAt: integer(),
    declineReason: text(),
    proposedTime: text(),
    version: version(),
  },
  (t) => [
    uniqueIndex("session_speakers_pair_idx").on(t.sessionId, t.speakerId),
    index("session_speakers_speaker_idx").on(t.speakerId),
  ],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    speakerId: integer()
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    /** SHA-256 of the token, base64url; the token itself is never stored. */
    tokenHash: text().notNull().unique(),
    createdAt: createdAt(),
    createdBy: integer().references(() => organisers.id, { onDelete: "set null" }),
    expiresAt: integer().notNull(),
    revokedAt: integer(),
    sentAt: integer(),
    lastOpenedAt: integer(),
  },
  (t) => [index("invitations_speaker_idx").on(t.speakerId)],
);

/** Short-lived cookies that an opened invitation link is swapped for. */
export const speakerLoginSessions = sqliteTable("speaker_login_sessions", {
  idHash: text().primaryKey(),
  speakerId: integer()
    .notNull()
    .references(() => speakers.id, { onDelete: "cascade" }),
  invitationId: integer()
    .notNull()
    .references(() => invitations.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
  expiresAt: integer().notNull(),
});

/** Every message sent or to be sent; with no SMTP configured messages stay here as "stored". */
export const emails = sqliteTable(
  "emails",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer().references(() => editions.id, { onDelete: "cascade" }),
    speakerId: integer().references(() => speakers.id, { onDelete: "set null" }),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    state: text({ enum: EMAIL_STATES }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** Removed once delivered: the message telling a speaker their data was erased keeps no copy. */
    forgetWhenSent: integer({ mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    sentAt: integer(),
  },
  (t) => [index("emails_edition_idx").on(t.editionId, t.createdAt)],
);

/**
 * An edition's own text for one message (invitation, reminder, re-confirmation) in one
 * language; null subject and body: the default text (the row stays, so its version does).
 */
export const emailTemplates = sqliteTable(
  "email_templates",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    kind: text({ enum: EMAIL_KINDS }).notNull(),
    locale: text({ enum: LOCALES }).notNull(),
    subject: text(),
    body: text(),
    version: version(),
    updatedAt: updatedAt(),
    updatedBy: integer().references(() => organisers.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("email_templates_edition_kind_locale_idx").on(t.editionId, t.kind, t.locale)],
);

/** An organiser's written acceptance of one conflict; it applies while the fingerprint matches. */
export const conflictAcknowledgements = sqliteTable(
  "conflict_acknowledgements",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    rule: text().$type<RuleId>().notNull(),
    key: text().notNull(),
    fingerprint: text().notNull(),
    sessionUuids: text({ mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    speakerUuids: text({ mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    roomUuids: text({ mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    reason: text().notNull(),
    organiserId: integer().references(() => organisers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    withdrawnAt: integer(),
  },
  (t) => [index("conflict_acknowledgements_edition_idx").on(t.editionId, t.key)],
);

/**
 * The state of an edition's programme as the conflict engine reads it, kept by triggers
 * (drizzle/0001_programme_stamps.sql): every insert, update or delete of a row the engine reads
 * (the edition, its rooms and their hours and walking times, slots, formats, themes, speakers and
 * their windows and organisations, sessions and their people, acknowledgements) adds one to
 * `changes`. The token is drawn when the edition is created, so a recreated database never
 * repeats a stamp (ADR 0007).
 */
export const programmeStamps = sqliteTable("programme_stamps", {
  editionId: integer()
    .primaryKey()
    .references(() => editions.id, { onDelete: "cascade" }),
  token: text().notNull(),
  changes: integer().notNull().default(0),
});

/** An immutable published programme: the public snapshot and who published it. */
export const programmeVersions = sqliteTable(
  "programme_versions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    publishedAt: integer().notNull(),
    publishedBy: integer().references(() => organisers.id, { onDelete: "set null" }),
    note: text(),
    snapshot: text().notNull(),
  },
  (t) => [uniqueIndex("programme_versions_number_idx").on(t.editionId, t.number)],
);


/**
 * A receiver of the edition's programme events (Standard Webhooks). Each has its own secret;
 * after a rotation the previous secret keeps signing until `previousSecretUntil`.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    url: text().notNull(),
    description: text().notNull().default(""),
    /** The events it receives, as a JSON array of WEBHOOK_EVENTS. */
    events: text({ mode: "json" }).$type<WebhookEvent[]>().notNull(),
    active: integer({ mode: "boolean" }).notNull().default(true),
    secret: text().notNull(),
    previousSecret: text(),
    previousSecretUntil: integer(),
    /** First failed attempt since the last success; null while it answers. */
    failingSince: integer(),
    /** Set when the app turned it off after failing for days (the organisers are told). */
    disabledAt: integer(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_endpoints_edition_idx").on(t.editionId)],
);

/** One event for one endpoint, queued in the transaction that caused it; `uuid` is its webhook-id. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    uuid: uuid(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    endpointId: integer()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    event: text().notNull(),
    payload: text().notNull(),
    state: text({ enum: WEBHOOK_DELIVERY_STATES }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer().notNull(),
    createdAt: createdAt(),
    deliveredAt: integer(),
  },
  (t) => [index("webhook_deliveries_due_idx").on(t.state, t.nextAttemptAt), index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt)],
);

/** The log of every attempt: when, the HTTP status (null: no answer), how long, what came back. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    deliveryId: integer()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    at: integer().notNull(),
    status: integer(),
    durationMs: integer().notNull(),
    response: text().notNull().default(""),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    editionId: integer().references(() => editions.id, { onDelete: "cascade" }),
    at: integer().notNull(),
    actorType: text({ enum: AUDIT_ACTORS }).notNull(),
    organiserId: integer().references(() => organisers.id, { onDelete: "set null" }),
    speakerId: integer().references(() => speakers.id, { onDelete: "set null" }),
    entity: text().notNull(),
    entityUuid: text(),
    action: text().notNull(),
    before: text({ mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text({ mode: "json" }).$type<Record<string, unknown> | null>(),
    /** One organiser action that wrote several entries (a template applied to 84 slots, a swap): shown as one. */
    actionId: text(),
  },
  (t) => [
    index("audit_log_edition_idx").on(t.editionId, t.at),
    index("audit_log_action_idx").on(t.actionId),
    index("audit_log_entity_idx").on(t.entity, t.entityUuid),
  ],
);

/** When an organiser last looked at a speaker's changes ("changed since you last looked"). */
export const speakerReviews = sqliteTable(
  "speaker_reviews",
  {
    organiserId: integer()
      .notNull()
      .references(() => organisers.id, { onDelete: "cascade" }),
    speakerId: integer()
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    reviewedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organiserId, t.speakerId] })],
);

/**
 * Fixed-window counters shared by every app server on the database (login and invitation
 * throttling). Keys are opaque strings ("login:account:…", "login:address:…").
 */
export const rateLimitCounters = sqliteTable(
  "rate_limit_counters",
  {
    key: text().primaryKey(),
    hits: integer().notNull().default(0),
    windowEndsAt: integer().notNull(),
    lastHitAt: integer().notNull(),
  },
  (t) => [index("rate_limit_counters_window_idx").on(t.windowEndsAt)],
);

/**
 * A programme file uploaded for import, waiting between its preview and its apply. Its bytes
 * are kept in import_upload_chunks, so any app server sharing the database can apply it.
 */
export const importUploads = sqliteTable(
  "import_uploads",
  {
    id: text().primaryKey(),
    organiserId: integer()
      .notNull()
      .references(() => organisers.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    byteSize: integer().notNull(),
    state: text({ enum: IMPORT_UPLOAD_STATES }).notNull().default("waiting"),
    /** JSON: the running import's progress, or the finished import's slug and title. */
    detail: text({ mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    expiresAt: integer().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [index("import_uploads_organiser_idx").on(t.organiserId, t.createdAt), index("import_uploads_expiry_idx").on(t.expiresAt)],
);

export const importUploadChunks = sqliteTable(
  "import_upload_chunks",
  {
    uploadId: text()
      .notNull()
      .references(() => importUploads.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    data: blob({ mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
);

/**
 * A CSV import being applied (or applied within the hour): a row, so the page that follows it
 * answers on whichever app server the browser reaches. Only the applying server knows how many
 * rows are in so far (they are written in one transaction).
 */
export const csvImportJobs = sqliteTable(
  "csv_import_jobs",
  {
    id: text().primaryKey(),
    editionId: integer()
      .notNull()
      .references(() => editions.id, { onDelete: "cascade" }),
    organiserId: integer().references(() => organisers.id, { onDelete: "set null" }),
    kind: text({ enum: CSV_IMPORT_KINDS }).notNull(),
    fileName: text().notNull(),
    total: integer().notNull(),
    state: text({ enum: CSV_IMPORT_JOB_STATES }).notNull().default("running"),
    created: integer(),
    skipped: integer(),
    startedAt: integer().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [index("csv_import_jobs_edition_idx").on(t.editionId, t.startedAt)],
);

/** Facts about the installation itself (first seed, schema notes). */
export const appMeta = sqliteTable("app_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
});
