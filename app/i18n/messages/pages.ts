import { defineMessages } from "../define";

// The board's pagers: rooms shown a page at a time, the tray a page at a time (big editions).
export const pages = defineMessages({
  fr: {
    "pages.rooms.label": "Salles affichées",
    "pages.rooms.range": "Salles {first}–{last} sur {total}",
    "pages.rooms.previous": "Salles précédentes",
    "pages.rooms.next": "Salles suivantes",
    "pages.tray.label": "Pages du bac",
    "pages.tray.range": "Sessions {first}–{last} sur {total}",
    "pages.tray.previous": "Sessions précédentes",
    "pages.tray.next": "Sessions suivantes",
    "pages.conflicts.label": "Pages des conflits",
    "pages.conflicts.range": "Conflits {first}–{last} sur {total}",
    "pages.conflicts.previous": "Conflits précédents",
    "pages.conflicts.next": "Conflits suivants",
  },
  en: {
    "pages.rooms.label": "Rooms shown",
    "pages.rooms.range": "Rooms {first}–{last} of {total}",
    "pages.rooms.previous": "Previous rooms",
    "pages.rooms.next": "Next rooms",
    "pages.tray.label": "Tray pages",
    "pages.tray.range": "Sessions {first}–{last} of {total}",
    "pages.tray.previous": "Previous sessions",
    "pages.tray.next": "Next sessions",
    "pages.conflicts.label": "Conflict pages",
    "pages.conflicts.range": "Conflicts {first}–{last} of {total}",
    "pages.conflicts.previous": "Previous conflicts",
    "pages.conflicts.next": "Next conflicts",
  },
});
