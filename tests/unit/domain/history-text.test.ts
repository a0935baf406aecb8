import { describe, expect, it } from "vitest";
import { changeLine, changeText, changeTexts, fieldLabel, objectText, shortLink, valueText, type HistoryText } from "~/domain/history-text";
import { en, fr, type MessageKey } from "~/i18n/catalogue";

const NB = "\u00a0";
const ROOM = "0b6c2f3e-1111-4a4a-8b8b-000000000001";
const SESSION = "0b6c2f3e-2222-4a4a-8b8b-000000000002";
const SPEAKER = "0b6c2f3e-3333-4a4a-8b8b-000000000003";
const names = {
  [ROOM]: "Agora",
  [SESSION]: "Algorithmes et management",
  [SPEAKER]: "Camille Dupont",
};

function textIn(locale: "fr" | "en"): HistoryText {
  const catalogue = locale === "fr" ? fr : en;
  const t = (key: MessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
  return { locale, timeZone: "Europe/Paris", t, names };
}
const FR = textIn("fr");
const EN = textIn("en");
// 9 March 2016, 10:00 and 11:00 in Paris (UTC+1).
const TEN = Date.UTC(2016, 2, 9, 9, 0);
const ELEVEN = Date.UTC(2016, 2, 9, 10, 0);

describe("field labels", () => {
  it("are the labels of the form that edits the field, in both languages", () => {
    expect(fieldLabel("session", "startsAt", FR)).toBe(fr["sessions.field.start"]);
    expect(fieldLabel("session", "titleFr", FR)).toBe(fr["sessions.field.titleFr"]);
    expect(fieldLabel("session", "roomId", EN)).toBe(en["sessions.field.room"]);
    expect(fieldLabel("speaker", "jobTitle", FR)).toBe(fr["speakers.field.jobTitle"]);
    expect(fieldLabel("room", "capacity", FR)).toBe(fr["rooms.capacity"]);
    expect(fieldLabel("theme", "colour", EN)).toBe(en["themes.colour"]);
    expect(fieldLabel("slot_template", "times", FR)).toBe(fr["slots.times"]);
  });

  it("fall back to the log's own words, a day's date in words, then the field's name", () => {
    expect(fieldLabel("edition", "reason", FR)).toBe(fr["audit.field.reason"]);
    expect(fieldLabel("availability", "2016-03-09", FR)).toBe("9 mars 2016");
    expect(fieldLabel("availability", "2016-03-09", EN)).toBe("9 March 2016");
    expect(fieldLabel("edition", "somethingNew", FR)).toBe("somethingNew");
  });
});

describe("values by kind", () => {
  it("instants in the edition's zone, dates in words", () => {
    expect(valueText("session", "startsAt", TEN, FR)).toBe("9 mars 2016 10:00");
    expect(valueText("session", "startsAt", TEN, EN)).toBe("9 March 2016 10:00");
    expect(valueText("invitation", "expiresAt", Date.UTC(2016, 6, 1, 12), FR)).toBe("1 juillet 2016 14:00");
  });

  it("statuses, roles, confirmations, levels, languages and kinds by their names", () => {
    expect(valueText("session", "status", "scheduled", FR)).toBe(fr["status.scheduled"]);
    expect(valueText("session", "status", "cancelled", EN)).toBe(en["status.cancelled"]);
    expect(valueText("session_speaker", "role", "moderator", FR)).toBe(fr["sessions.role.moderator"]);
    expect(valueText("session_speaker", "confirmation", "must_reconfirm", FR)).toBe(fr["sessions.confirmation.must_reconfirm"]);
    expect(valueText("conflict", "level", "error", EN)).toBe(en["level.error"]);
    expect(valueText("session", "language", "en", FR)).toBe(fr["sessions.language.en"]);
    expect(valueText("speaker", "languages", ["fr", "en"], FR)).toBe(`${fr["sessions.language.fr"]}, ${fr["sessions.language.en"]}`);
    expect(valueText("organisation", "kind", "public_body", FR)).toBe(fr["speakers.kind.public_body"]);
    expect(valueText("room", "features", ["stage", "tables"], FR)).toBe("scène, tables de travail");
    expect(valueText("availability", "2016-03-09", "none", FR)).toBe(fr["speaker.mode.none"]);
  });

  it("people, rooms and sessions by name; an unknown value as recorded", () => {
    expect(valueText("invitation", "speaker", SPEAKER, FR)).toBe("Camille Dupont");
    expect(valueText("session", "room", ROOM, FR)).toBe("Agora");
    expect(valueText("speaker", "sessionUuid", SESSION, EN)).toBe("Algorithmes et management");
    expect(valueText("session", "roomId", "Salle Agora", FR)).toBe("Salle Agora");
  });

  it("booleans as yes/no, empty and withheld values in words", () => {
    expect(valueText("session", "isPublic", true, FR)).toBe("oui");
    expect(valueText("session", "isPublic", false, EN)).toBe("no");
    expect(valueText("session", "titleEn", null, FR)).toBe(fr["audit.value.empty"]);
    expect(valueText("speaker", "links", [], FR)).toBe(fr["audit.value.empty"]);
    expect(valueText("speaker", "email", { withheld: "after" }, FR)).toBe(fr["audit.value.withheld"]);
  });

  it("links shortened, long texts cut", () => {
    expect(shortLink("https://www.example.org/people/ada/")).toBe("example.org/people/ada");
    expect(shortLink(`https://example.org/${"x".repeat(60)}`)).toHaveLength(40);
    expect(valueText("speaker", "links", [{ label: "Blog", url: "https://www.example.org/ada/" }], FR)).toBe("Blog (example.org/ada)");
    expect(valueText("speaker", "photoPath", "https://example.org/p.jpg", FR)).toBe("example.org/p.jpg");
    expect(valueText("session", "abstractFr", "a".repeat(500), FR)).toHaveLength(241);
  });

  it("an auto-scheduling placement names its session, room and time", () => {
    const placement = {
      session: SESSION,
      room: ROOM,
      roomName: "Agora",
      startsAt: TEN,
      endsAt: ELEVEN,
      status: "scheduled",
    };
    expect(valueText("schedule", "placements", [placement], FR)).toBe(`«${NB}Algorithmes et management${NB}» → Agora, 9 mars 2016 10:00–11:00`);
    expect(valueText("schedule", "placements", [placement], EN)).toBe("“Algorithmes et management” → Agora, 9 March 2016 10:00–11:00");
  });
});

describe("change lines", () => {
  it("a move within a day gives the second time alone", () => {
    const change = changeText("session", { field: "startsAt", before: TEN, after: ELEVEN }, FR);
    expect(changeLine(change, FR)).toBe(`Début${NB}: 9 mars 2016 10:00 → 11:00`);
    expect(changeLine(changeText("session", { field: "startsAt", before: TEN, after: ELEVEN }, EN), EN)).toBe("Start: 9 March 2016 10:00 → 11:00");
  });

  it("a move to another day keeps both dates", () => {
    const nextDay = TEN + 24 * 3_600_000;
    expect(changeLine(changeText("session", { field: "startsAt", before: TEN, after: nextDay }, FR), FR)).toBe(
      `Début${NB}: 9 mars 2016 10:00 → 10 mars 2016 10:00`,
    );
  });

  it("a creation shows what was set", () => {
    const [line] = changeTexts({ entity: "room", before: null, after: { capacity: 120 } }, FR);
    expect(changeLine(line!, FR, "create")).toBe(`${fr["rooms.capacity"]}${NB}: 120`);
  });
});

describe("the object named", () => {
  it("by its resolved name, else the name its record keeps, else the kind alone", () => {
    expect(objectText({ entity: "session", entityUuid: SESSION, before: null, after: null }, FR)).toBe(`Session «${NB}Algorithmes et management${NB}»`);
    expect(objectText({ entity: "room", entityUuid: ROOM, before: null, after: null }, EN)).toBe("Room “Agora”");
    expect(
      objectText(
        {
          entity: "theme",
          entityUuid: null,
          before: { nameFr: "Travailleurs émancipés" },
          after: null,
        },
        FR,
      ),
    ).toBe(`Thème «${NB}Travailleurs émancipés${NB}»`);
    expect(
      objectText(
        {
          entity: "slot",
          entityUuid: null,
          before: null,
          after: { room: "Agora", startsAt: TEN },
        },
        FR,
      ),
    ).toBe(`Créneau «${NB}Agora, 9 mars 2016 10:00${NB}»`);
    expect(
      objectText(
        {
          entity: "edition",
          entityUuid: null,
          before: null,
          after: { count: 3 },
        },
        FR,
      ),
    ).toBe("Édition");
  });
});

describe("a board move", () => {
  it("reads as the room's name and the times, without the change's bookkeeping", () => {
    const lines = changeTexts(
      {
        entity: "session",
        before: { room: ROOM, roomName: "Agora", startsAt: TEN, endsAt: ELEVEN, status: "scheduled" },
        after: { room: SESSION, roomName: "Beffroi", startsAt: ELEVEN, endsAt: ELEVEN + 3_600_000, status: "scheduled", change: "c1" },
      },
      FR,
    ).map((line) => changeLine(line, FR));
    expect(lines).toEqual([
      `${fr["sessions.field.room"]}${NB}: Agora → Beffroi`,
      `Début${NB}: 9 mars 2016 10:00 → 11:00`,
      `Fin${NB}: 9 mars 2016 11:00 → 12:00`,
    ]);
  });
});
