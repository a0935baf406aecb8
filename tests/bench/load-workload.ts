// Writes a generated workload (workloads.ts) into a migrated database, as an edition the
// app can open: rooms with opening hours in local time, slots, formats, themes, speakers with
// availability, sessions and their people. Bulk inserts, one transaction.
import { randomUUID } from "node:crypto";
import type { Database } from "~/db/client.server";
import { availabilityWindows, editionOrganisations, editions, formats, organisations, roomOpeningHours, rooms, roomWalkingTimes, sessions, sessionSpeakers, slots, speakers, themes } from "~/db/schema";
import type { RoomFeature } from "~/domain/vocabulary";
import { localDate, localTime } from "~/domain/time";
import type { Workload } from "./workloads";

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const COLOURS = ["#c0392b", "#16806f", "#b9651b", "#2f5f8a", "#7d3c98", "#1f618d"];

/** Loads the workload as a new edition run by a new organisation; returns their ids. */
export async function loadWorkload(db: Database, w: Workload): Promise<{ editionId: number; organisationId: number; slug: string }> {
  return db.transaction(async (tx) => {
    const tag = randomUUID().slice(0, 8);
    const [runner] = await tx.insert(organisations).values({ name: `${w.edition.name} ${tag}` }).returning({ id: organisations.id });
    const orgIds = new Map<string, number>();
    await insertAll(w.organisations, async (chunk) => {
      const made = await tx
        .insert(organisations)
        .values(chunk.map((o) => ({ name: `${o.name} (${o.id}, ${tag})` })))
        .returning({ id: organisations.id });
      chunk.forEach((o, i) => orgIds.set(o.id, made[i]!.id));
    });
    const slug = `${w.edition.slug}-${tag}`;
    const [edition] = await tx
      .insert(editions)
      .values({
        slug,
        title: w.edition.name,
        startDate: w.edition.firstDay,
        endDate: w.edition.lastDay,
        timeZone: w.edition.timeZone,
        mainLanguage: w.edition.mainLanguage,
      })
      .returning({ id: editions.id });
    const editionId = edition!.id;
    await tx.insert(editionOrganisations).values({ editionId, organisationId: runner!.id });

    const roomIds = new Map<string, number>();
    await insertAll(w.rooms, async (chunk) => {
      const made = await tx
        .insert(rooms)
        .values(chunk.map((r, i) => ({ editionId, name: r.name, capacity: r.capacity, features: r.features as RoomFeature[], position: roomIds.size + i })))
        .returning({ id: rooms.id, uuid: rooms.uuid });
      chunk.forEach((r, i) => roomIds.set(r.id, made[i]!.id));
    });
    const tz = w.edition.timeZone;
    const hours = w.rooms.flatMap((r) =>
      r.openingHours.map((o) => ({ roomId: roomIds.get(r.id)!, date: localDate(o.start, tz), opens: localTime(o.start, tz), closes: localTime(o.end, tz) })),
    );
    await insertAll(hours, (chunk) => tx.insert(roomOpeningHours).values(chunk));
    const walks = w.rooms.flatMap((r) =>
      Object.entries(r.walkingMinutes).map(([other, minutes]) => ({ roomId: roomIds.get(r.id)!, otherRoomId: roomIds.get(other)!, minutes })),
    );
    await insertAll(walks, (chunk) => tx.insert(roomWalkingTimes).values(chunk));
    const slotRows = w.rooms.flatMap((r) => (r.slots ?? []).map((s) => ({ editionId, roomId: roomIds.get(r.id)!, startsAt: s.start, endsAt: s.end })));
    await insertAll(slotRows, (chunk) => tx.insert(slots).values(chunk));

    const formatIds = new Map<string, number>();
    for (const [position, f] of w.formats.entries()) {
      const [row] = await tx
        .insert(formats)
        .values({
          editionId,
          slug: f.slug,
          nameFr: f.name.fr,
          nameEn: f.name.en,
          defaultMinutes: f.defaultMinutes,
          minMinutes: f.minMinutes,
          maxMinutes: f.maxMinutes,
          roles: f.roles,
          requiredFeatures: f.requiredFeatures as RoomFeature[],
          position,
        })
        .returning({ id: formats.id });
      formatIds.set(f.id, row!.id);
    }
    const themeIds = new Map<string, number>();
    await insertAll(w.themes, async (chunk) => {
      const made = await tx
        .insert(themes)
        .values(chunk.map((t, i) => ({ editionId, slug: t.slug, nameFr: t.name.fr, nameEn: t.name.en, colour: COLOURS[(themeIds.size + i) % COLOURS.length], position: themeIds.size + i })))
        .returning({ id: themes.id });
      chunk.forEach((t, i) => themeIds.set(t.id, made[i]!.id));
    });

    const speakerIds = new Map<string, number>();
    await insertAll(w.people, async (chunk) => {
      const made = await tx
        .insert(speakers)
        .values(
          chunk.map((p) => ({
            editionId,
            publicName: p.publicName ?? p.name,
            organisationId: p.organisationId ? orgIds.get(p.organisationId)! : null,
            bioFr: p.bio.fr,
            bioEn: p.bio.en,
            email: p.email,
          })),
        )
        .returning({ id: speakers.id });
      chunk.forEach((p, i) => speakerIds.set(p.id, made[i]!.id));
    });
    const windows = w.people.flatMap((p) => p.availability.map((a) => ({ speakerId: speakerIds.get(p.id)!, startsAt: a.start, endsAt: a.end })));
    await insertAll(windows, (chunk) => tx.insert(availabilityWindows).values(chunk));

    const sessionIds = new Map<string, number>();
    await insertAll(w.sessions, async (chunk) => {
      const made = await tx
        .insert(sessions)
        .values(
          chunk.map((s) => ({
            editionId,
            slug: s.slug,
            titleFr: s.title.fr,
            titleEn: s.title.en,
            abstractFr: s.abstract.fr,
            abstractEn: s.abstract.en,
            formatId: s.formatId ? formatIds.get(s.formatId)! : null,
            themeId: s.themeId ? themeIds.get(s.themeId)! : null,
            status: s.status,
            isPublic: s.isPublic,
            expectedAudience: s.expectedAudience,
            roomId: s.roomId ? roomIds.get(s.roomId)! : null,
            startsAt: s.start,
            endsAt: s.end,
          })),
        )
        .returning({ id: sessions.id });
      chunk.forEach((s, i) => sessionIds.set(s.id, made[i]!.id));
    });
    const people = w.sessions.flatMap((s) =>
      s.people.map((p, position) => ({
        sessionId: sessionIds.get(s.id)!,
        speakerId: speakerIds.get(p.personId)!,
        role: p.role,
        confirmation: p.confirmation,
        position,
      })),
    );
    await insertAll(people, (chunk) => tx.insert(sessionSpeakers).values(chunk).onConflictDoNothing());
    return { editionId, organisationId: runner!.id, slug };
  });
}
