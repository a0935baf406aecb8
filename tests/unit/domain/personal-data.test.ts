// The data map is complete: generated over the drizzle tables, so a new column of a table that
// holds people cannot ship unclassified (app/domain/personal-data.ts).
import { getTableColumns, getTableName, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "~/db/schema";
import {
  auditFieldClass,
  DATA_CLASSES,
  isWithheld,
  PERSONAL_DATA,
  PUBLIC_SPEAKER_COLUMNS,
  withholdValues,
  WITHHELD_AFTER_RETENTION,
  WITHHELD_AT_RECORDING,
} from "~/domain/personal-data";

const tables: SQLiteTable[] = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
const PEOPLE = new Set<string>([getTableName(schema.speakers), getTableName(schema.organisers)]);

/** A table holds people when it is speakers or organisers, or points at one of them. */
function holdsPeople(table: SQLiteTable): boolean {
  const name = getTableName(table);
  if (PEOPLE.has(name)) return true;
  return getTableConfig(table).foreignKeys.some((fk) => PEOPLE.has(getTableName(fk.reference().foreignTable)));
}

describe("the data map", () => {
  const personTables = tables.filter(holdsPeople);

  it("finds the tables that hold people", () => {
    expect(personTables.map(getTableName)).toEqual(expect.arrayContaining(["speakers", "organisers", "invitations", "emails", "audit_log", "availability_windows", "session_speakers"]));
  });

  for (const table of personTables) {
    const name = getTableName(table);
    it(`classifies every column of ${name}, and nothing else`, () => {
      const map = (PERSONAL_DATA as Record<string, Record<string, string>>)[name];
      expect(map, `${name} is missing from PERSONAL_DATA`).toBeDefined();
      const columns = Object.keys(getTableColumns(table)).sort();
      expect(Object.keys(map!).sort()).toEqual(columns);
      for (const dataClass of Object.values(map!)) expect(DATA_CLASSES).toContain(dataClass);
    });
  }

  it("names only tables of the schema", () => {
    const names = new Set(tables.map(getTableName));
    for (const name of Object.keys(PERSONAL_DATA)) expect(names.has(name), name).toBe(true);
  });

  it("keeps email, phone and accessibility needs out of the public columns", () => {
    expect(PUBLIC_SPEAKER_COLUMNS).toContain("publicName");
    for (const column of ["email", "phone", "accessibilityNeeds", "practicalNotes", "internalNotes"]) expect(PUBLIC_SPEAKER_COLUMNS).not.toContain(column);
    expect(PERSONAL_DATA.speakers.accessibilityNeeds).toBe("sensitive");
  });
});

describe("withholding audit values", () => {
  const before = { publicName: "Anne", email: "anne@example.org", accessibilityNeeds: "Fauteuil", practicalNotes: null };
  const after = { publicName: "Anne B.", email: "anne.b@example.org", accessibilityNeeds: "Fauteuil roulant", practicalNotes: "Train" };

  it("withholds sensitive values at recording, on both sides, as a change still", () => {
    const b = withholdValues("speaker", before, "before", WITHHELD_AT_RECORDING)!;
    const a = withholdValues("speaker", after, "after", WITHHELD_AT_RECORDING)!;
    expect(b.email).toBe("anne@example.org");
    expect(isWithheld(b.accessibilityNeeds)).toBe(true);
    expect(isWithheld(a.accessibilityNeeds)).toBe(true);
    expect(b.accessibilityNeeds).not.toEqual(a.accessibilityNeeds);
    expect(JSON.stringify([a, b])).not.toMatch(/Fauteuil/);
  });

  it("withholds private values after retention, keeps public ones and empty ones", () => {
    const a = withholdValues("speaker", after, "after", WITHHELD_AFTER_RETENTION)!;
    const b = withholdValues("speaker", before, "before", WITHHELD_AFTER_RETENTION)!;
    expect(a.publicName).toBe("Anne B.");
    expect(isWithheld(a.email)).toBe(true);
    expect(isWithheld(a.practicalNotes)).toBe(true);
    expect(b.practicalNotes).toBeNull();
  });

  it("classes derived fields and availability days", () => {
    expect(auditFieldClass("speaker", "organisation")).toBe("public");
    expect(auditFieldClass("speaker", "availability")).toBe("private");
    expect(auditFieldClass("availability", "2016-03-09")).toBe("private");
    expect(auditFieldClass("session_speaker", "declineReason")).toBe("private");
    expect(auditFieldClass("room", "name")).toBe("none");
  });

  it("returns the same record when nothing is withheld", () => {
    const record = { name: "Salle A" };
    expect(withholdValues("room", record, "after", WITHHELD_AFTER_RETENTION)).toBe(record);
  });
});
