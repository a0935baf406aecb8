// Validators for every export format, all from files inside the repository:
//   Barouf JSON      against the JSON Schema the app serves (ajv, draft 2020-12)
//   schedule.json    against tests/fixtures/formats/schedule.schema.json (ajv, draft-06, strict off, formats on)
//   schedule.xml     against tests/fixtures/formats/schedule.xsd (xmllint-wasm)
//   iCalendar        parsed by ical.js
import Ajv2020 from "ajv/dist/2020";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import ICAL from "ical.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { changesJsonSchema, programmeJsonSchema } from "~/domain/exports";

const FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures", "formats");

function errorsOf(errors: unknown): string {
  return JSON.stringify(errors, null, 1)?.slice(0, 2000) ?? "";
}

let baroufValidators: { programme: (d: unknown) => boolean; changes: (d: unknown) => boolean; ajv: Ajv2020 } | null = null;
function barouf() {
  if (baroufValidators) return baroufValidators;
  const ajv = new Ajv2020({ allErrors: false, strict: true });
  addFormats(ajv);
  baroufValidators = {
    ajv,
    programme: ajv.compile(programmeJsonSchema("http://barouf.test")),
    changes: ajv.compile(changesJsonSchema("http://barouf.test")),
  };
  return baroufValidators;
}

/** Throws with ajv's errors when the document does not match its own JSON Schema. */
export function assertBaroufJson(text: string, kind: "programme" | "changes" = "programme") {
  const document = JSON.parse(text);
  const validate = barouf()[kind] as ((d: unknown) => boolean) & { errors?: unknown };
  if (!validate(document)) throw new Error(`Barouf ${kind} JSON is invalid: ${errorsOf(validate.errors)}`);
  return document;
}

let frabValidate: (((d: unknown) => boolean) & { errors?: unknown }) | null = null;
export function assertScheduleJson(text: string) {
  if (!frabValidate) {
    const ajv = new Ajv({ strict: false, allErrors: false });
    ajv.addMetaSchema(draft06);
    addFormats(ajv);
    ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
    frabValidate = ajv.compile(JSON.parse(readFileSync(path.join(FIXTURES, "schedule.schema.json"), "utf8")));
  }
  const document = JSON.parse(text);
  if (!frabValidate(document)) throw new Error(`schedule.json is invalid: ${errorsOf(frabValidate.errors)}`);
  return document;
}

const xsd = () => readFileSync(path.join(FIXTURES, "schedule.xsd"), "utf8");
export async function assertScheduleXml(text: string) {
  const result = await validateXML({
    xml: [{ fileName: "schedule.xml", contents: text }],
    schema: [xsd()],
    initialMemoryPages: 256,
    maxMemoryPages: 16 * 1024,
  });
  if (!result.valid) throw new Error(`schedule.xml is invalid: ${result.errors.slice(0, 5).map((e) => e.rawMessage).join("\n")}`);
}

/** Parses with ical.js; returns the VEVENTs as ical.js Events (throws on a parse error). */
export function parseIcal(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  if (component.name !== "vcalendar") throw new Error("Not a VCALENDAR");
  for (const zone of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return { component, events: component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}
