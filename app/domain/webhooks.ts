// Webhooks (Standard Webhooks, https://www.standardwebhooks.com): what an event carries, when a
// failed delivery is tried again, when an endpoint that keeps failing is turned off. Pure: the
// clock, the origin and the translations come in as arguments.
import { changeCount, EXPORT_FORMATS, type Changes, type ExportFormat, type PublicProgramme } from "./exports";
import { changelogInWords, type ChangelogTranslate } from "./exports/changelog-text";

export const SECRET_PREFIX = "whsec_";

/**
 * Delays after each failed attempt (the schedule Standard Webhooks suggests): the attempts run
 * at 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after the previous one, about 27.6 hours in
 * all, so a receiver that is down for a day still gets the event.
 */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** An endpoint whose attempts have all failed for this long is disabled and the organisers told. */
export const DISABLE_AFTER_MS = 24 * 3_600_000;

/** Why the worker disabled an endpoint, as the audit log records it (translated on the audit page). */
export const DISABLE_REASON = "failing_for_24_hours";

/** After a rotation, the previous secret still signs for this long, so receivers can switch. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

/** When to try again after `attempts` failed attempts; null when the delivery gives up. */
export function nextAttemptAt(attempts: number, failedAt: number): number | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : failedAt + delay;
}

/** Whether an endpoint failing since `failingSince` (null: not failing) is to be disabled now. */
export function shouldDisable(failingSince: number | null, now: number): boolean {
  return failingSince !== null && now - failingSince >= DISABLE_AFTER_MS;
}

/** The secrets that sign at `now`: the current one, and the previous one during its grace period. */
export function signingSecrets(endpoint: { secret: string; previousSecret: string | null; previousSecretUntil: number | null }, now: number): string[] {
  const previous = endpoint.previousSecret && endpoint.previousSecretUntil !== null && endpoint.previousSecretUntil > now ? [endpoint.previousSecret] : [];
  return [endpoint.secret, ...previous];
}

export type WebhookUrls = { version: string; latest: string };

/** The public URLs of a version: its page and each export, versioned (for ever) and latest. */
export function versionUrls(origin: string, slug: string, number: number) {
  const latest = `${origin}/programme/${encodeURIComponent(slug)}/`;
  const version = `${latest}v/${number}/`;
  const formats = (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => ({
    format,
    contentType: EXPORT_FORMATS[format].contentType,
    version: `${version}${EXPORT_FORMATS[format].file}`,
    latest: `${latest}${EXPORT_FORMATS[format].file}`,
  }));
  return {
    page: { version, latest } satisfies WebhookUrls,
    formats,
    changes: { version: `${version}changes.json`, latest: `${latest}changes.json` } satisfies WebhookUrls,
    feed: `${latest}feed.atom`,
  };
}

export type WebhookPayload = { type: string; timestamp: string; data: Record<string, unknown> };

function editionPart(programme: PublicProgramme) {
  const { id, slug, title, timeZone, startDate, endDate } = programme.edition;
  return { id, slug, title, timeZone, startDate, endDate };
}

/**
 * `version.published`: only public values (the edition's public fields, the version, its
 * public URLs, the changelog counts and its summary in words, French and English).
 */
export function versionPublishedPayload(
  input: { programme: PublicProgramme; changes: Changes; origin: string; at: number },
  translations: { fr: ChangelogTranslate; en: ChangelogTranslate },
): WebhookPayload {
  const { programme, changes, origin, at } = input;
  const number = programme.version.number!;
  return {
    type: "version.published",
    timestamp: new Date(at).toISOString(),
    data: {
      edition: editionPart(programme),
      version: { number, publishedAt: programme.version.publishedAt, previous: programme.version.previous, sessions: programme.sessions.length },
      urls: versionUrls(origin, programme.edition.slug, number),
      changes: {
        total: changeCount(changes),
        added: changes.added.length,
        cancelled: changes.cancelled.length,
        moved: changes.moved.length,
        renamed: changes.renamed.length,
        peopleChanged: changes.peopleChanged.length,
        summary: { fr: changelogInWords(changes, "fr", translations.fr), en: changelogInWords(changes, "en", translations.en) },
      },
    },
  };
}

/** `webhook.test`: what the "send a test event" button sends; the edition and the latest version, if any. */
export function testPayload(input: { edition: { id: string; slug: string; title: string }; latestVersion: number | null; origin: string; at: number }): WebhookPayload {
  const { edition, latestVersion, origin, at } = input;
  return {
    type: "webhook.test",
    timestamp: new Date(at).toISOString(),
    data: {
      edition: { id: edition.id, slug: edition.slug, title: edition.title },
      version: latestVersion === null ? null : { number: latestVersion },
      urls: latestVersion === null ? null : versionUrls(origin, edition.slug, latestVersion),
    },
  };
}
