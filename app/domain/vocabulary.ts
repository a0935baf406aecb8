// The words Barouf's data is made of: every list of allowed values (statuses, roles, levels,
// room features, kinds, states), once. The database schema (app/db/schema.ts), the zod
// schemas and the screens all take them from here, so no browser module needs the table
// definitions to know what a status or a role may be.

/** Organisations: organisers' employers and speakers' organisations alike. */
export const ORGANISATION_KINDS = ["company", "public_body", "collective", "association", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** What an organiser may do in their organisation and the editions it runs. */
export const ORGANISER_ROLES = ["admin", "editor", "viewer"] as const;
export type OrganiserRole = (typeof ORGANISER_ROLES)[number];

/** The roles an admin may give a partner organisation's staff: administering their organisation is not ours to give. */
export const PARTNER_ROLES = ["editor", "viewer"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** A session's life: proposed, accepted, placed on the board, or cancelled. */
export const SESSION_STATUSES = ["draft", "accepted", "scheduled", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** What a person does on a session. */
export const SESSION_ROLES = ["speaker", "moderator", "expert", "facilitator", "artist"] as const;
export type Role = (typeof SESSION_ROLES)[number];

/** How many people of a role a format wants on each session. */
export type FormatRole = { role: Role; min: number; max: number };

/** A speaker's own answer about one session. */
export const CONFIRMATIONS = ["pending", "confirmed", "declined", "must_reconfirm"] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

/** What a room offers; ROOM_FEATURE_NAMES (app/domain/rooms.ts) says them in French and English. */
export const ROOM_FEATURES = ["stage", "av", "circle_seating", "tables", "accessible", "exhibition_space"] as const;
export type RoomFeature = (typeof ROOM_FEATURES)[number];

/** How much a conflict rule matters, from most to least severe; the conflicts are ordered by this first. */
export type Level = "block" | "error" | "warning" | "info" | "off";
export const LEVELS: readonly Level[] = Object.freeze(["block", "error", "warning", "info", "off"] as const);

/** How far the public site conforms to the RGAA, as its accessibility statement declares. */
export const ACCESSIBILITY_CONFORMITY = ["full", "partial", "none"] as const;
export type AccessibilityConformity = (typeof ACCESSIBILITY_CONFORMITY)[number];

/** An email's delivery. */
export const EMAIL_STATES = ["queued", "sent", "failed", "stored"] as const;

/** Who made a change the audit log records. */
export const AUDIT_ACTORS = ["organiser", "speaker", "system"] as const;

/** A schedule import's progress. */
export const IMPORT_UPLOAD_STATES = ["waiting", "running", "done", "failed"] as const;

/** What a webhook endpoint may subscribe to. */
export const WEBHOOK_EVENTS = ["version.published"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A webhook delivery's state. */
export const WEBHOOK_DELIVERY_STATES = ["queued", "delivered", "failed"] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** What a CSV import brings in. */
export const CSV_IMPORT_KINDS = ["speakers", "sessions"] as const;
export type CsvImportKind = (typeof CSV_IMPORT_KINDS)[number];

/** A CSV import job's state. */
export const CSV_IMPORT_JOB_STATES = ["running", "done", "failed"] as const;

/** The messages whose text an edition's organisers may write (app/domain/email-template.ts). */
export const EMAIL_KINDS = ["invitation", "reminder", "reconfirm"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
