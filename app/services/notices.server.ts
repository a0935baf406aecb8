// The notices an edition shows (privacy notice, accessibility statement): its organisation's
// text or the default, filled in with the edition, the organisation, the contact and the
// retention that actually applies to the edition (the shortest of its organisations').
import { eq } from "drizzle-orm";
import type { Queryable } from "~/db/client.server";
import { editions } from "~/db/schema";
import { fillNotice, noticeTemplate, type NoticeKind, type NoticeLocale } from "~/domain/notices";
import { editionNoticeOrganisation } from "~/models/notices.server";
import { notFound } from "~/utils/http.server";
import { retentionMonthsOf } from "./retention.server";

const OWN_TEXT = {
  privacy: { fr: "privacyNoticeFr", en: "privacyNoticeEn" },
  accessibility: { fr: "accessibilityStatementFr", en: "accessibilityStatementEn" },
} as const;

export type EditionNotice = { edition: { slug: string; title: string }; organisation: string | null; text: string };

/** The edition's notice of this kind in this language. */
export async function editionNotice(db: Queryable, { editionId, kind, locale }: { editionId: number; kind: NoticeKind; locale: NoticeLocale }): Promise<EditionNotice> {
  const [edition, organisation, months] = await Promise.all([
    db.select({ slug: editions.slug, title: editions.title }).from(editions).where(eq(editions.id, editionId)).get(),
    editionNoticeOrganisation(db, { editionId }),
    retentionMonthsOf(db, [editionId]),
  ]);
  if (!edition) notFound();
  const template = noticeTemplate(kind, locale, organisation?.[OWN_TEXT[kind][locale]] ?? null);
  const text = fillNotice(template, locale, {
    organisation: organisation?.name ?? edition.title,
    edition: edition.title,
    retentionMonths: months.get(editionId)!,
    contact: organisation?.noticeContact ?? null,
    conformity: organisation?.accessibilityConformity ?? "none",
  });
  return { edition, organisation: organisation?.name ?? null, text };
}

/** The same, by the edition's public slug (the public notice pages); 404 for an unknown slug. */
export async function editionNoticeBySlug(db: Queryable, { slug, kind, locale }: { slug: string; kind: NoticeKind; locale: NoticeLocale }): Promise<EditionNotice> {
  const edition = await db.select({ id: editions.id }).from(editions).where(eq(editions.slug, slug)).get();
  if (!edition) notFound();
  return editionNotice(db, { editionId: edition.id, kind, locale });
}
