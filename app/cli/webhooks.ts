// `webhooks list|add|test|deliveries --edition SLUG …`: the webhooks page on the command line.
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { editions } from "~/db/schema";
import { WEBHOOK_EVENTS, type WebhookEvent } from "~/domain/vocabulary";
import { listEndpoints, recentDeliveries } from "~/models/webhooks.server";
import { addEndpoint } from "~/services/webhook-endpoints.server";
import { deliverDueWebhooks, queueTestEvent } from "~/services/webhooks.server";

export class WebhooksCliError extends Error {}

export const WEBHOOKS_HELP = `  webhooks list --edition SLUG          the edition's webhook endpoints, their state and events
  webhooks add --edition SLUG --url URL add an endpoint (http(s), public addresses only unless
        [--description TEXT]            WEBHOOKS_ALLOW_PRIVATE=1); prints its id and secret
        [--event E]... [--paused]       E: ${WEBHOOK_EVENTS.join(", ")} (default: all)
  webhooks test --edition SLUG --endpoint ID   send a test event now and print the answer
  webhooks deliveries --edition SLUG    the latest deliveries with every attempt
        [--endpoint ID] [--limit N]`;

async function editionBySlug(db: Database, slug: string | undefined) {
  if (!slug) throw new WebhooksCliError("--edition SLUG is required");
  const edition = await db.select({ id: editions.id, slug: editions.slug }).from(editions).where(eq(editions.slug, slug)).get();
  if (!edition) throw new WebhooksCliError(`No edition with the slug "${slug}"`);
  return edition;
}

const iso = (at: number | null) => (at === null ? "-" : new Date(at).toISOString());

const PROBLEMS: Record<string, string> = {
  "webhooks.url.invalid": "the URL is not valid",
  "webhooks.url.scheme": "the URL must start with http:// or https://",
  "webhooks.url.credentials": "the URL must not contain a user name or password",
  "webhooks.url.unresolved": "the host name leads to no address",
  "webhooks.url.private": "the URL leads to a private, local or reserved address (set WEBHOOKS_ALLOW_PRIVATE=1 to allow it)",
};

export async function webhooksCommand(db: Database, args: string[], out: (line: string) => void): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      edition: { type: "string" },
      url: { type: "string" },
      description: { type: "string" },
      event: { type: "string", multiple: true },
      paused: { type: "boolean" },
      endpoint: { type: "string" },
      limit: { type: "string" },
    },
  });
  const edition = await editionBySlug(db, values.edition);
  switch (sub) {
    case "list": {
      const endpoints = await listEndpoints(db, { editionId: edition.id });
      if (endpoints.length === 0) out(`${edition.slug} has no webhook endpoint.`);
      for (const e of endpoints) {
        const state = e.disabledAt !== null ? `disabled since ${iso(e.disabledAt)}` : e.active ? "active" : "paused";
        out(`${e.uuid}  ${state}  ${e.url}  [${e.events.join(", ")}]${e.description ? `  ${e.description}` : ""}`);
      }
      return;
    }
    case "add": {
      if (!values.url) throw new WebhooksCliError("--url URL is required");
      const events = (values.event ?? [...WEBHOOK_EVENTS]) as string[];
      const unknown = events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
      if (unknown.length > 0) throw new WebhooksCliError(`Unknown event(s): ${unknown.join(", ")}; known: ${WEBHOOK_EVENTS.join(", ")}`);
      const description = values.description?.trim() ?? "";
      if (description.length > 200) throw new WebhooksCliError("--description must have at most 200 characters");
      const added = await addEndpoint(db, { editionId: edition.id, url: values.url.trim(), description, events: events as WebhookEvent[], active: !values.paused, now: Date.now(), actor: { type: "system" } });
      if (!added.ok) throw new WebhooksCliError(`Refused: ${PROBLEMS[added.problem]}`);
      out(`Added endpoint ${added.uuid}`);
      out(`Secret: ${added.secret}`);
      return;
    }
    case "test": {
      if (!values.endpoint) throw new WebhooksCliError("--endpoint ID is required (see webhooks list)");
      const id = await queueTestEvent(db, { editionId: edition.id, uuid: values.endpoint, now: Date.now() });
      if (id === null) throw new WebhooksCliError(`${edition.slug} has no endpoint ${values.endpoint}`);
      const report = await deliverDueWebhooks({ ids: [id] });
      const [delivery] = await recentDeliveries(db, { editionId: edition.id, endpointUuid: values.endpoint, limit: 1 });
      const attempt = delivery?.log.at(-1);
      if (report.delivered > 0) out(`Test event delivered: HTTP ${attempt?.status} in ${attempt?.durationMs} ms`);
      else if (attempt) throw new WebhooksCliError(`Test event not delivered: ${attempt.status === null ? "no answer" : `HTTP ${attempt.status}`} ${attempt.response}`.trim());
      else throw new WebhooksCliError("Test event not sent: the endpoint is paused or disabled");
      return;
    }
    case "deliveries": {
      const limit = values.limit === undefined ? 30 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new WebhooksCliError("--limit must be an integer from 1 to 1000");
      const deliveries = await recentDeliveries(db, { editionId: edition.id, endpointUuid: values.endpoint, limit });
      if (deliveries.length === 0) out("No delivery.");
      for (const d of deliveries) {
        out(`${d.uuid}  ${d.event}  ${d.state}  ${d.url}  created ${iso(d.createdAt)}${d.state === "queued" ? `  next attempt ${iso(d.nextAttemptAt)}` : ""}`);
        for (const a of d.log) out(`  attempt ${a.attempt}  ${iso(a.at)}  ${a.status ?? "no answer"}  ${a.durationMs} ms${a.response ? `  ${a.response.replace(/\s+/g, " ").slice(0, 120)}` : ""}`);
      }
      return;
    }
    default:
      throw new WebhooksCliError(`Unknown command "webhooks ${sub ?? ""}". Try: npm run cli -- help`);
  }
}
