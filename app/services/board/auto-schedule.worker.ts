// The solvers' run for « Placer automatiquement », in a worker thread so the server keeps
// answering while it runs and a cancel can stop it (auto-schedule.server.ts terminates it).
import { parentPort, workerData } from "node:worker_threads";
import type { ProgrammeInput } from "~/domain/conflicts";
import type { ScheduleOptions } from "~/domain/scheduling";
import { solveSchedule } from "../scheduling-solve.server";
import { leftConflicts } from "./auto-schedule-result";

const { input, options, timeLimit } = workerData as { input: ProgrammeInput; options: ScheduleOptions; timeLimit: number };
const solved = await solveSchedule(input, options, timeLimit);
parentPort!.postMessage({
  plan: solved.plan,
  solver: solved.solver,
  added: solved.evaluation.added.length,
  conflicts: leftConflicts(solved.evaluation.conflicts, solved.plan),
});
