// Erasure down to the bytes: the database file (and its write-ahead log) searched for values
// that must be gone, and a speaker given private values everywhere Barouf keeps them.
import { eq } from "drizzle-orm";
import { existsSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import { auditLog, emails, invitations, speakers } from "~/db/schema";
import { recordAudit } from "~/models/audit.server";
import { addAvailability } from "../../seed/factories";
import { db } from "./app";

export function databaseBytes(): Buffer {
  const file = process.env.DATABASE_URL!.slice("file:".length);
  const parts = [readFileSync(file)];
  if (existsSync(`${file}-wal`)) parts.push(readFileSync(`${file}-wal`));
  return Buffer.concat(parts);
}

export async function checkpoint() {
  await (await db()).$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
}

export function expectNowhere(values: string[]) {
  const bytes = databaseBytes();
  for (const value of values) {
    expect(bytes.includes(Buffer.from(value, "utf8")), `${value} is still in the database file`).toBe(false);
    expect(bytes.includes(Buffer.from(value.toLowerCase(), "utf8")), `${value} (folded) is still in the database file`).toBe(false);
  }
}

/** Gives a speaker private values, an audit trail of them (as old entries held them), an invitation and a stored email. */
export async function givePrivateData(speaker: { id: number; uuid: string; editionId: number }, marks: { email: string; phone: string; needs: string }) {
  const database = await db();
  await database.update(speakers).set({ email: marks.email, phone: marks.phone, accessibilityNeeds: marks.needs, internalNotes: "PRIVATE-NOTE-1" }).where(eq(speakers.id, speaker.id));
  // An entry as the log held them before the data map: every value in clear.
  await database.insert(auditLog).values({
    editionId: speaker.editionId, at: Date.UTC(2016, 1, 1), actorType: "system", entity: "speaker", entityUuid: speaker.uuid, action: "update",
    before: { email: null, phone: null }, after: { email: marks.email, phone: marks.phone, accessibilityNeeds: marks.needs },
  });
  await recordAudit(database, { editionId: speaker.editionId, actor: { type: "speaker", speakerId: speaker.id }, entity: "speaker", entityUuid: speaker.uuid, action: "update", before: { phone: null, accessibilityNeeds: null }, after: { phone: marks.phone, accessibilityNeeds: marks.needs } });
  await database.insert(invitations).values({ editionId: speaker.editionId, speakerId: speaker.id, tokenHash: `hash-${speaker.uuid}`, expiresAt: Date.UTC(2016, 3, 1) });
  await database.insert(emails).values({ editionId: speaker.editionId, speakerId: speaker.id, to: marks.email, subject: "Invitation", text: `Call ${marks.phone}`, html: `<p>${marks.needs}</p>`, state: "stored" });
  await addAvailability(database, { speakerId: speaker.id, startsAt: Date.UTC(2016, 2, 9, 9), endsAt: Date.UTC(2016, 2, 9, 12) });
}
