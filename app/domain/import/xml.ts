// Reads pentabarf / frab schedule.xml into the raw model (FOSDEM, CCC congresses).
// The same rule as for JSON: wrong shape is refused with where and why, and what
// real producers leave out (guids, <date>, day start and end, the time zone) is tolerated.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ImportProblem, RawDay, RawEvent, RawPerson, RawSchedule } from "./model";
import { ImportRefusal, lineAndColumn, problem } from "./problems";

const MAX_PROBLEMS = 50;
/** A schedule.xml nests about seven levels (schedule/day/room/event/persons/person); deeper is refused. */
export const MAX_XML_DEPTH = 64;

const ARRAYS = new Set([
  "schedule.day",
  "schedule.day.room",
  "schedule.day.room.event",
  "schedule.day.room.event.persons.person",
  "schedule.conference.track",
  "schedule.conference.room",
  "schedule.conference.rooms.room",
]);

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The text of an element: a plain string, or the text beside its attributes. */
function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (isNode(value)) {
    const inner = value["#text"];
    return typeof inner === "string" ? inner : inner === undefined ? "" : String(inner);
  }
  return null;
}

function attr(node: unknown, name: string): string | null {
  if (!isNode(node)) return null;
  const value = node[`@_${name}`];
  return typeof value === "string" ? value : null;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

function optional(value: string | null): string | null {
  return value === null || value === "" ? null : value;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "&apos;")}'`;
}

/**
 * Refuses elements nested deeper than MAX_XML_DEPTH, with the line and column of the first
 * one too deep, before the validator and parser (whose object building recurses) see it.
 * A single pass over the tags; comments, CDATA, processing instructions, the doctype and
 * quoted attribute values are skipped. Malformed markup is left to the validator.
 */
function refuseTooDeep(source: string) {
  let depth = 0;
  let i = source.indexOf("<");
  while (i !== -1 && i < source.length) {
    if (source.startsWith("<!--", i)) i = source.indexOf("-->", i + 4);
    else if (source.startsWith("<![CDATA[", i)) i = source.indexOf("]]>", i + 9);
    else if (source.startsWith("<?", i)) i = source.indexOf("?>", i + 2);
    else if (source.startsWith("<!", i)) i = endOfDoctype(source, i);
    else if (source[i + 1] === "/") {
      depth--;
      i = source.indexOf(">", i);
    } else {
      const end = endOfTag(source, i);
      if (end === -1) return;
      if (source[end - 1] !== "/") {
        depth++;
        if (depth > MAX_XML_DEPTH) {
          const { line, column } = lineAndColumn(source, i);
          const element = /^<([^\s/>]{1,40})/.exec(source.slice(i, i + 42))?.[1] ?? "?";
          throw new ImportRefusal([
            problem("xml.tooDeep", `line ${line}, column ${column}`, `<${element}> is nested ${depth} levels deep; a schedule.xml needs far fewer (at most ${MAX_XML_DEPTH} are read)`, {
              line,
              column,
              element,
              max: MAX_XML_DEPTH,
            }),
          ]);
        }
      }
      i = end;
    }
    if (i === -1) return;
    i = source.indexOf("<", i + 1);
  }
}

/** The index of the ">" closing the tag opened at `start`, skipping quoted attribute values. */
function endOfTag(source: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  return -1;
}

/** The end of `<!DOCTYPE …>`, whose internal subset in brackets may hold ">". */
function endOfDoctype(source: string, start: number): number {
  let brackets = 0;
  for (let i = start + 2; i < source.length; i++) {
    const c = source[i];
    if (c === "[") brackets++;
    else if (c === "]") brackets--;
    else if (c === ">" && brackets <= 0) return i;
  }
  return -1;
}

export function readScheduleXml(source: string): RawSchedule {
  if (/<!ENTITY/i.test(source)) {
    throw new ImportRefusal([problem("xml.entities", "file", "the XML declares entities (<!ENTITY>); schedules never need them and they are refused for safety")]);
  }
  refuseTooDeep(source);
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new ImportRefusal([
      problem("xml.syntax", `line ${line}, column ${col}`, `this is not well-formed XML: ${msg}`, { line, column: col, detail: msg }),
    ]);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    textNodeName: "#text",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
    // The same limit as refuseTooDeep, which has already reported where.
    maxNestedTags: MAX_XML_DEPTH,
  });
  const document = parser.parse(source) as Node;
  const schedule = document.schedule;
  if (!isNode(schedule)) {
    const root = Object.keys(document).find((key) => !key.startsWith("?") && !key.startsWith("#")) ?? "nothing";
    throw new ImportRefusal([
      problem("schema.missing", "/", `the root element must be <schedule>, found <${root}>: this is not a schedule.xml`, { field: "schedule", found: root }),
    ]);
  }
  const conference = schedule.conference;
  if (!isNode(conference)) {
    throw new ImportRefusal([problem("schema.missing", "/schedule/conference", `the required element <conference> is missing`, { field: "conference" })]);
  }
  const title = textOf(conference.title);
  if (title === null) {
    throw new ImportRefusal([problem("schema.missing", "/schedule/conference/title", `the required element <title> is missing`, { field: "title" })]);
  }

  const problems: ImportProblem[] = [];
  let anyGuid = false;
  const days: RawDay[] = [];
  list(schedule.day).forEach((dayNode, d) => {
    const where = `/schedule/day[${d + 1}]`;
    const date = attr(dayNode, "date");
    if (date === null) {
      problems.push(problem("schema.missing", `${where}/@date`, `the required attribute "date" of <day> is missing`, { field: "date" }));
      return;
    }
    const rooms: RawDay["rooms"] = [];
    list(isNode(dayNode) ? dayNode.room : undefined).forEach((roomNode, r) => {
      const name = attr(roomNode, "name");
      const roomWhere = name === null ? `${where}/room[${r + 1}]` : `${where}/room[@name=${quote(name)}]`;
      if (name === null) {
        problems.push(problem("schema.missing", `${roomWhere}/@name`, `the required attribute "name" of <room> is missing`, { field: "name" }));
        return;
      }
      const events: RawEvent[] = [];
      list(isNode(roomNode) ? roomNode.event : undefined).forEach((eventNode, e) => {
        const id = attr(eventNode, "id");
        const eventWhere = id === null ? `${roomWhere}/event[${e + 1}]` : `${roomWhere}/event[@id=${quote(id)}]`;
        if (!isNode(eventNode)) {
          problems.push(problem("schema.type", eventWhere, "expected an <event> with its fields, got an empty element", { expected: "element", got: "empty" }));
          return;
        }
        if (id !== null && !/^-?\d+$/.test(id.trim())) {
          problems.push(problem("schema.type", `${eventWhere}/@id`, `expected an integer, got the text ${JSON.stringify(id)}`, { expected: "int", got: id }));
          return;
        }
        const required = { title: textOf(eventNode.title), start: textOf(eventNode.start), duration: textOf(eventNode.duration) };
        let missing = false;
        for (const [field, value] of Object.entries(required)) {
          if (value === null) {
            problems.push(problem("schema.missing", `${eventWhere}/${field}`, `the required element <${field}> is missing`, { field }));
            missing = true;
          }
        }
        if (missing) return;
        const persons: RawPerson[] = [];
        list(isNode(eventNode.persons) ? eventNode.persons.person : undefined).forEach((personNode, p) => {
          const personWhere = `${eventWhere}/persons/person[${p + 1}]`;
          const name = textOf(personNode);
          if (name === null || name.trim() === "") {
            problems.push(problem("schema.missing", personWhere, "the person has no name", { field: "name" }));
            return;
          }
          persons.push({
            where: personWhere,
            id: attr(personNode, "id"),
            guid: attr(personNode, "guid"),
            code: attr(personNode, "code"),
            name,
            bio: null,
            role: attr(personNode, "role"),
          });
        });
        const guid = attr(eventNode, "guid");
        anyGuid ||= guid !== null;
        events.push({
          where: eventWhere,
          id: id === null ? null : id.trim(),
          guid,
          date: optional(textOf(eventNode.date)),
          start: required.start!,
          duration: required.duration!,
          room: optional(textOf(eventNode.room)),
          slug: optional(textOf(eventNode.slug)),
          title: required.title!,
          subtitle: optional(textOf(eventNode.subtitle)),
          track: optional(textOf(eventNode.track)),
          type: optional(textOf(eventNode.type)),
          language: optional(textOf(eventNode.language)),
          abstract: optional(textOf(eventNode.abstract)),
          description: optional(textOf(eventNode.description)),
          persons,
        });
      });
      rooms.push({ name, events });
    });
    days.push({ where, date, dayStart: attr(dayNode, "start"), dayEnd: attr(dayNode, "end"), rooms });
  });
  if (problems.length > 0) throw new ImportRefusal(problems.slice(0, MAX_PROBLEMS));

  const declaredRooms = [...list(conference.room), ...list(isNode(conference.rooms) ? conference.rooms.room : undefined)]
    .map((node) => attr(node, "name") ?? textOf(node))
    .filter((name): name is string => !!name)
    .map((name) => ({ name, capacity: null }));
  return {
    format: anyGuid ? "frab-xml" : "pentabarf-xml",
    title,
    acronym: optional(textOf(conference.acronym)),
    start: optional(textOf(conference.start)),
    end: optional(textOf(conference.end)),
    timeZone: optional(textOf(conference.time_zone_name)),
    venue: optional(textOf(conference.venue)),
    rooms: declaredRooms,
    tracks: list(conference.track)
      .map((node) => ({ name: attr(node, "name") ?? textOf(node) ?? "", colour: attr(node, "color") }))
      .filter((track) => track.name !== ""),
    days,
  };
}
