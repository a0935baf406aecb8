// Undo on the board: the organiser's own board changes, newest first, as the audit log holds
// them. Pure: the rows come in.
import type { SessionStatus } from "~/domain/conflicts";
import type { BoardChangeAction } from "./view";

export type AuditPlacement = { room: string | null; roomName: string | null; startsAt: number | null; endsAt: number | null; status: SessionStatus };
export type UndoRow = { id: number; session: string; action: BoardChangeAction; before: AuditPlacement; after: AuditPlacement & { change?: string; undoes?: string } };

export type UndoTop = { change: string; action: BoardChangeAction; sessionUuids: string[]; entries: UndoRow[] };

/** The newest change of the organiser's that is neither an undo nor undone already. */
export function undoTop(rows: UndoRow[]): UndoTop | null {
  const groups: { change: string; undoes: string | null; action: BoardChangeAction; entries: UndoRow[] }[] = [];
  for (const row of rows) {
    const change = row.after.change!;
    const last = groups[groups.length - 1];
    if (last && last.change === change) last.entries.push(row);
    else groups.push({ change, undoes: row.after.undoes ?? null, action: row.action, entries: [row] });
  }
  const undone = new Set<string>();
  for (const g of groups) {
    if (g.undoes) {
      undone.add(g.undoes);
      continue;
    }
    if (undone.has(g.change)) continue;
    const entries = [...g.entries].sort((a, b) => a.id - b.id);
    return { change: g.change, action: g.action, sessionUuids: entries.map((e) => e.session), entries };
  }
  return null;
}
