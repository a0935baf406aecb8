// The engine on the seed edition with every one of its sessions taken off the grid (all
// statuses but cancelled in scope): the plan places every session the seed's own data allows,
// adds no block or error conflict, and each reason given for the others is checked here
// against the conflict engine, independently of the solver.
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { checkProgramme, createChecker, type ProgrammeInput } from "~/domain/conflicts";
import { evaluatePlan, scheduleFast, withPlacements } from "~/domain/scheduling";
import { loadProgramme } from "~/services/programme.server";
import { scheduleFastWithin } from "~/services/scheduling-solve.server";
import { freshDatabase } from "../helpers/cli";

const QUARTER = 15 * 60_000;

async function seedProgramme(): Promise<ProgrammeInput> {
  const file = freshDatabase();
  const db = await openDatabase(`file:${file}`);
  try {
    const edition = await db.query.editions.findFirst({ columns: { id: true }, where: (e, { eq }) => eq(e.slug, "grand-barouf-2016") });
    const { input } = await loadProgramme(db, { editionId: edition!.id });
    return { ...input, sessions: input.sessions.map((s) => (s.status === "cancelled" ? s : { ...s, roomId: null, start: null, end: null })) };
  } finally {
    db.$client.close();
    createClient({ url: `file:${file}` }).close();
  }
}

describe("auto-scheduling the seed edition with all its sessions unscheduled", () => {
  it("places every one of its 56 sessions (all its data allows) and adds no block or error conflict", async () => {
    const input = await seedProgramme();
    const scope = input.sessions.filter((s) => s.status !== "cancelled").map((s) => s.id);
    const options = { sessions: scope, seed: 1, effort: 20 };
    const plan = scheduleFast(input, options);

    expect(plan.placements.length + plan.unplaced.length).toBe(scope.length);
    const evaluation = evaluatePlan(input, options, plan);
    expect(evaluation.added).toEqual([]);
    expect(evaluation.objective).toBeCloseTo(plan.objective, 6);

    // The seed's own data lets every one of its sessions find a place.
    expect(plan.unplaced).toEqual([]);
    expect(plan.placements).toHaveLength(scope.length);
  });

  it("given the time, runs the fast solver again with an effort that fills the time left, and keeps the best plan", async () => {
    const input = await seedProgramme();
    const scope = input.sessions.filter((s) => s.status !== "cancelled").map((s) => s.id);
    const options = { sessions: scope, seed: 1, effort: 30 };
    // A clock that moves one tick each time it is read: a run's time is how often it read the
    // clock, the same on any machine, so what fits before the deadline does not depend on load.
    let tick = 0;
    const clock = () => tick++;
    const first = scheduleFast(input, { ...options, outOfTime: () => clock() < 0 });
    const ticks = tick;

    // Time for about ten more such runs: longer runs follow, and the plan is better than the first.
    tick = 0;
    const plan = scheduleFastWithin(input, options, ticks * 12, clock);
    expect(plan.objective).toBeLessThan(first.objective);
    const evaluation = evaluatePlan(input, options, plan);
    expect(evaluation.added).toEqual([]);
    expect(evaluation.objective).toBeCloseTo(plan.objective, 6);

    // No time for a run twice as long as the first: the first one's plan.
    tick = 0;
    expect(scheduleFastWithin(input, options, ticks * 2, clock).placements).toEqual(first.placements);
  });

  it("gives true reasons for the sessions the data forbids: a speaker available only at night, a declined speaker", async () => {
    const seed = await seedProgramme();
    const [night, declined] = seed.sessions.filter((s) => s.status !== "cancelled" && s.people.length > 0);
    const nightPerson = night!.people[0]!.personId;
    const firstDay = seed.edition.days[0]!;
    const input: ProgrammeInput = {
      ...seed,
      // Available one hour before dawn, when no room is open.
      people: seed.people.map((p) => (p.id === nightPerson ? { ...p, availability: [{ start: firstDay.start + 3 * 3_600_000, end: firstDay.start + 4 * 3_600_000 }] } : p)),
      sessions: seed.sessions.map((s) =>
        s.id === declined!.id ? { ...s, people: s.people.map((p, k) => (k === 0 ? { ...p, confirmation: "declined" as const } : p)) } : s,
      ),
    };
    const scope = input.sessions.filter((s) => s.status !== "cancelled").map((s) => s.id);
    const plan = scheduleFast(input, { sessions: scope, seed: 1, effort: 5 });
    expect(evaluatePlan(input, { sessions: scope }, plan).added).toEqual([]);
    const left = new Map(plan.unplaced.map((u) => [u.sessionId, u]));
    expect(left.get(declined!.id)?.reason).toMatchObject({ kind: "standing", rule: "SPEAKER_DECLINED" });
    expect(left.get(night!.id)?.reason.kind).toMatch(/^(closed|unavailable)$/);
    // Every session with a person available at night only is left out; every other one is placed.
    const nightSessions = input.sessions.filter((s) => s.status !== "cancelled" && s.people.some((p) => p.personId === nightPerson)).map((s) => s.id);
    expect([...left.keys()].sort()).toEqual([...new Set([declined!.id, ...nightSessions])].sort());

    // Each reason is true, judged by the conflict engine: the declined speaker's conflict is on the
    // session wherever it goes; the others add a block or error conflict at every quarter hour of every room.
    const checker = createChecker(withPlacements(input, plan.placements));
    const severe = (level: string) => level === "block" || level === "error";
    const before = checkProgramme(input);
    for (const u of plan.unplaced) {
      if (u.reason.kind === "standing") {
        const rule = u.reason.rule;
        expect(before.some((c) => c.sessions.includes(u.sessionId) && c.rule === rule && severe(c.level))).toBe(true);
        continue;
      }
      const session = input.sessions.find((s) => s.id === u.sessionId)!;
      const duration = (input.formats.find((f) => f.id === session.formatId)?.defaultMinutes ?? 60) * 60_000;
      for (const room of input.rooms) {
        for (const day of input.edition.days) {
          for (let t = day.start; t + duration <= day.end; t += QUARTER) {
            const { appeared } = checker.preview({ kind: "place", sessionId: u.sessionId, roomId: room.id, start: t, end: t + duration });
            expect(appeared.some((c) => severe(c.level)), `${u.sessionId} in ${room.id} at ${new Date(t).toISOString()}`).toBe(true);
          }
        }
      }
      expect(u.message.fr).toMatch(/n’est ouverte/);
    }
  });
});
