// Organiser-facing sentences, French and English. Built only when a conflict's message is read.
import type { Model } from "./model";
import { featureName } from "../rooms";
import { formatLocalDate } from "../format";
import { RULES, type Conflict, type Interval, type Localised, type Role, type SessionInput } from "./types";
import { localDate, localTime } from "../time";

export type MessageDetail =
  | { kind: "blocked"; blocked: Interval }
  | { kind: "changeover"; person: string; gapMs: number; walkMs: number; from: number; to: number }
  | { kind: "person"; person: string; confirmation?: string }
  | { kind: "unknownPerson"; person: string }
  | { kind: "load"; person: string; date: string; limit: number }
  | { kind: "unknownRoom"; room: string }
  | { kind: "capacity"; audience: number; capacity: number }
  | { kind: "features"; missing: string[] }
  | { kind: "duration"; minutes: number; min: number; max: number; format: Localised }
  | { kind: "invalidTimes" }
  | { kind: "roles"; format: Localised; mismatches: { role: Role; count: number; min: number; max: number }[] }
  | { kind: "unknownFormat"; format: string }
  | { kind: "publicInfo"; title: boolean; abstract: boolean; lacking: { person: string; publicName: boolean; bio: boolean }[] };

const ROLE_NAMES: Record<Role, Localised> = {
  speaker: { fr: "intervenant·e", en: "speaker" },
  moderator: { fr: "modérateur·rice", en: "moderator" },
  expert: { fr: "expert·e", en: "expert" },
  facilitator: { fr: "animateur·rice", en: "facilitator" },
  artist: { fr: "artiste", en: "artist" },
};

// Local text by time.ts, like every other page: "09/03" and "10:30".
function parts(epoch: number, timeZone: string): { date: string; time: string } {
  const date = localDate(epoch, timeZone);
  return { date: `${date.slice(8, 10)}/${date.slice(5, 7)}`, time: localTime(epoch, timeZone) };
}

function when(iv: Interval | null, tz: string): Localised {
  if (!iv || !Number.isFinite(iv.start) || !Number.isFinite(iv.end)) return { fr: "", en: "" };
  const a = parts(iv.start, tz);
  const b = parts(iv.end, tz);
  if (a.date === b.date) {
    return { fr: `le ${a.date} de ${a.time} à ${b.time}`, en: `on ${a.date} from ${a.time} to ${b.time}` };
  }
  return { fr: `du ${a.date} à ${a.time} au ${b.date} à ${b.time}`, en: `from ${a.date} ${a.time} to ${b.date} ${b.time}` };
}

/**
 * A conflict's message, built on first read of `fr` or `en` (F10 holds thousands of pairs that
 * nobody may read). Once built, `fr` and `en` become plain own properties; JSON.stringify
 * gives { fr, en } before that too.
 */
/** The snapshot of `makeConflict` as one list. */
export function snapshotList(first: SessionInput | readonly SessionInput[], second: SessionInput | null): readonly SessionInput[] {
  if (second !== null) return [first as SessionInput, second];
  return Array.isArray(first) ? first : [first as SessionInput];
}

export class LazyMessage implements Localised {
  // What buildMessage needs beyond the conflict's own fields, kept instead of a closure
  // (cheaper for thousands of pairs).
  #model: Model | null;
  #conflict: Conflict | null = null;
  #first: SessionInput | readonly SessionInput[];
  #second: SessionInput | null;
  #detail: MessageDetail | null;
  constructor(model: Model, first: SessionInput | readonly SessionInput[], second: SessionInput | null, detail: MessageDetail | null) {
    this.#model = model;
    this.#first = first;
    this.#second = second;
    this.#detail = detail;
  }
  /** The conflict this message belongs to (its rule, interval, people and rooms). */
  bind(conflict: Conflict): void {
    this.#conflict = conflict;
  }
  #materialise(): Localised {
    const c = this.#conflict!;
    const snapshot = snapshotList(this.#first, this.#second);
    const value = buildMessage(this.#model!, RULES.indexOf(c.rule), c.interval, snapshot, c.people, c.rooms, this.#detail);
    this.#model = null;
    Object.defineProperty(this, "fr", { value: value.fr, enumerable: true, writable: true, configurable: true });
    Object.defineProperty(this, "en", { value: value.en, enumerable: true, writable: true, configurable: true });
    return value;
  }
  get fr(): string {
    return this.#materialise().fr;
  }
  get en(): string {
    return this.#materialise().en;
  }
  toJSON(): Localised {
    return { fr: this.fr, en: this.en };
  }
}

export function buildMessage(
  model: Model,
  rule: number,
  interval: Interval | null,
  snapshot: readonly SessionInput[],
  people: string[],
  rooms: string[],
  detail: MessageDetail | null,
): Localised {
  const main = model.mainLanguage;
  const other = main === "fr" ? "en" : "fr";
  const tz = model.timeZone;
  const title = (s: SessionInput): Localised => {
    const t = s.title[main]?.trim() || s.title[other]?.trim() || s.id;
    return { fr: `« ${t} »`, en: `“${t}”` };
  };
  const personName = (id: string): string => {
    const p = model.personIndex.indexOf(id);
    if (p < 0 || p >= model.knownPeople) return id;
    const person = model.input.people[p];
    return person.publicName?.trim() || person.name || id;
  };
  const roomName = (id: string | null): string => {
    if (id === null) return "?";
    const r = model.roomIndex.get(id);
    return r === undefined ? id : model.rooms[r].name;
  };
  const at = (epoch: number) => parts(epoch, tz).time;
  const w = when(interval, tz);
  const s0 = snapshot[0];
  const t0 = s0 ? title(s0) : { fr: "?", en: "?" };
  const t1 = snapshot[1] ? title(snapshot[1]) : t0;
  const both = { fr: `${t0.fr} et ${t1.fr}`, en: `${t0.en} and ${t1.en}` };
  const names = people.map(personName).join(", ");
  const room0 = roomName(rooms[0] ?? s0?.roomId ?? null);

  switch (RULES[rule]) {
    case "ROOM_OVERLAP": {
      if (detail?.kind === "blocked") {
        const b = when(detail.blocked, tz);
        return {
          fr: `${t0.fr} est programmée dans ${room0} pendant un créneau bloqué (${b.fr})`,
          en: `${t0.en} is scheduled in ${room0} during a blocked time (${b.en})`,
        };
      }
      return {
        fr: `${room0} est occupée deux fois ${w.fr} : ${both.fr}`,
        en: `${room0} is booked twice ${w.en}: ${both.en}`,
      };
    }
    case "SPEAKER_OVERLAP":
      return {
        fr: `${names} est dans deux sessions en même temps ${w.fr} : ${t0.fr} (${roomName(s0.roomId)}) et ${t1.fr} (${roomName(snapshot[1].roomId)})`,
        en: `${names} is in two sessions at once ${w.en}: ${t0.en} (${roomName(s0.roomId)}) and ${t1.en} (${roomName(snapshot[1].roomId)})`,
      };
    case "SPEAKER_CHANGEOVER": {
      const d = detail as Extract<MessageDetail, { kind: "changeover" }>;
      const from = snapshot.find((s) => s.end === interval?.start) ?? s0;
      const to = snapshot.find((s) => s !== from) ?? s0;
      const gap = Math.round(d.gapMs / 60_000);
      const walk = Math.round(d.walkMs / 60_000);
      return {
        fr: `${names} n’a que ${gap} min pour aller de ${roomName(from.roomId)} (${title(from).fr}, fin à ${at(d.from)}) à ${roomName(to.roomId)} (${title(to).fr}, début à ${at(d.to)}) ; il en faut ${walk}`,
        en: `${names} has only ${gap} min to get from ${roomName(from.roomId)} (${title(from).en}, ends ${at(d.from)}) to ${roomName(to.roomId)} (${title(to).en}, starts ${at(d.to)}); ${walk} min are needed`,
      };
    }
    case "SPEAKER_UNAVAILABLE":
      if (detail?.kind === "unknownPerson") {
        return {
          fr: `${t0.fr} mentionne une personne inconnue (${detail.person})`,
          en: `${t0.en} names an unknown person (${detail.person})`,
        };
      }
      return {
        fr: `${names} n’est pas disponible pour ${t0.fr} ${w.fr}`,
        en: `${names} is not available for ${t0.en} ${w.en}`,
      };
    case "SPEAKER_DECLINED":
      return { fr: `${names} a décliné ${t0.fr} mais y figure encore`, en: `${names} declined ${t0.en} but is still on it` };
    case "SPEAKER_UNCONFIRMED":
      if (detail?.kind === "person" && detail.confirmation === "must_reconfirm") {
        return {
          fr: `${names} doit confirmer à nouveau ${t0.fr}, qui a changé`,
          en: `${names} must confirm ${t0.en} again since it changed`,
        };
      }
      return { fr: `${names} n’a pas encore confirmé ${t0.fr}`, en: `${names} has not confirmed ${t0.en} yet` };
    case "SPEAKER_DAILY_LOAD": {
      const d = detail as Extract<MessageDetail, { kind: "load" }>;
      const list = snapshot.map(title);
      return {
        fr: `${names} a ${snapshot.length} sessions le ${formatLocalDate(d.date, "fr")} (maximum ${d.limit}) : ${list.map((t) => t.fr).join(", ")}`,
        en: `${names} has ${snapshot.length} sessions on ${formatLocalDate(d.date, "en")} (limit ${d.limit}): ${list.map((t) => t.en).join(", ")}`,
      };
    }
    case "ROOM_CLOSED":
      if (detail?.kind === "unknownRoom") {
        return {
          fr: `${t0.fr} est placée dans une salle inconnue (${detail.room})`,
          en: `${t0.en} is placed in an unknown room (${detail.room})`,
        };
      }
      return {
        fr: `${t0.fr} a lieu ${w.fr}, en dehors des heures d’ouverture de ${room0}`,
        en: `${t0.en} takes place ${w.en}, outside the opening hours of ${room0}`,
      };
    case "ROOM_CAPACITY": {
      const d = detail as Extract<MessageDetail, { kind: "capacity" }>;
      return {
        fr: `${t0.fr} attend ${d.audience} personnes mais ${room0} n’en accueille que ${d.capacity}`,
        en: `${t0.en} expects ${d.audience} people but ${room0} holds only ${d.capacity}`,
      };
    }
    case "ROOM_FEATURES": {
      const d = detail as Extract<MessageDetail, { kind: "features" }>;
      return {
        fr: `${room0} n’a pas ce que demande le format de ${t0.fr} : ${d.missing.map((f) => featureName(f, "fr")).join(", ")}`,
        en: `${room0} lacks what the format of ${t0.en} needs: ${d.missing.map((f) => featureName(f, "en")).join(", ")}`,
      };
    }
    case "FORMAT_DURATION":
      if (detail?.kind === "invalidTimes") {
        return {
          fr: `${t0.fr} a une fin qui n’est pas après son début`,
          en: `${t0.en} has an end that is not after its start`,
        };
      } else {
        const d = detail as Extract<MessageDetail, { kind: "duration" }>;
        return {
          fr: `${t0.fr} dure ${d.minutes} min, hors de la durée de son format ${d.format.fr} (${d.min} à ${d.max} min)`,
          en: `${t0.en} lasts ${d.minutes} min, outside the range of its format ${d.format.en} (${d.min} to ${d.max} min)`,
        };
      }
    case "FORMAT_ROLES":
      if (detail?.kind === "unknownFormat") {
        return { fr: `${t0.fr} a un format inconnu (${detail.format})`, en: `${t0.en} has an unknown format (${detail.format})` };
      } else {
        const d = detail as Extract<MessageDetail, { kind: "roles" }>;
        const range = (x: { min: number; max: number }, lang: "fr" | "en") =>
          x.min === x.max ? `${x.min}` : lang === "fr" ? `${x.min} à ${x.max}` : `${x.min} to ${x.max}`;
        return {
          fr: `${t0.fr} ne respecte pas les rôles du format ${d.format.fr} : ${d.mismatches
            .map((x) => `${ROLE_NAMES[x.role].fr} ${x.count} (attendu ${range(x, "fr")})`)
            .join(", ")}`,
          en: `${t0.en} does not match the roles of format ${d.format.en}: ${d.mismatches
            .map((x) => `${ROLE_NAMES[x.role].en} ${x.count} (expected ${range(x, "en")})`)
            .join(", ")}`,
        };
      }
    case "OUTSIDE_EDITION":
      return {
        fr: `${t0.fr} est programmée ${w.fr}, en dehors des jours de l’édition`,
        en: `${t0.en} is scheduled ${w.en}, outside the edition's days`,
      };
    case "THEME_PARALLEL": {
      const theme = model.input.themes.find((t) => t.id === s0.themeId);
      const name = theme ? theme.name : { fr: s0.themeId ?? "?", en: s0.themeId ?? "?" };
      return {
        fr: `${both.fr}, du même thème ${name.fr}, ont lieu en même temps ${w.fr}`,
        en: `${both.en}, of the same theme ${name.en}, run at the same time ${w.en}`,
      };
    }
    case "ORGANISATION_PARALLEL":
      return {
        fr: `${both.fr} ont lieu en même temps ${w.fr} avec des personnes de la même organisation (${names})`,
        en: `${both.en} run at the same time ${w.en} with people from the same organisation (${names})`,
      };
    case "PUBLIC_INFO_MISSING": {
      const d = detail as Extract<MessageDetail, { kind: "publicInfo" }>;
      const fr: string[] = [];
      const en: string[] = [];
      if (d.title) fr.push(`le titre (${main})`), en.push(`the title (${main})`);
      if (d.abstract) fr.push(`le résumé (${main})`), en.push(`the abstract (${main})`);
      for (const x of d.lacking) {
        const n = personName(x.person);
        if (x.publicName) fr.push(`le nom public de ${n}`), en.push(`the public name of ${n}`);
        if (x.bio) fr.push(`la bio (${main}) de ${n}`), en.push(`the bio (${main}) of ${n}`);
      }
      return {
        fr: `${t0.fr} est publique mais il manque : ${fr.join(", ")}`,
        en: `${t0.en} is public but lacks: ${en.join(", ")}`,
      };
    }
    case "UNSCHEDULED":
      return {
        fr: `${t0.fr} est acceptée mais n’a pas encore de salle ou d’horaire`,
        en: `${t0.en} is accepted but has no room or time yet`,
      };
  }
  return { fr: RULES[rule], en: RULES[rule] };
}
