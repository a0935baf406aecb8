import { data } from "@remix-run/node";
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { auditLog, organisers, speakers } from "~/db/schema";
import { localDate, localTime } from "~/domain/time";
import type { StaleChange, StaleSave } from "./stale";
import { StaleVersionError } from "~/models/versioning.server";

export { StaleVersionError };

/** How a form field is shown in the notice, and which audited columns it stands for. */
export type StaleField = {
  name: string;
  label: string;
  /** Audit-log keys (database columns) behind this field; defaults to the field's own name. */
  columns?: string[];
  /** Turns a submitted/current value into display text (an id into a name, "" into "—"…). */
  show?: (value: string | string[] | undefined) => string;
};

const plain = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : (value ?? ""));

function pick(values: Record<string, string | string[]>, fields: StaleField[]) {
  return Object.fromEntries(fields.filter((field) => field.name in values).map((field) => [field.name, values[field.name]]));
}

/** The `read` base a form sent back as JSON (a hidden field); null when absent or malformed. */
export function readValues(raw: string | string[] | undefined): Record<string, string | string[]> | null {
  if (typeof raw !== "string" || raw === "") return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const out: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string"))) out[key] = value as string | string[];
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * Turns a StaleVersionError into the 409 answer <StaleNotice> reads. Usage in an action:
 *
 *   try { await updateSession(db, { …, version: parsed.data.version }) }
 *   catch (error) {
 *     if (error instanceof StaleVersionError)
 *       return staleSave(db, { entity: "session", entityUuid, current: toFormValues(error.current),
 *         currentVersion: error.current.version, readVersion: parsed.data.version,
 *         submitted: parsed.values, fields: SESSION_FIELDS, timeZone: edition.timeZone });
 *     throw error;
 *   }
 *
 * `current` is the row as it is now, in the form's own shape (the same function the loader
 * uses for the form's default values). Who and what changed come from the audit log: one
 * audit entry is recorded per versioned save, so the last `currentVersion - readVersion`
 * update entries of the entity are the saves the organiser did not see. One query.
 *
 * When the form also carries the values it was read with (`read`, e.g. a hidden `_read`
 * field holding readValues(...) as JSON), the answer is a three-way merge: "re-apply my
 * change on top" sends the current values with only the fields this organiser changed
 * replaced by theirs, so the other person's changes to other fields are kept.
 */
export async function staleSave(
  db: Queryable,
  args: {
    entity: string;
    entityUuid: string;
    current: Record<string, string | string[]>;
    currentVersion: number;
    readVersion: number;
    submitted: Record<string, string | string[]>;
    /** What to show as "yours" when it is not simply what was submitted (a people change, a cancel…). */
    yours?: Record<string, string | string[]>;
    /** The form's values as they were read (the base of a three-way merge), if the form sent them. */
    read?: Record<string, string | string[]> | null;
    readField?: string;
    fields: StaleField[];
    timeZone: string;
    versionField?: string;
  },
) {
  const savesSince = Math.max(0, args.currentVersion - args.readVersion);
  const entries =
    savesSince === 0
      ? []
      : await db
          .select({
            at: auditLog.at,
            after: auditLog.after,
            organiserName: organisers.name,
            speakerName: speakers.publicName,
          })
          .from(auditLog)
          .leftJoin(organisers, eq(organisers.id, auditLog.organiserId))
          .leftJoin(speakers, eq(speakers.id, auditLog.speakerId))
          .where(and(eq(auditLog.entity, args.entity), eq(auditLog.entityUuid, args.entityUuid), eq(auditLog.action, "update")))
          .orderBy(desc(auditLog.id))
          .limit(savesSince)
          .all();
  const touched = new Set<string>();
  for (const entry of entries) for (const key of Object.keys(entry.after ?? {})) touched.add(key);
  const latest = entries[0];

  const changes: StaleChange[] = [];
  const read = args.read ?? null;
  const readField = args.readField ?? "_read";
  // Re-applied values: without a read base, exactly what was submitted; with one, the
  // current values plus only the fields this organiser changed.
  const reapply: Record<string, string | string[]> = { ...args.submitted };
  if (read) reapply[readField] = JSON.stringify(pick(args.current, args.fields));
  for (const field of args.fields) {
    const show = field.show ?? plain;
    const theirs = show(args.current[field.name]);
    const yours = show((args.yours ?? args.submitted)[field.name]);
    let changedByOther = (field.columns ?? [field.name]).some((column) => touched.has(column));
    if (read) {
      changedByOther = plain(args.current[field.name]) !== plain(read[field.name]);
      const mine = plain(args.submitted[field.name]) !== plain(read[field.name]);
      if (!mine && field.name in args.submitted) reapply[field.name] = args.current[field.name] ?? "";
      if (!mine && !(field.name in args.submitted) && field.name in args.current) reapply[field.name] = args.current[field.name]!;
    }
    if (changedByOther || theirs !== yours) changes.push({ field: field.name, label: field.label, theirs, yours, changedByOther });
  }

  const body: StaleSave = {
    ok: false,
    stale: true,
    errors: {},
    values: reapply,
    submitted: args.submitted,
    currentVersion: args.currentVersion,
    versionField: args.versionField ?? "version",
    changes,
    changedBy: latest ? (latest.organiserName ?? latest.speakerName ?? null) : null,
    changedAt: latest ? { date: localDate(latest.at, args.timeZone), time: localTime(latest.at, args.timeZone) } : null,
    savesSince,
  };
  return data(body, { status: 409 });
}
