// Every feature keeps its messages in messages/<feature>.ts; add it to `modules` here.
import { audit } from "./messages/audit";
import { auto } from "./messages/auto";
import { board } from "./messages/board";
import { boardForm } from "./messages/board-form";
import { bulk } from "./messages/bulk";
import { conflicts } from "./messages/conflicts";
import { core } from "./messages/core";
import { csv } from "./messages/csv";
import { emailTexts } from "./messages/email-texts";
import { embed } from "./messages/embed";
import { feed } from "./messages/feed";
import { importMessages } from "./messages/import";
import { invitations } from "./messages/invitations";
import { organisers } from "./messages/organisers";
import { pages } from "./messages/pages";
import { partners } from "./messages/partners";
import { photos } from "./messages/photos";
import { placement } from "./messages/placement";
import { publishing } from "./messages/publishing";
import { rights } from "./messages/rights";
import { saved } from "./messages/saved";
import { sessions } from "./messages/sessions";
import { site } from "./messages/site";
import { slots } from "./messages/slots";
import { speakers } from "./messages/speakers";
import { stale } from "./messages/stale";
import { structure } from "./messages/structure";
import { text } from "./messages/text";
import { webhooks } from "./messages/webhooks";

// One module per line, in alphabetical order (parallel work then merges cleanly).
const modules = {
  audit,
  auto,
  board,
  boardForm,
  bulk,
  conflicts,
  core,
  csv,
  emailTexts,
  embed,
  feed,
  import: importMessages,
  invitations,
  organisers,
  pages,
  partners,
  photos,
  placement,
  publishing,
  rights,
  saved,
  sessions,
  site,
  slots,
  speakers,
  stale,
  structure,
  text,
  webhooks,
};

type Modules = typeof modules;
export type MessageKey = { [M in keyof Modules]: keyof Modules[M]["fr"] }[keyof Modules] & string;

function merge(locale: "fr" | "en"): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const [name, module] of Object.entries(modules)) {
    for (const [key, value] of Object.entries(module[locale])) {
      if (key in out) throw new Error(`Message key ${key} is defined twice (again in ${name})`);
      out[key] = value;
    }
  }
  return out as Record<MessageKey, string>;
}

export const fr = merge("fr");
export const en = merge("en");
