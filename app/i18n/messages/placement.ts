import { defineMessages } from "../define";

// Where a session may be placed and how local times are read (app/domain/placement.ts, time.ts).
export const placement = defineMessages({
  fr: {
    "placement.outsideEdition": "Le {day} n’est pas un jour de l’édition : choisissez un jour du {first} au {last}.",
    "placement.endNotAfterStart": "La fin doit suivre le début.",
    "placement.outside.title": "Hors des dates de l’édition ({count})",
    "placement.outside.hint": "Ces sessions sont placées hors des jours de l’édition (du {first} au {last}), dont les dates ont changé : déplacez-les sur un jour de l’édition ou retirez-les de la grille.",
    "placement.outside.flag": "⚠ Hors édition : {placement}",
  },
  en: {
    "placement.outsideEdition": "{day} is not one of the edition’s days: choose a day from {first} to {last}.",
    "placement.endNotAfterStart": "The end must come after the start.",
    "placement.outside.title": "Outside the edition’s dates ({count})",
    "placement.outside.hint": "These sessions are placed outside the edition’s days ({first} to {last}), whose dates have changed: move them to a day of the edition or take them off the grid.",
    "placement.outside.flag": "⚠ Outside the edition: {placement}",
  },
});
