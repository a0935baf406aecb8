import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { orderConflicts } from "~/domain/board/conflict-order";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LevelBadge } from "~/components/level-badge";
import { getDb } from "~/db/client.server";
import { RULES, selectConflicts } from "~/domain/conflicts";
import { formatInterval, formatLocalDate } from "~/domain/format";
import { localDate } from "~/domain/time";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { organiserActor } from "~/models/audit.server";
import { conflictActionSchema, conflictFiltersSchema, LEVEL_FILTERS } from "~/schemas/conflicts";
import { canWrite, requireEdition } from "~/services/access.server";
import { acknowledgeConflict, acknowledgementsOf, checkEdition, ConflictGoneError, countByLevel, namesOf, withdrawAcknowledgement } from "~/services/conflicts.server";
import { invalid } from "~/utils/forms.server";
import { type FormFailure, formDataToObject, parseIntent } from "~/utils/forms";
import { ConflictItem, type ConflictActionResult as ActionResult, type ConflictItemView as Item } from "~/components/conflicts/conflict-item";

export const meta: MetaFunction = () => [{ title: "Conflits · Barouf" }];

const PAGE_SIZE = 100;

// Organisers of this edition read; editors and admins acknowledge and withdraw.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, organiser } = await requireEdition(request, params, "read");
  const url = new URL(request.url);
  const filters = conflictFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const locale = await getLocale(request);
  const db = await getDb();
  const [{ programme, conflicts }, acknowledgements] = await Promise.all([
    checkEdition(db, { editionId: edition.id }),
    acknowledgementsOf(db, edition.id),
  ]);
  const selected = selectConflicts(conflicts, filters);
  const pages = Math.max(1, Math.ceil(selected.length / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const names = namesOf(programme);
  const items = selected.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((conflict) => {
    const acknowledgement = conflict.acknowledgementId ? (acknowledgements.get(conflict.acknowledgementId) ?? null) : null;
    return {
      key: conflict.key,
      rule: conflict.rule,
      level: conflict.level,
      acknowledged: conflict.acknowledged,
      acknowledgement: acknowledgement && {
        ...acknowledgement,
        date: formatLocalDate(localDate(acknowledgement.at, programme.timeZone), locale),
      },
      message: conflict.message[locale],
      when: conflict.interval ? formatInterval(conflict.interval.start, conflict.interval.end, programme.timeZone, locale) : null,
      sessions: conflict.sessions.map((id) => ({ id, title: names.sessions[id]?.title[locale] ?? id })),
      people: conflict.people.map((id) => ({ id, name: names.people[id] ?? id })),
      rooms: conflict.rooms.map((id) => ({ id, name: names.rooms[id] ?? id })),
    };
  });
  return {
    edition: { slug: edition.slug, title: edition.title },
    canWrite: canWrite(organiser),
    counts: countByLevel(conflicts),
    total: selected.length,
    page,
    pages,
    items,
  };
}


export async function action({ request, params }: ActionFunctionArgs) {
  const { edition, organiser } = await requireEdition(request, params, "write");
  const parsed = parseIntent(formDataToObject(await request.formData()), conflictActionSchema);
  if (!parsed.ok) {
    const key = typeof parsed.failure.values.key === "string" ? parsed.failure.values.key : undefined;
    return invalid({ ...parsed.failure, key } as FormFailure);
  }
  const db = await getDb();
  const actor = organiserActor(organiser);
  const form = parsed.data;
  if (form.intent === "withdraw") {
    await db.transaction((tx) => withdrawAcknowledgement(tx, { editionId: edition.id, acknowledgementId: form.acknowledgementId, actor }));
    return { ok: true, done: "withdrawn" } satisfies ActionResult;
  }
  try {
    await db.transaction((tx) =>
      acknowledgeConflict(tx, { editionId: edition.id, key: form.key, reason: form.reason, actor, organiserId: organiser.id }),
    );
  } catch (error) {
    if (!(error instanceof ConflictGoneError)) throw error;
    return data({ ok: false, errors: {}, values: parsed.values, key: form.key, message: "conflicts.gone" } satisfies ActionResult, { status: 409 });
  }
  return { ok: true, done: "acknowledged", key: form.key } satisfies ActionResult;
}


export default function ConflictsPage() {
  const { edition, canWrite, counts, total, page, pages, items } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const t = useT();
  const [searchParams] = useSearchParams();
  const base = `/editions/${edition.slug}`;
  const pageLink = (to: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(to));
    return `?${next.toString()}`;
  };
  // Group the page's conflicts by level, then rule, keeping the engine's order; in a group the
  // acknowledged ones come last.
  const groups: { level: Item["level"]; rule: Item["rule"]; items: Item[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.level === item.level && last.rule === item.rule) last.items.push(item);
    else groups.push({ level: item.level, rule: item.rule, items: [item] });
  }
  return (
    <>
      <h1>{t("conflicts.title")}</h1>
      <p className="lead">{t("conflicts.intro")}</p>
      <div role="status" aria-live="polite">
        {result?.ok ? <p className="alert alert-info">{t(result.done === "acknowledged" ? "conflicts.acknowledged" : "conflicts.withdrawn")}</p> : null}
        {result && !result.ok && result.message ? <p className="alert alert-error">{t(result.message)}</p> : null}
      </div>
      <section aria-labelledby="conflict-counts">
        <h2 id="conflict-counts">{t("conflicts.summary")}</h2>
        <table className="table conflict-counts">
          <thead>
            <tr>
              <th scope="col">{t("conflicts.filter.level")}</th>
              <th scope="col">{t("conflicts.open")}</th>
              <th scope="col">{t("conflicts.acknowledgedCount")}</th>
            </tr>
          </thead>
          <tbody>
            {LEVEL_FILTERS.map((level) => (
              <tr key={level}>
                <th scope="row">
                  <Link to={`?level=${level}`}>
                    <LevelBadge level={level} />
                  </Link>
                </th>
                <td data-testid={`count-${level}-open`}>{counts[level].open}</td>
                <td data-testid={`count-${level}-acknowledged`}>{counts[level].acknowledged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Form method="get" className="filters" aria-label={t("conflicts.filters")}>
        <div className="field">
          <label htmlFor="filter-level">{t("conflicts.filter.level")}</label>
          <select id="filter-level" name="level" defaultValue={searchParams.get("level") ?? ""}>
            <option value="">{t("conflicts.filter.all")}</option>
            {LEVEL_FILTERS.map((level) => (
              <option key={level} value={level}>
                {t(`level.${level}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-rule">{t("conflicts.filter.rule")}</label>
          <select id="filter-rule" name="rule" defaultValue={searchParams.get("rule") ?? ""}>
            <option value="">{t("conflicts.filter.all")}</option>
            {RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`rule.${rule}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-state">{t("conflicts.filter.state")}</label>
          <select id="filter-state" name="state" defaultValue={searchParams.get("state") ?? ""}>
            <option value="">{t("conflicts.filter.all")}</option>
            <option value="open">{t("conflicts.filter.stateOpen")}</option>
            <option value="acknowledged">{t("conflicts.filter.stateAcknowledged")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">{t("conflicts.filter.search")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={searchParams.get("q") ?? ""} />
        </div>
        <div className="filters-actions">
          <button type="submit" className="button">
            {t("conflicts.filter.apply")}
          </button>
          <Link to="?">{t("conflicts.filter.reset")}</Link>
        </div>
      </Form>
      <p data-testid="conflicts-shown">{t("conflicts.shown", { shown: items.length, total })}</p>
      {items.length === 0 ? <p>{t("conflicts.none")}</p> : null}
      {groups.map((group, index) => (
        <section key={`${group.level}-${group.rule}-${index}`} className="conflict-group" aria-labelledby={`group-${index}`}>
          <h2 id={`group-${index}`}>
            <LevelBadge level={group.level} /> {t(`rule.${group.rule}`)} <span className="count">({group.items.length})</span>
          </h2>
          <ul className="conflict-list">
            {orderConflicts(group.items).map((item) => (
              <ConflictItem key={item.key} item={item} base={base} canWrite={canWrite} result={result} />
            ))}
          </ul>
        </section>
      ))}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("conflicts.page", { page, pages })}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("conflicts.previous")}</Link> : null}
          <span>{t("conflicts.page", { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("conflicts.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
