import { codePointLabel, FORBIDDEN_CONTROL_CODE_POINTS } from "~/domain/text";
import { defineMessages } from "../define";

// Characters no text may hold (app/domain/text.ts): one message per control character, so the
// field's error names it, and one for halves of UTF-16 pairs.
type ControlKey = `text.control.U+${string}`;
const perControlCharacter = (sentence: (code: string) => string) =>
  Object.fromEntries(FORBIDDEN_CONTROL_CODE_POINTS.map((cp) => [`text.control.${codePointLabel(cp)}`, sentence(codePointLabel(cp))])) as Record<ControlKey, string>;

export const text = defineMessages({
  fr: {
    "text.surrogate": "Ce texte contient un caractère incomplet (une moitié de paire UTF-16 isolée)\u00a0: retirez-le.",
    ...perControlCharacter((code) => `Ce texte contient un caractère de contrôle invisible (${code})\u00a0: retirez-le.`),
  },
  en: {
    "text.surrogate": "This text holds an incomplete character (half of a UTF-16 pair, alone): remove it.",
    ...perControlCharacter((code) => `This text holds an invisible control character (${code}): remove it.`),
  },
});
