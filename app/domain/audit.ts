// What an audit entry keeps of a change: only the fields that changed, before and after.

export type AuditRecord = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}

/** The changed fields of `after` against `before`, both sides; ignores bookkeeping columns. */
export function diffRecords(
  before: AuditRecord,
  after: AuditRecord,
  ignore: readonly string[] = ["version", "updatedAt", "createdAt"],
): { before: AuditRecord; after: AuditRecord } | null {
  const out = { before: {} as AuditRecord, after: {} as AuditRecord };
  let changed = false;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignore.includes(key)) continue;
    if (!same(before[key], after[key])) {
      out.before[key] = before[key] ?? null;
      out.after[key] = after[key] ?? null;
      changed = true;
    }
  }
  return changed ? out : null;
}
