// « Placer automatiquement » on the board: the form's choices, a plan computed in a worker
// thread (nothing written; a cancel terminates it), the plan as a preview (a list and the
// grid's days with proposed cards), and the ticked proposals applied as one board change.
import { pathToFileURL } from "node:url";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Database, Queryable } from "~/db/client.server";
import { isPlaced, titleOf } from "~/domain/board/day-view";
import type { BoardOutcome } from "~/domain/board/view";
import type { SessionInput } from "~/domain/conflicts";
import { formatLocalDate } from "~/domain/format";
import { localDate, localTime } from "~/domain/time";
import { translate, type Locale } from "~/i18n";
import type { AutoApplyInput, AutoPlanInput } from "~/schemas/auto-schedule";
import { applyBoardChange } from "./change.server";
import { currentProgramme } from "../programme-cache.server";
import { loadSchedule, ScheduleDayError } from "../scheduling.server";
import { proposalValue, type SolverResult } from "./auto-schedule-result";

export type AutoFormData = { days: { date: string; label: string }[]; tray: { id: string; title: string }[] };

export type AutoProposal = {
  /** The checkbox's value: what applying it needs (session, version, room, instants). */
  value: string;
  session: string;
  title: string;
  roomId: string;
  roomName: string;
  date: string;
  start: string;
  end: string;
  startsAt: number;
  endsAt: number;
  /** Where a session that moves was, in words. */
  from: string | null;
  conflicts: { key: string; level: string; message: string }[];
};
export type AutoCard = { id: string; title: string; roomId: string; startsAt: number; endsAt: number; start: string; end: string; proposed: boolean };
export type AutoDay = { date: string; label: string; rooms: { id: string; name: string }[]; start: number; end: number; hours: { at: number; label: string }[]; cards: AutoCard[] };
export type AutoPreview = {
  stamp: string;
  seen: number;
  solver: "fast" | "exact";
  proposals: AutoProposal[];
  unplaced: { session: string; title: string; reason: string }[];
  days: AutoDay[];
};

export class AutoScheduleCancelled extends Error {}
/** A run is already under way for this edition. */
export class AutoScheduleBusy extends Error {}

/**
 * The editions with a run under way (this server process): one run per edition at a time, so
 * that two organisers cannot fill a worker each for the same programme, and a double click
 * does not start a second run.
 */
const running = new Set<number>();

/** The edition's days and the sessions waiting in the tray (accepted, not placed). */
export async function autoScheduleForm(db: Queryable, { editionId, locale }: { editionId: number; locale: Locale }): Promise<AutoFormData> {
  const { programme } = await currentProgramme(db, editionId);
  return {
    days: programme.input.edition.days.map((d) => ({ date: d.date, label: formatLocalDate(d.date, locale) })),
    tray: programme.input.sessions
      .filter((s) => !isPlaced(s) && (s.status === "accepted" || s.status === "scheduled"))
      .map((s) => ({ id: s.id, title: titleOf(s, locale) }))
      .sort((a, b) => a.title.localeCompare(b.title, locale)),
  };
}

/** A plan for the form's choices, as a preview. Writes nothing; an aborted `signal` stops the solvers. */
export async function previewAutoSchedule(
  db: Queryable,
  args: { editionId: number; locale: Locale; input: AutoPlanInput; signal?: AbortSignal; now?: number },
): Promise<AutoPreview> {
  // Taken before anything is awaited, so that a second request for the edition sees it.
  if (running.has(args.editionId)) throw new AutoScheduleBusy("busy");
  running.add(args.editionId);
  try {
    return await previewOnce(db, args);
  } finally {
    running.delete(args.editionId);
  }
}

async function previewOnce(db: Queryable, args: Parameters<typeof previewAutoSchedule>[1]): Promise<AutoPreview> {
  const { input, locale } = args;
  // Read before the programme: any change after this instant is one the preview did not see.
  const seen = args.now ?? Date.now();
  const { programme, stamp, options } = await loadSchedule(db, {
    editionId: args.editionId,
    day: input.scope === "day" ? input.day : null,
    ...(input.scope === "selected" ? { sessions: input.sessions } : {}),
    movePlaced: input.movePlaced,
  });
  const result = await runSolver({ input: programme.input, options, timeLimit: input.timeLimit }, args.signal);
  const { rooms, sessions } = programme.input;
  const tz = programme.timeZone;
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const title = (id: string) => titleOf(byId.get(id)!, locale);
  const when = (start: number, end: number) => ({ date: localDate(start, tz), start: localTime(start, tz), end: localTime(end, tz) });
  const proposals: AutoProposal[] = result.plan.placements.map((p) => ({
    value: proposalValue({ session: p.sessionId, version: programme.sessionMeta.get(p.sessionId)!.version, room: p.roomId, start: p.start, end: p.end }),
    session: p.sessionId,
    title: title(p.sessionId),
    roomId: p.roomId,
    roomName: roomName.get(p.roomId) ?? "?",
    ...when(p.start, p.end),
    startsAt: p.start,
    endsAt: p.end,
    from: p.from
      ? translate(locale, "board.placement.at", {
          room: roomName.get(p.from.roomId) ?? "?",
          day: formatLocalDate(localDate(p.from.start, tz), locale),
          start: localTime(p.from.start, tz),
          end: localTime(p.from.end, tz),
        })
      : null,
    conflicts: result.conflicts.filter((c) => c.sessions.includes(p.sessionId)).map((c) => ({ key: c.key, level: c.level, message: c.message[locale] })),
  }));
  proposals.sort((a, b) => a.startsAt - b.startsAt || a.roomName.localeCompare(b.roomName));
  return {
    stamp,
    seen,
    solver: result.solver,
    proposals,
    unplaced: result.plan.unplaced.map((u) => ({ session: u.sessionId, title: title(u.sessionId), reason: u.message[locale] })),
    days: previewDays(programme.input.edition.days, rooms, sessions, proposals, { tz, locale }),
  };
}

export type PreviewAnswer =
  | { ok: true; preview: AutoPreview }
  | { ok: false; status: 400; errors: Record<string, string> }
  | { ok: false; status: 409; errors: Record<string, string> }
  | { ok: false; status: 499; errors: Record<string, string> };

/** The preview, or why there is none: a day that is not the edition's (400), a run already under way for the edition (409), a cancel (499, the client has gone). */
export async function answerPreview(db: Queryable, args: Parameters<typeof previewAutoSchedule>[1]): Promise<PreviewAnswer> {
  try {
    return { ok: true, preview: await previewAutoSchedule(db, args) };
  } catch (error) {
    if (error instanceof ScheduleDayError) return { ok: false, status: 400, errors: { day: "structure.unknownChoice" } };
    if (error instanceof AutoScheduleBusy) return { ok: false, status: 409, errors: { _form: "auto.busy" } };
    if (error instanceof AutoScheduleCancelled) return { ok: false, status: 499, errors: { _form: "auto.cancelled" } };
    throw error;
  }
}

/** Applies the ticked proposals as one board change (refused if the programme changed since the preview). */
export function applyAutoSchedule(
  db: Database,
  args: { editionId: number; organiser: { id: number }; locale: Locale; input: AutoApplyInput },
): Promise<BoardOutcome> {
  const { input } = args;
  return applyBoardChange(db, {
    editionId: args.editionId,
    organiser: args.organiser,
    locale: args.locale,
    change: { kind: "schedule", placements: input.proposals, stamp: input.stamp, seen: input.seen },
  });
}

const HOUR = 3_600_000;

/** The days the proposals fall on: every room, the sessions that stay, and the proposed cards. */
function previewDays(
  days: { date: string }[],
  rooms: { id: string; name: string }[],
  sessions: SessionInput[],
  proposals: AutoProposal[],
  { tz, locale }: { tz: string; locale: Locale },
): AutoDay[] {
  const moving = new Set(proposals.map((p) => p.session));
  return days.flatMap(({ date }) => {
    const proposed = proposals.filter((p) => p.date === date);
    if (proposed.length === 0) return [];
    const staying: AutoCard[] = sessions
      .filter((s) => isPlaced(s) && !moving.has(s.id) && localDate(s.start!, tz) === date)
      .map((s) => ({ id: s.id, title: titleOf(s, locale), roomId: s.roomId!, startsAt: s.start!, endsAt: s.end!, start: localTime(s.start!, tz), end: localTime(s.end!, tz), proposed: false }));
    const cards = [
      ...staying,
      ...proposed.map((p) => ({ id: p.session, title: p.title, roomId: p.roomId, startsAt: p.startsAt, endsAt: p.endsAt, start: p.start, end: p.end, proposed: true })),
    ];
    const first = Math.min(...cards.map((c) => c.startsAt));
    const last = Math.max(...cards.map((c) => c.endsAt));
    const start = first - (((first % HOUR) + HOUR) % HOUR);
    const end = Math.ceil(last / HOUR) * HOUR;
    const hours = Array.from({ length: Math.round((end - start) / HOUR) }, (_, i) => ({ at: start + i * HOUR, label: localTime(start + i * HOUR, tz) }));
    return [{ date, label: formatLocalDate(date, locale), rooms: rooms.map((r) => ({ id: r.id, name: r.name })), start, end, hours, cards }];
  });
}

// The worker loads TypeScript through tsx, as the server and the command line do; it lives
// beside this file in the sources (the server bundle does not hold it).
const WORKER = pathToFileURL(path.join(process.cwd(), "app", "services", "board", "auto-schedule.worker.ts")).href;
const BOOT = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); });`;

function runSolver(data: { input: unknown; options: unknown; timeLimit: number }, signal?: AbortSignal): Promise<SolverResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AutoScheduleCancelled("cancelled"));
    const worker = new Worker(BOOT, { eval: true, workerData: data });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", cancel);
      void worker.terminate();
      fn();
    };
    const cancel = () => settle(() => reject(new AutoScheduleCancelled("cancelled")));
    signal?.addEventListener("abort", cancel, { once: true });
    worker.once("message", (result: SolverResult) => settle(() => resolve(result)));
    worker.once("error", (error) => settle(() => reject(error)));
    worker.once("exit", (code) => settle(() => reject(new Error(`The scheduling worker stopped (exit code ${code})`))));
  });
}
