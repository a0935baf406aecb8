// The stale-save answer every edit form shares: who changed what since the organiser read it.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "~/db/schema";
import { recordAudit, organiserActor } from "~/models/audit.server";
import { StaleVersionError, updateVersioned } from "~/models/versioning.server";
import { staleSave } from "~/utils/stale.server";
import type { StaleSave } from "~/utils/stale";
import { createEdition, createOrganiser, createSession } from "../../seed/factories";
import { db } from "../helpers/app";

const FIELDS = [
  { name: "titleFr", label: "Titre" },
  { name: "abstractFr", label: "Résumé" },
  { name: "expectedAudience", label: "Public attendu", show: (v: string | string[] | undefined) => (v ? `${String(v)} pers.` : "") },
];

describe("staleSave", () => {
  it("answers 409 with the other person's name, the local time of their save and the fields they changed", async () => {
    const database = await db();
    const edition = await createEdition(database);
    const other = await createOrganiser(database, { name: "Camille Autre" });
    const session = await createSession(database, { editionId: edition.id, titleFr: "Avant", expectedAudience: 50 });
    // The other person saves the title (one audit entry per versioned save).
    const at = Date.UTC(2016, 2, 9, 9, 15); // 10:15 in Paris
    await database.transaction(async (tx) => {
      await updateVersioned(tx, sessions, eq(sessions.id, session.id), 1, { titleFr: "Leur titre" });
      await recordAudit(tx, {
        editionId: edition.id,
        actor: organiserActor(other),
        entity: "session",
        entityUuid: session.uuid,
        action: "update",
        before: { titleFr: "Avant" },
        after: { titleFr: "Leur titre" },
        at,
      });
    });
    // Our save, read at version 1, is refused.
    const error = await updateVersioned(database, sessions, eq(sessions.id, session.id), 1, { abstractFr: "Mon résumé" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleVersionError);
    const current = (error as StaleVersionError<typeof session>).current;
    expect(current.version).toBe(2);

    const submitted = { titleFr: "Avant", abstractFr: "Mon résumé", expectedAudience: "50", version: "1", intent: "save" };
    const response = await staleSave(database, {
      entity: "session",
      entityUuid: session.uuid,
      current: { titleFr: current.titleFr ?? "", abstractFr: current.abstractFr ?? "", expectedAudience: String(current.expectedAudience) },
      currentVersion: current.version,
      readVersion: 1,
      submitted,
      fields: FIELDS,
      timeZone: "Europe/Paris",
    });
    expect(response.init?.status).toBe(409);
    const body = response.data as StaleSave;
    expect(body.stale).toBe(true);
    expect(body.currentVersion).toBe(2);
    expect(body.changedBy).toBe("Camille Autre");
    expect(body.changedAt).toEqual({ date: "2016-03-09", time: "10:15" });
    expect(body.values).toEqual(submitted);
    expect(body.changes).toEqual([
      { field: "titleFr", label: "Titre", theirs: "Leur titre", yours: "Avant", changedByOther: true },
      { field: "abstractFr", label: "Résumé", theirs: "Un résumé.", yours: "Mon résumé", changedByOther: false },
    ]);
  });

  it("says nothing about who when the audit log has no entry for the saves in between", async () => {
    const database = await db();
    const edition = await createEdition(database);
    const session = await createSession(database, { editionId: edition.id });
    const response = await staleSave(database, {
      entity: "session",
      entityUuid: session.uuid,
      current: { titleFr: "A" },
      currentVersion: 3,
      readVersion: 1,
      submitted: { titleFr: "B" },
      fields: FIELDS.slice(0, 1),
      timeZone: "Europe/Paris",
    });
    const body = response.data as StaleSave;
    expect(body.changedBy).toBeNull();
    expect(body.savesSince).toBe(2);
    expect(body.changes).toEqual([{ field: "titleFr", label: "Titre", theirs: "A", yours: "B", changedByOther: false }]);
  });
});
