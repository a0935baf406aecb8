// The checker's state: the model, its indexes and the conflicts in force, updated in place.
// Its own module so suggestions.ts can read it without importing the checker that calls it.
import { checkModel } from "./check";
import { sortConflicts } from "./conflict";
import {
  R,
  VALID,
  buildModel,
  isOn,
  orgPeopleOf,
  personsOf,
  sessionIndexOf,
  setSessionValues,
  writePeople,
  writePlacement,
  type Model,
} from "./model";
import { dailyLoad, orgOf, orgPair, personPair, roomPair, sessionConflicts, themePair } from "./rules";
import type { Change, Conflict, ProgrammeInput, SessionInput } from "./types";

export class CheckerState {
  readonly m: Model;
  readonly index: Map<string, number>;
  readonly store = new Map<string, Conflict>();
  readonly bySession: Set<string>[];
  readonly roomMembers: Set<number>[];
  readonly personMembers: Set<number>[] = [];
  readonly themeMembers: Set<number>[];
  private sorted: Conflict[] | null = null;

  constructor(input: ProgrammeInput) {
    const m = buildModel(input);
    this.m = m;
    this.index = sessionIndexOf(m);
    this.bySession = Array.from({ length: m.n }, () => new Set<string>());
    this.roomMembers = m.rooms.map(() => new Set<number>());
    this.themeMembers = Array.from({ length: m.themeIndex.size }, () => new Set<number>());
    for (let i = 0; i < m.n; i++) this.join(i);
    for (const c of checkModel(m)) this.add(c);
  }

  conflicts(): Conflict[] {
    this.sorted ??= sortConflicts([...this.store.values()]);
    return this.sorted.slice();
  }

  indexOf(sessionId: string): number {
    const i = this.index.get(sessionId);
    if (i === undefined) throw new Error(`Unknown session: ${sessionId}`);
    return i;
  }

  /** Adds a VALID session to the room, people and theme indexes. */
  private join(i: number): void {
    const m = this.m;
    if (m.state[i] !== VALID) return;
    this.roomMembers[m.room[i]].add(i);
    for (const p of personsOf(m, i)) (this.personMembers[p] ??= new Set()).add(i);
    if (m.theme[i] >= 0) this.themeMembers[m.theme[i]].add(i);
  }

  private leave(i: number): void {
    const m = this.m;
    if (m.state[i] !== VALID) return;
    this.roomMembers[m.room[i]].delete(i);
    for (const p of personsOf(m, i)) this.personMembers[p]?.delete(i);
    if (m.theme[i] >= 0) this.themeMembers[m.theme[i]].delete(i);
  }

  /** Replaces a session's values, keeping every index in step; returns the previous values. */
  setSession(i: number, next: SessionInput): SessionInput {
    const m = this.m;
    const previous = m.sessions[i];
    this.leave(i);
    setSessionValues(m, i, next);
    writePlacement(m, i, next);
    if (next.people !== previous.people) writePeople(m, i, next.people);
    this.join(i);
    return previous;
  }

  /** Applies a change to the state; returns the sessions touched and how to undo it. */
  mutate(change: Change): { touched: number[]; undo: () => void } {
    const m = this.m;
    const edits: [number, SessionInput][] = [];
    const edit = (i: number, next: SessionInput) => edits.push([i, this.setSession(i, next)]);
    switch (change.kind) {
      case "place":
      case "move": {
        const i = this.indexOf(change.sessionId);
        edit(i, { ...m.sessions[i], roomId: change.roomId, start: change.start, end: change.end });
        break;
      }
      case "unschedule": {
        const i = this.indexOf(change.sessionId);
        edit(i, { ...m.sessions[i], roomId: null, start: null, end: null });
        break;
      }
      case "people": {
        const i = this.indexOf(change.sessionId);
        edit(i, { ...m.sessions[i], people: change.people.map((p) => ({ ...p })) });
        break;
      }
      case "swap": {
        // The two sessions exchange their slots: room, start and end.
        const a = this.indexOf(change.a);
        const b = this.indexOf(change.b);
        if (a === b) break;
        const sa = m.sessions[a];
        const sb = m.sessions[b];
        edit(a, { ...sa, roomId: sb.roomId, start: sb.start, end: sb.end });
        edit(b, { ...sb, roomId: sa.roomId, start: sa.start, end: sa.end });
        break;
      }
      default:
        throw new Error(`Unknown change: ${JSON.stringify(change satisfies never)}`);
    }
    return {
      touched: edits.map(([i]) => i),
      undo: () => {
        for (let k = edits.length - 1; k >= 0; k--) this.setSession(edits[k][0], edits[k][1]);
      },
    };
  }

  /** Person-days whose daily load a session's current placement contributes to. */
  loadScope(i: number, into: Map<string, [number, string]>): void {
    const m = this.m;
    if (m.state[i] !== VALID || !isOn(m, R.SPEAKER_DAILY_LOAD)) return;
    const date = m.day[i];
    for (const p of personsOf(m, i)) into.set(`${p}|${date}`, [p, date]);
  }

  /** Every conflict naming session i, except daily loads. */
  conflictsNaming(i: number, out: Conflict[]): void {
    const m = this.m;
    sessionConflicts(m, i, out);
    if (m.state[i] !== VALID) return;
    const start = m.start;
    const end = m.end;
    const si = start[i];
    const ei = end[i];
    if (isOn(m, R.ROOM_OVERLAP)) {
      for (const j of this.roomMembers[m.room[i]]) {
        if (j !== i && start[j] < ei && si < end[j]) roomPair(m, i, j, out);
      }
    }
    if (isOn(m, R.SPEAKER_OVERLAP) || isOn(m, R.SPEAKER_CHANGEOVER)) {
      for (const p of personsOf(m, i)) {
        const members = this.personMembers[p];
        if (members) for (const j of members) if (j !== i) personPair(m, p, i, j, out);
      }
    }
    if (isOn(m, R.THEME_PARALLEL) && m.theme[i] >= 0) {
      for (const j of this.themeMembers[m.theme[i]]) {
        if (j !== i && start[j] < ei && si < end[j]) themePair(m, i, j, out);
      }
    }
    if (isOn(m, R.ORGANISATION_PARALLEL)) {
      let candidates: Set<number> | null = null;
      let orgsSeen: number[] | null = null;
      for (const p of personsOf(m, i)) {
        const o = orgOf(m, p);
        if (o < 0 || orgsSeen?.includes(o)) continue;
        (orgsSeen ??= []).push(o);
        for (const q of orgPeopleOf(m)[o]) {
          const members = this.personMembers[q];
          if (!members) continue;
          for (const j of members) {
            if (j !== i && start[j] < ei && si < end[j]) (candidates ??= new Set()).add(j);
          }
        }
      }
      if (candidates) for (const j of candidates) orgPair(m, i, j, out);
    }
  }

  /** Recomputes every conflict in the scope of the touched sessions and person-days. */
  compute(touched: number[], loads: Map<string, [number, string]>): Map<string, Conflict> {
    const m = this.m;
    const out: Conflict[] = [];
    for (const i of touched) this.conflictsNaming(i, out);
    for (const [p, date] of loads.values()) {
      const members = this.personMembers[p];
      if (!members || members.size <= m.dailyLimit) continue;
      const sessions: number[] = [];
      for (const j of members) if (m.day[j] === date) sessions.push(j);
      dailyLoad(m, p, date, sessions, out);
    }
    const byKey = new Map<string, Conflict>();
    for (const c of out) byKey.set(c.key, c);
    return byKey;
  }

  /** The stored conflicts in the same scope. */
  stored(touched: number[], loads: Map<string, [number, string]>): Map<string, Conflict> {
    const byKey = new Map<string, Conflict>();
    for (const i of touched) for (const key of this.bySession[i]) byKey.set(key, this.store.get(key)!);
    for (const [p, date] of loads.values()) {
      const key = `SPEAKER_DAILY_LOAD|${this.m.personIds[p]}|${date}`;
      const c = this.store.get(key);
      if (c) byKey.set(key, c);
    }
    return byKey;
  }

  /** Runs a change: returns the scope's conflicts before and after, and leaves the state changed or not. */
  run(change: Change, commit: boolean): { before: Map<string, Conflict>; after: Map<string, Conflict> } {
    const loads = new Map<string, [number, string]>();
    for (const i of touchedBy(this, change)) this.loadScope(i, loads);
    const { touched, undo } = this.mutate(change);
    for (const i of touched) this.loadScope(i, loads);
    // The store still holds the state before the change: read the scope's old conflicts from it.
    const before = this.stored(touched, loads);
    const after = this.compute(touched, loads);
    if (!commit) undo();
    return { before, after };
  }

  add(c: Conflict): void {
    this.store.set(c.key, c);
    for (const id of c.sessions) this.bySession[this.index.get(id)!].add(c.key);
    this.sorted = null;
  }

  remove(c: Conflict): void {
    this.store.delete(c.key);
    for (const id of c.sessions) this.bySession[this.index.get(id)!].delete(c.key);
    this.sorted = null;
  }
}

/** The sessions a change touches, resolved before it is applied. */
function touchedBy(state: CheckerState, change: Change): number[] {
  if (change.kind === "swap") {
    const a = state.indexOf(change.a);
    const b = state.indexOf(change.b);
    return a === b ? [a] : [a, b];
  }
  return [state.indexOf(change.sessionId)];
}
