// The messages speakers receive, in their language, as plain text and HTML. Invitations,
// reminders and re-confirmations follow the edition's own text when its organisers wrote one
// (app/domain/email-template.ts), the catalogue's otherwise. Stored text (names, titles) is
// escaped in the HTML part; links come from PUBLIC_ORIGIN only.
import type { PlacementChange } from "~/domain/invitations";
import {
  bodyAsHtml,
  bodyAsText,
  checkTemplate,
  renderMessage,
  type EmailKind,
  type EmailTemplate,
  type TemplateValues,
} from "~/domain/email-template";
import { formatLocalDate } from "~/domain/format";
import { escapeHtml } from "~/domain/text";
import { localDate } from "~/domain/time";
import { translate, type Locale, type MessageKey } from "~/i18n";

type Rendered = { subject: string; text: string; html: string };

function layout(locale: Locale, bodyHtml: string, title: string): string {
  return `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24">\n${bodyHtml}\n</body></html>\n`;
}

// The catalogue's sentences with their variables turned into the placeholders organisers write.
const AS_PLACEHOLDERS = { name: "{nom}", edition: "{edition}", date: "{date_limite}" };

/** Today's text of a message, written with placeholders: what an edition starts from. */
export function defaultEmailTemplate(kind: EmailKind, locale: Locale): EmailTemplate {
  const t = (key: MessageKey) => translate(locale, key, AS_PLACEHOLDERS);
  const hello = t("mail.hello");
  const signature = t("mail.signature");
  if (kind === "reconfirm") {
    return {
      subject: t("mail.reconfirm.subject"),
      body: [hello, t("mail.reconfirm.body"), "{changements}", `${t("mail.reconfirm.ask")}\n{lien}`, signature].join("\n\n"),
    };
  }
  const prefix = kind === "invitation" ? "mail.invitation" : "mail.reminder";
  return {
    subject: t(`${prefix}.subject`),
    body: [hello, t(`${prefix}.body`), "{lien}", t("mail.invitation.personal"), signature].join("\n\n"),
  };
}

/** An edition's stored text for one message and language (null: the default's). */
export type CustomText = { subject: string | null; body: string | null };

/**
 * The text a message is written from: the edition's, else the default. A stored text that
 * would now be refused (checked again here) gives way to the default rather than send a
 * message without its link.
 */
export function templateFor(kind: EmailKind, locale: Locale, custom?: CustomText | null): EmailTemplate {
  const fallback = defaultEmailTemplate(kind, locale);
  const template = { subject: custom?.subject ?? fallback.subject, body: custom?.body ?? fallback.body };
  const problems = checkTemplate(kind, template);
  return {
    subject: problems.subject ? fallback.subject : template.subject,
    body: problems.body ? fallback.body : template.body,
  };
}

/** One message from a template that passed `checkTemplate`, with one speaker's values. */
export function renderEmail(kind: EmailKind, locale: Locale, template: EmailTemplate, values: TemplateValues): Rendered {
  const { subject, body } = renderMessage(kind, template, values, translate(locale, "mail.reconfirm.askNoLink"));
  return { subject, text: bodyAsText(body), html: layout(locale, bodyAsHtml(body, translate(locale, "mail.invitation.open")), subject) };
}

type LinkEmailArgs = {
  locale: Locale;
  speakerName: string;
  editionTitle: string;
  link: string;
  expiresAt: number;
  timeZone: string;
  custom?: CustomText | null;
};

/** The values of a message carrying the speaker's personal link and its expiry. */
export function linkEmailValues(args: Omit<LinkEmailArgs, "custom">): TemplateValues {
  return {
    nom: args.speakerName,
    edition: args.editionTitle,
    lien: args.link,
    date_limite: formatLocalDate(localDate(args.expiresAt, args.timeZone), args.locale),
  };
}

export function invitationEmail(args: LinkEmailArgs): Rendered {
  return renderEmail("invitation", args.locale, templateFor("invitation", args.locale, args.custom), linkEmailValues(args));
}

/** A reminder to someone who has not answered yet: the same personal link, asked again. */
export function reminderEmail(args: LinkEmailArgs): Rendered {
  return renderEmail("reminder", args.locale, templateFor("reminder", args.locale, args.custom), linkEmailValues(args));
}

export type ReconfirmSession = { title: string; changes: PlacementChange[]; now: { day: string | null; time: string | null; room: string | null } };

/** What changed, session by session, and where each is now: the value of {changements}. */
export function reconfirmChanges(locale: Locale, sessions: ReconfirmSession[]): string {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const none = t("mail.reconfirm.none");
  const show = (value: string | null, f: PlacementChange["field"]) => (value === null ? none : f === "day" ? formatLocalDate(value, locale) : value);
  const colon = locale === "fr" ? " : " : ": ";
  return sessions
    .map((session) => {
      const lines = session.changes.map((c) => `– ${t(`mail.reconfirm.${c.field}`)}${colon}${show(c.before, c.field)} → ${show(c.after, c.field)}`);
      const now = t("mail.reconfirm.now", { day: show(session.now.day, "day"), time: session.now.time ?? none, room: session.now.room ?? none });
      return [locale === "fr" ? `« ${session.title} »` : `“${session.title}”`, ...lines, now].join("\n");
    })
    .join("\n\n");
}

export function reconfirmEmail(args: {
  locale: Locale;
  speakerName: string;
  editionTitle: string;
  sessions: ReconfirmSession[];
  link: string | null;
  custom?: CustomText | null;
}): Rendered {
  const values: TemplateValues = { nom: args.speakerName, edition: args.editionTitle, changements: reconfirmChanges(args.locale, args.sessions), lien: args.link };
  return renderEmail("reconfirm", args.locale, templateFor("reconfirm", args.locale, args.custom), values);
}

/** Tells a speaker their personal data was erased (sent to the address just erased, then forgotten). */
export function erasureEmail(args: { locale: Locale; speakerName: string; editionTitle: string; requested: boolean }): Rendered {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(args.locale, key, vars);
  const subject = t("mail.erasure.subject", { edition: args.editionTitle });
  const paragraphs = [
    t("mail.hello", { name: args.speakerName }),
    t(args.requested ? "mail.erasure.bodyRequested" : "mail.erasure.body", { edition: args.editionTitle }),
    t("mail.erasure.kept"),
    t("mail.signature", { edition: args.editionTitle }),
  ];
  const body = paragraphs.map((text) => [{ text }]);
  return { subject, text: bodyAsText(body), html: layout(args.locale, bodyAsHtml(body, ""), subject) };
}
