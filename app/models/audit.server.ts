import type { Queryable } from "~/db/client.server";
import { auditLog } from "~/db/schema";
import type { AuditRecord } from "~/domain/audit";
import { withholdValues, WITHHELD_AT_RECORDING } from "~/domain/personal-data";

/** Who made a change: an organiser, a speaker through their invitation, or the system. */
export type Actor =
  | { type: "organiser"; organiserId: number }
  | { type: "speaker"; speakerId: number }
  | { type: "system" };

export type AuditAction = "create" | "update" | "delete" | "acknowledge" | "withdraw" | "import" | "publish" | "invite" | "revoke" | "place" | "move" | "swap" | "unschedule" | "confirm" | "decline" | "confirmation" | "grant_access" | "revoke_access" | "purge" | "erase" | "erasure_request" | "disable" | "export";

/**
 * One audit entry; call it inside the same transaction as the change it records. Sensitive
 * values (the data map, app/domain/personal-data.ts) are withheld here, whoever the caller:
 * the entry says that the field changed, never what it holds.
 */
export async function recordAudit(
  db: Queryable,
  entry: {
    editionId: number | null;
    actor: Actor;
    entity: string;
    entityUuid: string | null;
    action: AuditAction;
    before?: AuditRecord | null;
    after?: AuditRecord | null;
    at?: number;
    /** Shared by the entries of one action that writes several (shown as one grouped entry). */
    actionId?: string | null;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    editionId: entry.editionId,
    at: entry.at ?? Date.now(),
    actorType: entry.actor.type,
    organiserId: entry.actor.type === "organiser" ? entry.actor.organiserId : null,
    speakerId: entry.actor.type === "speaker" ? entry.actor.speakerId : null,
    entity: entry.entity,
    entityUuid: entry.entityUuid,
    action: entry.action,
    before: withholdValues(entry.entity, entry.before ?? null, "before", WITHHELD_AT_RECORDING),
    after: withholdValues(entry.entity, entry.after ?? null, "after", WITHHELD_AT_RECORDING),
    actionId: entry.actionId ?? null,
  });
}

export function organiserActor(organiser: { id: number }): Actor {
  return { type: "organiser", organiserId: organiser.id };
}
