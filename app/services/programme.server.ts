import { and, asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import {
  availabilityWindows,
  conflictAcknowledgements,
  editions,
  formats,
  organisations,
  roomOpeningHours,
  rooms,
  roomWalkingTimes,
  sessions,
  sessionSpeakers,
  slots,
  speakers,
  themes,
} from "~/db/schema";
import type { ProgrammeInput, RoomInput, SessionInput } from "~/domain/conflicts";
import { editionDays, localInterval } from "~/domain/time";
import { notFound } from "~/utils/http.server";

/** The engine speaks UUIDs; the database, integer ids. A loaded programme keeps both ways. */
export type LoadedProgramme = {
  input: ProgrammeInput;
  editionId: number;
  timeZone: string;
  ids: {
    session: Map<string, number>;
    room: Map<string, number>;
    speaker: Map<string, number>;
  };
  /** Display data the engine does not need: session slugs and versions, room positions. */
  sessionMeta: Map<string, { id: number; slug: string; version: number }>;
};

/**
 * Loads everything the conflict engine needs for one edition, in a fixed number of
 * queries whatever the programme's size (asserted in the tests). Opening hours and
 * availability come out as UTC intervals.
 */
export async function loadProgramme(db: Queryable, { editionId }: { editionId: number }): Promise<LoadedProgramme> {
  const edition = await db.select().from(editions).where(eq(editions.id, editionId)).get();
  if (!edition) notFound();
  const [roomRows, hourRows, walkRows, slotRows, formatRows, themeRows, speakerRows, windowRows, sessionRows, peopleRows, ackRows] =
    await Promise.all([
      db.select().from(rooms).where(eq(rooms.editionId, editionId)).orderBy(asc(rooms.position), asc(rooms.id)).all(),
      db
        .select({ roomId: roomOpeningHours.roomId, date: roomOpeningHours.date, opens: roomOpeningHours.opens, closes: roomOpeningHours.closes })
        .from(roomOpeningHours)
        .innerJoin(rooms, eq(rooms.id, roomOpeningHours.roomId))
        .where(eq(rooms.editionId, editionId))
        .all(),
      db
        .select({ roomId: roomWalkingTimes.roomId, otherRoomId: roomWalkingTimes.otherRoomId, minutes: roomWalkingTimes.minutes })
        .from(roomWalkingTimes)
        .innerJoin(rooms, eq(rooms.id, roomWalkingTimes.roomId))
        .where(eq(rooms.editionId, editionId))
        .all(),
      db.select({ roomId: slots.roomId, startsAt: slots.startsAt, endsAt: slots.endsAt }).from(slots).where(eq(slots.editionId, editionId)).all(),
      db.select().from(formats).where(eq(formats.editionId, editionId)).all(),
      db.select().from(themes).where(eq(themes.editionId, editionId)).all(),
      db
        .select({
          id: speakers.id,
          uuid: speakers.uuid,
          publicName: speakers.publicName,
          bioFr: speakers.bioFr,
          bioEn: speakers.bioEn,
          organisationUuid: organisations.uuid,
        })
        .from(speakers)
        .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
        .where(eq(speakers.editionId, editionId))
        .all(),
      db
        .select({ speakerId: availabilityWindows.speakerId, startsAt: availabilityWindows.startsAt, endsAt: availabilityWindows.endsAt })
        .from(availabilityWindows)
        .innerJoin(speakers, eq(speakers.id, availabilityWindows.speakerId))
        .where(eq(speakers.editionId, editionId))
        .all(),
      db.select().from(sessions).where(eq(sessions.editionId, editionId)).all(),
      db
        .select({
          sessionId: sessionSpeakers.sessionId,
          speakerId: sessionSpeakers.speakerId,
          role: sessionSpeakers.role,
          confirmation: sessionSpeakers.confirmation,
          position: sessionSpeakers.position,
        })
        .from(sessionSpeakers)
        .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
        .where(eq(sessions.editionId, editionId))
        .orderBy(asc(sessionSpeakers.sessionId), asc(sessionSpeakers.position))
        .all(),
      db
        .select()
        .from(conflictAcknowledgements)
        .where(and(eq(conflictAcknowledgements.editionId, editionId), isNull(conflictAcknowledgements.withdrawnAt)))
        .all(),
    ]);

  const roomUuid = new Map(roomRows.map((r) => [r.id, r.uuid]));
  const speakerUuid = new Map(speakerRows.map((s) => [s.id, s.uuid]));
  const formatUuid = new Map(formatRows.map((f) => [f.id, f.uuid]));
  const themeUuid = new Map(themeRows.map((t) => [t.id, t.uuid]));

  const roomInputs = new Map<number, RoomInput>(
    roomRows.map((room) => [
      room.id,
      { id: room.uuid, name: room.name, capacity: room.capacity, features: room.features, openingHours: [], walkingMinutes: {}, slots: [] },
    ]),
  );
  for (const hours of hourRows) {
    roomInputs.get(hours.roomId)?.openingHours.push(localInterval(hours.date, hours.opens, hours.closes, edition.timeZone));
  }
  for (const walk of walkRows) {
    const other = roomUuid.get(walk.otherRoomId);
    if (other) roomInputs.get(walk.roomId)!.walkingMinutes[other] = walk.minutes;
  }
  for (const slot of slotRows) roomInputs.get(slot.roomId)?.slots!.push({ start: slot.startsAt, end: slot.endsAt });
  for (const room of roomInputs.values()) {
    room.openingHours.sort((a, b) => a.start - b.start);
    room.slots!.sort((a, b) => a.start - b.start);
  }

  const availability = new Map<number, { start: number; end: number }[]>();
  for (const window of windowRows) {
    const list = availability.get(window.speakerId) ?? [];
    list.push({ start: window.startsAt, end: window.endsAt });
    availability.set(window.speakerId, list);
  }

  const people = new Map<number, SessionInput["people"]>();
  for (const person of peopleRows) {
    const list = people.get(person.sessionId) ?? [];
    list.push({ personId: speakerUuid.get(person.speakerId)!, role: person.role, confirmation: person.confirmation });
    people.set(person.sessionId, list);
  }

  const input: ProgrammeInput = {
    edition: {
      timeZone: edition.timeZone,
      days: editionDays(edition.startDate, edition.endDate, edition.timeZone),
      mainLanguage: edition.mainLanguage,
      changeoverMinutes: edition.changeoverMinutes,
      dailySessionLimit: edition.dailySessionLimit,
      levels: edition.ruleLevels,
    },
    rooms: [...roomInputs.values()],
    formats: formatRows.map((format) => ({
      id: format.uuid,
      name: { fr: format.nameFr, en: format.nameEn },
      defaultMinutes: format.defaultMinutes,
      minMinutes: format.minMinutes,
      maxMinutes: format.maxMinutes,
      requiredFeatures: format.requiredFeatures,
      roles: format.roles,
    })),
    themes: themeRows.map((theme) => ({ id: theme.uuid, name: { fr: theme.nameFr, en: theme.nameEn } })),
    people: speakerRows.map((speaker) => ({
      id: speaker.uuid,
      name: speaker.publicName,
      publicName: speaker.publicName,
      organisationId: speaker.organisationUuid ?? null,
      bio: { fr: speaker.bioFr, en: speaker.bioEn },
      availability: (availability.get(speaker.id) ?? []).sort((a, b) => a.start - b.start),
    })),
    sessions: sessionRows.map((session) => ({
      id: session.uuid,
      title: { fr: session.titleFr, en: session.titleEn },
      abstract: { fr: session.abstractFr, en: session.abstractEn },
      formatId: session.formatId === null ? null : (formatUuid.get(session.formatId) ?? null),
      themeId: session.themeId === null ? null : (themeUuid.get(session.themeId) ?? null),
      status: session.status,
      isPublic: session.isPublic,
      expectedAudience: session.expectedAudience,
      roomId: session.roomId === null ? null : (roomUuid.get(session.roomId) ?? null),
      start: session.startsAt,
      end: session.endsAt,
      people: people.get(session.id) ?? [],
    })),
    acknowledgements: ackRows.map((ack) => ({ id: ack.uuid, rule: ack.rule, key: ack.key, fingerprint: ack.fingerprint, reason: ack.reason })),
  };

  return {
    input,
    editionId,
    timeZone: edition.timeZone,
    ids: {
      session: new Map(sessionRows.map((s) => [s.uuid, s.id])),
      room: new Map(roomRows.map((r) => [r.uuid, r.id])),
      speaker: new Map(speakerRows.map((s) => [s.uuid, s.id])),
    },
    sessionMeta: new Map(sessionRows.map((s) => [s.uuid, { id: s.id, slug: s.slug, version: s.version }])),
  };
}
