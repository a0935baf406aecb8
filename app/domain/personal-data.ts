// The data map (RGPD): every column of every table that holds people, classified once.
// This one map decides what the public exports may carry, what the audit log withholds,
// what retention erases and what a speaker's "download my data" holds; the registre des
// traitements (docs/registre-des-traitements.md) lists the same fields, checked by a test.
//
//   public    — published with the programme (names, organisations, bios, links)
//   private   — personal, for the organisers only, erased after the retention period
//   sensitive — article 9 RGPD (health: accessibility needs); editors and admins only, never
//               in the audit log's values, emails, or CSV exports unless asked for explicitly
//   none      — not personal: keys, versions, bookkeeping instants, workflow states

export const DATA_CLASSES = ["public", "private", "sensitive", "none"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** Table (drizzle's SQL name) → column (schema.ts's camelCase key) → class. */
export const PERSONAL_DATA = {
  speakers: {
    id: "none",
    uuid: "none",
    editionId: "none",
    publicName: "public",
    organisationId: "public",
    jobTitle: "public",
    bioFr: "public",
    bioEn: "public",
    photoPath: "public",
    links: "public",
    languages: "public",
    email: "private",
    phone: "private",
    preferredLocale: "private",
    accessibilityNeeds: "sensitive",
    practicalNotes: "private",
    internalNotes: "private",
    // The speaker's choices about what is published: kept as long as the archive they authorise.
    consentRecording: "public",
    consentPhotos: "public",
    consentPublishBio: "public",
    consentPublicPhoto: "public",
    consentsUpdatedAt: "public",
    isSample: "none",
    // That the speaker asked to be erased: about them, cleared by the erasure itself.
    erasureRequestedAt: "private",
    // Folds the public name and the email: erased with the email, rebuilt from what remains.
    searchText: "private",
    version: "none",
    createdAt: "none",
    updatedAt: "none",
  },
  // The uploaded portrait: published only with consentPublicPhoto, like the bio with consentPublishBio.
  speaker_photos: {
    speakerId: "none",
    size: "none",
    key: "none",
    bytes: "public",
    createdAt: "none",
  },
  availability_windows: {
    id: "none",
    uuid: "none",
    speakerId: "none",
    startsAt: "private",
    endsAt: "private",
  },
  session_speakers: {
    id: "none",
    sessionId: "public",
    speakerId: "public",
    role: "public",
    position: "public",
    confirmation: "none",
    confirmationChangedAt: "none",
    declineReason: "private",
    proposedTime: "private",
    version: "none",
  },
  invitations: {
    id: "none",
    uuid: "none",
    editionId: "none",
    speakerId: "none",
    tokenHash: "private",
    createdAt: "private",
    createdBy: "none",
    expiresAt: "private",
    revokedAt: "private",
    sentAt: "private",
    lastOpenedAt: "private",
  },
  speaker_login_sessions: {
    idHash: "private",
    speakerId: "none",
    invitationId: "none",
    createdAt: "private",
    expiresAt: "private",
  },
  emails: {
    id: "none",
    uuid: "none",
    editionId: "none",
    speakerId: "none",
    to: "private",
    subject: "private",
    text: "private",
    html: "private",
    state: "none",
    attempts: "none",
    lastError: "private",
    forgetWhenSent: "none",
    createdAt: "none",
    sentAt: "none",
  },
  // An edition's texts of the messages to speakers: written by organisers, about nobody.
  email_templates: {
    id: "none",
    uuid: "none",
    editionId: "none",
    kind: "none",
    locale: "none",
    subject: "none",
    body: "none",
    version: "none",
    updatedAt: "none",
    updatedBy: "none",
  },
  audit_log: {
    id: "none",
    editionId: "none",
    at: "none",
    actorType: "none",
    organiserId: "none",
    speakerId: "none",
    entity: "none",
    entityUuid: "none",
    action: "none",
    // Values classed by AUDIT_FIELDS below, field by field.
    before: "private",
    after: "private",
    actionId: "none",
  },
  speaker_reviews: {
    organiserId: "none",
    speakerId: "none",
    reviewedAt: "none",
  },
  // Who accepted a conflict, and why (free text about sessions and people, organisers only).
  conflict_acknowledgements: {
    id: "none",
    uuid: "none",
    editionId: "none",
    rule: "none",
    key: "none",
    fingerprint: "none",
    sessionUuids: "none",
    speakerUuids: "none",
    roomUuids: "none",
    reason: "private",
    organiserId: "none",
    createdAt: "none",
    withdrawnAt: "none",
  },
  // The published programme: public names, organisations, bios and links (the archive).
  programme_versions: {
    id: "none",
    editionId: "none",
    number: "none",
    publishedAt: "none",
    publishedBy: "none",
    note: "none",
    snapshot: "public",
  },
  organisers: {
    id: "none",
    uuid: "none",
    email: "private",
    name: "private",
    passwordHash: "private",
    role: "none",
    organisationId: "none",
    active: "none",
    locale: "private",
    lastLoginAt: "private",
    version: "none",
    createdAt: "none",
    updatedAt: "none",
  },
  login_sessions: {
    idHash: "private",
    organiserId: "none",
    createdAt: "private",
    lastSeenAt: "private",
    expiresAt: "private",
  },
  // Keys name an account (email) or an address; counters expire with their window.
  rate_limit_counters: {
    key: "private",
    hits: "none",
    windowEndsAt: "none",
    lastHitAt: "private",
  },
  // A programme file waiting to be imported may list people; it expires within hours.
  import_uploads: {
    id: "none",
    organiserId: "none",
    fileName: "private",
    byteSize: "none",
    state: "none",
    detail: "none",
    createdAt: "none",
    expiresAt: "none",
    updatedAt: "none",
  },
  import_upload_chunks: {
    uploadId: "none",
    seq: "none",
    data: "private",
  },
  // A CSV import being applied: its counts and the file's name (which may name a person); the
  // rows themselves are speakers and sessions. Forgotten an hour after it started.
  csv_import_jobs: {
    id: "none",
    editionId: "none",
    organiserId: "none",
    kind: "none",
    fileName: "private",
    total: "none",
    state: "none",
    created: "none",
    skipped: "none",
    startedAt: "none",
    updatedAt: "none",
  },
} as const satisfies Record<string, Record<string, DataClass>>;

export type PersonTable = keyof typeof PERSONAL_DATA;
export const PERSON_TABLES = Object.keys(PERSONAL_DATA) as PersonTable[];

/** The columns of a table in the given classes. */
export function columnsOfClass<T extends PersonTable>(table: T, ...classes: DataClass[]): (keyof (typeof PERSONAL_DATA)[T] & string)[] {
  return Object.entries(PERSONAL_DATA[table])
    .filter(([, c]) => classes.includes(c as DataClass))
    .map(([column]) => column as keyof (typeof PERSONAL_DATA)[T] & string);
}

/** The speaker's columns the public programme may read (the exports' allowlist of people). */
export const PUBLIC_SPEAKER_COLUMNS = columnsOfClass("speakers", "public");
/** What retention and erasure blank on a speaker's row (the public rest is the festival's archive). */
export const ERASABLE_SPEAKER_COLUMNS = columnsOfClass("speakers", "private", "sensitive");
export const SENSITIVE_SPEAKER_COLUMNS = columnsOfClass("speakers", "sensitive");

/**
 * The fields an audit entry records, per entity, when they are not the table's columns of the
 * same name: derived values (the organisation's name, the availability as text, the photo mark).
 * "*" classes every field of an entity whose keys are data (availability's keys are dates).
 */
export const AUDIT_FIELDS: Record<string, Record<string, DataClass>> = {
  speaker: { ...PERSONAL_DATA.speakers, organisation: "public", availability: "private", photo: "public" },
  availability: { "*": "private" },
  session_speaker: { ...PERSONAL_DATA.session_speakers, rows: "none", sessionUuid: "none", session: "public" },
  organiser: PERSONAL_DATA.organisers,
};

/** The class of one field of one audit entry; entities with no people hold none. */
export function auditFieldClass(entity: string, field: string): DataClass {
  const fields = AUDIT_FIELDS[entity];
  if (!fields) return "none";
  return fields[field] ?? fields["*"] ?? "none";
}

/**
 * What an audit entry keeps of a withheld value: a mark that it changed, different on each
 * side so that the entry still shows the field as changed.
 */
export type Withheld = { withheld: "before" | "after" };

export function isWithheld(value: unknown): value is Withheld {
  return typeof value === "object" && value !== null && "withheld" in value && Object.keys(value).length === 1;
}

type AuditRecord = Record<string, unknown>;

/**
 * The record with the values of the given classes replaced by the withheld mark (a value that
 * was empty stays empty: "set" versus "cleared" is not personal). Returns the same object when
 * nothing is withheld.
 */
export function withholdValues(
  entity: string,
  record: AuditRecord | null,
  side: Withheld["withheld"],
  classes: readonly DataClass[],
): AuditRecord | null {
  if (!record) return record;
  let out: AuditRecord | null = null;
  for (const [field, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === "" || isWithheld(value)) continue;
    if (!classes.includes(auditFieldClass(entity, field))) continue;
    out ??= { ...record };
    out[field] = { withheld: side } satisfies Withheld;
  }
  return out ?? record;
}

/** At recording time: sensitive values never enter the audit log. */
export const WITHHELD_AT_RECORDING: readonly DataClass[] = ["sensitive"];
/** After the retention period, or when a speaker is erased: private values go too. */
export const WITHHELD_AFTER_RETENTION: readonly DataClass[] = ["private", "sensitive"];

/** Every personal field (public, private or sensitive), table by table: the registre's list. */
export function personalFields(): { table: PersonTable; column: string; dataClass: Exclude<DataClass, "none"> }[] {
  return PERSON_TABLES.flatMap((table) =>
    Object.entries(PERSONAL_DATA[table])
      .filter(([, c]) => c !== "none")
      .map(([column, c]) => ({ table, column, dataClass: c as Exclude<DataClass, "none"> })),
  );
}
