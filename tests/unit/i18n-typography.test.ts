// The interface's two languages, each written as its readers expect: French with its
// typographic spaces, its apostrophe and one vocabulary; English without French words,
// with curly quotes. Checked over every catalogue message, so a new string that slips
// shows its key here.
import { describe, expect, it } from "vitest";
import { en, fr } from "~/i18n/catalogue";

const NBSP = "\u00a0";

/** The words a message reads as, without its `{placeholders}` and address parameters (`lang=en`). */
const prose = (value: string) => value.replace(/\{[^}]*\}/g, " ").replace(/\b[\w-]+=[\w-]*/g, " ");

/** Messages that list the tokens a file or an address must hold (CSV roles, embed filters), in any language. */
const INPUT_TOKENS = new Set(["csv.error.role", "embed.snippetOptions"]);

/** Every message breaking a rule: `key: message`. */
function offenders(catalogue: Record<string, string>, broken: (value: string) => boolean): string[] {
  return Object.entries(catalogue)
    .filter(([key, value]) => !INPUT_TOKENS.has(key) && broken(value))
    .map(([key, value]) => `${key}: ${value}`);
}

/** English words that have a French word in this interface (the French word in brackets). */
const ENGLISH_IN_FRENCH = [
  /\bslots?\b/i, // créneau
  /\bboard\b/i, // grille
  /\bspeakers?\b/i, // intervenant·e
  /\bdashboard\b/i, // tableau de bord
  /\bpreview\b/i, // aperçu
  /\bupload\b/i, // envoi
  /\bsave\b/i, // enregistrer
  /\bcancel\b/i, // annuler
  /\bdraft\b/i, // brouillon
  /\blog ?in\b/i, // connexion
  /\bpassword\b/i, // mot de passe
  /\btemplates?\b/i, // modèle
  /\btracks?\b/i, // thème
  /\brooms?\b/i, // salle
  /\bedition\b/i, // édition
  /\bdeadline\b/i, // échéance
  /\btalks?\b/i, // session
  /(?<!-)\bemails?\b/i, // e-mail
];

/** One word for one thing (the majority's): the other spellings and synonyms. */
const FRENCH_VOCABULARY: [RegExp, string][] = [
  [/\bintervenants?\b(?!·)/i, "intervenant·e, intervenant·es"],
  [/\bintervenante?s?\b(?!·)|intervenant\(e\)|intervenant-e/i, "intervenant·e"],
  [/\borateur|\bconférencier/i, "intervenant·e"],
  [/\borganisateurs?\b(?!·)/i, "organisateur·rice, organisateur·rices"],
  [/\bcourriels?\b|\bmails?\b(?<!e-mails?)/i, "e-mail"],
  [/\bséances?\b/i, "session"],
  [/\bplages? horaires?\b/i, "créneau"],
];

/** French words that have no place in the English interface. */
const FRENCH_IN_ENGLISH = [/\bintervenant/i, /\bsalles?\b/i, /\bcréneaux?\b/i, /\borganisateur/i, /\bédition\b/i, /\bmodifi/i, /\benregistr/i, /\bsupprim/i, /\bjournée\b/i, /\boui\b/i, /\bnon\b(?!-)/i, /\bles?\b/i, /\bdes\b/i, /\bet\b/i];

describe("the French catalogue", () => {
  it("puts a no-break space (U+00A0) before : ; ? ! and never an ordinary space", () => {
    expect(offenders(fr, (v) => / [:;?!]/.test(v))).toEqual([]);
    // One space only: two no-break spaces in a row (an escape next to the character itself).
    expect(offenders(fr, (v) => /\u00a0\u00a0/.test(v))).toEqual([]);
    // A sign glued to the word before it, where French wants the space ("Attention: …").
    expect(offenders(fr, (v) => /[\p{L}\p{N})»…][;?!](\s|$)|\p{L}:(\s|$)/u.test(v))).toEqual([]);
  });

  it("puts no-break spaces inside « »", () => {
    expect(offenders(fr, (v) => /«(?!\u00a0)|(?<!\u00a0)»/.test(v))).toEqual([]);
  });

  it("writes the typographic apostrophe and French quotes, never straight ones", () => {
    expect(offenders(fr, (v) => /['"“”]/.test(prose(v)))).toEqual([]);
  });

  it("has no English word where French has one", () => {
    expect(offenders(fr, (v) => ENGLISH_IN_FRENCH.some((word) => word.test(prose(v))))).toEqual([]);
  });

  it("says one thing with one word", () => {
    for (const [word, use] of FRENCH_VOCABULARY) {
      expect(offenders(fr, (v) => word.test(prose(v))), `use « ${use} »`).toEqual([]);
    }
  });
});

describe("the English catalogue", () => {
  it("has no French word and no French quotes or spaces", () => {
    expect(offenders(en, (v) => FRENCH_IN_ENGLISH.some((word) => word.test(prose(v))))).toEqual([]);
    expect(offenders(en, (v) => /[«»\u00a0\u202f]/.test(v))).toEqual([]);
  });

  it("writes curly quotes and apostrophes, never straight ones", () => {
    expect(offenders(en, (v) => /['"]/.test(prose(v)))).toEqual([]);
  });
});

describe("the rule's own helpers", () => {
  it("read past placeholders and address parameters only", () => {
    expect(prose("{edition} : lang=en")).not.toMatch(/edition|lang/);
    expect(NBSP).toHaveLength(1);
  });
});
