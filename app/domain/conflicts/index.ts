// The conflict engine: pure functions over the programme's plain data (see CONFLICTS.md and
// docs/decisions/0005-conflict-engine.md).
export * from "./types";
export { checkProgramme } from "./check";
export { compareConflicts, fingerprintFor, sortConflicts } from "./conflict";
export { createChecker } from "./checker";
export { PLACEMENT_RULES, blocksPlacement } from "./suggestions";
export { isRuleId, selectConflicts, type ConflictSelection } from "./select";
