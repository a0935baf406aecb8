// What a page says after a save: the action redirects with `?done=<message>` (and `count` when
// the message counts something), the page's SaveStatus reads it back. One mechanism, with and
// without JavaScript (post, redirect, get).
import type { MessageKey } from "~/i18n";

/** The messages a redirect may ask a page to say; anything else in `?done=` is ignored. */
export const DONE_MESSAGES = [
  "saved.settings",
  "saved.walking",
  "saved.roomCreated",
  "saved.room",
  "saved.roomDeleted",
  "saved.themeCreated",
  "saved.theme",
  "saved.themeDeleted",
  "saved.formatCreated",
  "saved.format",
  "saved.formatDeleted",
  "saved.template",
  "saved.templateDeleted",
  "saved.slot",
  "saved.slotDeleted",
  "speakers.created",
  "speakers.saved",
  "speakers.unchanged",
  "speakers.deleted",
  "speakers.photoSaved",
  "speakers.photoRemoved",
  "sessions.created",
  "sessions.saved",
  "sessions.savedReconfirm",
  "sessions.person.changed",
  "sessions.cancelled",
  "sessions.deleted",
  "saved.emailText",
  "saved.emailTextReset",
  "bulk.sessionsChanged",
] as const satisfies readonly MessageKey[];

export type DoneMessage = (typeof DONE_MESSAGES)[number];

/** `path` (which may carry a query and a #fragment) with the message its page says on arrival. */
export function withDone(path: string, message: DoneMessage, count?: number): string {
  const url = new URL(path, "http://barouf.invalid");
  url.searchParams.set("done", message);
  if (count !== undefined) url.searchParams.set("count", String(count));
  return url.pathname + url.search + url.hash;
}

/** The message a page's URL asks it to say, if it is one of ours. */
export function doneOf(search: URLSearchParams): { message: DoneMessage; count: number } | null {
  const message = search.get("done");
  if (!(DONE_MESSAGES as readonly string[]).includes(message ?? "")) return null;
  const count = Number(search.get("count") ?? 0);
  return { message: message as DoneMessage, count: Number.isSafeInteger(count) ? count : 0 };
}
