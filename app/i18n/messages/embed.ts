import { defineMessages } from "../define";

// The embeddable programme (framed by partners' sites), its snippet on the versions page, and
// the copy button.
export const embed = defineMessages({
  fr: {
    "embed.documentTitle": "Programme — {edition}",
    "embed.speaker": "Intervenant·e",
    "embed.abstract": "Résumé",
    "embed.fullProgramme": "Programme complet",
    "embed.newTab": "(nouvel onglet)",
    "embed.footer": "À propos de ce programme",
    "embed.accessibility": "Accessibilité",
    "embed.privacy": "Données personnelles",
    "embed.snippetTitle": "Intégrer le programme sur un autre site",
    "embed.snippetIntro":
      "Collez ce code dans une page d’un site partenaire : le programme publié s’y affiche, avec ses filtres, et sa hauteur s’ajuste grâce au petit script (facultatif). Seule la dernière version publiée est montrée.",
    "embed.snippetLabel": "Code à coller",
    "embed.snippetOptions":
      "L’adresse accepte lang=en (anglais), theme=light ou theme=dark (sinon le thème du système du lecteur), et les filtres day, theme, room et speaker.",
    "embed.preview": "Voir le programme intégrable",
    "embed.notPublished": "Le programme intégrable sera disponible dès la publication de la première version.",
    "copy.button": "Copier",
    "copy.done": "Copié dans le presse-papiers.",
    "copy.failed": "Copie impossible ici : le texte est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).",
  },
  en: {
    "embed.documentTitle": "Programme — {edition}",
    "embed.speaker": "Speaker",
    "embed.abstract": "Abstract",
    "embed.fullProgramme": "Full programme",
    "embed.newTab": "(new tab)",
    "embed.footer": "About this programme",
    "embed.accessibility": "Accessibility",
    "embed.privacy": "Personal data",
    "embed.snippetTitle": "Embed the programme in another site",
    "embed.snippetIntro":
      "Paste this code into a page of a partner’s site: the published programme shows there, with its filters, and its height adapts through the small (optional) script. Only the latest published version is shown.",
    "embed.snippetLabel": "Code to paste",
    "embed.snippetOptions":
      "The address takes lang=en (English), theme=light or theme=dark (otherwise the reader’s system theme), and the filters day, theme, room and speaker.",
    "embed.preview": "Open the embeddable programme",
    "embed.notPublished": "The embeddable programme becomes available when the first version is published.",
    "copy.button": "Copy",
    "copy.done": "Copied to the clipboard.",
    "copy.failed": "Cannot copy here: the text is selected, copy it with Ctrl+C (or Cmd+C).",
  },
});
