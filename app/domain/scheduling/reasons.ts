// Why a session was left unplaced, in French and English (typographic French: « », espaces insécables).
import type { Localised } from "~/domain/conflicts";
import { featureName } from "~/domain/rooms";
import type { UnplacedReason } from "./types";

const NB = "\u00a0";

function roomWith(features: string[], locale: "fr" | "en"): string {
  if (features.length === 0) return locale === "fr" ? "aucune salle" : "no room";
  const names = features.map((f) => featureName(f, locale).toLowerCase());
  return locale === "fr" ? `aucune salle avec ${names.join(" et ")}` : `no room with ${names.join(" and ")}`;
}

function people(count: number, locale: "fr" | "en"): string {
  if (locale === "fr") return count === 1 ? "son intervenant·e est disponible" : `ses ${count}${NB}intervenant·es sont disponibles`;
  return count === 1 ? "its speaker is available" : `its ${count} speakers are available`;
}

export function reasonMessage(reason: UnplacedReason): Localised {
  switch (reason.kind) {
    case "standing":
      return {
        fr: `elle garde un conflit bloquant où qu’elle soit placée${NB}: ${reason.message.fr}`,
        en: `it keeps a blocking conflict wherever it goes: ${reason.message.en}`,
      };
    case "noRoom":
      return reason.audience !== null
        ? {
            fr: `${roomWith(reason.features, "fr")} n’a ${reason.audience}${NB}places ou plus`,
            en: `${roomWith(reason.features, "en")} has ${reason.audience} seats or more`,
          }
        : { fr: `${roomWith(reason.features, "fr")} n’existe dans cette édition`, en: `${roomWith(reason.features, "en")} exists in this edition` };
    case "closed":
      return {
        fr: `${roomWith(reason.features, "fr")} n’est ouverte assez longtemps pendant l’édition`,
        en: `${roomWith(reason.features, "en")} is open long enough during the edition`,
      };
    case "unavailable":
      return {
        fr: `${roomWith(reason.features, "fr")} n’est ouverte quand ${people(reason.people, "fr")}`,
        en: `${roomWith(reason.features, "en")} is open when ${people(reason.people, "en")}`,
      };
    case "busy":
      return {
        fr: `${roomWith(reason.features, "fr")} n’est libre quand ${people(reason.people, "fr")}`,
        en: `${roomWith(reason.features, "en")} is free when ${people(reason.people, "en")}`,
      };
    case "conflict":
      return {
        fr: `chaque place libre ajouterait un conflit bloquant${NB}: ${reason.message.fr}`,
        en: `every free place would add a blocking conflict: ${reason.message.en}`,
      };
    case "untried":
      return {
        fr: "le temps alloué s’est écoulé avant qu’elle soit essayée",
        en: "the time allowed ran out before it was tried",
      };
  }
}
