// `npm run cli -- import FILE [--slug SLUG] [--organisation NAME] [--changes]`
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { organisations } from "~/db/schema";
import { readSchedule, type ImportChange } from "~/domain/import";
import { editionSlugSchema } from "~/schemas/import";
import { applyImport } from "~/services/import.server";

export const IMPORT_HELP = `  import FILE [--slug SLUG]             create a new edition from a frab or pretalx schedule.json
        [--organisation O] [--changes]  or a pentabarf/frab schedule.xml (format detected); O runs
                                        the edition; --changes lists every value that was changed`;

function summarise(changes: readonly ImportChange[], all: boolean): string[] {
  if (all) return changes.map((c) => `  ${c.kind}: ${c.subject}: ${c.from ?? "(none)"} → ${c.to ?? "(none)"}`);
  const byKind = new Map<string, number>();
  for (const c of changes) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  return [...byKind].map(([kind, n]) => `  ${kind}: ${n}`);
}

/** A refusal the command explains itself (main.ts prints other errors with their stack). */
class CliError extends Error {}

/** Runs the command; a refusal prints "Error: …" on stderr and sets a non-zero exit code. */
export async function importCommand(db: Database, args: string[]): Promise<void> {
  try {
    await runImport(db, args);
  } catch (error) {
    const known = error instanceof CliError || (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));
    if (!known) throw error;
    console.error(`Error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

async function runImport(db: Database, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { slug: { type: "string" }, organisation: { type: "string" }, changes: { type: "boolean", default: false } },
  });
  const [file] = positionals;
  if (!file) throw new CliError("import needs a FILE (a schedule.json or schedule.xml)");
  if (values.slug !== undefined) {
    const slug = editionSlugSchema.safeParse(values.slug);
    if (!slug.success) throw new CliError(`--slug must be lower-case letters, digits and hyphens (got "${values.slug}")`);
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let organisationId: number | null = null;
  if (values.organisation) {
    const row = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, values.organisation)).get();
    if (!row) throw new CliError(`No organisation named "${values.organisation}"`);
    organisationId = row.id;
  }
  const read = readSchedule(text, { slug: values.slug });
  if (!read.ok) {
    const lines = read.problems.map((p) => `  at ${p.where}: ${p.message}`);
    throw new CliError(`${file} cannot be imported; nothing was written.\n${lines.join("\n")}`);
  }
  let last = -1;
  const result = await applyImport(db, {
    programme: read.programme,
    changes: read.changes,
    actor: { type: "system" },
    organisationId,
    fileName: path.basename(file),
    onProgress: ({ done, total }) => {
      const percent = Math.floor((done / total) * 100);
      if (process.stderr.isTTY && percent !== last) process.stderr.write(`\rImporting… ${percent}%`);
      last = percent;
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\r");
  const c = result.counts;
  console.log(`Imported ${path.basename(file)} (${result.format}) as the new edition ${result.slug}`);
  console.log(`  ${c.days} days, ${c.rooms} rooms, ${c.themes} themes, ${c.formats} formats, ${c.speakers} speakers, ${c.sessions} sessions`);
  console.log(`${result.changes.length} values changed on the way in${result.changes.length ? ":" : "."}`);
  for (const line of summarise(result.changes, values.changes ?? false)) console.log(line);
  const levels = Object.entries(result.conflicts.byLevel).map(([level, n]) => `${n} ${level}`);
  console.log(`${result.conflicts.total} conflicts reported by the engine${levels.length ? ` (${levels.join(", ")})` : ""}.`);
  if (organisationId === null) console.log("No --organisation given: only admins can open this edition until an organisation is added.");
}
