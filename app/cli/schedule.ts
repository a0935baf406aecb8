// `npm run cli -- schedule --edition SLUG [--day YYYY-MM-DD] [--move-placed] [--time-limit SECONDS]
//   [--seed N] [--apply] [--format json|table] [--lang fr|en]`
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { editions } from "~/db/schema";
import type { Conflict } from "~/domain/conflicts";
import { toIsoWithOffset } from "~/domain/time";
import { countByLevel, REPORTED_LEVELS } from "~/services/conflicts.server";
import { applySchedule, planSchedule, ScheduleDayError, type PlannedSchedule } from "~/services/scheduling.server";

export const SCHEDULE_HELP = `  schedule --edition SLUG               place the accepted, unscheduled sessions with no new
        [--day YYYY-MM-DD]              error or block conflict and print the plan; one day only
        [--move-placed]                 placed sessions may move (pinned ones never do)
        [--time-limit SECONDS]          time the solver may spend; more time, a better plan or
                                        the same (default 10)
        [--seed N]                      the same seed and time limit give the same plan on a
                                        machine as fast (default 1)
        [--apply]                       apply the plan as one change
        [--format json|table] [--lang fr|en]`;

export class ScheduleCommandError extends Error {}

function title(planned: PlannedSchedule, id: string, lang: "fr" | "en"): string {
  const s = planned.programme.input.sessions.find((x) => x.id === id)!;
  return (lang === "en" ? (s.title.en ?? s.title.fr) : (s.title.fr ?? s.title.en)) ?? planned.programme.sessionMeta.get(id)?.slug ?? id;
}

/** Open conflicts by level, before and after the plan. */
function levelsLeft(before: Conflict[], after: Conflict[]) {
  const b = countByLevel(before);
  const a = countByLevel(after);
  return Object.fromEntries(REPORTED_LEVELS.map((level) => [level, { before: b[level].open, after: a[level].open }]));
}

function toJson(planned: PlannedSchedule) {
  const { plan, evaluation, programme } = planned;
  const tz = programme.timeZone;
  const rooms = new Map(programme.input.rooms.map((r) => [r.id, r.name]));
  return {
    placements: plan.placements.map((p) => ({
      session: p.sessionId,
      slug: programme.sessionMeta.get(p.sessionId)?.slug ?? null,
      title: title(planned, p.sessionId, "fr"),
      room: p.roomId,
      roomName: rooms.get(p.roomId) ?? null,
      start: toIsoWithOffset(p.start, tz),
      end: toIsoWithOffset(p.end, tz),
      from: p.from ? { room: p.from.roomId, start: toIsoWithOffset(p.from.start, tz), end: toIsoWithOffset(p.from.end, tz) } : null,
    })),
    unplaced: plan.unplaced.map((u) => ({
      session: u.sessionId,
      slug: programme.sessionMeta.get(u.sessionId)?.slug ?? null,
      title: title(planned, u.sessionId, "fr"),
      reason: u.reason.kind,
      message: u.message,
    })),
    solver: planned.solver,
    objective: evaluation.objective,
    terms: evaluation.terms,
    conflicts: levelsLeft(evaluation.before, evaluation.conflicts),
    addedBlockOrError: evaluation.added.length,
  };
}

function toTable(planned: PlannedSchedule, lang: "fr" | "en"): string {
  const json = toJson(planned);
  const lines: string[] = [];
  const rows = json.placements.map((p) => [p.start.slice(0, 16).replace("T", " "), p.end.slice(11, 16), p.roomName ?? "", p.from ? "moved" : "placed", title(planned, p.session, lang)]);
  const header = ["START", "END", "ROOM", "", "SESSION"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 4 ? 0 : r[i]!.length))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 4 ? cell : cell.padEnd(widths[i]!))).join("  ");
  lines.push(line(header), ...rows.map(line), `${json.placements.length} placement(s)`);
  if (json.unplaced.length > 0) {
    lines.push("", lang === "fr" ? "Non placées :" : "Not placed:");
    for (const u of json.unplaced) lines.push(`  ${title(planned, u.session, lang)} — ${u.message[lang]}`);
  }
  const t = json.terms;
  lines.push(
    "",
    `Objective (${json.solver} solver) ${json.objective} = unplaced ${t.unplaced} + conflicts ${t.conflicts} + fit ${t.fit} + free time ${t.freeTime} + moved ${t.moved}`,
    `Conflicts (before → after): ${REPORTED_LEVELS.map((level) => `${level} ${json.conflicts[level]!.before} → ${json.conflicts[level]!.after}`).join(", ")}`,
  );
  return lines.join("\n");
}

export async function scheduleCommand(db: Database, args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      edition: { type: "string" },
      day: { type: "string" },
      "move-placed": { type: "boolean", default: false },
      "time-limit": { type: "string", default: "10" },
      seed: { type: "string", default: "1" },
      apply: { type: "boolean", default: false },
      format: { type: "string", default: "table" },
      lang: { type: "string", default: "fr" },
    },
  });
  if (!values.edition) throw new ScheduleCommandError("--edition SLUG is required");
  if (values.format !== "json" && values.format !== "table") throw new ScheduleCommandError("--format must be json or table");
  if (values.lang !== "fr" && values.lang !== "en") throw new ScheduleCommandError("--lang must be fr or en");
  if (values.day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.day)) throw new ScheduleCommandError("--day must be a date, YYYY-MM-DD");
  const timeLimit = Number(values["time-limit"]);
  if (!(timeLimit > 0 && timeLimit <= 3600)) throw new ScheduleCommandError("--time-limit must be a number of seconds between 0 and 3600");
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new ScheduleCommandError("--seed must be an integer");
  const edition = await db.select({ id: editions.id }).from(editions).where(eq(editions.slug, values.edition)).get();
  if (!edition) throw new ScheduleCommandError(`No edition with the slug "${values.edition}"`);

  let planned: PlannedSchedule;
  try {
    planned = await planSchedule(db, { editionId: edition.id, day: values.day ?? null, movePlaced: values["move-placed"], seed, timeLimit });
  } catch (error) {
    if (error instanceof ScheduleDayError) throw new ScheduleCommandError(error.message);
    throw error;
  }
  if (planned.plan.placements.length === 0) {
    out(values.format === "json" ? JSON.stringify({ ...toJson(planned), applied: null }, null, 2) : toTable(planned, values.lang));
    throw new ScheduleCommandError(
      planned.plan.unplaced.length === 0 ? "No session to place" : `Nothing can be placed (${planned.plan.unplaced.length} session(s) left unplaced)`,
    );
  }
  const outcome = values.apply ? await applySchedule(db, { planned, locale: values.lang }) : null;
  if (values.format === "json") out(JSON.stringify({ ...toJson(planned), applied: outcome }, null, 2));
  else {
    out(toTable(planned, values.lang));
    if (outcome?.ok) {
      out(`Applied: ${outcome.placed} placed, ${outcome.moved} moved, ${outcome.reconfirm} speaker confirmation(s) to renew (change ${outcome.change}).`);
    }
  }
  if (outcome && !outcome.ok) throw new ScheduleCommandError(outcome.message);
}
