import { defineMessages } from "../define";

// The board's place/move form: the engine's proposals, the room's free slots, the live preview.
export const boardForm = defineMessages({
  fr: {
    "board.form.suggestions": "Propositions du moteur",
    "board.form.freeSlots": "Créneaux libres",
    "board.form.choose": "— Choisir —",
    "board.form.suggestionsLink": "Voir les propositions du moteur",
    "board.form.noFreeSlot": "Aucun créneau libre dans cette salle.",
    "board.form.useSlot": "Remplir avec ce créneau",
    "board.form.durationHint": "Changer le début déplace la fin\u00a0: la durée reste la même.",
    "board.form.previewTitle": "Aperçu de ce placement",
    "board.form.previewFor": "{room}, {day}, {start}–{end}",
    "board.form.previewInvalid": "Aperçu indisponible\u00a0: le jour ou les heures saisis ne sont pas valides.",
  },
  en: {
    "board.form.suggestions": "The engine’s proposals",
    "board.form.freeSlots": "Free slots",
    "board.form.choose": "— Choose —",
    "board.form.suggestionsLink": "See the engine’s proposals",
    "board.form.noFreeSlot": "No free slot in this room.",
    "board.form.useSlot": "Fill in with this slot",
    "board.form.durationHint": "Changing the start moves the end: the duration stays the same.",
    "board.form.previewTitle": "Preview of this placement",
    "board.form.previewFor": "{room}, {day}, {start}–{end}",
    "board.form.previewInvalid": "No preview: the day or times typed are not valid.",
  },
});
