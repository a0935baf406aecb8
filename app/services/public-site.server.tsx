// The public site's HTML pages, served like the exports (ADR 0020): each page of a version is
// rendered once per language and filter into a whole document (no Remix scripts: the pages run
// none), prepared with its gzip, brotli and strong ETag by export-cache, and answered from those
// bytes (304s included; query-less paths then by the server's fast path too).
import { createHash } from "node:crypto";
import QRCode from "qrcode";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PublicDocument, type SiteUrls } from "~/components/public-site/frame";
import { AppsView, SessionView, SpeakerView } from "~/components/public-site/pages";
import { ProgrammeView, themeStyle } from "~/components/public-site/programme-view";
import { getDb } from "~/db/client.server";
import type { PublicProgramme } from "~/domain/exports";
import { isFiltered, langFrom, programmeQuery, programmeSitePage, querySearch, sessionPage, speakerPage } from "~/domain/exports/site";
import { pick } from "~/components/public-site/frame";
import { translate, type Locale } from "~/i18n";
import { findVersion, latestVersionNumber } from "~/models/programme-versions.server";
import { publicPagePolicy } from "~/server/security-headers.server";
import appStyles from "~/styles/app.css";
import siteStyles from "~/styles/public-site.css";
import { CACHE_CONTROL, cached, exportResponse, LATEST_TTL_MS, prepare, rememberPath, uncache, type Prepared } from "./export-cache.server";
import { exportOptions, notFoundHere as notFound, resolvePublicVersion } from "./public-exports.server";

export type PublicPage = { kind: "programme" } | { kind: "speaker"; id: string } | { kind: "session"; id: string } | { kind: "apps" };

/** Filters are visitors' input: at most this many filtered programme pages are kept per version. */
export const MAX_FILTERED_VARIANTS = 64;

/** The QR code of the apps page: the library's SVG of the schedule.xml URL, with these options. */
export const SCHEDULE_QR_OPTIONS = { type: "svg", errorCorrectionLevel: "M", margin: 2 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Answers GET /programme/<slug>/[v/<n>/]{"", speaker/<uuid>, session/<uuid>, apps}: 200 or 304 from prepared bytes, or 404. */
export async function servePublicPage(request: Request, slug: string, requested: number | "latest", page: PublicPage): Promise<Response> {
  if ((page.kind === "speaker" || page.kind === "session") && !UUID.test(page.id)) notFound();
  const db = await getDb();
  const { editionId, number } = await resolvePublicVersion(db, slug, requested);
  if (number === null) notFound();
  const url = new URL(request.url);
  const latest = requested === "latest";
  const programme = async () => (await findVersion(db, { editionId, number }))?.programme ?? notFound();
  const urls = async (): Promise<SiteUrls> => {
    const root = `/programme/${encodeURIComponent(slug)}/`;
    const newest = latest ? number : await latestVersionNumber(db, { editionId });
    return { base: latest ? root : `${root}v/${number}/`, latest: root, origin: exportOptions().origin, latestHref: newest !== number ? root : null };
  };
  const versionKey = `${editionId}|${number}|page|${latest ? "latest" : "v"}`;
  const lang = langFrom(url.searchParams);

  let key: string;
  let build: () => Promise<Prepared | null>;
  if (page.kind === "programme") {
    // A query already in canonical form is looked up as it is; otherwise (or on a miss) the
    // snapshot says which filter values exist, and unknown ones are dropped from the key.
    const asked = `${versionKey}|programme${querySearch(syntacticQuery(url.searchParams))}`;
    const hit = await cached(asked, async () => null);
    if (hit) return answerPage(request, url, slug, latest, hit);
    const p = await programme();
    const query = programmeQuery(p, url.searchParams);
    key = `${versionKey}|programme${querySearch(query)}`;
    if (isFiltered(query)) boundVariants(versionKey, key);
    build = async () => {
      const site = programmeSitePage(p, query);
      const current = query.view === "timetable" ? "timetable" : "programme";
      const title = query.view === "timetable" ? `${translate(query.lang, "site.timetable")} · ${p.edition.title}` : p.edition.title;
      const other = querySearch({ ...query, lang: otherOf(query.lang) });
      const u = await urls();
      return document(p, u, query.lang, title, current, `${u.base}${other}`, themeStyle(p.themes), (u) => <ProgrammeView site={site} query={query} urls={u} />);
    };
  } else if (page.kind === "speaker") {
    key = `${versionKey}|speaker/${page.id}|${lang}`;
    build = async () => {
      const p = await programme();
      const data = speakerPage(p, page.id);
      if (!data) return null;
      const u = await urls();
      return document(p, u, lang, `${data.speaker.name} · ${p.edition.title}`, null, `${u.base}speaker/${page.id}${querySearch({ lang: otherOf(lang) })}`, themeStyle(p.themes), (u) => <SpeakerView data={data} urls={u} />);
    };
  } else if (page.kind === "session") {
    key = `${versionKey}|session/${page.id}|${lang}`;
    build = async () => {
      const p = await programme();
      const data = sessionPage(p, page.id);
      if (!data) return null;
      const title = `${pick(data.session.title, lang) ?? data.session.slug} · ${p.edition.title}`;
      const u = await urls();
      return document(p, u, lang, title, null, `${u.base}session/${page.id}${querySearch({ lang: otherOf(lang) })}`, themeStyle(p.themes), (u) => <SessionView data={data} urls={u} />);
    };
  } else {
    key = `${versionKey}|apps|${lang}`;
    build = async () => {
      const p = await programme();
      const u = await urls();
      const scheduleUrl = `${u.origin}${u.latest}schedule.xml`;
      const qrSvg = await QRCode.toString(scheduleUrl, SCHEDULE_QR_OPTIONS);
      const title = `${translate(lang, "site.appsTitle")} · ${p.edition.title}`;
      return document(p, u, lang, title, "apps", `${u.latest}apps${querySearch({ lang: otherOf(lang) })}`, null, () => <AppsView scheduleUrl={scheduleUrl} qrSvg={qrSvg} urls={u} />);
    };
  }

  const prepared = await cached(key, async () => {
    const built = await build();
    return built && { ...built, cacheControl: CACHE_CONTROL.version };
  });
  if (!prepared) notFound();
  return answerPage(request, url, slug, latest, prepared);
}

function answerPage(request: Request, url: URL, slug: string, latest: boolean, prepared: Prepared): Response {
  // Latest URLs answer with the latest Cache-Control; the bytes are the version's own.
  const served = latest ? { ...prepared, cacheControl: CACHE_CONTROL.latest } : prepared;
  if (!url.search) rememberPath(url.pathname, slug, served, latest ? Date.now() + LATEST_TTL_MS : Infinity);
  return exportResponse(served, request);
}

/** The query's own words, unchecked (only for the first lookup: the key is checked before anything is stored under it). */
function syntacticQuery(search: URLSearchParams) {
  const one = (name: string) => search.get(name) || null;
  return {
    view: search.get("view") === "timetable" ? ("timetable" as const) : ("list" as const),
    lang: langFrom(search),
    filters: { day: one("day"), room: one("room"), theme: one("theme"), format: one("format") },
  };
}

function otherOf(lang: Locale): Locale {
  return lang === "fr" ? "en" : "fr";
}

/** Renders one whole page and prepares its bytes, with the policy naming its inline style's hash. */
function document(
  programme: PublicProgramme,
  urls: SiteUrls,
  locale: Locale,
  title: string,
  current: "programme" | "timetable" | "apps" | null,
  /** The same page in the other language. */
  otherLanguageHref: string,
  inlineStyle: string | null,
  body: (urls: SiteUrls) => ReactElement,
): Prepared {
  const html = renderToStaticMarkup(
    <PublicDocument
      locale={locale}
      title={title}
      stylesheets={[appStyles, siteStyles]}
      inlineStyle={inlineStyle}
      otherLanguageHref={otherLanguageHref}
      edition={programme.edition}
      version={programme.version}
      urls={urls}
      current={current}
    >
      {body(urls)}
    </PublicDocument>,
  );
  const hash = inlineStyle ? createHash("sha256").update(inlineStyle).digest("base64") : null;
  const prepared = prepare(`<!DOCTYPE html>${html}`, "text/html; charset=utf-8", CACHE_CONTROL.version);
  return { ...prepared, page: { csp: publicPagePolicy(hash) } };
}

// Filtered variants per version, oldest first: past the bound, the oldest leaves the cache.
const filteredVariants = new Map<string, Set<string>>();

function boundVariants(versionKey: string, key: string) {
  let keys = filteredVariants.get(versionKey);
  if (!keys) filteredVariants.set(versionKey, (keys = new Set()));
  keys.delete(key);
  keys.add(key);
  while (keys.size > MAX_FILTERED_VARIANTS) {
    const oldest = keys.values().next().value!;
    keys.delete(oldest);
    uncache(oldest);
  }
}

/** The `<n>` of `/v/<n>/`: a version number, or 404. */
export function versionParam(value: string | undefined): number {
  if (!/^[1-9]\d{0,8}$/.test(value ?? "")) notFound();
  return Number(value);
}
