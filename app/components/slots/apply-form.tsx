import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CheckboxGroup, FormAlert, SelectField, useStructureForm } from "~/components/forms/structure-form";
import type { Plan, PlanRow } from "~/domain/slots";
import { formatLocalDate } from "~/domain/format";
import { useLocale, useT } from "~/i18n";
import { applySchema, selectionKey } from "~/schemas/slots";
import { intentOf, type PreviewResult, type SlotsActionResult } from "./types";

/**
 * Apply a template to chosen rooms and days: "Preview" shows what would be created or
 * skipped, then "Apply" writes it. Both are plain posts, so this works without JavaScript.
 */
export function ApplyTemplate(props: {
  templates: { uuid: string; name: string }[];
  rooms: { uuid: string; name: string }[];
  dates: string[];
  result?: SlotsActionResult;
}) {
  const t = useT();
  const locale = useLocale();
  const intent = intentOf(props.result);
  const mine = intent === "preview" || intent === "apply";
  const preview = mine && props.result?.ok === true ? (props.result as PreviewResult) : undefined;
  const failure = mine && props.result?.ok === false ? props.result : undefined;
  const tools = useStructureForm(applySchema, {
    defaults: preview ? { template: preview.plan.template.uuid, rooms: preview.plan.rooms, dates: preview.plan.dates } : { template: props.templates[0]?.uuid ?? "", rooms: [], dates: [] },
    failure,
  });
  const register = (name: string) => tools.form.register(name as never) as Record<string, unknown>;
  if (props.templates.length === 0 || props.rooms.length === 0) {
    return (
      <section aria-labelledby="apply" className="slots-apply">
        <h2 id="apply">{t("slots.apply")}</h2>
        <p>{props.templates.length === 0 ? t("slots.applyNeedsTemplate") : t("slots.applyNeedsRooms")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="apply" className="slots-apply">
      <h2 id="apply">{t("slots.apply")}</h2>
      <p className="field-hint">{t("slots.applyHint")}</p>
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack form-card" key={preview ? selectionKey({ ...preview.plan, template: preview.plan.template.uuid }) : "apply"}>
        <SelectField
          label={t("slots.template")}
          options={props.templates.map((template) => ({ value: template.uuid, label: template.name }))}
          defaultValue={tools.value("template")}
          error={tools.errorText("template")}
          autoFocus={tools.firstError === "template"}
          {...register("template")}
          name="template"
        />
        <CheckboxGroup
          legend={t("slots.applyRooms")}
          name="rooms"
          options={props.rooms.map((room) => ({ value: room.uuid, label: room.name }))}
          checked={tools.values("rooms")}
          error={tools.errorText("rooms")}
          register={register}
          autoFocus={tools.firstError === "rooms"}
        />
        <CheckboxGroup
          legend={t("slots.applyDays")}
          name="dates"
          options={props.dates.map((date) => ({ value: date, label: formatLocalDate(date, locale) }))}
          checked={tools.values("dates")}
          error={tools.errorText("dates")}
          register={register}
          autoFocus={tools.firstError === "dates"}
        />
        {preview ? (
          <>
            <input type="hidden" name="previewOf" value={selectionKey({ ...preview.plan, template: preview.plan.template.uuid })} />
            <input type="hidden" name="templateVersion" value={preview.plan.template.version} />
          </>
        ) : null}
        {preview ? <PlanPreview plan={preview.plan} changed={preview.changed} /> : null}
        <p className="button-row">
          <button type="submit" name="intent" value="preview" className={preview ? "button" : "button button-primary"}>
            {preview ? t("slots.previewAgain") : t("slots.preview")}
          </button>
          {preview && preview.plan.counts.create > 0 ? (
            <button type="submit" name="intent" value="apply" className="button button-primary">
              {t("slots.applyCreate", { count: preview.plan.counts.create })}
            </button>
          ) : null}
        </p>
      </Form>
    </section>
  );
}

/** What applying would do: counts, then every slot with its outcome, in words (never colour alone). */
function PlanPreview({ plan, changed }: { plan: Plan; changed: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { counts } = plan;
  // With JavaScript the preview arrives in place: the focus goes to it (without, the page reloads at the top).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [plan]);
  const skipped = counts.duplicate + counts.overlap + counts.nonexistent;
  const outcome = (row: PlanRow) => {
    if (row.status === "duplicate") return t("slots.plan.duplicate");
    if (row.status === "overlap") return t("slots.plan.overlap", { at: row.clash ?? "" });
    if (row.status === "nonexistent") return t("slots.plan.nonexistent");
    return row.outsideHours ? t("slots.plan.createOutside") : t("slots.plan.create");
  };
  return (
    <section aria-labelledby="preview-title" className="slots-preview" data-testid="slots-preview">
      <h3 id="preview-title" tabIndex={-1} ref={heading}>
        {t("slots.previewTitle", { name: plan.template.name })}
      </h3>
      {changed ? (
        <p className="alert alert-error" role="alert">
          {t("slots.previewChanged")}
        </p>
      ) : null}
      <p role="status" data-testid="preview-summary">
        {t("slots.previewSummary", { create: counts.create, skipped })}{" "}
        {counts.duplicate > 0 ? `${t("slots.previewDuplicates", { count: counts.duplicate })} ` : null}
        {counts.overlap > 0 ? `${t("slots.previewOverlaps", { count: counts.overlap })} ` : null}
        {counts.nonexistent > 0 ? `${t("slots.previewNonexistent", { count: counts.nonexistent })} ` : null}
        {counts.outsideHours > 0 ? t("slots.previewOutside", { count: counts.outsideHours }) : null}
      </p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("slots.room")}</th>
              <th scope="col">{t("slots.day")}</th>
              <th scope="col">{t("slots.times")}</th>
              <th scope="col">{t("slots.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row) => (
              <tr key={`${row.room}-${row.date}-${row.start}`} data-status={row.status} data-outside={row.outsideHours || undefined}>
                <th scope="row">{row.roomName}</th>
                <td>{formatLocalDate(row.date, locale)}</td>
                <td>
                  {row.start}–{row.end}
                </td>
                <td>{outcome(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormAlert message={counts.create === 0 ? t("slots.previewNothing") : undefined} />
    </section>
  );
}
