// Webhooks: endpoints registered per edition receive signed events (Standard Webhooks).
// Deliveries are queued inside the transaction that caused them (like the email outbox) and
// sent after the commit by a worker in this process, retried on the schedule of
// app/domain/webhooks.ts, every attempt logged.
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import { getDb, type Database, type Queryable } from "~/db/client.server";
import { editions } from "~/db/schema";
import type { Changes, PublicProgramme } from "~/domain/exports";
import type { ChangelogTranslate } from "~/domain/exports/changelog-text";
import {
  DISABLE_REASON,
  MAX_ATTEMPTS,
  nextAttemptAt,
  SECRET_PREFIX,
  shouldDisable,
  signingSecrets,
  testPayload,
  versionPublishedPayload,
} from "~/domain/webhooks";
import { getEnv } from "~/env.server";
import { translate } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { latestVersionNumber } from "~/models/programme-versions.server";
import {
  claimDelivery,
  dueDeliveries,
  endpointHealth,
  endpointsReceiving,
  failQueuedDeliveries,
  failedAttemptsSince,
  findEndpoint,
  insertDeliveries,
  markEndpointHealth,
  recordAttempt,
  settleDelivery,
} from "~/models/webhooks.server";
import { redactSecrets } from "~/server/log.server";
import { checkLiteral, guardedLookup } from "./webhook-addresses.server";

const TIMEOUT_MS = 10_000;
const RESPONSE_EXCERPT = 500;
const PARALLEL = 8;
const BATCH = 200;
const WORKER_EVERY_MS = 5_000;

/** A new secret: `whsec_` and 32 random bytes in base64, the Standard Webhooks format. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

function allowPrivateByDefault(): boolean {
  return getEnv().WEBHOOKS_ALLOW_PRIVATE;
}

const translations: { fr: ChangelogTranslate; en: ChangelogTranslate } = {
  fr: (key, vars) => translate("fr", key, vars),
  en: (key, vars) => translate("en", key, vars),
};

/**
 * Queues `version.published` for every endpoint that receives it. Call it inside the publish
 * transaction: the deliveries exist exactly when the version does.
 */
export async function queueVersionPublished(
  tx: Queryable,
  { editionId, programme, changes, now }: { editionId: number; programme: PublicProgramme; changes: Changes; now: number },
): Promise<number[]> {
  const endpoints = await endpointsReceiving(tx, { editionId, event: "version.published" });
  if (endpoints.length === 0) return [];
  const payload = JSON.stringify(versionPublishedPayload({ programme, changes, origin: getEnv().publicOrigin, at: now }, translations));
  return insertDeliveries(
    tx,
    endpoints.map((endpointId) => ({ editionId, endpointId, event: "version.published", payload, now })),
  );
}

/** Queues a `webhook.test` event for one endpoint and returns its delivery id (null: no such endpoint). */
export async function queueTestEvent(db: Queryable, { editionId, uuid, now }: { editionId: number; uuid: string; now: number }): Promise<number | null> {
  const endpoint = await findEndpoint(db, { editionId, uuid });
  if (!endpoint) return null;
  const [edition, latestVersion] = await Promise.all([
    db.select({ id: editions.uuid, slug: editions.slug, title: editions.title }).from(editions).where(eq(editions.id, editionId)).get(),
    latestVersionNumber(db, { editionId }),
  ]);
  const payload = JSON.stringify(testPayload({ edition: edition!, latestVersion, origin: getEnv().publicOrigin, at: now }));
  const [id] = await insertDeliveries(db, [{ editionId, endpointId: endpoint.id, event: "webhook.test", payload, now }]);
  return id!;
}

/** The Standard Webhooks headers of one attempt: every signing secret signs (space-separated). */
export function signedHeaders(
  delivery: { uuid: string; payload: string },
  endpoint: { secret: string; previousSecret: string | null; previousSecretUntil: number | null },
  at: number,
): Record<string, string> {
  const timestamp = new Date(at);
  const signature = signingSecrets(endpoint, at)
    .map((secret) => new Webhook(secret).sign(delivery.uuid, timestamp, delivery.payload))
    .join(" ");
  return {
    "webhook-id": delivery.uuid,
    "webhook-timestamp": String(Math.floor(at / 1000)),
    "webhook-signature": signature,
    "content-type": "application/json",
    "user-agent": "Barouf-Webhooks/1",
  };
}

type AttemptResult = { status: number | null; response: string; durationMs: number };

/** One POST; never follows redirects; the address connected to is checked (guardedLookup). */
function post(url: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
      checkLiteral(target, { allowPrivate });
    } catch (error) {
      resolve({ status: null, response: describe(error), durationMs: elapsed() });
      return;
    }
    const client = target.protocol === "https:" ? https : http;
    const req = client.request(
      target,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: guardedLookup({ allowPrivate }), timeout: TIMEOUT_MS, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < RESPONSE_EXCERPT) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? null, response: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_EXCERPT), durationMs: elapsed() }));
        res.on("error", (error) => resolve({ status: res.statusCode ?? null, response: describe(error), durationMs: elapsed() }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", (error) => resolve({ status: null, response: describe(error), durationMs: elapsed() }));
    req.end(body);
  });
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text.split("\n")[0]!).slice(0, 300);
}

export type WebhookReport = { delivered: number; retrying: number; failed: number; disabled: number };

// One worker pass at a time in this process; a delivery is claimed by bumping its attempts,
// so two processes never send the same attempt twice either.
let chain: Promise<unknown> = Promise.resolve();

/**
 * Sends what is due at `now()` (or only the given deliveries): each attempt is logged, a failure
 * is tried again later, or given up after MAX_ATTEMPTS; an endpoint failing for too long is
 * disabled (the page and the dashboard say so).
 */
export function deliverDueWebhooks(options: { ids?: number[]; now?: () => number; allowPrivate?: boolean } = {}): Promise<WebhookReport> {
  const run = chain.then(() => deliver(options));
  chain = run.catch(() => undefined);
  return run;
}

async function deliver({ ids, now = Date.now, allowPrivate = allowPrivateByDefault() }: { ids?: number[]; now?: () => number; allowPrivate?: boolean }): Promise<WebhookReport> {
  const db = await getDb();
  const report: WebhookReport = { delivered: 0, retrying: 0, failed: 0, disabled: 0 };
  const due = await dueDeliveries(db, { now: now(), ids, limit: BATCH });
  let next = 0;
  const work = async () => {
    while (next < due.length) {
      const row = due[next++]!;
      if (!(await claimDelivery(db, row))) continue;
      const attempt = row.attempts + 1;
      const at = now();
      const result = await post(row.url, row.payload, signedHeaders(row, row, at), allowPrivate);
      const finished = now();
      await recordAttempt(db, { deliveryId: row.id, attempt, at, ...result });
      const health = await endpointHealth(db, { id: row.endpointId });
      if (result.status !== null && result.status >= 200 && result.status < 300) {
        await settleDelivery(db, { id: row.id, state: "delivered", deliveredAt: finished });
        if (health?.failingSince !== null) await markEndpointHealth(db, { id: row.endpointId, failingSince: null });
        report.delivered++;
        continue;
      }
      const retryAt = attempt < MAX_ATTEMPTS ? nextAttemptAt(attempt, finished) : null;
      if (retryAt === null) {
        await settleDelivery(db, { id: row.id, state: "failed" });
        report.failed++;
      } else {
        await settleDelivery(db, { id: row.id, state: "queued", nextAttemptAt: retryAt });
        report.retrying++;
      }
      const failingSince = health?.failingSince ?? at;
      if (health?.disabledAt === null && shouldDisable(failingSince, finished)) {
        await disableFailingEndpoint(db, { row, failingSince, now: finished });
        report.disabled++;
      } else if (health?.failingSince === null) {
        await markEndpointHealth(db, { id: row.endpointId, failingSince });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, work));
  return report;
}

/**
 * Turns off an endpoint that has failed for too long, fails what still waited for it, and records
 * it in the audit log (by Barouf itself: the reason and the failed attempts, never the URL or a secret),
 * all in one transaction.
 */
async function disableFailingEndpoint(db: Database, { row, failingSince, now }: { row: { editionId: number; endpointId: number; endpointUuid: string }; failingSince: number; now: number }) {
  await db.transaction(async (tx) => {
    await markEndpointHealth(tx, { id: row.endpointId, failingSince, disabledAt: now });
    await failQueuedDeliveries(tx, { endpointId: row.endpointId });
    const failedAttempts = await failedAttemptsSince(tx, { endpointId: row.endpointId, since: failingSince });
    await recordAudit(tx, {
      editionId: row.editionId,
      actor: { type: "system" },
      entity: "webhook_endpoint",
      entityUuid: row.endpointUuid,
      action: "disable",
      before: { disabledAt: null },
      after: { disabledAt: now, reason: DISABLE_REASON, firstFailureAt: failingSince, failedAttempts },
      at: now,
    });
  });
}

let worker: NodeJS.Timeout | null = null;

/**
 * Sends what is due now (call it after the commit that queued deliveries), then keeps a timer
 * that sends retries when they fall due. The timer does not keep the process alive.
 */
export function startWebhookWorker(): Promise<WebhookReport> {
  if (!worker) {
    worker = setInterval(() => void deliverDueWebhooks().catch(() => undefined), WORKER_EVERY_MS);
    worker.unref();
  }
  const run = deliverDueWebhooks();
  run.catch(() => undefined);
  return run;
}

