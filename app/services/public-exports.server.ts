// The public export URLs under /programme/<edition-slug>/ (see README "Public programme URLs"):
//   programme.json schedule.json schedule.xml programme.ics programme.csv   latest version
//   speakers/<uuid>.ics sessions/<uuid>.ics                                  latest, one person / session
//   changes.json[?from=N&to=M]                                               latest vs the one before, or N → M
//   v/<n>/<any of the above>                                                 one version, for ever
import { getDb, type Queryable } from "~/db/client.server";
import {
  buildChangesJson,
  buildIcal,
  CHANGES_SCHEMA_PATH,
  changesJsonSchema,
  diffProgrammes,
  PROGRAMME_SCHEMA_PATH,
  programmeJsonSchema,
  EXPORT_FORMATS,
  type ExportOptions,
  type PublicProgramme,
} from "~/domain/exports";
import { buildAtomFeed } from "~/domain/exports/feed";
import { translate } from "~/i18n";
import { getEnv } from "~/env.server";
import { findPublicEdition, findVersion, latestVersionNumber, listVersions } from "~/models/programme-versions.server";
import {
  CACHE_CONTROL,
  cached,
  exportResponse,
  LATEST_TTL_MS,
  prepare,
  recallLatest,
  rememberLatest,
  rememberPath,
  type Prepared,
} from "./export-cache.server";
import { notFound } from "~/utils/http.server";

const FILES = Object.fromEntries(Object.entries(EXPORT_FORMATS).map(([format, spec]) => [spec.file, format])) as Record<
  string,
  keyof typeof EXPORT_FORMATS
>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function exportOptions(): ExportOptions {
  return { origin: getEnv().publicOrigin };
}

export function notFoundHere(): never {
  notFound({ "Content-Type": "text/plain; charset=utf-8" });
}

/** The edition and the version number a public URL names (`null` version: nothing published yet). */
export async function resolvePublicVersion(
  db: Queryable,
  slug: string,
  requested: number | "latest",
  now = Date.now(),
): Promise<{ editionId: number; number: number | null }> {
  if (requested === "latest") {
    const remembered = recallLatest(slug, now);
    if (remembered) return remembered;
  }
  const edition = await findPublicEdition(db, { slug });
  if (!edition) notFoundHere();
  const number = requested === "latest" ? await latestVersionNumber(db, { editionId: edition.id }) : requested;
  if (requested === "latest") rememberLatest(slug, edition.id, number, now);
  return { editionId: edition.id, number };
}

async function programmeOf(db: Queryable, editionId: number, number: number): Promise<PublicProgramme> {
  const version = await findVersion(db, { editionId, number });
  if (!version) notFoundHere();
  return version.programme;
}

/** `feed.atom` (the edition's main language), `feed.fr.atom`, `feed.en.atom`; null for other names. */
function feedLocale(file: string): "main" | "fr" | "en" | null {
  const match = /^feed(?:\.(fr|en))?\.atom$/.exec(file);
  if (!match) return null;
  return (match[1] as "fr" | "en" | undefined) ?? "main";
}

/** Parses "v/3/schedule.json" etc.; null when the path names nothing. */
export function parseExportPath(splat: string): { version: number | "latest"; file: string } | null {
  const match = /^(?:v\/([1-9]\d{0,8})\/)?(.+)$/.exec(splat);
  if (!match) return null;
  return { version: match[1] ? Number(match[1]) : "latest", file: match[2]! };
}

/** Answers GET /programme/<slug>/<splat>: 200 or 304 from prepared bytes, 404 for anything else. */
export async function servePublicExport(request: Request, slug: string, splat: string): Promise<Response> {
  const parsed = parseExportPath(splat);
  if (!parsed) notFoundHere();
  const db = await getDb();
  const { editionId, number: resolved } = await resolvePublicVersion(db, slug, parsed.version);
  if (resolved === null) notFoundHere();
  const number = resolved;
  const latest = parsed.version === "latest";
  const cacheControl = latest ? CACHE_CONTROL.latest : CACHE_CONTROL.version;
  const url = new URL(request.url);
  const options = exportOptions();
  let key: string;
  let build: () => Promise<Prepared | null>;

  const format = FILES[parsed.file];
  const ics = /^(speakers|sessions)\/([0-9a-f-]{36})\.ics$/.exec(parsed.file);
  if (format) {
    key = `${editionId}|${number}|${format}`;
    build = async () => {
      const spec = EXPORT_FORMATS[format];
      return prepare(spec.build(await programmeOf(db, editionId, number), options), spec.contentType, CACHE_CONTROL.version);
    };
  } else if (ics && UUID.test(ics[2]!)) {
    const kind = ics[1] === "speakers" ? "speaker" : "session";
    const id = ics[2]!;
    key = `${editionId}|${number}|ical|${kind}|${id}`;
    build = async () => {
      const programme = await programmeOf(db, editionId, number);
      const exists = kind === "speaker" ? programme.speakers.some((s) => s.id === id) : programme.sessions.some((s) => s.id === id);
      if (!exists) return null;
      const scope = kind === "speaker" ? { kind, speakerId: id } : { kind, sessionId: id };
      return prepare(buildIcal(programme, options, scope as never), EXPORT_FORMATS.ical.contentType, CACHE_CONTROL.version);
    };
  } else if (feedLocale(parsed.file) !== null && latest) {
    // The feed lists every version: served at the latest URL only.
    const requested = feedLocale(parsed.file)!;
    key = `${editionId}|${number}|feed|${requested}`;
    build = async () => {
      const [programme, versions] = await Promise.all([programmeOf(db, editionId, number), listVersions(db, { editionId })]);
      const locale = requested === "main" ? programme.edition.mainLanguage : requested;
      const text = buildAtomFeed({
        edition: programme.edition,
        versions: versions.map(({ number, publishedAt, changes }) => ({ number, publishedAt, changes })),
        origin: options.origin,
        locale,
        t: (k, vars) => translate(locale, k, vars),
        labels: {
          title: translate(locale, "feed.title", { edition: programme.edition.title }),
          subtitle: translate(locale, "feed.subtitle"),
          entryTitle: (n) => translate(locale, "feed.entry", { number: n }),
        },
      });
      return prepare(text, "application/atom+xml; charset=utf-8", CACHE_CONTROL.version);
    };
  } else if (parsed.file === "changes.json") {
    const to = url.searchParams.has("to") ? Number(url.searchParams.get("to")) : number;
    const from = url.searchParams.has("from") ? Number(url.searchParams.get("from")) : to - 1;
    if (!Number.isInteger(to) || !Number.isInteger(from) || to < 1 || from < 0 || to > number || from > number) notFoundHere();
    key = `${editionId}|changes|${from}|${to}`;
    build = async () => {
      const after = await programmeOf(db, editionId, to);
      const before = from === 0 ? null : await programmeOf(db, editionId, from);
      return prepare(buildChangesJson(diffProgrammes(before, after), options), "application/json; charset=utf-8", CACHE_CONTROL.version);
    };
  } else {
    notFoundHere();
  }

  const prepared = await cached(key, build);
  if (!prepared) notFoundHere();
  // Latest URLs answer with the latest Cache-Control; the bytes are the version's own.
  const served = latest ? { ...prepared, cacheControl } : prepared;
  if (!url.search) rememberPath(url.pathname, slug, served, latest ? Date.now() + LATEST_TTL_MS : Infinity);
  return exportResponse(served, request);
}

/** Answers GET /schemas/<name>: the JSON Schemas generated from the export's zod schemas. */
export async function servePublicSchema(request: Request, name: string): Promise<Response> {
  const origin = exportOptions().origin;
  const schemas: Record<string, () => Record<string, unknown>> = {
    [PROGRAMME_SCHEMA_PATH.slice("/schemas/".length)]: () => programmeJsonSchema(origin),
    [CHANGES_SCHEMA_PATH.slice("/schemas/".length)]: () => changesJsonSchema(origin),
  };
  const make = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
  if (!make) notFoundHere();
  const prepared = await cached(`schema|${origin}|${name}`, async () =>
    prepare(JSON.stringify(make(), null, 2), "application/schema+json; charset=utf-8", CACHE_CONTROL.latest),
  );
  return exportResponse(prepared!, request);
}

