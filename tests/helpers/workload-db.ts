// Writes a generated workload (tests/bench/workloads.ts) into a database as a real edition,
// with private data included (emails, availability, notes) so that tests can prove none of it
// leaves through the exports. Ids are UUIDv5 of the workload's ids: the same on every run.
import type { Database } from "~/db/client.server";
import { availabilityWindows, editions, formats, organisations, rooms, sessions, speakers, themes } from "~/db/schema";
import { addSessionSpeakers } from "~/models/session-speakers.server";
import { refreshOrganisationSearch, refreshSessionSearch, refreshSpeakerSearch } from "~/models/search-text.server";
import { uuidv5 } from "~/services/ids.server";
import type { Workload } from "../bench/workloads";

const CHUNK = 500;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function insertWorkload(db: Database, w: Workload, options: { slug?: string } = {}): Promise<{ editionId: number; slug: string }> {
  const id = (kind: string, key: string) => uuidv5(`workload:${w.name}:${options.slug ?? ""}:${kind}:${key}`);
  const slug = options.slug ?? w.edition.slug;
  return db.transaction(async (tx) => {
    const edition = await tx
      .insert(editions)
      .values({
        uuid: id("edition", w.edition.id),
        slug,
        title: w.edition.name,
        startDate: w.edition.firstDay,
        endDate: w.edition.lastDay,
        timeZone: w.edition.timeZone,
        venue: "Lille Grand Palais",
      })
      .returning({ id: editions.id })
      .get();
    const editionId = edition.id;

    const orgIds = new Map<string, number>();
    for (const o of w.organisations) {
      const row = await tx
        .insert(organisations)
        .values({ uuid: id("org", o.id), name: `${o.name} (${slug} ${o.id})` })
        .returning({ id: organisations.id })
        .get();
      orgIds.set(o.id, row.id);
    }
    const roomIds = new Map<string, number>();
    for (const [position, r] of w.rooms.entries()) {
      const row = await tx
        .insert(rooms)
        .values({ uuid: id("room", r.id), editionId, name: r.name, capacity: r.capacity, position })
        .returning({ id: rooms.id })
        .get();
      roomIds.set(r.id, row.id);
    }
    const themeIds = new Map<string, number>();
    for (const [position, t] of w.themes.entries()) {
      const row = await tx
        .insert(themes)
        .values({ uuid: id("theme", t.id), editionId, slug: `${t.slug}-${position + 1}`, nameFr: t.name.fr, nameEn: t.name.en, position })
        .returning({ id: themes.id })
        .get();
      themeIds.set(t.id, row.id);
    }
    const formatIds = new Map<string, number>();
    for (const [position, f] of w.formats.entries()) {
      const row = await tx
        .insert(formats)
        .values({
          uuid: id("format", f.id),
          editionId,
          slug: f.slug,
          nameFr: f.name.fr,
          nameEn: f.name.en,
          defaultMinutes: f.defaultMinutes,
          minMinutes: f.minMinutes,
          maxMinutes: f.maxMinutes,
          roles: f.roles,
          position,
        })
        .returning({ id: formats.id })
        .get();
      formatIds.set(f.id, row.id);
    }
    const speakerRows = await (async () => {
      const out: { id: number; uuid: string }[] = [];
      await insertChunks(w.people, async (chunk) => {
        out.push(
          ...(await tx
            .insert(speakers)
            .values(
              chunk.map((p) => ({
                uuid: id("person", p.id),
                editionId,
                publicName: p.publicName ?? p.name,
                organisationId: p.organisationId ? (orgIds.get(p.organisationId) ?? null) : null,
                bioFr: p.bio.fr,
                bioEn: p.bio.en,
                email: p.email,
                phone: "+33 6 12 34 56 78",
                accessibilityNeeds: "PRIVATE-ACCESSIBILITY",
                practicalNotes: "PRIVATE-PRACTICAL",
                internalNotes: "PRIVATE-INTERNAL",
                consentPublishBio: true,
              })),
            )
            .returning({ id: speakers.id, uuid: speakers.uuid })),
        );
      });
      return out;
    })();
    const speakerIds = new Map(w.people.map((p, i) => [p.id, speakerRows[i]!.id]));
    const windows = w.people.flatMap((p) => p.availability.map((a) => ({ speakerId: speakerIds.get(p.id)!, startsAt: a.start, endsAt: a.end })));
    await insertChunks(windows, (chunk) => tx.insert(availabilityWindows).values(chunk));

    const sessionIds: number[] = [];
    await insertChunks(w.sessions, async (chunk) => {
      const rows = await tx
        .insert(sessions)
        .values(
          chunk.map((s) => ({
            uuid: id("session", s.id),
            editionId,
            slug: s.slug,
            titleFr: s.title.fr,
            titleEn: s.title.en,
            abstractFr: s.abstract.fr,
            abstractEn: s.abstract.en,
            formatId: s.formatId ? (formatIds.get(s.formatId) ?? null) : null,
            themeId: s.themeId ? (themeIds.get(s.themeId) ?? null) : null,
            status: s.status,
            isPublic: s.isPublic,
            expectedAudience: s.expectedAudience,
            roomId: s.roomId ? (roomIds.get(s.roomId) ?? null) : null,
            startsAt: s.start,
            endsAt: s.end,
          })),
        )
        .returning({ id: sessions.id });
      sessionIds.push(...rows.map((r) => r.id));
    });
    const links = w.sessions.flatMap((s, i) =>
      s.people.map((p, position) => ({
        sessionId: sessionIds[i]!,
        speakerId: speakerIds.get(p.personId)!,
        role: p.role,
        confirmation: p.confirmation,
        position,
      })),
    );
    await insertChunks(links, (chunk) => addSessionSpeakers(tx, chunk));
    await refreshOrganisationSearch(tx, [...orgIds.values()]);
    await refreshSpeakerSearch(tx, speakerRows.map((r) => r.id));
    await refreshSessionSearch(tx, sessionIds);
    return { editionId, slug };
  });
}
