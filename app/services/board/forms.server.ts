// The board's forms and the preview's query, parsed by app/schemas/board.ts, as changes in instants.
import type { z } from "zod";
import type { BoardChange } from "~/domain/board/view";
import type { Locale } from "~/i18n";
import type { BoardAction, previewSchema } from "~/schemas/board";
import { checkPlacement, resolvePlacement, type EditionPlacement } from "~/schemas/placement";

/** A parsed board form → a change in instants, by the placement schema's rule (local times that do not exist, or a day outside the edition, are field errors). */
export function toBoardChange(
  input: Exclude<BoardAction, { intent: "acknowledge" }>,
  edition: EditionPlacement,
  locale: Locale,
): { ok: true; change: BoardChange } | { ok: false; errors: Record<string, string> } {
  switch (input.intent) {
    case "place": {
      const instants = placementOf(input, edition, locale);
      if (!instants.ok) return instants;
      return {
        ok: true,
        change: { kind: "place", session: input.session, version: input.version, room: input.room, start: instants.start, end: instants.end, ...(input.seen !== undefined ? { seen: input.seen } : {}) },
      };
    }
    case "swap":
      return {
        ok: true,
        change: { kind: "swap", session: input.session, version: input.version, other: input.other, otherVersion: input.otherVersion, ...(input.seen !== undefined ? { seen: input.seen } : {}) },
      };
    case "unschedule":
      return { ok: true, change: { kind: "unschedule", session: input.session, version: input.version } };
    case "undo":
      return { ok: true, change: { kind: "undo", change: input.change || null } };
  }
}

/** A drop's instants as they are, or the form's local times by time.ts's rule; then the placement rule. */
function placementOf(
  input: { startsAt?: number; endsAt?: number; date?: string; start?: string; end?: string; startOccurrence?: "first" | "second"; endOccurrence?: "first" | "second" },
  edition: EditionPlacement,
  locale: Locale,
) {
  if (input.startsAt !== undefined && input.endsAt !== undefined) return checkPlacement(edition, { start: input.startsAt, end: input.endsAt }, locale);
  return resolvePlacement(
    edition,
    { date: input.date ?? "", start: input.start ?? "", end: input.end ?? "", startOccurrence: input.startOccurrence, endOccurrence: input.endOccurrence },
    locale,
  );
}

/** The preview route's query → a change, or null when its local times do not exist. */
export function toPreviewChange(input: z.output<typeof previewSchema>, edition: EditionPlacement): Exclude<BoardChange, { kind: "undo" | "schedule" }> | null {
  if (input.kind === "place") {
    const instants = placementOf(input, edition, "en");
    return instants.ok ? { kind: "place", session: input.session, version: 0, room: input.room, start: instants.start, end: instants.end } : null;
  }
  if (input.kind === "swap") return { kind: "swap", session: input.session, version: 0, other: input.other, otherVersion: 0 };
  return { kind: "unschedule", session: input.session, version: 0 };
}
