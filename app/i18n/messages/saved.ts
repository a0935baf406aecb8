import { defineMessages } from "../define";

// What a page says after a save (app/utils/done.ts, components/save-status.tsx).
export const saved = defineMessages({
  fr: {
    "saved.settings": "Réglages de l’édition enregistrés.",
    "saved.walking": "Temps de marche enregistrés.",
    "saved.roomCreated": "Salle ajoutée.",
    "saved.room": "Salle enregistrée.",
    "saved.roomDeleted": "Salle supprimée.",
    "saved.themeCreated": "Thème ajouté.",
    "saved.theme": "Thème enregistré.",
    "saved.themeDeleted": "Thème supprimé.",
    "saved.formatCreated": "Format ajouté.",
    "saved.format": "Format enregistré.",
    "saved.formatDeleted": "Format supprimé.",
    "saved.template": "Modèle de créneaux enregistré.",
    "saved.templateDeleted": "Modèle de créneaux supprimé.",
    "saved.slot": "Créneau enregistré.",
    "saved.slotDeleted": "Créneau supprimé.",
  },
  en: {
    "saved.settings": "Edition settings saved.",
    "saved.walking": "Walking times saved.",
    "saved.roomCreated": "Room added.",
    "saved.room": "Room saved.",
    "saved.roomDeleted": "Room deleted.",
    "saved.themeCreated": "Theme added.",
    "saved.theme": "Theme saved.",
    "saved.themeDeleted": "Theme deleted.",
    "saved.formatCreated": "Format added.",
    "saved.format": "Format saved.",
    "saved.formatDeleted": "Format deleted.",
    "saved.template": "Slot template saved.",
    "saved.templateDeleted": "Slot template deleted.",
    "saved.slot": "Slot saved.",
    "saved.slotDeleted": "Slot deleted.",
  },
});
