// The first step of a board change: what it does to each session it touches, and the versions
// it was made against. Pure: the programme's sessions, versions and rooms and the organiser's
// newest undoable change come in; refusals come back as values, for the service to word.
import type { Change, SessionInput, SessionStatus } from "~/domain/conflicts";
import { isPlaced } from "./day-view";
import type { UndoTop } from "./undo";
import type { BoardChange, BoardChangeAction, SchedulePlacement } from "./view";

export type Placement = { roomId: string | null; start: number | null; end: number | null; status: SessionStatus };

export type ChangePlan = {
  action: BoardChangeAction;
  /** The same change for the conflict engine (several, applied in order, for a plan's placements). */
  engineChanges: Change[];
  /** The version each touched session must still have. */
  expected: Map<string, number>;
  /** Where each touched session goes, in the order the change names them. */
  targets: Map<string, Placement>;
  /** The change an undo takes back. */
  undoes: string | null;
};

export type PlanRefusal =
  | { refused: "notFound" }
  | { refused: "nothingToUndo" }
  | { refused: "cancelled"; session: string }
  | { refused: "swapSelf" }
  /** An undo of sessions someone moved since: it would undo their change. */
  | { refused: "moved"; sessions: string[] };

export type PlanSource = {
  session: (uuid: string) => SessionInput | undefined;
  version: (uuid: string) => number | undefined;
  hasRoom: (uuid: string) => boolean;
};

export type PlanResult = { ok: true; plan: ChangePlan } | { ok: false; refusal: PlanRefusal };

/** `undo`: the organiser's newest undoable change (only read for an undo). */
export function planChange(source: PlanSource, change: BoardChange, undo: UndoTop | null): PlanResult {
  const refuse = (refusal: PlanRefusal): PlanResult => ({ ok: false, refusal });
  if (change.kind === "undo") {
    if (!undo || (change.change && change.change !== undo.change)) return refuse({ refused: "nothingToUndo" });
    return planUndo(source, undo);
  }
  if (change.kind === "schedule") return planSchedule(source, change.placements);
  const s = source.session(change.session);
  if (!s) return refuse({ refused: "notFound" });
  const expected = new Map<string, number>([[change.session, change.version]]);
  const targets = new Map<string, Placement>();
  if (s.status === "cancelled") return refuse({ refused: "cancelled", session: s.id });
  if (change.kind === "place") {
    if (!source.hasRoom(change.room)) return refuse({ refused: "notFound" });
    const action = isPlaced(s) ? "move" : "place";
    targets.set(s.id, { roomId: change.room, start: change.start, end: change.end, status: "scheduled" });
    const engineChange: Change = { kind: action, sessionId: s.id, roomId: change.room, start: change.start, end: change.end };
    return { ok: true, plan: { action, engineChanges: [engineChange], expected, targets, undoes: null } };
  }
  if (change.kind === "unschedule") {
    targets.set(s.id, { roomId: null, start: null, end: null, status: s.status === "scheduled" ? "accepted" : s.status });
    return { ok: true, plan: { action: "unschedule", engineChanges: [{ kind: "unschedule", sessionId: s.id }], expected, targets, undoes: null } };
  }
  const o = source.session(change.other);
  if (!o) return refuse({ refused: "notFound" });
  if (o.id === s.id) return refuse({ refused: "swapSelf" });
  if (o.status === "cancelled") return refuse({ refused: "cancelled", session: o.id });
  expected.set(o.id, change.otherVersion);
  const placedStatus = (x: SessionInput, placed: boolean): SessionStatus => (placed ? "scheduled" : x.status === "scheduled" ? "accepted" : x.status);
  targets.set(s.id, { roomId: o.roomId, start: o.start, end: o.end, status: placedStatus(s, isPlaced(o)) });
  targets.set(o.id, { roomId: s.roomId, start: s.start, end: s.end, status: placedStatus(o, isPlaced(s)) });
  return { ok: true, plan: { action: "swap", engineChanges: [{ kind: "swap", a: s.id, b: o.id }], expected, targets, undoes: null } };
}

/** Puts back what the organiser's newest change moved, if it is still as they left it. */
function planUndo(source: PlanSource, top: UndoTop): PlanResult {
  const expected = new Map<string, number>();
  const targets = new Map<string, Placement>();
  const moved: string[] = [];
  for (const e of top.entries) {
    const s = source.session(e.session);
    if (!s) return { ok: false, refusal: { refused: "notFound" } };
    if (s.roomId !== e.after.room || s.start !== e.after.startsAt || s.end !== e.after.endsAt) moved.push(e.session);
    expected.set(e.session, source.version(e.session)!);
    targets.set(e.session, { roomId: e.before.room, start: e.before.startsAt, end: e.before.endsAt, status: e.before.status });
  }
  if (moved.length > 0) return { ok: false, refusal: { refused: "moved", sessions: moved } };
  if (top.action === "schedule") {
    // An auto-scheduling change: every session back where it was, as one change.
    const engineChanges = [...targets].map(([uuid, t]) => engineChangeOf(source.session(uuid)!, t));
    return { ok: true, plan: { action: "schedule", engineChanges, expected, targets, undoes: top.change } };
  }
  if (top.action === "swap" && top.entries.length === 2) {
    const engineChange: Change = { kind: "swap", a: top.entries[0]!.session, b: top.entries[1]!.session };
    return { ok: true, plan: { action: "swap", engineChanges: [engineChange], expected, targets, undoes: top.change } };
  }
  const e = top.entries[0]!;
  const t = targets.get(e.session)!;
  const wasPlaced = e.after.room !== null;
  const action: BoardChangeAction = t.roomId === null ? "unschedule" : wasPlaced ? "move" : "place";
  const engineChange: Change =
    t.roomId === null || t.start === null || t.end === null
      ? { kind: "unschedule", sessionId: e.session }
      : { kind: wasPlaced ? "move" : "place", sessionId: e.session, roomId: t.roomId, start: t.start, end: t.end };
  return { ok: true, plan: { action, engineChanges: [engineChange], expected, targets, undoes: top.change } };
}

/** An auto-scheduling plan's placements, as one change (sessions that are gone or cancelled refuse it). */
function planSchedule(source: PlanSource, placements: SchedulePlacement[]): PlanResult {
  const expected = new Map<string, number>();
  const targets = new Map<string, Placement>();
  const engineChanges: Change[] = [];
  for (const p of placements) {
    const s = source.session(p.session);
    if (!s || !source.hasRoom(p.room) || targets.has(p.session)) return { ok: false, refusal: { refused: "notFound" } };
    if (s.status === "cancelled") return { ok: false, refusal: { refused: "cancelled", session: s.id } };
    expected.set(s.id, p.version);
    const target: Placement = { roomId: p.room, start: p.start, end: p.end, status: "scheduled" };
    targets.set(s.id, target);
    engineChanges.push(engineChangeOf(s, target));
  }
  return { ok: true, plan: { action: "schedule", engineChanges, expected, targets, undoes: null } };
}

/** One session going to a placement (or off the grid), for the conflict engine. */
function engineChangeOf(s: SessionInput, t: Placement): Change {
  if (t.roomId === null || t.start === null || t.end === null) return { kind: "unschedule", sessionId: s.id };
  return { kind: isPlaced(s) ? "move" : "place", sessionId: s.id, roomId: t.roomId, start: t.start, end: t.end };
}
