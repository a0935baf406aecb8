// The texts of the messages speakers receive (invitation, reminder, re-confirmation), as an
// edition's organisers write them: plain text with placeholders in braces ({nom}, {lien}…).
// Pure: a template is checked and parsed here, then rendered with the values of one speaker
// into the message's subject, its text part and the body of its HTML part.
import { escapeHtml } from "./text";
import { EMAIL_KINDS, type EmailKind } from "./vocabulary";

export { EMAIL_KINDS, type EmailKind };

/** The placeholders, in the organisers' words (the same names in French and English texts). */
export const PLACEHOLDERS = ["nom", "edition", "lien", "date_limite", "changements"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The speaker's personal link: every message body must carry it. */
export const LINK_PLACEHOLDER = "lien" satisfies Placeholder;

/**
 * What each message offers. The subject is one line and never holds the link (the link is
 * minted at delivery in the message's body only) nor the multi-line list of changes.
 */
export const PLACEHOLDERS_OF: Record<EmailKind, { body: readonly Placeholder[]; subject: readonly Placeholder[] }> = {
  invitation: { body: ["nom", "edition", "lien", "date_limite"], subject: ["nom", "edition", "date_limite"] },
  reminder: { body: ["nom", "edition", "lien", "date_limite"], subject: ["nom", "edition", "date_limite"] },
  reconfirm: { body: ["nom", "edition", "changements", "lien"], subject: ["nom", "edition"] },
};

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

export type TemplatePart = { text: string } | { placeholder: Placeholder };

export type TemplateProblem =
  | { code: "unknown"; name: string }
  | { code: "notInSubject"; name: Placeholder }
  | { code: "noLink" }
  | { code: "lineBreak" };

// A name in braces: `{nom}`, `{ nom }`. Braces around anything longer, or across lines, are text.
const PLACEHOLDER = /\{([^{}\n]{1,60})\}/g;

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/**
 * The template as text and placeholders; the first placeholder it may not use is the problem:
 * one this message offers only in its body (`bodyOnly`) is `notInSubject`, any other is
 * `unknown`, with the name as it was written.
 */
export function parseTemplate(
  source: string,
  allowed: readonly Placeholder[],
  bodyOnly: readonly Placeholder[] = [],
): { ok: true; parts: TemplatePart[] } | { ok: false; problem: TemplateProblem } {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!isPlaceholder(name) || !allowed.includes(name)) {
      const problem: TemplateProblem = isPlaceholder(name) && bodyOnly.includes(name) ? { code: "notInSubject", name } : { code: "unknown", name };
      return { ok: false, problem };
    }
    if (match.index > at) parts.push({ text: source.slice(at, match.index) });
    parts.push({ placeholder: name });
    at = match.index + match[0].length;
  }
  if (at < source.length) parts.push({ text: source.slice(at) });
  return { ok: true, parts };
}

export type EmailTemplate = { subject: string; body: string };

/** Line ends as "\n" (a textarea posts "\r\n"). */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Why a message's template is refused, per field; empty when it may be saved. A body
 * without the personal link is refused: the speaker would have no way in.
 */
export function checkTemplate(kind: EmailKind, template: EmailTemplate): { subject?: TemplateProblem; body?: TemplateProblem } {
  const problems: { subject?: TemplateProblem; body?: TemplateProblem } = {};
  if (/[\r\n]/.test(template.subject)) problems.subject = { code: "lineBreak" };
  else {
    const offered = PLACEHOLDERS_OF[kind];
    const subject = parseTemplate(template.subject, offered.subject, offered.body);
    if (!subject.ok) problems.subject = subject.problem;
  }
  const body = parseTemplate(template.body, PLACEHOLDERS_OF[kind].body);
  if (!body.ok) problems.body = body.problem;
  else if (!body.parts.some((part) => "placeholder" in part && part.placeholder === LINK_PLACEHOLDER)) problems.body = { code: "noLink" };
  return problems;
}

/**
 * A problem as a form's error message: an i18n key, with the placeholder's name after a colon
 * when it has one ("mail.template.unknown:prenom"). `messageOfProblem` reads it back.
 */
export function problemMessage(problem: TemplateProblem): string {
  switch (problem.code) {
    case "unknown":
      return `mail.template.unknown:${problem.name}`;
    case "notInSubject":
      return `mail.template.notInSubject:${problem.name}`;
    case "noLink":
      return "mail.template.noLink";
    case "lineBreak":
      return "mail.template.lineBreak";
  }
}

export function messageOfProblem(message: string): { key: string; name: string | null } {
  const colon = message.indexOf(":");
  return colon === -1 ? { key: message, name: null } : { key: message.slice(0, colon), name: message.slice(colon + 1) };
}

/**
 * One speaker's values. `lien` is null when the speaker has no live link (a re-confirmation
 * can be sent to someone never invited): see `renderBody`.
 */
export type TemplateValues = { [P in Exclude<Placeholder, "lien">]?: string } & { lien: string | null };

/** A paragraph of the body: text, and the link where the template puts it. */
type Segment = { text: string } | { link: string };
export type RenderedBody = Segment[][];

/** The subject as sent: one line, whatever the values hold. */
export function renderSubject(parts: TemplatePart[], values: TemplateValues): string {
  const text = parts.map((part) => ("text" in part ? part.text : (values[part.placeholder] ?? ""))).join("");
  // Line breaks (from a value) become spaces; other spaces, non-breaking ones included, stay.
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, " ").trim();
}

/**
 * The body as paragraphs (split at blank lines). Without a link, each paragraph holding the
 * link placeholder is replaced by `noLink` (a sentence asking to answer the organisers).
 */
export function renderBody(source: string, allowed: readonly Placeholder[], values: TemplateValues, noLink: string): RenderedBody {
  const paragraphs = normaliseLineEnds(source)
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim() !== "");
  return paragraphs.map((paragraph) => {
    const parsed = parseTemplate(paragraph, allowed);
    const parts = parsed.ok ? parsed.parts : [{ text: paragraph }];
    const hasLink = parts.some((part) => "placeholder" in part && part.placeholder === LINK_PLACEHOLDER);
    if (hasLink && values.lien === null) return [{ text: noLink }];
    return parts.map((part): Segment => {
      if ("text" in part) return { text: part.text };
      if (part.placeholder === LINK_PLACEHOLDER) return { link: values.lien! };
      return { text: values[part.placeholder] ?? "" };
    });
  });
}

/** The text part: values as they are (plain text needs no escaping), paragraphs apart. */
export function bodyAsText(body: RenderedBody): string {
  return body.map((paragraph) => paragraph.map((s) => ("text" in s ? s.text : s.link)).join("")).join("\n\n") + "\n";
}

/**
 * The HTML part's paragraphs: every text escaped, line breaks kept, the link clickable. A
 * paragraph that is the link alone becomes a button, with the address written out below it.
 */
export function bodyAsHtml(body: RenderedBody, linkLabel: string): string {
  return body
    .map((paragraph) => {
      const only = paragraph.filter((s) => !("text" in s) || s.text.trim() !== "");
      if (only.length === 1 && "link" in only[0]!) {
        const url = escapeHtml(only[0].link);
        return `<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#1d3557;color:#ffffff;border-radius:4px;text-decoration:none">${escapeHtml(linkLabel)}</a></p>\n<p style="font-size:13px;color:#555">${url}</p>`;
      }
      const html = paragraph
        .map((s) => ("text" in s ? escapeHtml(s.text).replace(/\n/g, "<br>") : `<a href="${escapeHtml(s.link)}">${escapeHtml(s.link)}</a>`))
        .join("");
      return `<p>${html}</p>`;
    })
    .join("\n");
}

/**
 * A message's subject and body paragraphs from a template that passed `checkTemplate` and one
 * speaker's values (`noLink`: what replaces a paragraph with the link when there is none).
 */
export function renderMessage(kind: EmailKind, template: EmailTemplate, values: TemplateValues, noLink: string): { subject: string; body: RenderedBody } {
  const offered = PLACEHOLDERS_OF[kind];
  const subject = parseTemplate(template.subject, offered.subject, offered.body);
  return {
    subject: renderSubject(subject.ok ? subject.parts : [{ text: template.subject }], values),
    body: renderBody(template.body, offered.body, values, noLink),
  };
}
