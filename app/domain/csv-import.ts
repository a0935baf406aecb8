// Planning a CSV import: which column feeds which field, and for every row either a
// typed value, an error per field, or a duplicate to skip. Pure: the edition's
// existing emails, formats, themes and speakers come in as arguments.
import {
  IMPORT_FIELDS,
  sessionRowSchema,
  speakerRowSchema,
  type ImportKind,
  type SessionRow,
  type SpeakerRow,
} from "~/schemas/csv-import";
import { en, fr, type MessageKey } from "~/i18n/catalogue";
import { restoreCell } from "./csv";
import { showForbiddenCharacters } from "./text";
import { slugify } from "./slug";
import { SESSION_ROLES, type Role } from "./vocabulary";

/** Field → column index in the file, or null when nothing feeds it. */
export type Mapping = Record<string, number | null>;

/** Headers as people write them: no accents, no case, no punctuation. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** What organisers call each field in their spreadsheets, French and English (normalised). */
const SYNONYMS: Record<string, string[]> = {
  publicName: ["nom public", "nom", "name", "full name", "nom complet", "prenom nom", "intervenant", "intervenante", "speaker", "personne"],
  email: ["e mail", "mail", "courriel", "adresse e mail", "adresse mail", "email address"],
  organisation: ["organization", "structure", "entreprise", "company", "organisme", "employeur"],
  jobTitle: ["fonction", "poste", "job", "titre", "title", "position"],
  bioFr: ["bio", "biographie", "bio fr", "biographie fr", "biographie francais"],
  bioEn: ["bio en", "biography", "biographie en", "biographie anglais", "english bio"],
  phone: ["telephone", "tel", "mobile", "portable", "phone number"],
  languages: ["langues", "langues parlees", "spoken languages"],
  preferredLocale: ["langue preferee", "preferred language", "langue de contact", "locale"],
  links: ["liens", "lien", "site", "site web", "website", "url", "urls"],
  accessibilityNeeds: ["accessibilite", "besoins d accessibilite", "accessibility", "besoins specifiques"],
  internalNotes: ["notes internes", "notes", "remarques", "commentaires", "internal notes", "comments"],
  consentRecording: ["accord enregistrement", "enregistrement", "recording", "consent recording"],
  consentPhotos: ["accord photos", "photos", "droit a l image", "consent photos"],
  consentPublishBio: ["accord bio", "publier bio", "publication bio", "publish bio", "consent bio"],
  slug: ["identifiant", "id", "code"],
  titleFr: ["titre", "title", "titre fr", "intitule", "titre francais", "nom de la session"],
  titleEn: ["title en", "titre en", "english title", "titre anglais"],
  abstractFr: ["resume", "description", "abstract", "resume fr", "description fr"],
  abstractEn: ["abstract en", "resume en", "summary", "description en", "english abstract"],
  format: ["type", "type de session", "session type", "format de session"],
  theme: ["thematique", "track", "parcours", "thème"],
  language: ["langue", "lang", "langue de la session", "session language"],
  status: ["statut", "etat", "state"],
  isPublic: ["public", "visible", "publique"],
  expectedAudience: ["public attendu", "jauge", "audience", "participants attendus", "expected audience"],
  people: ["intervenants", "intervenant es", "speakers", "personnes", "intervenants emails", "people emails"],
};

/** A message in both languages, normalised as headers are: how Barouf's own exports name things. */
function bothLanguages(key: MessageKey): string[] {
  return [normaliseHeader(fr[key]), normaliseHeader(en[key])];
}

/**
 * The columns that most likely feed each field, from the headers: the field's own name or
 * its column name in Barouf's exports (French or English) first, then the words organisers
 * use. Each column feeds at most one field.
 */
export function guessMapping(kind: ImportKind, headers: readonly string[]): Mapping {
  const normalised = headers.map(normaliseHeader);
  const mapping: Mapping = {};
  const taken = new Set<number>();
  const fields = IMPORT_FIELDS[kind] as readonly string[];
  // Exact field names win over synonyms ("bio en" must not be read as "bio").
  for (const pass of ["own", "synonym"] as const) {
    for (const field of fields) {
      if (mapping[field] !== undefined && mapping[field] !== null) continue;
      const candidates =
        pass === "own" ? [normaliseHeader(field), ...bothLanguages(`csv.field.${field}` as MessageKey)] : (SYNONYMS[field] ?? []).map(normaliseHeader);
      const index = normalised.findIndex((header, i) => !taken.has(i) && candidates.includes(header));
      mapping[field] = index >= 0 ? index : null;
      if (index >= 0) taken.add(index);
    }
  }
  return mapping;
}

/** One row's cells, keyed by field, through the mapping (unmapped fields are blank). */
export function mappedCells(row: readonly string[], mapping: Mapping, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const index = mapping[field];
    out[field] = index === null || index === undefined ? "" : restoreCell(row[index] ?? "");
  }
  return out;
}

/** A problem on one row; `row` counts as a spreadsheet does (the header is row 1). */
export type RowError = { row: number; field: string; message: string; value: string };
/** A row that is already in the edition: reported and skipped, never written twice. */
export type Duplicate = { row: number; key: string };

export type ImportPlan<T> = {
  total: number;
  valid: { row: number; value: T }[];
  errors: RowError[];
  duplicates: Duplicate[];
};

function rowErrors(row: number, issues: readonly { path: PropertyKey[]; message: string }[], cells: Record<string, string>): RowError[] {
  const seen = new Set<string>();
  const out: RowError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    // A refused invisible character is shown by name (⟨U+0000⟩), not echoed into the page.
    out.push({ row, field, message: issue.message, value: showForbiddenCharacters(cells[field] ?? "") });
  }
  return out;
}

/**
 * Speakers: each row through speakerRowSchema; an email seen earlier in the file is an
 * error on the later row; an email already in the edition is a duplicate, skipped.
 */
export function planSpeakerImport(
  rows: readonly string[][],
  mapping: Mapping,
  { existingEmails }: { existingEmails: ReadonlySet<string> },
): ImportPlan<SpeakerRow> {
  const fields = IMPORT_FIELDS.speakers;
  const plan: ImportPlan<SpeakerRow> = { total: rows.length, valid: [], errors: [], duplicates: [] };
  const firstRowOf = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    const record = mappedCells(cells, mapping, fields);
    const parsed = speakerRowSchema.safeParse(record);
    if (!parsed.success) {
      plan.errors.push(...rowErrors(row, parsed.error.issues, record));
      return;
    }
    const { email } = parsed.data;
    if (email) {
      const first = firstRowOf.get(email);
      if (first !== undefined) {
        plan.errors.push({ row, field: "email", message: "csv.error.duplicateInFile", value: `${email} (${first})` });
        return;
      }
      firstRowOf.set(email, row);
      if (existingEmails.has(email)) {
        plan.duplicates.push({ row, key: email });
        return;
      }
    }
    plan.valid.push({ row, value: parsed.data });
  });
  return plan;
}

/** Role words French and English spreadsheets use, and the role names Barouf's exports write (normalised). */
const ROLE_WORDS: Record<string, Role> = {
  speaker: "speaker",
  intervenant: "speaker",
  intervenante: "speaker",
  moderator: "moderator",
  moderateur: "moderator",
  moderatrice: "moderator",
  expert: "expert",
  experte: "expert",
  facilitator: "facilitator",
  animateur: "facilitator",
  animatrice: "facilitator",
  artist: "artist",
  artiste: "artist",
  ...Object.fromEntries(SESSION_ROLES.flatMap((role) => bothLanguages(`sessions.role.${role}`).map((word) => [word, role]))),
};

export type PersonRef = { email: string; role: Role };

/**
 * The people cell: "anne@example.org (moderator); bob@example.org" — emails of the
 * edition's speakers, each with an optional role (French or English), separated by ";"
 * or new lines. Returns the people or the first problem.
 */
export function parsePeople(cell: string): { ok: true; people: PersonRef[] } | { ok: false; message: string; value: string } {
  const people: PersonRef[] = [];
  const seen = new Set<string>();
  for (const part of cell.split(/[;\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const match = /^(?:[^<]*<)?\s*([^\s<>()]+@[^\s<>()]+?)\s*>?\s*(?:\(([^)]*)\))?$/.exec(part);
    if (!match) return { ok: false, message: "csv.error.person", value: part };
    const email = match[1]!.toLowerCase();
    const roleWord = normaliseHeader(match[2] ?? "speaker");
    const role = ROLE_WORDS[roleWord];
    if (!role) return { ok: false, message: "csv.error.role", value: part };
    if (seen.has(email)) return { ok: false, message: "csv.error.personTwice", value: email };
    seen.add(email);
    people.push({ email, role });
  }
  return { ok: true, people };
}

export type SessionPlanRow = Omit<SessionRow, "format" | "theme" | "people" | "slug"> & {
  slug: string;
  formatId: number | null;
  themeId: number | null;
  people: { speakerId: number; role: Role }[];
};

export type SessionLookups = {
  /** Formats and themes by normalised slug and by normalised names. */
  formats: ReadonlyMap<string, number>;
  themes: ReadonlyMap<string, number>;
  /** The edition's speakers by lowercased email. */
  speakersByEmail: ReadonlyMap<string, number>;
  existingSlugs: ReadonlySet<string>;
};

/**
 * Sessions with their people: each row through sessionRowSchema, then its format, theme
 * and people resolved against the edition. A slug already in the edition is a duplicate
 * (skipped); a slug given twice in the file is an error; generated slugs get a suffix.
 */
export function planSessionImport(rows: readonly string[][], mapping: Mapping, lookups: SessionLookups): ImportPlan<SessionPlanRow> {
  const fields = IMPORT_FIELDS.sessions;
  const plan: ImportPlan<SessionPlanRow> = { total: rows.length, valid: [], errors: [], duplicates: [] };
  const usedSlugs = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    const record = mappedCells(cells, mapping, fields);
    const parsed = sessionRowSchema.safeParse(record);
    if (!parsed.success) {
      plan.errors.push(...rowErrors(row, parsed.error.issues, record));
      return;
    }
    const data = parsed.data;
    const errors: RowError[] = [];
    const resolve = (field: "format" | "theme", table: ReadonlyMap<string, number>) => {
      const value = data[field];
      if (value === null) return null;
      const id = table.get(normaliseHeader(value));
      if (id === undefined) errors.push({ row, field, message: field === "format" ? "csv.error.unknownFormat" : "csv.error.unknownTheme", value });
      return id ?? null;
    };
    const formatId = resolve("format", lookups.formats);
    const themeId = resolve("theme", lookups.themes);
    const people: { speakerId: number; role: Role }[] = [];
    const parsedPeople = parsePeople(data.people);
    if (!parsedPeople.ok) errors.push({ row, field: "people", message: parsedPeople.message, value: parsedPeople.value });
    else {
      for (const person of parsedPeople.people) {
        const speakerId = lookups.speakersByEmail.get(person.email);
        if (speakerId === undefined) {
          errors.push({ row, field: "people", message: "csv.error.unknownSpeaker", value: person.email });
          break;
        }
        people.push({ speakerId, role: person.role });
      }
    }
    let slug = data.slug;
    if (slug !== null) {
      const first = usedSlugs.get(slug);
      if (first !== undefined) errors.push({ row, field: "slug", message: "csv.error.duplicateInFile", value: `${slug} (${first})` });
    }
    if (errors.length > 0) {
      plan.errors.push(...errors);
      return;
    }
    if (slug !== null) {
      usedSlugs.set(slug, row);
      if (lookups.existingSlugs.has(slug)) {
        plan.duplicates.push({ row, key: slug });
        return;
      }
    } else {
      const base = slugify(data.titleFr ?? data.titleEn ?? "") || "session";
      slug = base;
      for (let n = 2; usedSlugs.has(slug) || lookups.existingSlugs.has(slug); n++) slug = `${base}-${n}`;
      usedSlugs.set(slug, row);
    }
    const { format: _format, theme: _theme, people: _people, slug: _slug, ...rest } = data;
    plan.valid.push({ row, value: { ...rest, slug, formatId, themeId, people } });
  });
  return plan;
}
