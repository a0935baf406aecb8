// `npm run cli -- purge [--dry-run]`: the retention purge of every edition past its period,
// as the server's daily job runs it (app/services/retention.server.ts).
import { parseArgs } from "node:util";
import type { Database } from "~/db/client.server";
import { purgeDueEditions } from "~/services/retention.server";

export const PURGE_HELP = `  purge [--dry-run]                     erase the personal data of every edition past its
                                        retention period (--dry-run: only say what would go)`;

export async function purgeCommand(db: Database, args: string[], print: (line: string) => void, now = Date.now()): Promise<void> {
  const { values } = parseArgs({ args, options: { "dry-run": { type: "boolean", default: false } } });
  const dryRun = values["dry-run"] ?? false;
  const done = await purgeDueEditions(db, { now, dryRun });
  if (done.length === 0) {
    print("No edition is past its retention period.");
    return;
  }
  for (const edition of done) {
    const p = edition.purged;
    const verb = dryRun ? "would erase" : "erased";
    print(
      `${edition.slug} (due ${new Date(edition.dueAt).toISOString().slice(0, 10)}, ${edition.retentionMonths} months): ${verb} ` +
        `${p.speakers} speaker(s)' private data, ${p.availabilityWindows} availability window(s), ${p.invitations} invitation(s), ` +
        `${p.emails} email(s), private values of ${p.auditEntries} audit entr${p.auditEntries === 1 ? "y" : "ies"}`,
    );
  }
}
