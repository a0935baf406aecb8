// Room features, in the organisers' words. The database stores the identifiers;
// every screen and message shows these names.
import type { Localised } from "./conflicts/types";
import type { RoomFeature } from "./vocabulary";

export const ROOM_FEATURE_NAMES: Readonly<Record<RoomFeature, Localised>> = Object.freeze({
  stage: { fr: "scène", en: "stage" },
  av: { fr: "sonorisation et vidéoprojection", en: "sound and projection" },
  circle_seating: { fr: "assises en cercle", en: "circle seating" },
  tables: { fr: "tables de travail", en: "work tables" },
  accessible: { fr: "accès de plain-pied", en: "step-free access" },
  exhibition_space: { fr: "espace d'exposition", en: "exhibition space" },
});

/** A feature's name; an identifier this version does not know is shown as it is. */
export function featureName(feature: string, locale: "fr" | "en"): string {
  return (ROOM_FEATURE_NAMES as Record<string, Localised>)[feature]?.[locale] ?? feature;
}
