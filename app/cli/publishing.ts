// `publish` and `export` commands.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { editions } from "~/db/schema";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, isExportFormat } from "~/domain/exports";
import { findVersion } from "~/models/programme-versions.server";
import { exportOptions } from "~/services/public-exports.server";
import { draftProgramme, publishProgramme } from "~/services/publishing.server";
import { recentDeliveries } from "~/models/webhooks.server";
import { deliverDueWebhooks } from "~/services/webhooks.server";

export class PublishingCliError extends Error {}

async function editionBySlug(db: Database, slug: string | undefined) {
  if (!slug) throw new PublishingCliError("--edition SLUG is required");
  const edition = await db.select({ id: editions.id, slug: editions.slug }).from(editions).where(eq(editions.slug, slug)).get();
  if (!edition) throw new PublishingCliError(`No edition with the slug "${slug}"`);
  return edition;
}

export async function publishCommand(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { edition: { type: "string" }, note: { type: "string" } } });
  const edition = await editionBySlug(db, values.edition);
  const note = values.note?.trim() || null;
  if (note && note.length > 500) throw new PublishingCliError("--note must have at most 500 characters");
  const result = await publishProgramme(db, { editionId: edition.id, slug: edition.slug, actor: { type: "system" }, note, now: Date.now() });
  if (!result.ok) {
    const lines = result.blocking.map((c) => `  [${c.level}] ${c.rule}: ${c.message.en}`);
    throw new PublishingCliError(
      `Publishing refused: ${result.blocking.length} blocking or error conflict(s) are neither fixed nor acknowledged:\n${lines.join("\n")}`,
    );
  }
  const c = result.changes;
  console.log(
    `Published version ${result.number} of ${edition.slug}: ${c.added.length} added, ${c.cancelled.length} cancelled, ${c.moved.length} moved, ${c.renamed.length} renamed, ${c.peopleChanged.length} with people changed.`,
  );
  if (result.webhooks > 0) {
    // Sent before the command ends; what fails is retried by the server's worker.
    // Chained after the first attempts the publish started: they are done when this returns.
    await deliverDueWebhooks();
    const sent = await recentDeliveries(db, { editionId: edition.id, limit: result.webhooks });
    const delivered = sent.filter((d) => d.state === "delivered").length;
    console.log(`Webhooks: ${result.webhooks} queued, ${delivered} delivered, ${result.webhooks - delivered} to be retried by the server.`);
  }
}

export async function exportCommand(db: Database, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { edition: { type: "string" }, format: { type: "string" }, version: { type: "string" }, out: { type: "string" } },
  });
  const edition = await editionBySlug(db, values.edition);
  if (!values.format || !isExportFormat(values.format)) throw new PublishingCliError(`--format must be one of ${EXPORT_FORMAT_NAMES.join(", ")}`);
  let programme;
  if (values.version === undefined) {
    programme = await draftProgramme(db, { editionId: edition.id });
  } else {
    const number = Number(values.version);
    if (!Number.isInteger(number) || number < 1) throw new PublishingCliError("--version must be a positive integer");
    const version = await findVersion(db, { editionId: edition.id, number });
    if (!version) throw new PublishingCliError(`${edition.slug} has no version ${number}`);
    programme = version.programme;
  }
  const text = EXPORT_FORMATS[values.format].build(programme, { ...exportOptions(), generatedAt: Date.now() });
  if (values.out) {
    writeFileSync(values.out, text, "utf8");
    console.error(`Wrote ${values.out} (${Buffer.byteLength(text)} bytes, ${programme.sessions.length} sessions).`);
  } else {
    process.stdout.write(text);
  }
}
