// Auto-scheduling benchmarks (issue 15):
//   schedule.quality  the fast solver's objective / HiGHS's best objective (the exact model, 20 s
//                     each) on the seed edition with its sessions unscheduled and on random
//                     instances of 8–120 sessions; the worst ratio over the instances HiGHS
//                     solved in its time, and the share where it proved optimality
//   schedule.place    F1 with 300 sessions to place among the rest: time to the plan, and the
//                     block/error conflicts the plan adds (must be 0), checked by a full check
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "~/db/client.server";
import type { ProgrammeInput } from "~/domain/conflicts";
import { evaluatePlan, scheduleExact, scheduleFast, scopeOf } from "~/domain/scheduling";
import { loadLpSolver } from "~/services/highs.server";
import { loadProgramme } from "~/services/programme.server";
import { seedDatabase } from "../../seed";
import { randomInstance } from "../helpers/scheduling-instances";
import { round, type BenchModule } from "./measure";
import { generateWorkload } from "./workloads";

const EXACT_SECONDS = 20;

async function unscheduledSeed(): Promise<ProgrammeInput> {
  const dir = mkdtempSync(path.join(tmpdir(), "barouf-schedule-bench-"));
  const db = await openDatabase(`file:${path.join(dir, "seed.db")}`);
  try {
    await migrateDatabase(db);
    await seedDatabase(db);
    const edition = await db.query.editions.findFirst({ columns: { id: true } });
    const { input } = await loadProgramme(db, { editionId: edition!.id });
    return {
      ...input,
      sessions: input.sessions.map((s) => (s.status === "scheduled" ? { ...s, roomId: null, start: null, end: null, status: "accepted" as const } : s)),
    };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: BenchModule = {
  name: "schedule",
  async run(ctx) {
    if (ctx.wants("schedule.quality", "BAROUF")) {
      const instances: { name: string; input: ProgrammeInput }[] = [{ name: "seed", input: await unscheduledSeed() }];
      for (const [k, n] of [8, 12, 16, 20, 60, 120].entries()) instances.push({ name: `random-${n}`, input: randomInstance(500 + k, { sessions: n, days: n > 20 ? 2 : 1 }) });
      const ratios: number[] = [];
      let proven = 0;
      for (const { name, input } of instances) {
        const t = performance.now();
        const fast = scheduleFast(input, { seed: 1 });
        const fastMs = performance.now() - t;
        const exact = scheduleExact(input, { seed: 1 }, await loadLpSolver(), EXACT_SECONDS);
        const reference = exact ? exact.plan.objective : Infinity;
        if (exact?.status === "optimal") proven++;
        if (exact) ratios.push(fast.objective / reference);
        process.stdout.write(
          `${JSON.stringify({ instance: name, sessions: input.sessions.length, fast: fast.objective, fastUnplaced: fast.unplaced.length, fastMs: round(fastMs), highs: exact?.plan.objective ?? null, highsUnplaced: exact?.plan.unplaced.length ?? null, status: exact?.status ?? "no solution", variables: exact?.variables ?? null })}\n`,
        );
      }
      // Over the instances where HiGHS found a plan in its time (none found: no ratio).
      const worst = ratios.length > 0 ? Math.max(...ratios) : NaN;
      ctx.report({
        bench: "schedule.quality",
        workload: "BAROUF",
        value: round(worst),
        unit: "× (worst fast / HiGHS)",
        baseline: null,
        ratio: round(proven / instances.length),
        target: `ratio = share proven optimal (${proven}/${instances.length}); value over the ${ratios.length} solved; ≤ 1.02`,
        pass: worst <= 1.02,
      });
    }

    if (ctx.wants("schedule.place", "F1")) {
      const w = generateWorkload("F1");
      let count = 0;
      const input: ProgrammeInput = {
        ...w,
        sessions: w.sessions.map((s, i) =>
          count < 300 && i % 3 === 0 && s.status !== "cancelled" ? (count++, { ...s, roomId: null, start: null, end: null, status: "accepted" as const }) : s,
        ),
      };
      // The organiser's time limit for the search: 4 s, so that the plan with its reasons is out within 5 s.
      const deadline = performance.now() + 4000;
      const t = performance.now();
      const plan = scheduleFast(input, { seed: 1, outOfTime: () => performance.now() > deadline });
      const ms = performance.now() - t;
      const added = evaluatePlan(input, { seed: 1 }, plan).added.length;
      ctx.report({
        bench: "schedule.place",
        workload: "F1",
        value: round(ms),
        baseline: null,
        ratio: null,
        target: `≤ 5000 ms; ${plan.placements.length}/${scopeOf(input, {}).length} placed; ${added} block/error added`,
        pass: ms <= 5000 && added === 0,
      });
      ctx.report({ bench: "schedule.place.added", workload: "F1", value: added, unit: "conflicts", baseline: null, ratio: null, target: "0", pass: added === 0 });
    }
  },
};

export default bench;
