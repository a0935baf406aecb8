// The programme stamp the board's cache and poll rely on: kept by the database's triggers, so any
// write to what the conflict engine reads changes it, whoever makes the write (the app, the CLI,
// a raw statement), and nothing else does.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { programmeStamp } from "~/services/programme-cache.server";
import {
  addAvailability,
  createEdition,
  createFormat,
  createOrganisation,
  createRoom,
  createSession,
  createSlot,
  createSpeaker,
  createTheme,
  setWalkingTime,
} from "../../seed/factories";
import { db } from "../helpers/app";

const HOUR = 3_600_000;
const T0 = Date.UTC(2030, 2, 9, 9);

async function fixture() {
  const d = await db();
  const edition = await createEdition(d, {});
  const other = await createEdition(d, {});
  const organisation = await createOrganisation(d, {});
  const room = await createRoom(d, { editionId: edition.id, openingHours: [{ date: "2030-03-09", opens: "08:00", closes: "20:00" }] });
  const hall = await createRoom(d, { editionId: edition.id });
  await setWalkingTime(d, { roomId: room.id, otherRoomId: hall.id, minutes: 5 });
  const speaker = await createSpeaker(d, { editionId: edition.id, organisationId: organisation.id });
  await addAvailability(d, { speakerId: speaker.id, startsAt: T0, endsAt: T0 + 8 * HOUR });
  const session = await createSession(d, { editionId: edition.id, roomId: room.id, startsAt: T0, endsAt: T0 + HOUR, people: [{ speakerId: speaker.id }] });
  await createTheme(d, { editionId: edition.id });
  await createFormat(d, { editionId: edition.id });
  await createSlot(d, { editionId: edition.id, roomId: room.id, startsAt: T0, endsAt: T0 + HOUR });
  return { d, edition, other, organisation, room, hall, speaker, session };
}

describe("the programme stamp", () => {
  it("changes on every insert, update and delete of what the engine reads, and only for its edition", async () => {
    const { d, edition, other, organisation, room, speaker, session } = await fixture();
    const writes: [string, string][] = [
      ["edition", `UPDATE editions SET changeover_minutes = 15 WHERE id = ${edition.id}`],
      ["room", `UPDATE rooms SET capacity = 99 WHERE id = ${room.id}`],
      ["opening hours", `UPDATE room_opening_hours SET closes = '21:00' WHERE room_id = ${room.id}`],
      ["walking time", `UPDATE room_walking_times SET minutes = 7 WHERE room_id = ${room.id}`],
      ["slot", `DELETE FROM slots WHERE room_id = ${room.id}`],
      ["format", `UPDATE formats SET name_fr = 'Table' WHERE edition_id = ${edition.id}`],
      ["theme", `DELETE FROM themes WHERE edition_id = ${edition.id}`],
      ["speaker", `UPDATE speakers SET public_name = 'Someone else' WHERE id = ${speaker.id}`],
      ["availability", `DELETE FROM availability_windows WHERE speaker_id = ${speaker.id}`],
      ["organisation", `UPDATE organisations SET name = 'Renamed' WHERE id = ${organisation.id}`],
      ["session", `UPDATE sessions SET starts_at = starts_at + ${HOUR}, ends_at = ends_at + ${HOUR} WHERE id = ${session.id}`],
      ["session people", `UPDATE session_speakers SET confirmation = 'confirmed' WHERE session_id = ${session.id}`],
      [
        "acknowledgement",
        `INSERT INTO conflict_acknowledgements (uuid, edition_id, rule, key, fingerprint, reason, created_at) VALUES ('${crypto.randomUUID()}', ${edition.id}, 'ROOM_CAPACITY', 'k', 'f', 'ok', 0)`,
      ],
      ["session people removed", `DELETE FROM session_speakers WHERE session_id = ${session.id}`],
      ["session removed", `DELETE FROM sessions WHERE id = ${session.id}`],
    ];
    const seen = new Set([await programmeStamp(d, edition.id)]);
    const otherStamp = await programmeStamp(d, other.id);
    for (const [what, statement] of writes) {
      const result = await d.run(sql.raw(statement));
      expect(result.rowsAffected, what).toBeGreaterThan(0);
      const stamp = await programmeStamp(d, edition.id);
      expect(seen.has(stamp), `${what} changed the stamp`).toBe(false);
      seen.add(stamp);
    }
    expect(await programmeStamp(d, other.id)).toBe(otherStamp);
    // What the engine does not read leaves it alone.
    const before = await programmeStamp(d, edition.id);
    await d.run(sql`INSERT INTO audit_log (edition_id, actor_type, entity, action, at) VALUES (${edition.id}, 'system', 'edition', 'update', 0)`);
    expect(await programmeStamp(d, edition.id)).toBe(before);
  });

  it("differs between editions and between databases: each edition draws its token when created", async () => {
    const d = await db();
    const a = await createEdition(d, {});
    const b = await createEdition(d, {});
    const [sa, sb] = [await programmeStamp(d, a.id), await programmeStamp(d, b.id)];
    expect(sa).toMatch(/^[0-9a-f]{16}\.0$/);
    expect(sb).toMatch(/^[0-9a-f]{16}\.0$/);
    expect(sa.split(".")[0]).not.toBe(sb.split(".")[0]);
  });
});
