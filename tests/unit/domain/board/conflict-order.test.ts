import { describe, expect, it } from "vitest";
import { conflictCounts, orderConflicts } from "~/domain/board/conflict-order";

const c = (key: string, level: "block" | "error" | "warning" | "info", acknowledged = false) => ({ key, level, acknowledged });

describe("the board's conflict list", () => {
  it("puts open conflicts first, each part by level, keeping the engine's order within a level", () => {
    const list = [c("i1", "info"), c("w-ack", "warning", true), c("e1", "error"), c("b-ack", "block", true), c("w1", "warning"), c("e2", "error"), c("b1", "block")];
    expect(orderConflicts(list).map((x) => x.key)).toEqual(["b1", "e1", "e2", "w1", "i1", "b-ack", "w-ack"]);
  });

  it("counts as to handle only open block, error and warning conflicts, out of every non-information one", () => {
    const list = [c("i1", "info"), c("i2", "info", true), c("w-ack", "warning", true), c("e1", "error"), c("b1", "block"), c("w1", "warning")];
    expect(conflictCounts(list)).toEqual({ open: 3, count: 4, infos: 2 });
    expect(conflictCounts([c("i", "info")])).toEqual({ open: 0, count: 0, infos: 1 });
  });
});
