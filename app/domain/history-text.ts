// The audit log and the speaker-changes inbox in the organisers' words: each recorded field
// under the label its form gives it, each value formatted by its kind (instants in the
// edition's zone, statuses and roles by their names, people and rooms by name, links short),
// and the object an entry is about named. Pure: the language, the zone, the translation and
// the names the service resolved come in as arguments.
import { fr, type MessageKey } from "~/i18n/catalogue";
import { changeRows, isInstantField, type ChangeRow } from "./audit-display";
import { formatLocalDate } from "./format";
import { isWithheld } from "./personal-data";
import { featureName } from "./rooms";
import { localDate, localTime } from "./time";

export type HistoryText = {
  locale: "fr" | "en";
  timeZone: string;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Names of the things entries refer to, by uuid (speakers, sessions, rooms, themes, formats, templates…). */
  names: Readonly<Record<string, string>>;
};

const isKey = (key: string): key is MessageKey => key in fr;

/** Each entity's fields under the labels of the form that edits them (keys of the form's messages). */
const FORM_LABELS: Record<string, Record<string, string>> = {
  session: {
    titleFr: "sessions.field.titleFr",
    titleEn: "sessions.field.titleEn",
    abstractFr: "sessions.field.abstractFr",
    abstractEn: "sessions.field.abstractEn",
    slug: "sessions.field.slug",
    formatId: "sessions.field.format",
    themeId: "sessions.field.theme",
    language: "sessions.field.language",
    status: "sessions.field.status",
    isPublic: "sessions.field.isPublic",
    expectedAudience: "sessions.field.expectedAudience",
    roomId: "sessions.field.room",
    room: "sessions.field.room",
    roomName: "sessions.field.room",
    startsAt: "sessions.field.start",
    endsAt: "sessions.field.end",
    people: "sessions.field.people",
  },
  speaker: {
    organisation: "speakers.field.organisation",
    organisationId: "speakers.field.organisation",
    photo: "speakers.field.photoPath",
    consentsUpdatedAt: "audit.field.consentsUpdatedAt",
    session: "audit.field.session",
    confirmation: "sessions.person.confirmation",
  },
  session_speaker: {
    confirmation: "changes.field.confirmation",
    role: "sessions.person.role",
  },
  room: {
    name: "rooms.name",
    capacity: "rooms.capacity",
    features: "rooms.features",
  },
  theme: {
    name: "themes.name",
    nameFr: "themes.nameFr",
    nameEn: "themes.nameEn",
    colour: "themes.colour",
  },
  format: {
    name: "formats.name",
    nameFr: "formats.nameFr",
    nameEn: "formats.nameEn",
  },
  slot: {
    room: "sessions.field.room",
    startsAt: "slots.start",
    endsAt: "slots.end",
    template: "slots.template",
  },
  slot_template: { name: "slots.templateName", times: "slots.times" },
};

/** The label of a recorded field: its form's label, else the log's own word, else the field's name. */
export function fieldLabel(entity: string, field: string, text: Pick<HistoryText, "t" | "locale">): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(field)) return formatLocalDate(field, text.locale);
  const candidates = [
    FORM_LABELS[entity]?.[field],
    entity === "speaker" || entity === "availability" ? `speakers.field.${field}` : undefined,
    `audit.field.${field}`,
    `changes.field.${field}`,
  ];
  for (const key of candidates) if (key && isKey(key)) return text.t(key);
  return field;
}

/** Values that name a thing of a fixed list: the key of each value's name. */
const NAMED_VALUES: Record<string, (value: string) => string> = {
  status: (v) => `status.${v}`,
  role: (v) => `sessions.role.${v}`,
  confirmation: (v) => `sessions.confirmation.${v}`,
  level: (v) => `level.${v}`,
  language: (v) => `sessions.language.${v}`,
  preferredLocale: (v) => `sessions.language.${v}`,
  kind: (v) => `speakers.kind.${v}`,
};

/** Fields whose value may be the uuid of a thing the service resolved to its name. */
const REFERENCE_FIELDS = new Set(["speaker", "session", "sessionUuid", "room", "roomId", "formatId", "themeId", "template", "organisationId"]);

/** "https://www.example.org/people/ada/" → "example.org/people/ada", at most 40 characters. */
export function shortLink(url: string): string {
  const short = url
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")
    .replace(/^www\./, "")
    .replace(/\/$/, "");
  return short.length > 40 ? `${short.slice(0, 39)}…` : short;
}

const LONG_TEXT = 240;

/** "9 mars 2016 10:00" / "9 March 2016 10:00": an instant in the edition's zone. */
export function instantText(epoch: number, text: Pick<HistoryText, "locale" | "timeZone">): string {
  return `${formatLocalDate(localDate(epoch, text.timeZone), text.locale)} ${localTime(epoch, text.timeZone)}`;
}

/** One recorded value in words, by the kind of its field. */
export function valueText(entity: string, field: string, value: unknown, text: HistoryText): string {
  if (value === null || value === undefined || value === "") return text.t("audit.value.empty");
  if (isWithheld(value)) return text.t("audit.value.withheld");
  if (typeof value === "boolean") return text.t(value ? "audit.value.yes" : "audit.value.no");
  if (typeof value === "number" && isInstantField(field)) return instantText(value, text);
  if (Array.isArray(value)) {
    if (value.length === 0) return text.t("audit.value.empty");
    if (field === "features") return value.map((f) => featureName(String(f), text.locale)).join(", ");
    if (field === "languages") return value.map((v) => valueText(entity, "language", v, text)).join(", ");
    return value.map((item) => itemText(entity, item, text)).join(", ");
  }
  if (typeof value === "object") return itemText(entity, value, text);
  const raw = String(value);
  if (typeof value === "string") {
    if (REFERENCE_FIELDS.has(field) && text.names[raw] !== undefined) return text.names[raw]!;
    const named = NAMED_VALUES[field]?.(raw) ?? (/^\d{4}-\d{2}-\d{2}$/.test(field) ? `speaker.mode.${raw}` : null);
    if (named && isKey(named)) return text.t(named);
    if (/^https?:\/\//i.test(raw)) return shortLink(raw);
  }
  return raw.length > LONG_TEXT ? `${raw.slice(0, LONG_TEXT)}…` : raw;
}

/** A list item: a link, a placement, or a small record shown as "label value" pairs. */
function itemText(entity: string, item: unknown, text: HistoryText): string {
  if (typeof item !== "object" || item === null) return valueText(entity, "", item, text);
  const record = item as Record<string, unknown>;
  if (typeof record.url === "string") return record.label ? `${String(record.label)} (${shortLink(record.url)})` : shortLink(record.url);
  if (typeof record.session === "string" && "startsAt" in record) return placementText(record, text);
  return Object.entries(record)
    .map(([key, value]) => `${fieldLabel(entity, key, text)} ${valueText(entity, key, value, text)}`)
    .join(", ");
}

/** One placement of an auto-scheduling change: the session, its room and its time. */
function placementText(record: Record<string, unknown>, text: HistoryText): string {
  const session = text.names[String(record.session)] ?? String(record.session);
  const room = typeof record.roomName === "string" ? record.roomName : typeof record.room === "string" ? text.names[record.room] ?? record.room : null;
  const when =
    typeof record.startsAt === "number" && typeof record.endsAt === "number"
      ? `${instantText(record.startsAt, text)}–${localTime(record.endsAt, text.timeZone)}`
      : text.t("audit.value.unscheduled");
  return text.t("history.placement", {
    session,
    where: [room, when].filter(Boolean).join(", "),
  });
}

/** Recorded to link entries together (a change and its undo), not for reading. */
const BOOKKEEPING = new Set(["change", "undoes"]);

export type ChangeText = {
  field: string;
  label: string;
  before: string;
  after: string;
};

/**
 * One changed field in words. When both sides are instants of the same local day, the
 * second side gives only the time: « Début : 9 mars 2016 10:00 → 11:00 ».
 */
export function changeText(entity: string, row: ChangeRow, text: HistoryText): ChangeText {
  const label = fieldLabel(entity, row.field, text);
  const before = valueText(entity, row.field, row.before, text);
  let after = valueText(entity, row.field, row.after, text);
  if (
    isInstantField(row.field) &&
    typeof row.before === "number" &&
    typeof row.after === "number" &&
    localDate(row.before, text.timeZone) === localDate(row.after, text.timeZone)
  ) {
    after = localTime(row.after, text.timeZone);
  }
  return { field: row.field, label, before, after };
}

/** Every changed field of an entry in words (creation: what was set; deletion: what was removed). */
export function changeTexts(
  entry: {
    entity: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
  text: HistoryText,
): ChangeText[] {
  const rows = changeRows(entry.before, entry.after);
  // A board change records the room's name at the time next to its uuid: the name is enough.
  const named = rows.some((row) => row.field === "roomName");
  return rows.filter((row) => !BOOKKEEPING.has(row.field) && !(named && row.field === "room")).map((row) => changeText(entry.entity, row, text));
}

/** « Début : 9 mars 2016 10:00 → 11:00 », one line per change (a creation shows only the new value). */
export function changeLine(change: ChangeText, text: HistoryText, kind: "update" | "create" | "delete" = "update"): string {
  if (kind === "create")
    return text.t("history.line.set", {
      label: change.label,
      value: change.after,
    });
  if (kind === "delete")
    return text.t("history.line.set", {
      label: change.label,
      value: change.before,
    });
  return text.t("history.line.change", {
    label: change.label,
    before: change.before,
    after: change.after,
  });
}

/** The name a record gives itself, when the thing is gone or was never resolved. */
function recordedName(entry: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }): string | null {
  for (const record of [entry.after, entry.before]) {
    if (!record) continue;
    for (const key of ["publicName", "titleFr", "titleEn", "name", "nameFr", "nameEn", "title", "session"]) {
      const value = record[key];
      if (typeof value === "string" && value !== "" && !isWithheld(value)) return value;
    }
  }
  return null;
}

/**
 * The object an entry is about, named: « Session « Algorithmes et management » »,
 * « Salle « Agora » », « Créneau « Agora, 9 mars 2016 10:00 » ».
 */
export function objectName(
  entry: {
    entity: string;
    entityUuid: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  },
  text: HistoryText,
): { kind: string; name: string | null } {
  const kindKey = `audit.entity.${entry.entity}`;
  const kind = isKey(kindKey) ? text.t(kindKey) : entry.entity;
  const resolved = entry.entityUuid ? text.names[entry.entityUuid] : undefined;
  if (resolved) return { kind, name: resolved };
  if (entry.entity === "slot") {
    const record = entry.after ?? entry.before ?? {};
    const room = typeof record.room === "string" ? text.names[record.room] ?? record.room : null;
    const start = typeof record.startsAt === "number" ? instantText(record.startsAt, text) : null;
    const name = [room, start].filter(Boolean).join(", ");
    return { kind, name: name || null };
  }
  return { kind, name: recordedName(entry) };
}

/** The object in one phrase: « Session « Algorithmes et management » », or the kind alone. */
export function objectText(entry: Parameters<typeof objectName>[0], text: HistoryText): string {
  const { kind, name } = objectName(entry, text);
  return name ? text.t("history.object", { kind, name }) : kind;
}
