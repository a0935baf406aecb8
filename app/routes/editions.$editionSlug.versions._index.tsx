import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { CopyButton } from "~/components/copy-button";
import { Changelog } from "~/components/publishing/changelog";
import { embedSnippet, embedUrl } from "~/domain/exports/embed";
import { formatInstantLong } from "~/domain/format";
import { getDb } from "~/db/client.server";
import { translate, useLocale, useT } from "~/i18n";
import { organiserActor } from "~/models/audit.server";
import { publishSchema } from "~/schemas/publishing";
import { canWrite, requireEdition } from "~/services/access.server";
import { publishProgramme, versionsOverview, type BlockingConflict } from "~/services/publishing.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Versions · Barouf" }];

// Organisers of this edition: versions with their changelogs, what publishing would change.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params);
  const overview = await versionsOverview(await getDb(), { editionId: edition.id });
  // The embed shows the latest published version: its snippet once there is one (the embed's default language).
  // The request's origin is the configured public one: the handler sets it, never the client's Host.
  const origin = new URL(request.url).origin;
  const embed =
    overview.versions.length > 0
      ? { url: embedUrl(origin, edition.slug), snippet: embedSnippet({ origin, slug: edition.slug, title: translate("fr", "embed.documentTitle", { edition: edition.title }) }) }
      : null;
  return { ...overview, edition: { slug: edition.slug, timeZone: edition.timeZone }, canPublish: canWrite(organiser), embed };
}

type PublishRefused = FormFailure & { blocking: BlockingConflict[] };

// Editors and admins: publish the next version (refused while blocking conflicts remain).
export async function action({ request, params }: ActionFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const parsed = await parseForm(request, publishSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const result = await publishProgramme(await getDb(), {
    editionId: edition.id,
    slug: edition.slug,
    actor: organiserActor(organiser),
    note: parsed.data.note || null,
    now: Date.now(),
  });
  if (!result.ok) {
    return data<PublishRefused>({ ok: false, errors: {}, values: parsed.values, blocking: result.blocking }, { status: 409 });
  }
  throw redirect(`/editions/${edition.slug}/versions/${result.number}?published=1`);
}

export default function VersionsPage() {
  const { versions, pending, blocking, nextNumber, edition, canPublish, embed } = useLoaderData<typeof loader>();
  const actionData = useActionData<PublishRefused | FormFailure>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const refused = actionData && "blocking" in actionData ? actionData.blocking : null;
  const shownBlocking = refused ?? blocking;
  const { form, onSubmit, errorOf } = useValidatedForm(publishSchema, {
    defaultValues: { note: typeof actionData?.values.note === "string" ? actionData.values.note : "" },
    serverErrors: actionData?.errors,
  });
  return (
    <>
      <h1>{t("versions.title")}</h1>
      <section aria-labelledby="publish-title" className="card publish-card">
        <h2 id="publish-title">{t("versions.publishTitle")}</h2>
        <p>{t("versions.publishIntro")}</p>
        {refused ? (
          <p className="alert alert-error" role="alert">
            {t("versions.refused", { count: refused.length })}
          </p>
        ) : null}
        {shownBlocking.length > 0 ? (
          <div className="blocking" data-testid="blocking-conflicts">
            <p>{t("versions.blockingNow", { count: shownBlocking.length })}</p>
            <ul>
              {shownBlocking.map((c) => (
                <li key={c.key}>
                  <span className={`level level-${c.level}`}>{c.level}</span> {c.message[locale]}
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/editions/${edition.slug}/conflicts`}>{t("versions.seeConflicts")}</Link>
            </p>
          </div>
        ) : null}
        <h3>{t("versions.pending")}</h3>
        <Changelog changes={pending} headingLevel={4} />
        {canPublish ? (
          <Form method="post" onSubmit={onSubmit} noValidate className="stack">
            <input type="hidden" name="intent" value="publish" />
            <Field label={t("versions.note")} hint={t("versions.noteHint")} maxLength={500} error={errorOf("note")} {...form.register("note")} />
            <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
              {t("versions.publish", { number: nextNumber })}
            </button>
          </Form>
        ) : (
          <p>{t("versions.viewerCannotPublish")}</p>
        )}
      </section>

      <EmbedSnippet embed={embed} />

      {versions.length > 1 ? (
        <section aria-labelledby="compare-title">
          <h2 id="compare-title">{t("versions.compareTitle")}</h2>
          <Form method="get" action={`/editions/${edition.slug}/versions/compare`} className="inline-form">
            <label>
              {t("versions.compareFrom")}{" "}
              <select name="from" defaultValue={versions[1]!.number}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    {v.number}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("versions.compareTo")}{" "}
              <select name="to" defaultValue={versions[0]!.number}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    {v.number}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              {t("versions.compareSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("versions.title")}</h2>
        {versions.length === 0 ? <p>{t("versions.none")}</p> : null}
        <ol className="versions" reversed>
          {versions.map((v) => (
            <li key={v.number} className="version" data-testid={`version-${v.number}`}>
              <h3>
                <Link to={`/editions/${edition.slug}/versions/${v.number}`}>{t("versions.number", { number: v.number })}</Link>
              </h3>
              <p className="muted">
                {v.publishedBy
                  ? t("versions.meta", { date: formatInstantLong(v.publishedAt, edition.timeZone, locale), who: v.publishedBy })
                  : t("versions.metaSystem", { date: formatInstantLong(v.publishedAt, edition.timeZone, locale) })}
              </p>
              {v.note ? (
                <p>
                  <strong>{t("versions.noteLabel")}</strong> : {v.note}
                </p>
              ) : null}
              <Changelog changes={v.changes} headingLevel={4} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The copy-paste code that frames the published programme in a partner's site. */
function EmbedSnippet({ embed }: { embed: { url: string; snippet: string } | null }) {
  const t = useT();
  return (
    <section aria-labelledby="embed-title" className="card">
      <h2 id="embed-title">{t("embed.snippetTitle")}</h2>
      {embed ? (
        <>
          <p>{t("embed.snippetIntro")}</p>
          <div className="field">
            <label htmlFor="embed-snippet">{t("embed.snippetLabel")}</label>
            <textarea id="embed-snippet" readOnly rows={9} value={embed.snippet} className="snippet" spellCheck={false} aria-describedby="embed-options" onFocus={(e) => e.currentTarget.select()} />
          </div>
          <p id="embed-options" className="field-hint">
            {t("embed.snippetOptions")}
          </p>
          <p className="copy-row">
            <CopyButton value={embed.snippet} targetId="embed-snippet" />
            <a href={embed.url} target="_blank" rel="noopener">
              {t("embed.preview")}
            </a>
          </p>
        </>
      ) : (
        <p>{t("embed.notPublished")}</p>
      )}
    </section>
  );
}
