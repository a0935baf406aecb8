// The organisers' changes to webhook endpoints (add, pause, resume, enable again, rotate the
// secret, delete), each one transaction with its audit entry. Secrets never enter the log: a
// rotation is recorded as the secret having changed, without either value.
import type { Database, Queryable } from "~/db/client.server";
import type { WebhookEvent } from "~/domain/vocabulary";
import { ROTATION_GRACE_MS } from "~/domain/webhooks";
import { getEnv } from "~/env.server";
import { recordAudit, type Actor } from "~/models/audit.server";
import { deleteEndpoint, findEndpoint, insertEndpoint, updateEndpoint, type EndpointRow } from "~/models/webhooks.server";
import { newWebhookSecret } from "./webhooks.server";
import { checkWebhookUrl, type UrlProblem } from "./webhook-addresses.server";

const ENTITY = "webhook_endpoint";

/** What the audit log keeps of an endpoint: never its secrets. */
function auditFields(row: Pick<EndpointRow, "url" | "description" | "events" | "active">) {
  return { url: row.url, description: row.description, events: row.events, active: row.active };
}

type Target = { editionId: number; uuid: string; now: number; actor: Actor };

async function audited(
  tx: Queryable,
  { editionId, uuid, actor, now }: Target,
  action: "create" | "update" | "delete",
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  await recordAudit(tx, { editionId, actor, entity: ENTITY, entityUuid: uuid, action, before, after, at: now });
}

/** Registers an endpoint with a new secret; refuses URLs that are not http(s) to a public address. */
export async function addEndpoint(
  db: Database,
  input: { editionId: number; url: string; description: string; events: WebhookEvent[]; active: boolean; now: number; actor: Actor; allowPrivate?: boolean },
): Promise<{ ok: true; uuid: string; secret: string } | { ok: false; problem: UrlProblem }> {
  const problem = await checkWebhookUrl(input.url, { allowPrivate: input.allowPrivate ?? getEnv().WEBHOOKS_ALLOW_PRIVATE });
  if (problem) return { ok: false, problem };
  const { allowPrivate: _allow, actor, ...values } = input;
  return db.transaction(async (tx) => {
    const row = await insertEndpoint(tx, { ...values, secret: newWebhookSecret() });
    await audited(tx, { editionId: input.editionId, uuid: row.uuid, now: input.now, actor }, "create", null, auditFields(row));
    return { ok: true as const, uuid: row.uuid, secret: row.secret };
  });
}

/** A new secret; the previous one keeps signing for ROTATION_GRACE_MS. Null: no such endpoint. */
export async function rotateSecret(db: Database, target: Target): Promise<string | null> {
  const { editionId, uuid, now } = target;
  return db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, { editionId, uuid });
    if (!endpoint) return null;
    const secret = newWebhookSecret();
    await updateEndpoint(tx, { editionId, uuid, now, set: { secret, previousSecret: endpoint.secret, previousSecretUntil: now + ROTATION_GRACE_MS } });
    // Named so that the audit page shows it (it hides any field called *secret*); no value is kept.
    await audited(tx, target, "update", { signingKey: { withheld: "before" } }, { signingKey: { withheld: "after" } });
    return secret;
  });
}

/** Pauses (`active: false`) or resumes an endpoint. False: no such endpoint. */
export async function setEndpointActive(db: Database, target: Target & { active: boolean }): Promise<boolean> {
  const { editionId, uuid, now, active } = target;
  return db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, { editionId, uuid });
    if (!endpoint) return false;
    await updateEndpoint(tx, { editionId, uuid, now, set: { active } });
    if (endpoint.active !== active) await audited(tx, target, "update", { active: endpoint.active }, { active });
    return true;
  });
}

/** Turns an endpoint the app disabled back on, with a clean record. False: no such endpoint. */
export async function enableEndpoint(db: Database, target: Target): Promise<boolean> {
  const { editionId, uuid, now } = target;
  return db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, { editionId, uuid });
    if (!endpoint) return false;
    await updateEndpoint(tx, { editionId, uuid, now, set: { disabledAt: null, failingSince: null, active: true } });
    await audited(tx, target, "update", { disabledAt: endpoint.disabledAt, active: endpoint.active }, { disabledAt: null, active: true });
    return true;
  });
}

/** Deletes an endpoint and its deliveries. False: no such endpoint. */
export async function removeEndpoint(db: Database, target: Target): Promise<boolean> {
  const { editionId, uuid } = target;
  return db.transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, { editionId, uuid });
    if (!endpoint || !(await deleteEndpoint(tx, { editionId, uuid }))) return false;
    await audited(tx, target, "delete", auditFields(endpoint), null);
    return true;
  });
}
