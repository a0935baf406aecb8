// The messages speakers receive, in their language, as plain text and HTML. Stored text
// (names, titles) is escaped in the HTML part; links come from PUBLIC_ORIGIN only.
import type { PlacementChange } from "~/domain/invitations";
import { formatLocalDate } from "~/domain/format";
import { localDate } from "~/domain/time";
import { translate, type Locale, type MessageKey } from "~/i18n";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

type Rendered = { subject: string; text: string; html: string };

function layout(locale: Locale, paragraphs: string[], link: { url: string; label: string } | null, title: string): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("\n");
  const button = link
    ? `<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 16px;background:#1d3557;color:#ffffff;border-radius:4px;text-decoration:none">${escapeHtml(link.label)}</a></p>\n<p style="font-size:13px;color:#555">${escapeHtml(link.url)}</p>`
    : "";
  return `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24">\n${body}\n${button}\n</body></html>\n`;
}

type LinkEmailArgs = {
  locale: Locale;
  speakerName: string;
  editionTitle: string;
  link: string;
  expiresAt: number;
  timeZone: string;
};

/** A message carrying the speaker's personal link: its subject and first paragraph vary, nothing else. */
function personalLinkEmail(keys: { subject: MessageKey; body: MessageKey }, args: LinkEmailArgs): Rendered {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(args.locale, key, vars);
  const expires = formatLocalDate(localDate(args.expiresAt, args.timeZone), args.locale);
  const subject = t(keys.subject, { edition: args.editionTitle });
  const paragraphs = [t("mail.hello", { name: args.speakerName }), t(keys.body, { edition: args.editionTitle }), t("mail.invitation.personal", { date: expires })];
  const signature = t("mail.signature", { edition: args.editionTitle });
  const text = [...paragraphs.slice(0, 2), args.link, paragraphs[2], signature].join("\n\n") + "\n";
  const html = layout(args.locale, [...paragraphs, signature], { url: args.link, label: t("mail.invitation.open") }, subject);
  return { subject, text, html };
}

export function invitationEmail(args: LinkEmailArgs): Rendered {
  return personalLinkEmail({ subject: "mail.invitation.subject", body: "mail.invitation.body" }, args);
}

/** A reminder to someone who has not answered yet: the same personal link, asked again. */
export function reminderEmail(args: LinkEmailArgs): Rendered {
  return personalLinkEmail({ subject: "mail.reminder.subject", body: "mail.reminder.body" }, args);
}

export type ReconfirmSession = { title: string; changes: PlacementChange[]; now: { day: string | null; time: string | null; room: string | null } };

export function reconfirmEmail(args: {
  locale: Locale;
  speakerName: string;
  editionTitle: string;
  sessions: ReconfirmSession[];
  link: string | null;
}): Rendered {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(args.locale, key, vars);
  const none = t("mail.reconfirm.none");
  const field = (f: PlacementChange["field"]) => t(`mail.reconfirm.${f}`);
  const show = (value: string | null, f: PlacementChange["field"]) =>
    value === null ? none : f === "day" ? formatLocalDate(value, args.locale) : value;
  const blocks = args.sessions.map((session) => {
    const colon = args.locale === "fr" ? " : " : ": ";
    const lines = session.changes.map((c) => `– ${field(c.field)}${colon}${show(c.before, c.field)} → ${show(c.after, c.field)}`);
    const now = t("mail.reconfirm.now", {
      day: show(session.now.day, "day"),
      time: session.now.time ?? none,
      room: session.now.room ?? none,
    });
    return [args.locale === "fr" ? `« ${session.title} »` : `“${session.title}”`, ...lines, now].join("\n");
  });
  const subject = t("mail.reconfirm.subject", { edition: args.editionTitle });
  const ask = args.link ? t("mail.reconfirm.ask") : t("mail.reconfirm.askNoLink");
  const paragraphs = [t("mail.hello", { name: args.speakerName }), t("mail.reconfirm.body"), ...blocks, ask];
  const signature = t("mail.signature", { edition: args.editionTitle });
  const text = [...paragraphs, ...(args.link ? [args.link] : []), signature].join("\n\n") + "\n";
  const html = layout(args.locale, [...paragraphs, signature], args.link ? { url: args.link, label: t("mail.invitation.open") } : null, subject);
  return { subject, text, html };
}

/** Tells a speaker their personal data was erased (sent to the address just erased, then forgotten). */
export function erasureEmail(args: { locale: Locale; speakerName: string; editionTitle: string; requested: boolean }): Rendered {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(args.locale, key, vars);
  const subject = t("mail.erasure.subject", { edition: args.editionTitle });
  const paragraphs = [
    t("mail.hello", { name: args.speakerName }),
    t(args.requested ? "mail.erasure.bodyRequested" : "mail.erasure.body", { edition: args.editionTitle }),
    t("mail.erasure.kept"),
  ];
  const signature = t("mail.signature", { edition: args.editionTitle });
  return { subject, text: [...paragraphs, signature].join("\n\n") + "\n", html: layout(args.locale, [...paragraphs, signature], null, subject) };
}
