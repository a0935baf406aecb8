// Property tests of the auto-scheduling engine on random small instances (fast-check picks the
// instance's seed, size and days): every plan is judged from scratch by the conflict engine,
// independently of the solver's own bookkeeping.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProgramme, type ProgrammeInput } from "~/domain/conflicts";
import { evaluatePlan, scheduleExact, scheduleFast, withPlacements, type Plan } from "~/domain/scheduling";
import { loadLpSolver } from "~/services/highs.server";
import { randomInstance } from "../../helpers/scheduling-instances";

const SEVERE = new Set(["block", "error"]);

/** Block and error conflicts of the programme with the plan that the programme without it did not have. */
function severeAdded(input: ProgrammeInput, plan: Pick<Plan, "placements">): string[] {
  const before = new Set(checkProgramme(input).filter((c) => SEVERE.has(c.level)).map((c) => c.key));
  return checkProgramme(withPlacements(input, plan.placements))
    .filter((c) => SEVERE.has(c.level) && !before.has(c.key))
    .map((c) => c.key);
}

const instance = fc.record({ seed: fc.integer({ min: 1, max: 10_000 }), sessions: fc.integer({ min: 2, max: 9 }), days: fc.integer({ min: 1, max: 2 }) });

describe("auto-scheduling properties (fast-check)", () => {
  it("the fast plan adds no block or error conflict, and the plan with moves allowed neither", () => {
    fc.assert(
      fc.property(instance, fc.boolean(), ({ seed, sessions, days }, movePlaced) => {
        const input = randomInstance(seed, { sessions, days });
        const plan = scheduleFast(input, { seed, effort: 5, movePlaced });
        expect(severeAdded(input, plan)).toEqual([]);
        // The solver's objective is the one the engine computes from two full checks.
        expect(evaluatePlan(input, { movePlaced }, plan).objective).toBeCloseTo(plan.objective, 6);
      }),
      { numRuns: 25, seed: 15 },
    );
  });

  it("the same seed gives the same plan", () => {
    fc.assert(
      fc.property(instance, ({ seed, sessions, days }) => {
        const input = randomInstance(seed, { sessions, days });
        expect(scheduleFast(input, { seed, effort: 5 })).toEqual(scheduleFast(input, { seed, effort: 5 }));
      }),
      { numRuns: 10, seed: 16 },
    );
  });

  it("when HiGHS places every session, the fast solver does too on at least 95% of instances; HiGHS's plan adds no block or error conflict, and at a proven optimum the model's objective is the plan's", async () => {
    const highs = await loadLpSolver();
    // The model's own objective at its optimum is the plan's, as the checker weighs it: every pair and load variable takes the value of its conflict.
    let modelObjective: number | undefined;
    const solve: typeof highs = (lp, options) => {
      const result = highs(lp, options);
      modelObjective = result.ObjectiveValue;
      return result;
    };
    let proven = 0;
    const samples = fc.sample(fc.record({ seed: fc.integer({ min: 1, max: 10_000 }), sessions: fc.integer({ min: 2, max: 7 }) }), { numRuns: 20, seed: 17 });
    let exactPlacesAll = 0;
    let bothPlaceAll = 0;
    for (const { seed, sessions } of samples) {
      const input = randomInstance(seed, { sessions, days: 1 });
      const fast = scheduleFast(input, { seed, effort: 20 });
      const exact = scheduleExact(input, { seed }, solve, 5, fast);
      expect(exact).not.toBeNull();
      expect(severeAdded(input, exact!.plan)).toEqual([]);
      expect(evaluatePlan(input, {}, exact!.plan).objective).toBeCloseTo(exact!.plan.objective, 6);
      // Started from the fast plan, HiGHS never returns a worse one.
      expect(exact!.plan.objective).toBeLessThanOrEqual(fast.objective + 1e-6);
      if (exact!.status === "optimal") {
        proven++;
        expect(modelObjective).toBeCloseTo(exact!.plan.objective, 4);
      }
      if (exact!.plan.unplaced.length === 0) {
        exactPlacesAll++;
        if (fast.unplaced.length === 0) bothPlaceAll++;
      }
    }
    expect(proven).toBeGreaterThan(15);
    expect(exactPlacesAll).toBeGreaterThan(10);
    expect(bothPlaceAll / exactPlacesAll).toBeGreaterThanOrEqual(0.95);
  });
});

describe("auto-scheduling at a moderate size", () => {
  it("places 40 sessions among 12 placed ones and adds zero block or error conflicts", () => {
    const input = randomInstance(4242, { sessions: 40, days: 2 });
    const plan = scheduleFast(input, { seed: 1, effort: 5 });
    expect(plan.placements.length).toBeGreaterThan(30);
    expect(severeAdded(input, plan)).toEqual([]);
    expect(evaluatePlan(input, {}, plan).added).toEqual([]);
  });
});
