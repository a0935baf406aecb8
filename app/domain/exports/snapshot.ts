// The public snapshot: the one rule of EXPORT.md about what may be public, applied once.
// Every export, the public page and the changelog are built from what this returns.
import type { PERSONAL_DATA } from "../personal-data";
import { publicPhotoPath } from "../images";
import { toIsoWithOffset } from "../time";
import type { PublicProgramme, PublicSession } from "./model";

type SpeakerColumns = typeof PERSONAL_DATA.speakers;
type PublicSpeakerColumn = { [K in keyof SpeakerColumns]: SpeakerColumns[K] extends "public" ? K : never }[keyof SpeakerColumns];

/**
 * The speaker columns a snapshot reads: only columns the data map (personal-data.ts) classes
 * public (the compiler refuses any other), plus the consent that decides whether the bio shows.
 */
export const SNAPSHOT_SPEAKER_COLUMNS = ["publicName", "jobTitle", "bioFr", "bioEn", "links"] as const satisfies readonly PublicSpeakerColumn[];
export const SNAPSHOT_SPEAKER_GATES = ["consentPublishBio", "consentPublicPhoto"] as const;

/** What names an edition and places it in time and space: the same columns everywhere they are read. */
export interface EditionIdentity {
  uuid: string;
  slug: string;
  title: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  venue: string;
  mainLanguage: "fr" | "en";
}

/** The rows a snapshot is built from: public columns only (the loader never selects the others). */
export interface PublicSource {
  edition: EditionIdentity;
  themes: { id: number; uuid: string; slug: string; nameFr: string; nameEn: string; colour: string; position: number }[];
  formats: { id: number; uuid: string; slug: string; nameFr: string; nameEn: string; position: number }[];
  rooms: { id: number; uuid: string; name: string; capacity: number | null; position: number }[];
  speakers: {
    id: number;
    uuid: string;
    publicName: string;
    organisation: string | null;
    jobTitle: string | null;
    bioFr: string | null;
    bioEn: string | null;
    consentPublishBio: boolean;
    consentPublicPhoto: boolean;
    /** The uploaded photo's key, read only while the speaker consents to its publication (null otherwise). */
    photoKey: string | null;
    links: { label: string; url: string }[];
  }[];
  sessions: {
    id: number;
    uuid: string;
    slug: string;
    titleFr: string | null;
    titleEn: string | null;
    abstractFr: string | null;
    abstractEn: string | null;
    formatId: number | null;
    themeId: number | null;
    language: "fr" | "en";
    status: string;
    isPublic: boolean;
    roomId: number | null;
    startsAt: number | null;
    endsAt: number | null;
  }[];
  /** Session people, in their order on the session. */
  people: { sessionId: number; speakerId: number; role: PublicSession["people"][number]["role"]; confirmation: string }[];
}

type SourceSession = PublicSource["sessions"][number];

/**
 * THE rule (EXPORT.md): a session is public when it is marked public, scheduled (status
 * "scheduled", with a room, a start and an end) and not cancelled. Private fields of people
 * (email, phone, availability, accessibility needs, notes, invitations) never reach a snapshot:
 * the source does not even hold them.
 */
export function isPublicSession(session: SourceSession, roomExists: (roomId: number) => boolean): boolean {
  return (
    session.isPublic &&
    session.status === "scheduled" &&
    session.roomId !== null &&
    roomExists(session.roomId) &&
    session.startsAt !== null &&
    session.endsAt !== null &&
    session.endsAt >= session.startsAt
  );
}

/** People shown on a public session: everyone but those who declined it. */
export function isPublicPerson(person: PublicSource["people"][number]): boolean {
  return person.confirmation !== "declined";
}

const collator = new Intl.Collator("fr");
const SAFE_URL = /^https?:\/\/[^\s]+$/i;

export interface SnapshotVersion {
  number: number | null;
  /** Epoch ms, or null for the draft. */
  publishedAt: number | null;
  previous: PublicProgramme | null;
}

function byPosition<T extends { position: number; id: number }>(a: T, b: T) {
  return a.position - b.position || a.id - b.id;
}

function sessionChanged(before: PublicSession, after: Omit<PublicSession, "sequence">): boolean {
  if (before.start !== after.start || before.end !== after.end || before.roomId !== after.roomId) return true;
  if (before.title.fr !== after.title.fr || before.title.en !== after.title.en) return true;
  if (before.abstract.fr !== after.abstract.fr || before.abstract.en !== after.abstract.en) return true;
  if (before.formatId !== after.formatId || before.themeId !== after.themeId || before.language !== after.language) return true;
  if (before.people.length !== after.people.length) return true;
  return before.people.some((p, i) => p.speakerId !== after.people[i]!.speakerId || p.role !== after.people[i]!.role);
}

/** Builds the public snapshot of a programme. Pure: same source and version, same result. */
export function buildSnapshot(source: PublicSource, version: SnapshotVersion): PublicProgramme {
  const tz = source.edition.timeZone;
  const rooms = [...source.rooms].sort(byPosition);
  const roomUuid = new Map(rooms.map((r) => [r.id, r.uuid]));
  const themeUuid = new Map(source.themes.map((t) => [t.id, t.uuid]));
  const formatUuid = new Map(source.formats.map((f) => [f.id, f.uuid]));
  const speakerById = new Map(source.speakers.map((s) => [s.id, s]));

  const peopleBySession = new Map<number, PublicSource["people"]>();
  for (const person of source.people) {
    if (!isPublicPerson(person) || !speakerById.has(person.speakerId)) continue;
    let list = peopleBySession.get(person.sessionId);
    if (!list) peopleBySession.set(person.sessionId, (list = []));
    list.push(person);
  }

  const previousSessions = new Map((version.previous?.sessions ?? []).map((s) => [s.id, s]));
  const publicSessions = source.sessions
    .filter((s) => isPublicSession(s, (id) => roomUuid.has(id)))
    .sort((a, b) => a.startsAt! - b.startsAt! || a.id - b.id);

  const usedSpeakers = new Set<number>();
  const sessions: PublicSession[] = publicSessions.map((s) => {
    const people = (peopleBySession.get(s.id) ?? []).map((p) => {
      usedSpeakers.add(p.speakerId);
      return { speakerId: speakerById.get(p.speakerId)!.uuid, role: p.role };
    });
    const session = {
      id: s.uuid,
      numericId: s.id,
      slug: s.slug,
      title: { fr: s.titleFr, en: s.titleEn },
      abstract: { fr: s.abstractFr, en: s.abstractEn },
      formatId: s.formatId === null ? null : (formatUuid.get(s.formatId) ?? null),
      themeId: s.themeId === null ? null : (themeUuid.get(s.themeId) ?? null),
      language: s.language,
      roomId: roomUuid.get(s.roomId!)!,
      start: toIsoWithOffset(s.startsAt!, tz),
      end: toIsoWithOffset(s.endsAt!, tz),
      durationMinutes: Math.round((s.endsAt! - s.startsAt!) / 60_000),
      people,
    };
    const before = previousSessions.get(s.uuid);
    const sequence = before === undefined ? 0 : sessionChanged(before, session) ? before.sequence + 1 : before.sequence;
    return { ...session, sequence };
  });

  return {
    edition: {
      id: source.edition.uuid,
      slug: source.edition.slug,
      title: source.edition.title,
      startDate: source.edition.startDate,
      endDate: source.edition.endDate,
      timeZone: tz,
      venue: source.edition.venue,
      mainLanguage: source.edition.mainLanguage,
    },
    version: {
      number: version.number,
      publishedAt: version.publishedAt === null ? null : new Date(version.publishedAt).toISOString().slice(0, 19) + "Z",
      previous: version.previous?.version.number ?? null,
    },
    themes: [...source.themes].sort(byPosition).map((t) => ({
      id: t.uuid,
      numericId: t.id,
      slug: t.slug,
      name: { fr: t.nameFr, en: t.nameEn },
      colour: /^#[0-9a-fA-F]{6}$/.test(t.colour) ? t.colour : "#555555",
    })),
    formats: [...source.formats].sort(byPosition).map((f) => ({ id: f.uuid, numericId: f.id, slug: f.slug, name: { fr: f.nameFr, en: f.nameEn } })),
    rooms: rooms.map((r) => ({ id: r.uuid, numericId: r.id, name: r.name, capacity: r.capacity, position: r.position })),
    speakers: source.speakers
      .filter((s) => usedSpeakers.has(s.id))
      .sort((a, b) => collator.compare(a.publicName, b.publicName) || a.id - b.id)
      .map((s) => ({
        id: s.uuid,
        numericId: s.id,
        name: s.publicName,
        organisation: s.organisation,
        jobTitle: s.jobTitle,
        bio: s.consentPublishBio ? { fr: s.bioFr, en: s.bioEn } : { fr: null, en: null },
        links: s.links.filter((l) => typeof l.url === "string" && SAFE_URL.test(l.url)).map((l) => ({ label: String(l.label ?? ""), url: l.url })),
        // No photo field at all without the speaker's consent to publish it.
        ...(s.consentPublicPhoto && s.photoKey ? { photo: publicPhotoPath(s.uuid, s.photoKey) } : {}),
      })),
    sessions,
  };
}

/** A session's title in the edition's main language, falling back to the other one, then the slug. */
export function titleOf(session: { title: { fr: string | null; en: string | null }; slug: string }, language: "fr" | "en"): string {
  const other = language === "fr" ? "en" : "fr";
  return session.title[language] || session.title[other] || session.slug;
}

export function textOf(text: { fr: string | null; en: string | null }, language: "fr" | "en"): string | null {
  const other = language === "fr" ? "en" : "fr";
  return text[language] || text[other] || null;
}
