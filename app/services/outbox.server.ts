// Every message goes through the `emails` outbox: queued inside the transaction that
// caused it, delivered after the commit. Without SMTP_URL, messages stay "stored" and
// nothing is lost; they can be sent later once SMTP is configured.
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, type Queryable } from "~/db/client.server";
import { emails } from "~/db/schema";
import { getEnv } from "~/env.server";
import { redactSecrets } from "~/server/log.server";
import { mintInvitationLinks } from "./invitation-links.server";

export type OutgoingEmail = {
  editionId: number | null;
  speakerId: number | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Removed from the outbox once delivered (the message that tells a speaker their data was erased). */
  forgetWhenSent?: boolean;
};

/** Failed messages are retried by the worker up to this many attempts in all. */
export const MAX_ATTEMPTS = 5;
const WORKER_EVERY_MS = 15_000;

/** Queues messages; call it inside the transaction whose commit they depend on. */
export async function queueEmails(tx: Queryable, messages: OutgoingEmail[], now = Date.now()): Promise<number[]> {
  if (messages.length === 0) return [];
  const rows = await tx
    .insert(emails)
    .values(messages.map((m) => ({ ...m, state: "queued" as const, createdAt: now })))
    .returning({ id: emails.id });
  startOutboxWorker();
  return rows.map((row) => row.id);
}

let transport: Transporter | null = null;
function smtpTransport(): Transporter | null {
  const url = getEnv().SMTP_URL;
  if (!url) return null;
  transport ??= nodemailer.createTransport(url);
  return transport;
}

/** A message's error for the outbox: the first line of it, without any link in it. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text.split("\n")[0]!).slice(0, 300);
}

// One delivery at a time in this process; a row is claimed by bumping its attempts, so two
// processes never send the same message twice either.
let chain: Promise<unknown> = Promise.resolve();

export type DeliveryReport = { sent: number; stored: number; failed: number };

/**
 * Delivers queued messages (the given ones, or every queued one): "sent" when the SMTP
 * server accepted them, "failed" with the reason otherwise, "stored" when no SMTP is set.
 */
export function deliverQueued(options: { ids?: number[]; retryFailed?: boolean; retryStored?: boolean; now?: () => number } = {}): Promise<DeliveryReport> {
  const run = chain.then(() => deliver(options));
  chain = run.catch(() => undefined);
  return run;
}

async function deliver({ ids, retryFailed = false, retryStored = false, now = Date.now }: Parameters<typeof deliverQueued>[0] & object): Promise<DeliveryReport> {
  const db = await getDb();
  const report: DeliveryReport = { sent: 0, stored: 0, failed: 0 };
  const states: ("queued" | "failed" | "stored")[] = ["queued"];
  if (retryFailed) states.push("failed");
  if (retryStored) states.push("stored");
  const candidates = await db
    .select()
    .from(emails)
    .where(and(inArray(emails.state, states), lt(emails.attempts, MAX_ATTEMPTS), ids ? inArray(emails.id, ids) : undefined))
    .orderBy(emails.id)
    .all();
  const smtp = smtpTransport();
  if (!smtp) {
    const queued = candidates.filter((row) => row.state === "queued").map((row) => row.id);
    if (queued.length > 0) await db.update(emails).set({ state: "stored" }).where(and(inArray(emails.id, queued), eq(emails.state, "queued")));
    report.stored = queued.length;
    return report;
  }
  for (const row of candidates) {
    const claimed = await db
      .update(emails)
      .set({ attempts: sql`${emails.attempts} + 1` })
      .where(and(eq(emails.id, row.id), eq(emails.attempts, row.attempts), eq(emails.state, row.state)))
      .returning({ id: emails.id });
    if (claimed.length === 0) continue;
    try {
      // Personal links are minted now, so the stored copy never holds a token.
      const { text, html } = await mintInvitationLinks(db, row, now());
      await smtp.sendMail({ from: getEnv().MAIL_FROM, to: row.to, subject: row.subject, text, html });
      if (row.forgetWhenSent) await db.delete(emails).where(eq(emails.id, row.id));
      else await db.update(emails).set({ state: "sent", sentAt: now(), lastError: null }).where(eq(emails.id, row.id));
      report.sent++;
    } catch (error) {
      await db.update(emails).set({ state: "failed", lastError: describeError(error) }).where(eq(emails.id, row.id));
      report.failed++;
    }
  }
  return report;
}

let worker: NodeJS.Timeout | null = null;

/**
 * Delivers what is queued soon after it is queued (after the transaction commits), then
 * every few seconds, retrying failures. The timer does not keep the process alive.
 */
export function startOutboxWorker(): void {
  if (worker) return;
  const tick = () => {
    void deliverQueued({ retryFailed: Boolean(getEnv().SMTP_URL) }).catch(() => undefined);
  };
  worker = setInterval(tick, WORKER_EVERY_MS);
  worker.unref();
  setTimeout(tick, 200).unref();
}
