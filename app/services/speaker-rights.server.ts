// What the speaker's own page shows of their rights: the privacy notice in their language, and
// whether they have already asked for their data to be erased.
import { and, eq } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { speakers } from "~/db/schema";
import { localDate } from "~/domain/time";
import type { Locale } from "~/i18n";
import { editionNotice } from "./notices.server";

export async function speakerRights(db: Queryable, args: { editionId: number; speakerId: number; timeZone: string; locale: Locale }) {
  const [notice, speaker] = await Promise.all([
    editionNotice(db, { editionId: args.editionId, kind: "privacy", locale: args.locale }),
    db.select({ erasureRequestedAt: speakers.erasureRequestedAt }).from(speakers).where(and(eq(speakers.id, args.speakerId), eq(speakers.editionId, args.editionId))).get(),
  ]);
  const requestedAt = speaker?.erasureRequestedAt ?? null;
  return {
    notice: notice.text,
    noticeHref: `/programme/${encodeURIComponent(notice.edition.slug)}/confidentialite`,
    /** The local day of the request, or null. */
    erasureRequestedOn: requestedAt === null ? null : localDate(requestedAt, args.timeZone),
  };
}

export type SpeakerRightsView = Awaited<ReturnType<typeof speakerRights>>;
