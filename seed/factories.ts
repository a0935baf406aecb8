// Factories shared by the seed and the tests (which import them from here, so the seed
// and the app never load anything from tests/): each inserts one thing with sensible
// defaults and returns the row. They take any query handle, so a caller can run
// several in one transaction.
import { eq } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { availabilityWindows, editionOrganisations, editions, formats, organisations, organisers, roomOpeningHours, rooms, roomWalkingTimes, sessions, slots, speakers, themes } from "~/db/schema";
import type { Confirmation, FormatRole, OrganisationKind, OrganiserRole, RoomFeature, SessionStatus } from "~/domain/vocabulary";
import type { Role } from "~/domain/conflicts/types";
import { searchTextOf } from "~/domain/search";
import { refreshSessionSearch } from "~/models/search-text.server";
import { addSessionSpeakers } from "~/models/session-speakers.server";
import { hashPassword } from "~/services/password.server";

let sequence = 0;
const next = () => ++sequence;

const hashes = new Map<string, Promise<string>>();
/** scrypt at full strength is slow on purpose; one hash per distinct password is enough here. */
function hashOnce(password: string) {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/** Finds an organisation by name or creates it. */
export async function createOrganisation(
  db: Queryable,
  values: { name?: string; kind?: OrganisationKind; website?: string | null; uuid?: string; retentionMonths?: number } = {},
) {
  const name = values.name ?? `Organisation ${next()}`;
  const existing = await db.select().from(organisations).where(eq(organisations.name, name)).get();
  if (existing) return existing;
  return db
    .insert(organisations)
    .values({
      name,
      kind: values.kind ?? "other",
      website: values.website ?? null,
      searchText: searchTextOf([name]),
      ...(values.uuid ? { uuid: values.uuid } : {}),
      ...(values.retentionMonths ? { retentionMonths: values.retentionMonths } : {}),
    })
    .returning()
    .get();
}

export async function createOrganiser(
  db: Queryable,
  values: {
    email?: string;
    name?: string;
    role?: OrganiserRole;
    organisationId?: number | null;
    password?: string;
    passwordHash?: string;
    active?: boolean;
  } = {},
) {
  const n = next();
  return db
    .insert(organisers)
    .values({
      email: (values.email ?? `organiser${n}@barouf.example`).toLowerCase(),
      name: values.name ?? `Organiser ${n}`,
      role: values.role ?? "editor",
      organisationId: values.organisationId ?? null,
      passwordHash: values.passwordHash ?? (await hashOnce(values.password ?? "correct horse battery")),
      active: values.active ?? true,
    })
    .returning()
    .get();
}

export async function createEdition(
  db: Queryable,
  values: Partial<typeof editions.$inferInsert> & { organisationIds?: number[] } = {},
) {
  const n = next();
  const { organisationIds = [], ...rest } = values;
  const edition = await db
    .insert(editions)
    .values({
      slug: `edition-${n}`,
      title: `Édition ${n}`,
      startDate: "2016-03-09",
      endDate: "2016-03-10",
      timeZone: "Europe/Paris",
      venue: "Lille",
      ...rest,
    })
    .returning()
    .get();
  if (organisationIds.length > 0) {
    await db.insert(editionOrganisations).values(organisationIds.map((organisationId) => ({ editionId: edition.id, organisationId })));
  }
  return edition;
}

export async function createRoom(
  db: Queryable,
  values: {
    editionId: number;
    name?: string;
    capacity?: number | null;
    features?: RoomFeature[];
    position?: number;
    uuid?: string;
    openingHours?: { date: string; opens: string; closes: string }[];
  },
) {
  const n = next();
  const room = await db
    .insert(rooms)
    .values({
      editionId: values.editionId,
      name: values.name ?? `Salle ${n}`,
      capacity: values.capacity === undefined ? 100 : values.capacity,
      features: values.features ?? [],
      position: values.position ?? n,
      ...(values.uuid ? { uuid: values.uuid } : {}),
    })
    .returning()
    .get();
  if (values.openingHours?.length) {
    await db.insert(roomOpeningHours).values(values.openingHours.map((hours) => ({ roomId: room.id, ...hours })));
  }
  return room;
}

/** Walking minutes between two rooms, both ways. */
export async function setWalkingTime(db: Queryable, values: { roomId: number; otherRoomId: number; minutes: number }) {
  await db
    .insert(roomWalkingTimes)
    .values([
      { roomId: values.roomId, otherRoomId: values.otherRoomId, minutes: values.minutes },
      { roomId: values.otherRoomId, otherRoomId: values.roomId, minutes: values.minutes },
    ])
    .onConflictDoNothing();
}

export async function createTheme(db: Queryable, values: Partial<typeof themes.$inferInsert> & { editionId: number }) {
  const n = next();
  return db
    .insert(themes)
    .values({ slug: `theme-${n}`, nameFr: `Thème ${n}`, nameEn: `Theme ${n}`, colour: "#2a9d8f", position: n, ...values })
    .returning()
    .get();
}

export async function createFormat(
  db: Queryable,
  values: Partial<typeof formats.$inferInsert> & { editionId: number; roles?: FormatRole[]; requiredFeatures?: RoomFeature[] },
) {
  const n = next();
  return db
    .insert(formats)
    .values({
      slug: `format-${n}`,
      nameFr: `Format ${n}`,
      nameEn: `Format ${n}`,
      defaultMinutes: 60,
      minMinutes: 30,
      maxMinutes: 120,
      position: n,
      ...values,
    })
    .returning()
    .get();
}

export async function createSpeaker(db: Queryable, values: Partial<typeof speakers.$inferInsert> & { editionId: number }) {
  const n = next();
  const row = { publicName: `Intervenant·e ${n}`, email: `speaker${n}@example.org`, bioFr: "Une biographie courte.", ...values };
  return db
    .insert(speakers)
    .values({ ...row, searchText: searchTextOf([row.publicName, row.email]) })
    .returning()
    .get();
}

export async function addAvailability(db: Queryable, values: { speakerId: number; startsAt: number; endsAt: number }) {
  return db.insert(availabilityWindows).values(values).returning().get();
}

export type SessionPerson = { speakerId: number; role?: Role; confirmation?: Confirmation };

export async function createSession(
  db: Queryable,
  values: Partial<typeof sessions.$inferInsert> & { editionId: number; people?: SessionPerson[] },
) {
  const n = next();
  const { people = [], ...rest } = values;
  const status: SessionStatus = rest.status ?? (rest.roomId && rest.startsAt ? "scheduled" : "accepted");
  const session = await db
    .insert(sessions)
    .values({ slug: `session-${n}`, titleFr: `Session ${n}`, abstractFr: "Un résumé.", ...rest, status })
    .returning()
    .get();
  await addSessionSpeakers(
    db,
    people.map((person, position) => ({
      sessionId: session.id,
      speakerId: person.speakerId,
      role: person.role ?? "speaker",
      confirmation: person.confirmation ?? "pending",
      position,
    })),
  );
  await refreshSessionSearch(db, [session.id]);
  return session;
}

export async function createSlot(
  db: Queryable,
  values: { editionId: number; roomId: number; startsAt: number; endsAt: number; templateId?: number | null },
) {
  return db.insert(slots).values(values).returning().get();
}
