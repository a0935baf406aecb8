import { defineMessages } from "../define";

// Speakers' portraits: the organisers' upload, the speaker's consent to publish it, the public pages.
export const photos = defineMessages({
  fr: {
    "speaker.consentPublicPhoto": "la publication de ma photo sur le site du programme et dans ses exports (à part des photos prises pendant l’événement)",
    "speakers.photo.title": "Photo",
    "speakers.photo.alt": "Photo de {name}",
    "speakers.photo.none": "Pas encore de photo.",
    "speakers.photo.file": "Nouvelle photo",
    "speakers.photo.upload": "Envoyer la photo",
    "speakers.photo.replace": "Remplacer la photo",
    "speakers.photo.remove": "Retirer la photo",
    "speakers.photo.removeConsequence": "La photo de {name} sera effacée, dans toutes ses tailles ; elle disparaîtra du site public et des exports.",
    "speakers.photo.sizes": "Elle est recadrée en carré et enregistrée en {sizes} pixels, sans ses métadonnées (EXIF, position GPS).",
    "speakers.photo.consentGiven": "{name} accepte la publication de sa photo : le site public et les exports la montrent.",
    "speakers.photo.consentMissing": "{name} n’a pas accepté la publication de sa photo : elle reste réservée aux organisateur·rices. Seul·e l’intervenant·e peut donner cet accord, depuis son lien personnel.",
    "speakers.photoSaved": "Photo enregistrée.",
    "speakers.photoRemoved": "Photo retirée.",
    "site.photoAlt": "Portrait de {name}",
  },
  en: {
    "speaker.consentPublicPhoto": "publishing my photo on the programme’s website and in its exports (apart from photos taken during the event)",
    "speakers.photo.title": "Photo",
    "speakers.photo.alt": "Photo of {name}",
    "speakers.photo.none": "No photo yet.",
    "speakers.photo.file": "New photo",
    "speakers.photo.upload": "Upload the photo",
    "speakers.photo.replace": "Replace the photo",
    "speakers.photo.remove": "Remove the photo",
    "speakers.photo.removeConsequence": "{name}’s photo will be erased, in every size; it will disappear from the public site and the exports.",
    "speakers.photo.sizes": "It is cropped square and stored at {sizes} pixels, without its metadata (EXIF, GPS position).",
    "speakers.photo.consentGiven": "{name} agrees to their photo being published: the public site and the exports show it.",
    "speakers.photo.consentMissing": "{name} has not agreed to their photo being published: it stays with the organisers. Only the speaker can agree, through their personal link.",
    "speakers.photoSaved": "Photo saved.",
    "speakers.photoRemoved": "Photo removed.",
    "site.photoAlt": "Portrait of {name}",
  },
});
