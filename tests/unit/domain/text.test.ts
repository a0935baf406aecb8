import { describe, expect, it } from "vitest";
import { codePointLabel, firstForbiddenCharacter, FORBIDDEN_CONTROL_CODE_POINTS, removeForbiddenCharacters, showForbiddenCharacters } from "~/domain/text";
import { en as enCatalogue, fr as frCatalogue } from "~/i18n/catalogue";

const fr: Record<string, string> = frCatalogue;
const en: Record<string, string> = enCatalogue;

describe("characters no text may hold", () => {
  it("every C0 and C1 control except tab, LF and CR; nothing else of the BMP's first 256 characters", () => {
    const refused = Array.from({ length: 256 }, (_, cp) => cp).filter((cp) => firstForbiddenCharacter(`a${String.fromCharCode(cp)}b`) !== null);
    expect(refused).toEqual(FORBIDDEN_CONTROL_CODE_POINTS);
    expect(refused.length).toBe(32 - 3 + 33);
    expect(refused).not.toContain(0x09);
    expect(firstForbiddenCharacter("Titre\u0000 suite")).toEqual({ kind: "control", codePoint: 0, index: 5 });
  });

  it("lone surrogates, high or low, but not a well-formed pair", () => {
    expect(firstForbiddenCharacter("émoji 🎪 ok")).toBeNull();
    expect(firstForbiddenCharacter("a\uD800b")).toEqual({ kind: "surrogate", codePoint: 0xd800, index: 1 });
    expect(firstForbiddenCharacter("a\uDC00")).toEqual({ kind: "surrogate", codePoint: 0xdc00, index: 1 });
    expect(firstForbiddenCharacter("\uDBFF")).toMatchObject({ kind: "surrogate" });
    expect(firstForbiddenCharacter("🎪\uDC00")).toMatchObject({ kind: "surrogate", index: 2 });
  });

  it("removes and shows them, keeping tab and new lines", () => {
    const text = "Bio\u0000 avec\tune\r\nligne\u001B[0m \uD83C\uDFAA \uD800";
    expect(removeForbiddenCharacters(text)).toBe("Bio avec\tune\r\nligne[0m 🎪 ");
    expect(showForbiddenCharacters(text)).toBe("Bio⟨U+0000⟩ avec\tune\r\nligne⟨U+001B⟩[0m 🎪 ⟨U+D800⟩");
    expect(codePointLabel(0x9f)).toBe("U+009F");
  });

  it("each refused control character has its message in French and English, naming it", () => {
    for (const cp of FORBIDDEN_CONTROL_CODE_POINTS) {
      const key = `text.control.${codePointLabel(cp)}`;
      expect(fr[key]).toContain(`(${codePointLabel(cp)})\u00a0: retirez-le.`);
      expect(en[key]).toContain(`(${codePointLabel(cp)}): remove it.`);
    }
    expect(fr["text.control.U+0000"]).toBe("Ce texte contient un caractère de contrôle invisible (U+0000)\u00a0: retirez-le.");
    expect(en["text.surrogate"]).toMatch(/UTF-16/);
  });
});
