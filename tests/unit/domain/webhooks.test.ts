import { describe, expect, it } from "vitest";
import type { Changes } from "~/domain/exports";
import { changelogInWords, type ChangelogTranslate } from "~/domain/exports/changelog-text";
import { DISABLE_AFTER_MS, MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS, shouldDisable, signingSecrets, versionUrls } from "~/domain/webhooks";
import { translate } from "~/i18n";

describe("the retry schedule", () => {
  it("retries for at least 24 hours, then gives up", () => {
    let at = 0;
    let attempts = 1;
    for (;;) {
      const next = nextAttemptAt(attempts, at);
      if (next === null) break;
      expect(next).toBeGreaterThan(at);
      at = next;
      attempts++;
    }
    expect(attempts).toBe(MAX_ATTEMPTS);
    expect(at).toBe(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    expect(at).toBeGreaterThanOrEqual(24 * 3_600_000);
    // Each wait is longer than the one before, or as long.
    for (let i = 1; i < RETRY_DELAYS_MS.length; i++) expect(RETRY_DELAYS_MS[i]).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[i - 1]!);
  });

  it("disables only after failing for the whole period, counted from the first failure", () => {
    expect(shouldDisable(null, 10 * DISABLE_AFTER_MS)).toBe(false);
    expect(shouldDisable(1000, 1000 + DISABLE_AFTER_MS - 1)).toBe(false);
    expect(shouldDisable(1000, 1000 + DISABLE_AFTER_MS)).toBe(true);
    // The last attempt of a delivery that never succeeds disables its endpoint.
    expect(shouldDisable(0, RETRY_DELAYS_MS.reduce((a, b) => a + b, 0))).toBe(true);
  });
});

describe("signing secrets", () => {
  const endpoint = { secret: "whsec_new", previousSecret: "whsec_old", previousSecretUntil: 5000 };
  it("signs with both during the grace period (end excluded), then with the current one only", () => {
    expect(signingSecrets(endpoint, 4999)).toEqual(["whsec_new", "whsec_old"]);
    expect(signingSecrets(endpoint, 5000)).toEqual(["whsec_new"]);
    expect(signingSecrets({ secret: "whsec_only", previousSecret: null, previousSecretUntil: null }, 0)).toEqual(["whsec_only"]);
  });
});

describe("payload URLs and the changelog in words", () => {
  it("names every format, versioned and latest, with the slug encoded", () => {
    const urls = versionUrls("https://barouf.example", "grand barouf", 3);
    expect(urls.page).toEqual({ version: "https://barouf.example/programme/grand%20barouf/v/3/", latest: "https://barouf.example/programme/grand%20barouf/" });
    expect(urls.formats.map((f) => f.format)).toEqual(["barouf-json", "frab-json", "frab-xml", "ical", "csv"]);
    expect(urls.feed).toBe("https://barouf.example/programme/grand%20barouf/feed.atom");
  });

  it("writes each kind of change in both languages, with French typography", () => {
    const room = { id: "00000000-0000-4000-8000-000000000001", name: "Salle A" };
    const place = (start: string) => ({ day: "2016-03-09", start, end: "11:00", startsAt: "2016-03-09T10:00:00+01:00", room });
    const session = { id: "00000000-0000-4000-8000-000000000002", numericId: 1, slug: "ia", title: { fr: "L’IA", en: null } };
    const changes: Changes = {
      edition: "e",
      from: 1,
      to: 2,
      added: [{ ...session, placement: place("10:00") }],
      cancelled: [],
      moved: [{ session, from: place("10:00"), to: place("10:30") }],
      renamed: [{ session, from: { fr: "Avant", en: null }, to: { fr: "Après", en: null } }],
      peopleChanged: [{ session, added: [{ id: session.id, name: "Zoé" }], removed: [] }],
    };
    const fr: ChangelogTranslate = (k, v) => translate("fr", k, v);
    const en: ChangelogTranslate = (k, v) => translate("en", k, v);
    expect(changelogInWords(changes, "fr", fr)).toBe(
      [
        "Ajoutées (1)\n- L’IA — 2016-03-09 10:00–11:00, Salle A",
        "Déplacées (1)\n- L’IA\u00a0: 2016-03-09 10:00–11:00, Salle A → 2016-03-09 10:30–11:00, Salle A",
        "Renommées (1)\n- «\u00a0Avant\u00a0» → «\u00a0Après\u00a0»",
        "Intervenant·es changés (1)\n- L’IA — ajouté(s) : Zoé",
      ].join("\n\n"),
    );
    // English falls back to the French title when there is no English one.
    expect(changelogInWords(changes, "en", en)).toContain("Moved (1)\n- L’IA: 2016-03-09 10:00–11:00");
    expect(changelogInWords({ ...changes, added: [], moved: [], renamed: [], peopleChanged: [] }, "en", en)).toBe("No change.");
  });
});
