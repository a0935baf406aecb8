import { defineMessages } from "../define";

// Where a session may be placed and how local times are read (app/domain/placement.ts, time.ts).
export const placement = defineMessages({
  fr: {
    "placement.outsideEdition": "Le {day} n’est pas un jour de l’édition : choisissez un jour du {first} au {last}.",
    "placement.endNotAfterStart": "La fin doit suivre le début.",
    "placement.outside.title": "Hors des dates de l’édition ({count})",
    "placement.outside.hint": "Ces sessions sont placées hors des jours de l’édition (du {first} au {last}), dont les dates ont changé : déplacez-les sur un jour de l’édition ou retirez-les de la grille.",
    "placement.outside.flag": "Hors édition : {placement}",
    "time.nonexistent": "Cette heure n’existe pas ce jour-là : cette nuit-là, les horloges avancent d’une heure (passage à l’heure d’été) et la sautent. Choisissez une heure avant ou après.",
    "time.sameTime": "La fin doit suivre le début.",
    "time.tooLong": "La fin doit être après le début : une fin avant le début signifie le lendemain, pour 12 heures au plus.",
    "time.occurrence": "Heure répétée (passage à l’heure d’hiver)",
    "time.occurrence.first": "Première fois (heure d’été)",
    "time.occurrence.second": "Seconde fois (heure d’hiver)",
    "time.occurrence.start": "Début à l’heure répétée",
    "time.occurrence.end": "Fin à l’heure répétée",
  },
  en: {
    "placement.outsideEdition": "{day} is not one of the edition’s days: choose a day from {first} to {last}.",
    "placement.endNotAfterStart": "The end must come after the start.",
    "placement.outside.title": "Outside the edition’s dates ({count})",
    "placement.outside.hint": "These sessions are placed outside the edition’s days ({first} to {last}), whose dates have changed: move them to a day of the edition or take them off the grid.",
    "placement.outside.flag": "Outside the edition: {placement}",
    "time.nonexistent": "This time does not exist that day: that night the clocks go forward one hour (daylight saving time begins) and skip it. Choose a time before or after.",
    "time.sameTime": "The end must come after the start.",
    "time.tooLong": "The end must be after the start: an end before the start means the next day, for 12 hours at most.",
    "time.occurrence": "Repeated hour (clocks go back)",
    "time.occurrence.first": "First time (summer time)",
    "time.occurrence.second": "Second time (winter time)",
    "time.occurrence.start": "Start in the repeated hour",
    "time.occurrence.end": "End in the repeated hour",
  },
});
