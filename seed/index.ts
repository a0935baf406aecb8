import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "~/db/client.server";
import { editions, sessions } from "~/db/schema";
import { uuidv5 } from "~/services/ids.server";
import {
  addAvailability,
  createEdition,
  createFormat,
  createOrganisation,
  createRoom,
  createSession,
  createSpeaker,
  createTheme,
  setWalkingTime,
} from "./factories";
import {
  ALL_SESSIONS,
  CLOSES,
  DAYS,
  EDITION,
  FORMATS,
  NAMED_SPEAKERS,
  OPENS,
  ORGANISATIONS,
  ROOMS,
  SAMPLE_SPEAKERS,
  THEMES,
  walkingMinutes,
} from "./grand-barouf-2016";

/** How long the sample organisations keep speakers' private data after an edition (20 years). */
export const SAMPLE_RETENTION_MONTHS = 240;

function instant(date: string, time: string): number {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: EDITION.timeZone });
  if (!local.isValid) throw new Error(`Invalid local time ${date} ${time}`);
  return local.toMillis();
}

export type SeedResult = { created: boolean; edition: string; sessions: number; speakers: number };

/**
 * Seeds the 2016 edition in one write transaction. Idempotent: when the edition
 * exists nothing is written. Ids are UUIDv5 of stable keys, so every install has
 * the same ids (exports and links stay comparable).
 */
export async function seedDatabase(db: Database): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: editions.id }).from(editions).where(eq(editions.slug, EDITION.slug)).get();
    if (existing) {
      const count = await tx.$count(sessions, eq(sessions.editionId, existing.id));
      return { created: false, edition: EDITION.slug, sessions: count, speakers: 0 };
    }
    const id = (kind: string, key: string) => uuidv5(`${EDITION.slug}/${kind}/${key}`);

    const organisationIds = new Map<string, number>();
    for (const organisation of ORGANISATIONS) {
      const row = await createOrganisation(tx, {
        name: organisation.name,
        kind: organisation.kind,
        website: organisation.website ?? null,
        uuid: uuidv5(`organisation/${organisation.key}`),
        // The 2016 edition ended long ago: under the default 12 months its speakers' private data
        // would be purged at the first start. The sample organisations keep it, so the sample stays
        // usable; real organisations get the default (issue 17, docs/registre-des-traitements.md).
        ...(organisation.runsEdition ? { retentionMonths: SAMPLE_RETENTION_MONTHS } : {}),
      });
      organisationIds.set(organisation.key, row.id);
    }
    const edition = await createEdition(tx, {
      ...EDITION,
      uuid: id("edition", "edition"),
      organisationIds: ORGANISATIONS.filter((o) => o.runsEdition).map((o) => organisationIds.get(o.key)!),
    });

    const themeIds = new Map<string, number>();
    for (const [position, theme] of THEMES.entries()) {
      const row = await createTheme(tx, {
        editionId: edition.id,
        uuid: id("theme", theme.key),
        slug: theme.key,
        nameFr: theme.nameFr,
        nameEn: theme.nameEn,
        colour: theme.colour,
        position,
      });
      themeIds.set(theme.key, row.id);
    }

    const formatIds = new Map<string, number>();
    for (const [position, format] of FORMATS.entries()) {
      const { key, ...values } = format;
      const row = await createFormat(tx, { editionId: edition.id, uuid: id("format", key), slug: key, position, ...values });
      formatIds.set(key, row.id);
    }

    const roomIds = new Map<string, number>();
    for (const [position, room] of ROOMS.entries()) {
      const row = await createRoom(tx, {
        editionId: edition.id,
        uuid: id("room", room.key),
        name: room.name,
        capacity: room.capacity,
        features: room.features,
        position,
        openingHours: DAYS.map((date, day) => ({ date, opens: OPENS, closes: day === 0 && room.closes ? room.closes : CLOSES })),
      });
      roomIds.set(room.key, row.id);
    }
    for (const [i, a] of ROOMS.entries()) {
      for (const b of ROOMS.slice(i + 1)) {
        await setWalkingTime(tx, { roomId: roomIds.get(a.key)!, otherRoomId: roomIds.get(b.key)!, minutes: walkingMinutes(a.zone, b.zone) });
      }
    }

    const speakerIds = new Map<string, number>();
    for (const speaker of [...NAMED_SPEAKERS, ...SAMPLE_SPEAKERS]) {
      const row = await createSpeaker(tx, {
        editionId: edition.id,
        uuid: id("speaker", speaker.key),
        publicName: speaker.publicName,
        organisationId: speaker.organisation ? organisationIds.get(speaker.organisation)! : null,
        jobTitle: speaker.jobTitle,
        bioFr: speaker.bioFr,
        bioEn: speaker.bioEn,
        email: speaker.email,
        languages: speaker.languages,
        preferredLocale: speaker.languages[0] === "en" ? "en" : "fr",
        consentPublishBio: true,
        isSample: speaker.sample,
      });
      speakerIds.set(speaker.key, row.id);
      for (const window of speaker.availability ?? []) {
        await addAvailability(tx, { speakerId: row.id, startsAt: instant(window.date, window.start), endsAt: instant(window.date, window.end) });
      }
    }

    for (const session of ALL_SESSIONS) {
      const format = FORMATS.find((f) => f.key === session.format)!;
      const placed = session.at
        ? (() => {
            const [day, start, room] = session.at;
            const startsAt = instant(DAYS[day], start);
            return { roomId: roomIds.get(room)!, startsAt, endsAt: startsAt + (session.minutes ?? format.defaultMinutes) * 60_000 };
          })()
        : { roomId: null, startsAt: null, endsAt: null };
      await createSession(tx, {
        editionId: edition.id,
        uuid: id("session", session.key),
        slug: session.key,
        titleFr: session.titleFr,
        titleEn: session.titleEn,
        abstractFr: session.abstractFr,
        formatId: formatIds.get(session.format)!,
        themeId: session.theme ? themeIds.get(session.theme)! : null,
        language: "fr",
        status: session.status ?? (session.at ? "scheduled" : "accepted"),
        isPublic: session.isPublic ?? true,
        expectedAudience: session.expectedAudience ?? null,
        isSample: true,
        ...placed,
        people: session.people.map(([key, role, confirmation]) => ({
          speakerId: speakerIds.get(key)!,
          role,
          confirmation: confirmation ?? "pending",
        })),
      });
    }
    return { created: true, edition: EDITION.slug, sessions: ALL_SESSIONS.length, speakers: speakerIds.size };
  });
}
