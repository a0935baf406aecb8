// The embeddable programme: the latest published version, filtered by its URL, rendered whole on
// the server as a page partners' sites may frame (its own CSP; nothing else of the app is framable).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { EmbedDocument, type EmbedLegalPages } from "~/components/publishing/embed-programme";
import { getDb } from "~/db/client.server";
import { embedOptionsFrom, embedPage } from "~/domain/exports/embed";
import { getEnv } from "~/env.server";
import { translate } from "~/i18n";
import { findVersion } from "~/models/programme-versions.server";
import { embedContentSecurityPolicy } from "~/server/security-headers.server";
import { notFound } from "~/utils/http.server";
import { resolvePublicVersion } from "./public-exports.server";

/** The edition's accessibility statement and privacy notice (public, per organisation), in the embed's language. */
function legalPagesOf(base: string, locale: "fr" | "en"): EmbedLegalPages {
  const lang = locale === "en" ? "?lang=en" : "";
  return { accessibility: `${base}accessibilite${lang}`, privacy: `${base}confidentialite${lang}` };
}

const NOT_FOUND_HEADERS = { "Content-Type": "text/plain; charset=utf-8" };

/** Answers GET /programme/<slug>/embed: 200 with the page, 404 for unknown or never-published editions. */
export async function serveEmbed(request: Request, slug: string, { nonce, stylesheet }: { nonce: string; stylesheet: string }): Promise<Response> {
  const options = embedOptionsFrom(new URL(request.url).searchParams);
  const db = await getDb();
  const { editionId, number } = await resolvePublicVersion(db, slug, "latest");
  if (number === null) notFound(NOT_FOUND_HEADERS);
  const version = await findVersion(db, { editionId, number });
  if (!version) notFound(NOT_FOUND_HEADERS);
  const base = `/programme/${encodeURIComponent(slug)}/`;
  const html = renderToStaticMarkup(
    createElement(EmbedDocument, {
      page: embedPage(version.programme, options.filters, options.locale),
      locale: options.locale,
      theme: options.theme,
      t: (key, vars) => translate(options.locale, key, vars),
      base,
      self: `${base}embed`,
      legalPages: legalPagesOf(base, options.locale),
      stylesheet,
      nonce,
    }),
  );
  return new Response(`<!DOCTYPE html>${html}`, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": embedContentSecurityPolicy(nonce, getEnv().EMBED_FRAME_ANCESTORS),
      // Each answer carries its own script nonce: not to be stored and served again.
      "Cache-Control": "no-store",
    },
  });
}
