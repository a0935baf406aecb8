// Text hygiene shared by the exporters: every format must stay valid whatever organisers type.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Lone surrogates (which UTF-8 cannot encode) become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** Text for XML element content and attribute values: escaped, and without what XML cannot hold. */
export function xmlText(text: string): string {
  return wellFormed(text)
    .replace(XML_FORBIDDEN, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

/** Lowercase ASCII letters, digits and the given separator; accents dropped. */
export function asciiSlug(text: string, separator: "-" | "_"): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, "g"), "");
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Minutes → "HH:MM". */
export function hhmm(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
