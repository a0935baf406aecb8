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
  it("places every session its data allows, adds no block or error conflict, and the reasons for the others are true", async () => {
    const input = await seedProgramme();
    const scope = input.sessions.filter((s) => s.status !== "cancelled").map((s) => s.id);
    const options = { sessions: scope, seed: 1, effort: 20 };
    const plan = scheduleFast(input, options);

    expect(plan.placements.length + plan.unplaced.length).toBe(scope.length);
    const evaluation = evaluatePlan(input, options, plan);
    expect(evaluation.added).toEqual([]);
    expect(evaluation.objective).toBeCloseTo(plan.objective, 6);

    // Every session left out truly has no place: in the programme with the plan, each start
    // (every quarter of an hour of the edition's days, in every room) adds a block or error
    // conflict, by the incremental checker's own judgement.
    const after = withPlacements(input, plan.placements);
    const checker = createChecker(after);
    const severe = (level: string) => level === "block" || level === "error";
    const baseConflicts = checkProgramme(input);
    for (const u of plan.unplaced) {
      if (u.reason.kind === "standing") {
        // A blocking conflict that follows the session wherever it goes is on it already.
        expect(baseConflicts.some((c) => c.sessions.includes(u.sessionId) && c.rule === (u.reason as { rule: string }).rule && severe(c.level))).toBe(true);
        continue;
      }
      const session = input.sessions.find((s) => s.id === u.sessionId)!;
      const format = input.formats.find((f) => f.id === session.formatId);
      const duration = (format?.defaultMinutes ?? 60) * 60_000;
      for (const room of input.rooms) {
        for (const day of input.edition.days) {
          for (let t = day.start; t + duration <= day.end; t += QUARTER) {
            const { appeared } = checker.preview({ kind: "place", sessionId: u.sessionId, roomId: room.id, start: t, end: t + duration });
            expect(appeared.some((c) => severe(c.level)), `${u.sessionId} in ${room.id} at ${new Date(t).toISOString()}`).toBe(true);
          }
        }
      }
    }
    // The seed's accepted sessions all find a place; only sessions whose own data forbids it are left.
    const accepted = new Set(input.sessions.filter((s) => s.status === "accepted" || s.status === "scheduled").map((s) => s.id));
    expect(plan.unplaced.filter((u) => accepted.has(u.sessionId) && u.reason.kind !== "standing")).toEqual([]);
    for (const u of plan.unplaced) expect(u.message.fr.length).toBeGreaterThan(10);
  });
});
