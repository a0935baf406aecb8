// `npm run cli -- <command>`: the jobs that have no screen. Built into the server bundle
// (app/server/main.ts exports `runCli`) and run by bin/cli.js.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { migrateDatabase, openDatabase, type Database } from "~/db/client.server";
import { organisations, organisers } from "~/db/schema";
import { ORGANISER_ROLES, type OrganiserRole } from "~/domain/vocabulary";
import { getEnv } from "~/env.server";
import { createOrganiser } from "~/models/organisers.server";
import { newPasswordSchema } from "~/schemas/password";
import { endAllLoginSessionsIn } from "~/models/login-sessions.server";
import { backupDatabase } from "~/services/backup.server";
import { hashPassword } from "~/services/password.server";
import { seedDatabase } from "../../seed";
import { IMPORT_HELP, importCommand } from "./import";
import { conflictsCommand, ConflictsCommandError } from "./conflicts";
import { exportCommand, publishCommand, PublishingCliError } from "./publishing";
import { WEBHOOKS_HELP, webhooksCommand, WebhooksCliError } from "./webhooks";
import { SCHEDULE_HELP, scheduleCommand, ScheduleCommandError } from "./schedule";
import { PURGE_HELP, purgeCommand } from "./purge";

const HELP = `Barouf command line

Usage: npm run cli -- <command> [options]

Commands:
  migrate                               apply the database migrations
  seed                                  add the 2016 edition (does nothing if it exists)
  organiser add --email E --role R      create an organiser (role: admin, editor or viewer);
        [--name N] [--organisation O]   the password is read from stdin or asked for
  organiser password --email E          set an organiser's password (stdin or prompt);
                                        their login sessions end
  publish --edition SLUG [--note TEXT]  publish the next version of the programme (refused while
                                        unacknowledged error or block conflicts remain)
  export --edition SLUG --format F      write an export to stdout or --out FILE; F: barouf-json,
        [--version N] [--out FILE]      frab-json, frab-xml, ical, csv (no --version: the draft)
  backup FILE                           write a consistent copy of the database to FILE,
                                        even while the app runs
${IMPORT_HELP}
${PURGE_HELP}
  conflicts --edition SLUG              list the edition's conflicts
        [--format json|table]           JSON: one array, ISO times with the edition's offset
        [--min-level info|warning|error|block]   (default info: everything)
        [--lang fr|en]                  the table's message language (default fr)
${WEBHOOKS_HELP}
${SCHEDULE_HELP}
  help                                  this text

Environment: DATABASE_URL (default file:data/barouf.db), DATABASE_AUTH_TOKEN, WEBHOOKS_ALLOW_PRIVATE.`;

export class CliError extends Error {}

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing but the prompt.
  const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  output._writeToOutput = (s: string) => {
    if (s.includes(prompt)) output.output.write(prompt);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

function checkNewPassword(password: string) {
  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) {
    const reasons: Record<string, string> = {
      "password.tooShort": "the password must have at least 8 characters",
      "password.tooLong": "the password must have at most 128 characters",
      "password.common": "this password is too common",
    };
    throw new CliError(parsed.error.issues.map((i) => reasons[i.message] ?? i.message).join("; "));
  }
}

async function organiserAdd(db: Database, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, organisation: { type: "string" } },
  });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new CliError("--email needs a valid email address");
  if (!ORGANISER_ROLES.includes(values.role as OrganiserRole)) throw new CliError(`--role must be one of ${ORGANISER_ROLES.join(", ")}`);
  const taken = await db.select({ id: organisers.id }).from(organisers).where(eq(organisers.email, email)).get();
  if (taken) throw new CliError(`An organiser with the email ${email} already exists`);
  let organisationId: number | null = null;
  if (values.organisation) {
    const organisation = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, values.organisation)).get();
    if (!organisation) throw new CliError(`No organisation named "${values.organisation}"`);
    organisationId = organisation.id;
  }
  const password = await readPassword("Password: ");
  checkNewPassword(password);
  // The same model function as the admin page: the email is checked again in its transaction, and audited.
  const result = await createOrganiser(db, {
    organisationId,
    actor: { type: "system" },
    values: { email, name: values.name ?? email.split("@")[0]!, role: values.role as OrganiserRole },
    passwordHash: await hashPassword(password),
  });
  if (!result.ok) throw new CliError(`An organiser with the email ${email} already exists`);
  console.log(`Organiser ${email} created with the role ${values.role}.`);
}

async function organiserPassword(db: Database, args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: "string" } } });
  const email = values.email?.trim().toLowerCase();
  if (!email) throw new CliError("--email is required");
  const organiser = await db.select({ id: organisers.id }).from(organisers).where(eq(organisers.email, email)).get();
  if (!organiser) throw new CliError(`No organiser with the email ${email}`);
  const password = await readPassword("New password: ");
  checkNewPassword(password);
  await db.update(organisers).set({ passwordHash: await hashPassword(password), updatedAt: Date.now() }).where(eq(organisers.id, organiser.id));
  await endAllLoginSessionsIn(db, organiser.id);
  console.log(`Password of ${email} changed; their login sessions have ended.`);
}

export async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(HELP);
    return;
  }
  const env = getEnv();
  const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    switch (command) {
      case "migrate":
        await migrateDatabase(db);
        console.log("Migrations applied.");
        return;
      case "seed": {
        await migrateDatabase(db);
        const result = await seedDatabase(db);
        console.log(
          result.created
            ? `Seeded ${result.edition}: ${result.sessions} sessions, ${result.speakers} speakers.`
            : `${result.edition} already exists; nothing was added.`,
        );
        return;
      }
      case "organiser": {
        await migrateDatabase(db);
        const [sub, ...args] = rest;
        if (sub === "add") return await organiserAdd(db, args);
        if (sub === "password") return await organiserPassword(db, args);
        throw new CliError(`Unknown command "organiser ${sub ?? ""}". Try: npm run cli -- help`);
      }
      case "publish":
        await migrateDatabase(db);
        return await publishCommand(db, rest);
      case "export":
        await migrateDatabase(db);
        return await exportCommand(db, rest);
      case "backup": {
        const [file] = rest;
        if (!file) throw new CliError("backup needs a FILE to write");
        const result = await backupDatabase(db, { url: env.DATABASE_URL, file });
        console.log(`Backup written to ${result.file} (${result.bytes} bytes, integrity ok).`);
        return;
      }
      case "purge":
        await migrateDatabase(db);
        return await purgeCommand(db, rest, (line) => console.log(line));
      case "import":
        await migrateDatabase(db);
        return await importCommand(db, rest);
      case "conflicts": {
        await migrateDatabase(db);
        try {
          await conflictsCommand(db, rest, (text) => process.stdout.write(`${text}\n`));
        } catch (error) {
          if (error instanceof ConflictsCommandError) throw new CliError(error.message);
          throw error;
        }
        return;
      }
      case "webhooks":
        await migrateDatabase(db);
        return await webhooksCommand(db, rest, (line) => process.stdout.write(`${line}\n`));
      case "schedule": {
        await migrateDatabase(db);
        try {
          await scheduleCommand(db, rest, (text) => process.stdout.write(`${text}\n`));
        } catch (error) {
          if (error instanceof ScheduleCommandError) throw new CliError(error.message);
          throw error;
        }
        return;
      }
      default:
        throw new CliError(`Unknown command "${command}". Try: npm run cli -- help`);
    }
  } finally {
    db.$client.close();
  }
}

/** `npm run cli -- …` (bin/cli.js, through the server bundle): runs one command, says why it failed. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await run(argv);
  } catch (error: unknown) {
    if (error instanceof CliError || error instanceof PublishingCliError || error instanceof WebhooksCliError) console.error(`Error: ${error.message}`);
    else if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("ERR_PARSE_ARGS")) console.error(`Error: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  }
}
