// The sessions list's search in the browser (issue 14 item 16): an organisation's name typed in
// the search box finds the sessions of that organisation's speakers, and those only.
import { describe, expect, it } from "vitest";
import { ALL_SESSIONS, NAMED_SPEAKERS, ORGANISATIONS, SAMPLE_SPEAKERS } from "../../seed/grand-barouf-2016";
import { expectNoBrowserErrors, newPage, signInThroughForm } from "../helpers/browser";
import { E2E_ADMIN_PASSWORD } from "../helpers/server";
import { browserRig } from "../helpers/rig";

const rig = browserRig();

/** The seed sessions with a speaker from the organisation: none of their titles names it. */
function sessionsOf(organisationKey: string): string[] {
  const organisationOf = new Map([...NAMED_SPEAKERS, ...SAMPLE_SPEAKERS].map((speaker) => [speaker.key, speaker.organisation]));
  return ALL_SESSIONS.filter((session) => session.people.some(([speaker]) => organisationOf.get(speaker) === organisationKey))
    .map((session) => session.titleFr)
    .sort();
}

describe("searching sessions by organisation in the browser", () => {
  it("types an organisation's name and sees its speakers' sessions only", async () => {
    const mutuelle = ORGANISATIONS.find((organisation) => organisation.key === "mutuelle")!;
    const expected = sessionsOf("mutuelle");
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(ALL_SESSIONS.length);
    expect(ALL_SESSIONS.some((session) => `${session.titleFr} ${session.titleEn ?? ""}`.toLowerCase().includes("mutuelle"))).toBe(false);

    const context = await rig.browser.newContext();
    const page = await newPage(context);
    await signInThroughForm(page, rig.server.url, "admin@barouf.example", E2E_ADMIN_PASSWORD);
    await page.goto(`${rig.server.url}/editions/grand-barouf-2016/sessions`);
    const search = page.getByLabel("Rechercher (titre, intervenant·e, organisation)");
    await search.focus();
    // Lower case and part of the name, as a person types it.
    await page.keyboard.type("mutuelle solidaire");
    await Promise.all([page.waitForURL((url) => url.searchParams.get("q") === "mutuelle solidaire"), page.keyboard.press("Enter")]);

    await expect.poll(() => page.getByTestId("session-row").count()).toBe(expected.length);
    const titles = (await page.getByTestId("session-row").locator("th").allInnerTexts()).map((title) => title.trim()).sort();
    expect(titles).toEqual(expected);
    expect(mutuelle.name).toBe("Mutuelle Solidaire du Nord (exemple)");
    expect(await search.inputValue()).toBe("mutuelle solidaire");
    expectNoBrowserErrors(page);
    await context.close();
  });

  it("wrote nothing unexpected to the server's error output", () => {
    expect(rig.server.stderr()).toBe("");
  });
});
