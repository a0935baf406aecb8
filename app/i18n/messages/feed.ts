import { defineMessages } from "../define";

// The Atom feed of published versions.
export const feed = defineMessages({
  fr: {
    "feed.title": "{edition} — versions du programme",
    "feed.subtitle": "Chaque version publiée du programme, avec ses changements.",
    "feed.entry": "Version {number} du programme",
    "feed.link": "Flux Atom des versions du programme",
  },
  en: {
    "feed.title": "{edition} — programme versions",
    "feed.subtitle": "Each published version of the programme, with its changes.",
    "feed.entry": "Programme version {number}",
    "feed.link": "Atom feed of the programme versions",
  },
});
