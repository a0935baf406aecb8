// Test helpers for publishing: acknowledge what blocks a publish, as an organiser would on the
// conflicts page (one written reason per conflict).
import type { Database } from "~/db/client.server";
import { conflictAcknowledgements } from "~/db/schema";
import { checkProgramme, fingerprintFor } from "~/domain/conflicts";
import { loadProgramme } from "~/services/programme.server";
import { blockingConflicts } from "~/services/publishing.server";

export async function acknowledgeBlockingConflicts(db: Database, editionId: number): Promise<number> {
  const loaded = await loadProgramme(db, { editionId });
  const blocking = blockingConflicts(checkProgramme(loaded.input));
  for (const conflict of blocking) {
    await db.insert(conflictAcknowledgements).values({
      editionId,
      rule: conflict.rule,
      key: conflict.key,
      fingerprint: fingerprintFor(loaded.input, conflict),
      sessionUuids: conflict.sessions,
      speakerUuids: conflict.people,
      roomUuids: conflict.rooms,
      reason: "Accepted for the test",
    });
  }
  return blocking.length;
}
