import { defineMessages } from "../define";

// The refused-save notice (app/components/stale-notice.tsx), shared by every edit form.
export const stale = defineMessages({
  fr: {
    "stale.title": "Quelqu’un a enregistré une modification avant vous",
    "stale.byWhom": "{name} a enregistré ces données le {date} à {time}. Votre modification n’a pas été enregistrée.",
    "stale.unknown": "Ces données ont été modifiées depuis que vous les avez ouvertes. Votre modification n’a pas été enregistrée.",
    "stale.saves": "({count} enregistrements depuis votre lecture.)",
    "stale.caption": "Ce qui diffère, champ par champ",
    "stale.field": "Champ",
    "stale.theirs": "Enregistré maintenant",
    "stale.yours": "Votre saisie",
    "stale.changedByOther": "(modifié par l’autre personne)",
    "stale.empty": "—",
    "stale.noDifference": "Aucune différence visible avec votre saisie.",
    "stale.explain": "Votre saisie est conservée ci-dessous. Vous pouvez la réappliquer par-dessus la version actuelle, ou l’abandonner et repartir de la version enregistrée.",
    "stale.reapply": "Réappliquer ma modification par-dessus",
    "stale.discard": "Abandonner ma saisie",
  },
  en: {
    "stale.title": "Someone saved a change before you",
    "stale.byWhom": "{name} saved this on {date} at {time}. Your change was not saved.",
    "stale.unknown": "This was changed since you opened it. Your change was not saved.",
    "stale.saves": "({count} saves since you read it.)",
    "stale.caption": "What differs, field by field",
    "stale.field": "Field",
    "stale.theirs": "Saved now",
    "stale.yours": "What you typed",
    "stale.changedByOther": "(changed by the other person)",
    "stale.empty": "—",
    "stale.noDifference": "No visible difference with what you typed.",
    "stale.explain": "What you typed is kept below. You may re-apply it on top of the current version, or discard it and start again from the saved version.",
    "stale.reapply": "Re-apply my change on top",
    "stale.discard": "Discard what I typed",
  },
});
