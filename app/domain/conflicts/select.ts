// Which conflicts an organiser asked to see: filters of the conflicts page and the CLI.
import type { Conflict, Level, RuleId } from "./types";
import { LEVELS, RULES } from "./types";

export type ConflictSelection = {
  /** Exactly this level. */
  level?: Exclude<Level, "off">;
  /** This level or more severe. */
  minLevel?: Exclude<Level, "off">;
  rule?: string;
  state?: "open" | "acknowledged";
  /** Words to find in the message (either language), accents and case ignored. */
  q?: string;
};

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function isRuleId(value: string): value is RuleId {
  return (RULES as readonly string[]).includes(value);
}

export function selectConflicts(conflicts: readonly Conflict[], selection: ConflictSelection): Conflict[] {
  const maxRank = selection.minLevel ? LEVELS.indexOf(selection.minLevel) : LEVELS.length;
  const words = selection.q ? fold(selection.q).split(/\s+/).filter(Boolean) : [];
  const rule = selection.rule && isRuleId(selection.rule) ? selection.rule : undefined;
  return conflicts.filter((conflict) => {
    if (selection.level && conflict.level !== selection.level) return false;
    if (LEVELS.indexOf(conflict.level) > maxRank) return false;
    if (rule && conflict.rule !== rule) return false;
    if (selection.state === "open" && conflict.acknowledged) return false;
    if (selection.state === "acknowledged" && !conflict.acknowledged) return false;
    if (words.length > 0) {
      const text = fold(`${conflict.message.fr} ${conflict.message.en}`);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  });
}
