// An edition's own texts for the messages speakers receive, one row per message and language.
// A row whose subject and body are null says "the default text" (it keeps its version, so a
// save read before a reset is still told apart from one read after it).
import { and, eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "~/db/handles";
import { emailTemplates } from "~/db/schema";
import type { EmailKind } from "~/domain/email-template";
import type { Locale } from "~/i18n";
import { recordAudit, type Actor } from "./audit.server";

export type StoredEmailText = { kind: EmailKind; locale: Locale; subject: string | null; body: string | null; version: number };

/** Every stored text of the edition (customised or reset). */
export async function listEmailTexts(db: Queryable, { editionId }: { editionId: number }): Promise<StoredEmailText[]> {
  return db
    .select({ kind: emailTemplates.kind, locale: emailTemplates.locale, subject: emailTemplates.subject, body: emailTemplates.body, version: emailTemplates.version })
    .from(emailTemplates)
    .where(eq(emailTemplates.editionId, editionId))
    .all();
}

/** The edition's texts for one message, by language: what sending reads, once per batch. */
export async function emailTextsOf(db: Queryable, { editionId, kind }: { editionId: number; kind: EmailKind }) {
  const rows = await db
    .select({ locale: emailTemplates.locale, subject: emailTemplates.subject, body: emailTemplates.body })
    .from(emailTemplates)
    .where(and(eq(emailTemplates.editionId, editionId), eq(emailTemplates.kind, kind)))
    .all();
  return new Map(rows.map((row) => [row.locale, { subject: row.subject, body: row.body }]));
}

export type SaveEmailTextResult = { ok: true } | { ok: false; current: { subject: string | null; body: string | null; version: number } };

/**
 * Saves (text) or resets (null) one message's text in one language. `version` is the one the
 * form was read at (0: no row yet); a save read before someone else's is refused with the
 * text as it is now. Audited: who, when, the text before and after.
 */
export async function saveEmailText(
  db: Database,
  args: { editionId: number; kind: EmailKind; locale: Locale; version: number; text: { subject: string; body: string } | null; actor: Actor; now?: number },
): Promise<SaveEmailTextResult> {
  const now = args.now ?? Date.now();
  const organiserId = args.actor.type === "organiser" ? args.actor.organiserId : null;
  const values = { subject: args.text?.subject ?? null, body: args.text?.body ?? null };
  return db.transaction(async (tx) => {
    const where = and(eq(emailTemplates.editionId, args.editionId), eq(emailTemplates.kind, args.kind), eq(emailTemplates.locale, args.locale));
    const before = await tx.select().from(emailTemplates).where(where).get();
    const stale = () => ({ ok: false as const, current: before ? { subject: before.subject, body: before.body, version: before.version } : { subject: null, body: null, version: 0 } });
    if ((before?.version ?? 0) !== args.version) return stale();
    if (before && before.subject === values.subject && before.body === values.body) return { ok: true as const };
    const saved = before
      ? await tx
          .update(emailTemplates)
          .set({ ...values, version: sql`${emailTemplates.version} + 1`, updatedAt: now, updatedBy: organiserId })
          .where(and(where, eq(emailTemplates.version, args.version)))
          .returning({ uuid: emailTemplates.uuid })
      : await tx
          .insert(emailTemplates)
          .values({ editionId: args.editionId, kind: args.kind, locale: args.locale, ...values, updatedAt: now, updatedBy: organiserId })
          .onConflictDoNothing()
          .returning({ uuid: emailTemplates.uuid });
    if (saved.length === 0) return stale();
    await recordAudit(tx, {
      editionId: args.editionId,
      actor: args.actor,
      entity: "email_template",
      entityUuid: saved[0]!.uuid,
      action: before ? "update" : "create",
      before: before ? { kind: before.kind, locale: before.locale, subject: before.subject, body: before.body } : null,
      after: { kind: args.kind, locale: args.locale, ...values },
      at: now,
    });
    return { ok: true as const };
  });
}
