// Which characters a text typed or imported into Barouf may not hold: invisible control
// characters and halves of UTF-16 pairs. libSQL reads a text back only up to its first NUL
// (silent truncation) and turns a lone surrogate into U+FFFD, and neither belongs in a name, a
// title or a bio. Forms refuse them (app/schemas/fields.ts), CSV rows are refused, schedule
// imports remove them and report each changed value. Pure: values in, values out.

/**
 * C0 and C1 controls except tab, LF and CR (multi-line text keeps those), and a high surrogate
 * not followed by a low one or a low one not preceded by a high one. No `u` flag: the pattern
 * walks UTF-16 code units, so a well-formed pair is one high then one low unit.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "g");

export type ForbiddenCharacter = {
  /** "control": C0/C1 control character; "surrogate": half of a UTF-16 pair, alone. */
  kind: "control" | "surrogate";
  /** The UTF-16 code unit, e.g. 0x0000. */
  codePoint: number;
  /** Where it is in the text (UTF-16 index). */
  index: number;
};

/** Every control character refused (U+0000–U+001F, U+007F–U+009F, less tab, LF and CR), in order. */
export const FORBIDDEN_CONTROL_CODE_POINTS: readonly number[] = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0xa0 - 0x7f }, (_, i) => 0x7f + i),
].filter((cp) => cp !== 0x09 && cp !== 0x0a && cp !== 0x0d);

/** The first character a text may not hold, or null when it is clean. */
export function firstForbiddenCharacter(text: string): ForbiddenCharacter | null {
  const match = FORBIDDEN.exec(text);
  if (!match) return null;
  const unit = match[0].charCodeAt(0);
  return { kind: unit >= 0xd800 && unit <= 0xdfff ? "surrogate" : "control", codePoint: unit, index: match.index };
}

export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** The text without the characters it may not hold (what a schedule import keeps). */
export function removeForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_ALL, "");
}

/** "U+001B": how the character is named to people. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The text with each refused character shown as ⟨U+0000⟩, so a report can show what was removed. */
export function showForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_ALL, (char) => `⟨${codePointLabel(char.charCodeAt(0))}⟩`);
}

/** The i18n key naming the refused character (app/i18n/messages/text.ts has one per control character). */
export function forbiddenCharacterMessage(found: ForbiddenCharacter): `text.control.U+${string}` | "text.surrogate" {
  return found.kind === "surrogate" ? "text.surrogate" : `text.control.${codePointLabel(found.codePoint)}` as `text.control.U+${string}`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML content and attribute values (the five characters that matter). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
