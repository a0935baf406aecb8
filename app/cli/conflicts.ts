// `npm run cli -- conflicts --edition SLUG [--format json|table] [--min-level LEVEL] [--lang fr|en]`
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { editions } from "~/db/schema";
import { selectConflicts, type Conflict } from "~/domain/conflicts";
import { toIsoWithOffset } from "~/domain/time";
import { LEVEL_FILTERS } from "~/schemas/conflicts";
import { checkEdition } from "~/services/conflicts.server";

export class ConflictsCommandError extends Error {}

/** One conflict as the command prints it in JSON: ids are UUIDs, times ISO 8601 with the edition's offset. */
export function conflictToJson(conflict: Conflict, timeZone: string) {
  return {
    rule: conflict.rule,
    level: conflict.level,
    acknowledged: conflict.acknowledged,
    sessions: conflict.sessions,
    people: conflict.people,
    rooms: conflict.rooms,
    start: conflict.interval ? toIsoWithOffset(conflict.interval.start, timeZone) : null,
    end: conflict.interval ? toIsoWithOffset(conflict.interval.end, timeZone) : null,
    message: { fr: conflict.message.fr, en: conflict.message.en },
  };
}

function table(conflicts: Conflict[], timeZone: string, lang: "fr" | "en"): string {
  const rows = conflicts.map((c) => [
    c.level,
    c.rule,
    c.acknowledged ? "yes" : "no",
    c.interval ? toIsoWithOffset(c.interval.start, timeZone).slice(0, 16).replace("T", " ") : "",
    c.message[lang],
  ]);
  const header = ["LEVEL", "RULE", "ACK", "START", "MESSAGE"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 4 ? 0 : r[i]!.length))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 4 ? cell : cell.padEnd(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line), `${conflicts.length} conflict(s)`].join("\n");
}

export async function conflictsCommand(db: Database, args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      edition: { type: "string" },
      format: { type: "string", default: "table" },
      "min-level": { type: "string", default: "info" },
      lang: { type: "string", default: "fr" },
    },
  });
  if (!values.edition) throw new ConflictsCommandError("--edition SLUG is required");
  if (values.format !== "json" && values.format !== "table") throw new ConflictsCommandError("--format must be json or table");
  const minLevel = LEVEL_FILTERS.find((level) => level === values["min-level"]);
  if (!minLevel) throw new ConflictsCommandError(`--min-level must be one of ${LEVEL_FILTERS.join(", ")}`);
  if (values.lang !== "fr" && values.lang !== "en") throw new ConflictsCommandError("--lang must be fr or en");
  const edition = await db.select({ id: editions.id, timeZone: editions.timeZone }).from(editions).where(eq(editions.slug, values.edition)).get();
  if (!edition) throw new ConflictsCommandError(`No edition with the slug "${values.edition}"`);
  const { conflicts } = await checkEdition(db, { editionId: edition.id });
  const selected = selectConflicts(conflicts, { minLevel });
  out(
    values.format === "json"
      ? JSON.stringify(selected.map((conflict) => conflictToJson(conflict, edition.timeZone)), null, 2)
      : table(selected, edition.timeZone, values.lang),
  );
}
