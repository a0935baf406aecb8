// What a refused session save shows: the fields of the session form, named and shown
// the way the organiser reads them (names rather than ids, words rather than flags).
import type { PeopleChange } from "~/schemas/sessions";
import { and, eq } from "drizzle-orm";
import type { Database, Queryable } from "~/db/client.server";
import { speakers } from "~/db/schema";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import type { EditionSummary } from "~/models/editions.server";
import { getSession, sessionFormValues, sessionOptions, type SessionOptions } from "~/models/sessions.server";
import { updateSession, type SaveResult } from "~/models/session-writes.server";
import { notFound } from "~/utils/http.server";
import { readValues, staleSave, type StaleField } from "~/utils/stale.server";
import { markMustReconfirm } from "./reconfirmation.server";

/**
 * Saves the session's edit form in one transaction: the session (StaleVersionError when
 * someone saved in between) and, when its room or times changed, everyone who had
 * confirmed it must confirm again. Null when the session is not the edition's.
 */
export async function saveSession(
  db: Database,
  args: Parameters<typeof updateSession>[1],
): Promise<SaveResult<{ uuid: string; reconfirm: number }> | null> {
  return db.transaction(async (tx) => {
    const saved = await updateSession(tx, args);
    if (!saved?.ok) return saved;
    const { movedFrom } = saved.value;
    const lapsed = movedFrom
      ? await markMustReconfirm(tx, { editionId: args.edition.id, sessionIds: [movedFrom.sessionId], actor: args.actor, before: [movedFrom] })
      : [];
    return { ok: true, value: { uuid: saved.value.uuid, reconfirm: lapsed.length } };
  });
}

type Value = string | string[] | undefined;
const one = (value: Value) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

export function sessionStaleFields(locale: Locale, options: SessionOptions): StaleField[] {
  const t = (key: MessageKey) => translate(locale, key);
  const named = (list: { uuid: string; nameFr: string; nameEn: string }[]) => (value: Value) => {
    const found = list.find((item) => item.uuid === one(value));
    return found ? (locale === "en" ? found.nameEn : found.nameFr) : one(value);
  };
  const label = (name: string) => t(`sessions.field.${name}` as MessageKey);
  return [
    { name: "titleFr", label: label("titleFr") },
    { name: "titleEn", label: label("titleEn") },
    { name: "abstractFr", label: label("abstractFr") },
    { name: "abstractEn", label: label("abstractEn") },
    { name: "slug", label: label("slug") },
    { name: "formatId", label: label("format"), show: named(options.formats) },
    { name: "themeId", label: label("theme"), show: named(options.themes) },
    { name: "language", label: label("language"), show: (v) => (one(v) ? t(`sessions.language.${one(v)}` as MessageKey) : "") },
    { name: "status", label: label("status"), show: (v) => (one(v) ? t(`status.${one(v)}` as MessageKey) : "") },
    { name: "isPublic", label: label("isPublic"), show: (v) => t(one(v) === "on" || one(v) === "true" ? "audit.value.yes" : "audit.value.no") },
    { name: "expectedAudience", label: label("expectedAudience") },
    {
      name: "roomId",
      label: label("room"),
      show: (v) => options.rooms.find((room) => room.uuid === one(v))?.name ?? one(v),
    },
    { name: "day", label: label("day"), columns: ["startsAt"] },
    { name: "start", label: label("start"), columns: ["startsAt"] },
    { name: "end", label: label("end"), columns: ["endsAt"] },
    { name: "people", label: label("people") },
  ];
}

/**
 * The 409 answer to any refused change of a session (the form, a people change, a cancel,
 * a delete): the session as it is now against what this organiser meant to do.
 */
export async function sessionStaleAnswer(
  db: Queryable,
  args: {
    request: Request;
    edition: Pick<EditionSummary, "id" | "timeZone">;
    sessionUuid: string;
    intent: string;
    values: Record<string, string | string[]>;
    /** The people change that was refused, as parsed (for the other intents: none). */
    change?: PeopleChange;
  },
) {
  const { edition, intent, values } = args;
  const locale = await getLocale(args.request);
  const [current, options] = await Promise.all([
    getSession(db, { editionId: edition.id, sessionUuid: args.sessionUuid }),
    sessionOptions(db, { editionId: edition.id }),
  ]);
  if (!current) notFound();
  const theirs = sessionFormValues(current, edition.timeZone);
  let yours: Record<string, string | string[]> = theirs;
  if (intent === "save") yours = { ...theirs, ...values, isPublic: one(values.isPublic) };
  else if (intent === "cancel") yours = { ...theirs, status: "cancelled" };
  else if (args.change) yours = { ...theirs, people: await describePeopleChange(db, edition.id, locale, args.change) };
  return staleSave(db, {
    entity: "session",
    entityUuid: current.uuid,
    current: theirs,
    currentVersion: current.version,
    readVersion: Number(one(values.version)) || 0,
    submitted: values,
    yours,
    // The edit form sends the values it was read with: re-applying keeps others' other changes.
    read: intent === "save" ? readValues(values._read) : null,
    fields: sessionStaleFields(locale, options),
    timeZone: edition.timeZone,
  });
}

async function describePeopleChange(db: Queryable, editionId: number, locale: Locale, change: PeopleChange) {
  const speaker = await db
    .select({ name: speakers.publicName })
    .from(speakers)
    .where(and(eq(speakers.editionId, editionId), eq(speakers.uuid, change.speakerId)))
    .get();
  const name = speaker?.name ?? "?";
  const role = "role" in change ? translate(locale, `sessions.role.${change.role}` as MessageKey) : "";
  switch (change.intent) {
    case "addPerson":
      return `+ ${name} (${role})`;
    case "removePerson":
      return `− ${name}`;
    case "movePerson":
      return `${change.direction === "up" ? "↑" : "↓"} ${name}`;
    default:
      return `${name} → ${role}`;
  }
}
