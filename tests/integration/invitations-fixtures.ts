// Shared set-up for the invitation tests: speakers and sessions in the seed edition (which
// the signed-in organisers run) and in a second edition nobody of theirs runs.
import { eq } from "drizzle-orm";
import { editions, formats, rooms, themes } from "~/db/schema";
import { localToEpoch } from "~/domain/time";
import { createEdition, createSession, createSpeaker } from "../../seed/factories";
import { cookiesOf, db, request, SEED_EDITION } from "../helpers/app";

export const at = (date: string, time: string) => localToEpoch(date, time, "Europe/Paris");

let counter = 0;

/** A speaker of the seed edition with two sessions (one shared with another speaker). */
export async function speakerWithSessions(options: { locale?: "fr" | "en"; email?: string | null } = {}) {
  const database = await db();
  const n = ++counter;
  const edition = (await database.select().from(editions).where(eq(editions.slug, SEED_EDITION)).get())!;
  const room = (await database.select().from(rooms).where(eq(rooms.editionId, edition.id)).get())!;
  const theme = (await database.select().from(themes).where(eq(themes.editionId, edition.id)).get())!;
  const format = (await database.select().from(formats).where(eq(formats.editionId, edition.id)).get())!;
  const speaker = await createSpeaker(database, {
    editionId: edition.id,
    publicName: `Test Speaker ${n} ${Math.random().toString(36).slice(2, 6)}`,
    email: options.email === undefined ? `test.speaker.${n}.${Date.now()}@example.org` : options.email,
    preferredLocale: options.locale ?? "fr",
  });
  const partner = await createSpeaker(database, { editionId: edition.id, publicName: `Partner ${n}`, email: `partner.${n}.${Date.now()}@example.org` });
  const first = await createSession(database, {
    editionId: edition.id,
    titleFr: `Première session ${n}`,
    titleEn: `First session ${n}`,
    formatId: format.id,
    themeId: theme.id,
    roomId: room.id,
    startsAt: at("2016-03-09", "14:00"),
    endsAt: at("2016-03-09", "15:00"),
    people: [{ speakerId: speaker.id }, { speakerId: partner.id }],
  });
  const second = await createSession(database, {
    editionId: edition.id,
    titleFr: `Deuxième session ${n}`,
    titleEn: `Second session ${n}`,
    formatId: format.id,
    roomId: room.id,
    startsAt: at("2016-03-10", "10:00"),
    endsAt: at("2016-03-10", "11:00"),
    people: [{ speakerId: speaker.id }],
  });
  const partnerOnly = await createSession(database, {
    editionId: edition.id,
    titleFr: `Session du partenaire ${n}`,
    people: [{ speakerId: partner.id }],
  });
  return { edition, room, speaker, partner, first, second, partnerOnly };
}

/** A speaker and a session in another edition, run by nobody the tests sign in as. */
export async function otherEditionSpeaker() {
  const database = await db();
  const edition = await createEdition(database, { slug: `other-${++counter}-${Date.now()}` });
  const speaker = await createSpeaker(database, { editionId: edition.id, email: `other.${counter}.${Date.now()}@example.org` });
  const session = await createSession(database, { editionId: edition.id, titleFr: "Ailleurs", people: [{ speakerId: speaker.id }] });
  return { edition, speaker, session };
}

const TOKEN_URL = /\/invitation\/([A-Za-z0-9_-]{43})/;

/** Makes a link by hand through the invitations page, as an organiser would; returns the token. */
export async function makeLink(cookie: string, speakerUuid: string): Promise<string> {
  const response = await request(`/editions/${SEED_EDITION}/invitations`, { cookie, form: { intent: "link", speaker: speakerUuid } });
  if (response.status !== 200) throw new Error(`Making a link failed with ${response.status}`);
  const match = TOKEN_URL.exec(await response.text());
  if (!match) throw new Error("No link in the page");
  return match[1]!;
}

let address = 0;
/** A fresh client address, so the per-address rate limit of one test does not touch another. */
export function freshAddress(): string {
  address++;
  return `198.51.100.${address % 250}-${address}`;
}

/** Opens a link and returns the speaker cookie. */
export async function openLink(token: string, clientAddress = freshAddress()): Promise<string> {
  const response = await request(`/invitation/${token}`, { clientAddress });
  if (response.status !== 302) throw new Error(`Opening the link answered ${response.status}`);
  return cookiesOf(response);
}
