// Undo and the plan of a board change: pure, over values.
import { describe, expect, it } from "vitest";
import { planChange, type PlanSource } from "~/domain/board/plan";
import { undoTop, type AuditPlacement, type UndoRow } from "~/domain/board/undo";
import type { SessionInput } from "~/domain/conflicts";
import { at, placed, session } from "../conflicts/fixtures";

const NOWHERE: AuditPlacement = { room: null, roomName: null, startsAt: null, endsAt: null, status: "accepted" };
const where = (room: string, start: number, end: number): AuditPlacement => ({ room, roomName: room, startsAt: start, endsAt: end, status: "scheduled" });

let nextId = 100;
/** Audit rows come newest first (highest id first), as the service reads them. */
function row(sessionUuid: string, action: UndoRow["action"], before: AuditPlacement, after: AuditPlacement, change: string, undoes?: string): UndoRow {
  return { id: nextId--, session: sessionUuid, action, before, after: { ...after, change, ...(undoes ? { undoes } : {}) } };
}

describe("undoTop", () => {
  it("is the newest change, its sessions in the order they were written", () => {
    const ten = where("A", at("2016-03-26", "10:00"), at("2016-03-26", "11:00"));
    const two = where("B", at("2016-03-26", "14:00"), at("2016-03-26", "15:00"));
    const rows = [row("y", "swap", two, ten, "c2"), row("x", "swap", ten, two, "c2"), row("x", "place", NOWHERE, ten, "c1")];
    expect(undoTop(rows)).toMatchObject({ change: "c2", action: "swap", sessionUuids: ["x", "y"] });
  });

  it("skips undos and what they undid, down to the next change; nothing when all is undone", () => {
    const ten = where("A", at("2016-03-26", "10:00"), at("2016-03-26", "11:00"));
    const rows = [row("x", "unschedule", ten, NOWHERE, "u2", "c2"), row("x", "place", NOWHERE, ten, "c2"), row("y", "place", NOWHERE, ten, "c1")];
    expect(undoTop(rows)?.change).toBe("c1");
    expect(undoTop([row("x", "unschedule", ten, NOWHERE, "u1", "c1"), row("x", "place", NOWHERE, ten, "c1")])).toBeNull();
    expect(undoTop([])).toBeNull();
  });
});

function sourceOf(sessions: SessionInput[], versions: Record<string, number> = {}): PlanSource {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return { session: (id) => byId.get(id), version: (id) => (byId.has(id) ? (versions[id] ?? 1) : undefined), hasRoom: (id) => ["A", "B"].includes(id) };
}

describe("planChange", () => {
  const a = placed("a", "A", "2016-03-26", "10:00", "11:00");
  const b = placed("b", "B", "2016-03-26", "14:00", "15:00");
  const tray = session("t", { status: "accepted" });
  const source = sourceOf([a, b, tray, session("x", { status: "cancelled" })], { a: 3 });

  it("places a tray session (place) and moves a placed one (move), expecting the versions posted", () => {
    const placing = planChange(source, { kind: "place", session: "t", version: 1, room: "A", start: 1, end: 2 }, null);
    expect(placing).toMatchObject({ ok: true, plan: { action: "place", engineChanges: [{ kind: "place", sessionId: "t" }], undoes: null } });
    const moving = planChange(source, { kind: "place", session: "a", version: 2, room: "B", start: 1, end: 2 }, null);
    if (!moving.ok) throw new Error("refused");
    expect(moving.plan.action).toBe("move");
    expect([...moving.plan.expected]).toEqual([["a", 2]]);
    expect(moving.plan.targets.get("a")).toEqual({ roomId: "B", start: 1, end: 2, status: "scheduled" });
  });

  it("swaps places and statuses, and unschedules back to accepted", () => {
    const swap = planChange(source, { kind: "swap", session: "a", version: 3, other: "t", otherVersion: 1 }, null);
    if (!swap.ok) throw new Error("refused");
    expect(swap.plan.targets.get("a")).toEqual({ roomId: null, start: null, end: null, status: "accepted" });
    expect(swap.plan.targets.get("t")).toEqual({ roomId: "A", start: a.start, end: a.end, status: "scheduled" });
    const off = planChange(source, { kind: "unschedule", session: "b", version: 1 }, null);
    expect(off).toMatchObject({ ok: true, plan: { action: "unschedule", targets: new Map([["b", { roomId: null, start: null, end: null, status: "accepted" }]]) } });
  });

  it("refuses an unknown session or room, a cancelled session, and a swap with itself", () => {
    expect(planChange(source, { kind: "unschedule", session: "nope", version: 1 }, null)).toEqual({ ok: false, refusal: { refused: "notFound" } });
    expect(planChange(source, { kind: "place", session: "t", version: 1, room: "Z", start: 1, end: 2 }, null)).toEqual({ ok: false, refusal: { refused: "notFound" } });
    expect(planChange(source, { kind: "unschedule", session: "x", version: 1 }, null)).toEqual({ ok: false, refusal: { refused: "cancelled", session: "x" } });
    expect(planChange(source, { kind: "swap", session: "a", version: 3, other: "x", otherVersion: 1 }, null)).toEqual({ ok: false, refusal: { refused: "cancelled", session: "x" } });
    expect(planChange(source, { kind: "swap", session: "a", version: 3, other: "a", otherVersion: 3 }, null)).toEqual({ ok: false, refusal: { refused: "swapSelf" } });
  });

  it("undoes the newest change if its sessions are still as left, against their current versions", () => {
    const moved = row("a", "move", where("B", 5, 6), where("A", a.start!, a.end!), "c1");
    const top = undoTop([moved])!;
    const undo = planChange(source, { kind: "undo", change: null }, top);
    expect(undo).toMatchObject({ ok: true, plan: { action: "move", undoes: "c1", engineChanges: [{ kind: "move", sessionId: "a", roomId: "B", start: 5, end: 6 }] } });
    if (!undo.ok) throw new Error("refused");
    expect([...undo.plan.expected]).toEqual([["a", 3]]);
    // Undoing a placement unschedules.
    const placing = undoTop([row("a", "place", NOWHERE, where("A", a.start!, a.end!), "c0")])!;
    expect(planChange(source, { kind: "undo", change: "c0" }, placing)).toMatchObject({ ok: true, plan: { action: "unschedule", engineChanges: [{ kind: "unschedule" }] } });
  });

  it("refuses an undo with nothing to undo, of another change, or of a session someone moved since", () => {
    expect(planChange(source, { kind: "undo", change: null }, null)).toEqual({ ok: false, refusal: { refused: "nothingToUndo" } });
    const top = undoTop([row("a", "move", where("B", 5, 6), where("A", a.start!, a.end!), "c1")])!;
    expect(planChange(source, { kind: "undo", change: "other" }, top)).toEqual({ ok: false, refusal: { refused: "nothingToUndo" } });
    const stale = undoTop([row("b", "move", where("A", 5, 6), where("A", 7, 8), "c2")])!;
    expect(planChange(source, { kind: "undo", change: null }, stale)).toEqual({ ok: false, refusal: { refused: "moved", sessions: ["b"] } });
  });
});
