// An auto-scheduling plan as one board change, its undo, and its judgement as a whole: pure.
import { describe, expect, it } from "vitest";
import { appearedWith } from "~/domain/board/batch";
import { planChange, type Placement, type PlanSource } from "~/domain/board/plan";
import { undoTop, type AuditPlacement, type UndoRow } from "~/domain/board/undo";
import type { SessionInput } from "~/domain/conflicts";
import { at, placed, programme, room, session } from "../conflicts/fixtures";

const DAY = "2016-03-26";
const sourceOf = (sessions: SessionInput[]): PlanSource => {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return { session: (id) => byId.get(id), version: (id) => (byId.has(id) ? 2 : undefined), hasRoom: (id) => ["A", "B"].includes(id) };
};

describe("a plan's placements as one change", () => {
  const a = placed("a", "A", DAY, "10:00", "11:00");
  const t = session("t", { status: "accepted" });
  const source = sourceOf([a, t, session("x", { status: "cancelled" })]);
  const ten = { start: at(DAY, "10:00"), end: at(DAY, "11:00") };
  const two = { start: at(DAY, "14:00"), end: at(DAY, "15:00") };

  it("places and moves every session it names, against the versions the preview read", () => {
    const result = planChange(source, { kind: "schedule", stamp: "s", seen: 1, placements: [{ session: "t", version: 1, room: "B", ...ten }, { session: "a", version: 2, room: "B", ...two }] }, null);
    expect(result).toMatchObject({
      ok: true,
      plan: {
        action: "schedule",
        undoes: null,
        engineChanges: [{ kind: "place", sessionId: "t", roomId: "B" }, { kind: "move", sessionId: "a", roomId: "B" }],
      },
    });
    if (!result.ok) throw new Error("refused");
    expect([...result.plan.expected]).toEqual([["t", 1], ["a", 2]]);
  });

  it("refuses unknown sessions or rooms, a session named twice, and cancelled sessions", () => {
    const change = (placements: { session: string; version: number; room: string; start: number; end: number }[]) => planChange(source, { kind: "schedule", stamp: "s", seen: 1, placements }, null);
    expect(change([{ session: "nope", version: 1, room: "A", ...ten }])).toEqual({ ok: false, refusal: { refused: "notFound" } });
    expect(change([{ session: "t", version: 1, room: "Z", ...ten }])).toEqual({ ok: false, refusal: { refused: "notFound" } });
    expect(change([{ session: "t", version: 1, room: "A", ...ten }, { session: "t", version: 1, room: "B", ...two }])).toEqual({ ok: false, refusal: { refused: "notFound" } });
    expect(change([{ session: "x", version: 1, room: "A", ...ten }])).toEqual({ ok: false, refusal: { refused: "cancelled", session: "x" } });
  });

  it("is undone in one step: every session back where it was", () => {
    const nowhere: AuditPlacement = { room: null, roomName: null, startsAt: null, endsAt: null, status: "accepted" };
    const at2: AuditPlacement = { room: "B", roomName: "B", startsAt: two.start, endsAt: two.end, status: "scheduled" };
    const wasTen: AuditPlacement = { room: "A", roomName: "A", startsAt: ten.start, endsAt: ten.end, status: "scheduled" };
    const tPlaced = { ...t, roomId: "B", start: ten.start, end: ten.end, status: "scheduled" as const };
    const aMoved = { ...a, roomId: "B", start: two.start, end: two.end };
    const rows: UndoRow[] = [
      { id: 9, session: "t", action: "schedule", before: nowhere, after: { room: "B", roomName: "B", startsAt: ten.start, endsAt: ten.end, status: "scheduled", change: "c1" } },
      { id: 9, session: "a", action: "schedule", before: wasTen, after: { ...at2, change: "c1" } },
    ];
    const top = undoTop(rows)!;
    expect(top).toMatchObject({ change: "c1", action: "schedule", sessionUuids: ["t", "a"] });
    const undo = planChange(sourceOf([tPlaced, aMoved]), { kind: "undo", change: "c1" }, top);
    expect(undo).toMatchObject({
      ok: true,
      plan: { action: "schedule", undoes: "c1", engineChanges: [{ kind: "unschedule", sessionId: "t" }, { kind: "move", sessionId: "a", roomId: "A", start: ten.start }] },
    });
  });
});

describe("appearedWith", () => {
  it("finds what several placements add together, which one change at a time would not show", () => {
    const input = programme({ rooms: [room("A")], sessions: [session("p", { status: "accepted" }), session("q", { status: "accepted" })] });
    const same: Placement = { roomId: "A", start: at(DAY, "10:00"), end: at(DAY, "11:00"), status: "scheduled" };
    const overlap = appearedWith(input, new Map([["p", same], ["q", same]])).filter((c) => c.rule === "ROOM_OVERLAP");
    expect(overlap).toHaveLength(1);
    expect(appearedWith(input, new Map([["p", same]])).filter((c) => c.rule === "ROOM_OVERLAP")).toEqual([]);
  });
});
