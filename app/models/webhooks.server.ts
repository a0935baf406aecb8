// Webhook endpoints, their deliveries and the attempts log, each scoped to its edition.
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "~/db/schema";
import type { WebhookDeliveryState, WebhookEvent } from "~/domain/vocabulary";

export const endpointColumns = {
  id: webhookEndpoints.id,
  uuid: webhookEndpoints.uuid,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  active: webhookEndpoints.active,
  secret: webhookEndpoints.secret,
  previousSecret: webhookEndpoints.previousSecret,
  previousSecretUntil: webhookEndpoints.previousSecretUntil,
  failingSince: webhookEndpoints.failingSince,
  disabledAt: webhookEndpoints.disabledAt,
  createdAt: webhookEndpoints.createdAt,
};

export type EndpointRow = {
  id: number;
  uuid: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  active: boolean;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: number | null;
  failingSince: number | null;
  disabledAt: number | null;
  createdAt: number;
};

export async function listEndpoints(db: Queryable, { editionId }: { editionId: number }): Promise<EndpointRow[]> {
  return db.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.editionId, editionId)).orderBy(asc(webhookEndpoints.id)).all();
}

export async function findEndpoint(db: Queryable, { editionId, uuid }: { editionId: number; uuid: string }): Promise<EndpointRow | undefined> {
  return db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.editionId, editionId), eq(webhookEndpoints.uuid, uuid)))
    .get();
}

export async function insertEndpoint(
  db: Queryable,
  values: { editionId: number; url: string; description: string; events: WebhookEvent[]; active: boolean; secret: string; now: number },
): Promise<EndpointRow> {
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ ...values, createdAt: values.now, updatedAt: values.now })
    .returning(endpointColumns);
  return row!;
}

export async function updateEndpoint(
  db: Queryable,
  { editionId, uuid, now, set }: { editionId: number; uuid: string; now: number; set: Partial<Omit<EndpointRow, "id" | "uuid" | "createdAt">> },
): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ ...set, updatedAt: now, version: sql`${webhookEndpoints.version} + 1` })
    .where(and(eq(webhookEndpoints.editionId, editionId), eq(webhookEndpoints.uuid, uuid)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

export async function deleteEndpoint(db: Queryable, { editionId, uuid }: { editionId: number; uuid: string }): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.editionId, editionId), eq(webhookEndpoints.uuid, uuid)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Endpoints that receive this event now: active, not disabled, subscribed to it. */
export async function endpointsReceiving(db: Queryable, { editionId, event }: { editionId: number; event: WebhookEvent }) {
  const rows = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.editionId, editionId), eq(webhookEndpoints.active, true), isNull(webhookEndpoints.disabledAt)))
    .all();
  return rows.filter((row) => row.events.includes(event)).map((row) => row.id);
}

/** The edition's endpoints the app turned off after they failed for too long. */
export async function disabledEndpoints(db: Queryable, { editionId }: { editionId: number }) {
  return db
    .select({ uuid: webhookEndpoints.uuid, url: webhookEndpoints.url, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.editionId, editionId), sql`${webhookEndpoints.disabledAt} is not null`))
    .all();
}

export async function insertDeliveries(
  db: Queryable,
  rows: { editionId: number; endpointId: number; event: string; payload: string; now: number }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(webhookDeliveries)
    .values(rows.map(({ now, ...row }) => ({ ...row, state: "queued" as const, nextAttemptAt: now, createdAt: now })))
    .returning({ id: webhookDeliveries.id });
  return inserted.map((row) => row.id);
}

/** Deliveries due now (or the given ones), with what is needed to send them; only to endpoints that are on. */
export async function dueDeliveries(db: Queryable, { now, ids, limit }: { now: number; ids?: number[]; limit: number }) {
  return db
    .select({
      id: webhookDeliveries.id,
      uuid: webhookDeliveries.uuid,
      editionId: webhookDeliveries.editionId,
      endpointId: webhookDeliveries.endpointId,
      endpointUuid: webhookEndpoints.uuid,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      previousSecret: webhookEndpoints.previousSecret,
      previousSecretUntil: webhookEndpoints.previousSecretUntil,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.state, "queued"),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhookEndpoints.active, true),
        isNull(webhookEndpoints.disabledAt),
        ids ? inArray(webhookDeliveries.id, ids) : undefined,
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(limit)
    .all();
}

/** Claims a delivery for one attempt: false when another worker took it first. */
export async function claimDelivery(db: Queryable, { id, attempts }: { id: number; attempts: number }): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ attempts: attempts + 1 })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.attempts, attempts), eq(webhookDeliveries.state, "queued")))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

export async function recordAttempt(
  db: Queryable,
  values: { deliveryId: number; attempt: number; at: number; status: number | null; durationMs: number; response: string },
) {
  await db.insert(webhookAttempts).values(values);
}

export async function settleDelivery(
  db: Queryable,
  { id, state, nextAttemptAt, deliveredAt }: { id: number; state: WebhookDeliveryState; nextAttemptAt?: number; deliveredAt?: number },
) {
  await db.update(webhookDeliveries).set({ state, nextAttemptAt, deliveredAt }).where(eq(webhookDeliveries.id, id));
}

/** When an endpoint is turned off, what was still waiting for it fails too. */
export async function failQueuedDeliveries(db: Queryable, { endpointId }: { endpointId: number }) {
  await db
    .update(webhookDeliveries)
    .set({ state: "failed" })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.state, "queued")));
}

/** How many attempts to the endpoint failed since `since` (every attempt does, while it is failing). */
export async function failedAttemptsSince(db: Queryable, { endpointId, since }: { endpointId: number; since: number }): Promise<number> {
  const row = await db
    .select({ count: sql<number>`count(*)` })
    .from(webhookAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
    .where(and(eq(webhookDeliveries.endpointId, endpointId), gte(webhookAttempts.at, since), sql`(${webhookAttempts.status} is null or ${webhookAttempts.status} not between 200 and 299)`))
    .get();
  return Number(row?.count ?? 0);
}

export async function markEndpointHealth(db: Queryable, { id, failingSince, disabledAt }: { id: number; failingSince: number | null; disabledAt?: number }) {
  await db.update(webhookEndpoints).set({ failingSince, disabledAt }).where(eq(webhookEndpoints.id, id));
}

export async function endpointHealth(db: Queryable, { id }: { id: number }) {
  return db.select({ failingSince: webhookEndpoints.failingSince, disabledAt: webhookEndpoints.disabledAt }).from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
}

export const DELIVERIES_SHOWN = 30;

/** The latest deliveries of the edition with every attempt (two queries, whatever the count). */
export async function recentDeliveries(db: Queryable, { editionId, endpointUuid, limit = DELIVERIES_SHOWN }: { editionId: number; endpointUuid?: string; limit?: number }) {
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
      uuid: webhookDeliveries.uuid,
      endpoint: webhookEndpoints.uuid,
      url: webhookEndpoints.url,
      event: webhookDeliveries.event,
      state: webhookDeliveries.state,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.editionId, editionId), endpointUuid ? eq(webhookEndpoints.uuid, endpointUuid) : undefined))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit)
    .all();
  const attempts =
    deliveries.length === 0
      ? []
      : await db
          .select({
            deliveryId: webhookAttempts.deliveryId,
            attempt: webhookAttempts.attempt,
            at: webhookAttempts.at,
            status: webhookAttempts.status,
            durationMs: webhookAttempts.durationMs,
            response: webhookAttempts.response,
          })
          .from(webhookAttempts)
          .where(inArray(webhookAttempts.deliveryId, deliveries.map((d) => d.id)))
          .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt))
          .all();
  return deliveries.map(({ id, ...delivery }) => ({
    ...delivery,
    log: attempts.filter((a) => a.deliveryId === id).map(({ deliveryId: _id, ...attempt }) => attempt),
  }));
}
