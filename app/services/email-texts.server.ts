// The page where an edition's organisers write the messages speakers receive: the text being
// edited (the edition's or the default), which texts the edition changed, and the values of a
// real speaker of the edition for the preview, so it shows the message exactly as it is sent.
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { rooms, sessions, sessionSpeakers, speakers } from "~/db/schema";
import { renderMessage, bodyAsText, type EmailKind, type EmailTemplate, type TemplateValues } from "~/domain/email-template";
import { formatLocalDate } from "~/domain/format";
import { INVITATION_DAYS } from "~/domain/invitations";
import { localDate, localTime } from "~/domain/time";
import { getEnv } from "~/env.server";
import { translate, type Locale } from "~/i18n";
import { listEmailTexts } from "~/models/email-templates.server";
import type { EditionSummary } from "~/models/editions.server";
import { defaultEmailTemplate, reconfirmChanges } from "./mail-templates.server";
import { sessionTitleIn } from "./reconfirmation.server";

const DAY = 24 * 3600 * 1000;

/** A message's text as it is sent: the edition's stored one, else the default; and whether the edition changed it. */
export function textOrDefault(kind: EmailKind, language: Locale, stored: { subject: string | null; body: string | null } | undefined) {
  const fallback = defaultEmailTemplate(kind, language);
  return {
    subject: stored?.subject ?? fallback.subject,
    body: stored?.body ?? fallback.body,
    customised: stored ? stored.subject !== null || stored.body !== null : false,
  };
}

/** The text being edited, its version (0: never changed), and which message/language pairs the edition changed. */
export async function emailTextsPage(db: Queryable, { editionId, kind, language }: { editionId: number; kind: EmailKind; language: Locale }) {
  const stored = await listEmailTexts(db, { editionId });
  const row = stored.find((r) => r.kind === kind && r.locale === language);
  const { subject, body, customised } = textOrDefault(kind, language, row);
  return {
    form: { subject, body, version: row?.version ?? 0 },
    customised,
    changed: stored.filter((r) => r.subject !== null || r.body !== null).map((r) => `${r.kind}.${r.locale}`),
  };
}

/**
 * The preview's values: the first speaker of the edition who reads this language (or any
 * speaker, or an example), their first session as the change of a re-confirmation, the link
 * as its address looks without the token (made only when a message is sent).
 */
export async function previewValues(
  db: Queryable,
  { edition, language, now }: { edition: EditionSummary; language: Locale; now: number },
): Promise<{ speakerName: string | null; values: TemplateValues }> {
  const speaker =
    (await db
      .select({ id: speakers.id, publicName: speakers.publicName })
      .from(speakers)
      .where(eq(speakers.editionId, edition.id))
      .orderBy(desc(sql`${speakers.preferredLocale} = ${language}`), asc(speakers.publicName))
      .get()) ?? null;
  const session = speaker
    ? await db
        .select({ titleFr: sessions.titleFr, titleEn: sessions.titleEn, slug: sessions.slug, startsAt: sessions.startsAt, endsAt: sessions.endsAt, room: rooms.name })
        .from(sessionSpeakers)
        .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
        .leftJoin(rooms, eq(rooms.id, sessions.roomId))
        .where(and(eq(sessionSpeakers.speakerId, speaker.id), eq(sessions.editionId, edition.id), isNotNull(sessions.startsAt)))
        .orderBy(asc(sessions.startsAt))
        .get()
    : undefined;
  const zone = edition.timeZone;
  const time = session?.startsAt != null && session.endsAt != null ? `${localTime(session.startsAt, zone)}–${localTime(session.endsAt, zone)}` : null;
  const changes = reconfirmChanges(language, [
    {
      title: session ? sessionTitleIn(language, session) : translate(language, "emailTexts.sampleSession"),
      changes: [{ field: "time", before: null, after: time }],
      now: { day: session?.startsAt != null ? localDate(session.startsAt, zone) : null, time, room: session?.room ?? null },
    },
  ]);
  return {
    speakerName: speaker?.publicName ?? null,
    values: {
      nom: speaker?.publicName ?? translate(language, "emailTexts.sampleName"),
      edition: edition.title,
      lien: `${getEnv().publicOrigin}/invitation/${translate(language, "emailTexts.personalLink")}`,
      date_limite: formatLocalDate(localDate(now + INVITATION_DAYS * DAY, zone), language),
      changements: changes,
    },
  };
}

/** The preview without JavaScript: the subject and text part as sent (the page renders the same live). */
export function previewOf(kind: EmailKind, language: Locale, template: EmailTemplate, values: TemplateValues) {
  const { subject, body } = renderMessage(kind, template, values, translate(language, "mail.reconfirm.askNoLink"));
  return { subject, text: bodyAsText(body) };
}
