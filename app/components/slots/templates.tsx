import { Form, Link } from "@remix-run/react";
import { ConfirmForm } from "~/components/forms/confirm-form";
import { useFieldArray } from "react-hook-form";
import { Field } from "~/components/forms/field";
import { FormAlert, useStructureForm } from "~/components/forms/structure-form";
import { StaleNotice } from "~/components/stale-notice";
import type { TemplateTime } from "~/domain/slots";
import { useT } from "~/i18n";
import { templateEditSchema, templateSchema } from "~/schemas/slots";
import type { FormFailure } from "~/utils/forms";
import { intentOf, type SlotsActionResult } from "./types";
import { useHydrated } from "~/components/use-hydrated";

type Template = { uuid: string; name: string; times: TemplateTime[]; version: number; slots: number };

/** Spare blank rows: without JavaScript they are how rows are added (blank rows are left out). */
const SPARE_ROWS = 3;
const blankRows = (n: number) => Array.from({ length: n }, () => ({ start: "", end: "" }));

/** The edition's slot templates, the one being edited, and a form for a new one. */
export function Templates(props: { templates: Template[]; canWrite: boolean; editing: string | null; result?: SlotsActionResult }) {
  const t = useT();
  const intent = intentOf(props.result);
  const failure = props.result && props.result.ok === false ? props.result : undefined;
  const editingUuid = intent === "update-template" ? String(props.result?.values.template ?? "") : props.editing;
  const editing = props.templates.find((template) => template.uuid === editingUuid);
  return (
    <section aria-labelledby="templates" className="slots-templates">
      <h2 id="templates">{t("slots.templates")}</h2>
      <p className="field-hint">{t("slots.templatesHint")}</p>
      {props.templates.length === 0 ? (
        <p>{t("slots.noTemplates")}</p>
      ) : (
        <table className="table" data-testid="templates-table">
          <thead>
            <tr>
              <th scope="col">{t("slots.templateName")}</th>
              <th scope="col">{t("slots.times")}</th>
              <th scope="col">{t("slots.madeFrom")}</th>
              {props.canWrite ? <th scope="col">{t("slots.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.templates.map((template) => (
              <tr key={template.uuid}>
                <th scope="row">{template.name}</th>
                <td>{template.times.map((time) => `${time.start}–${time.end}`).join(" · ")}</td>
                <td>{t("slots.slotCount", { count: template.slots })}</td>
                {props.canWrite ? (
                  <td className="slots-actions">
                    <Link to={`?template=${template.uuid}#template-edit`} aria-label={t("slots.editTemplateNamed", { name: template.name })}>
                      {t("slots.editTemplate")}
                    </Link>
                    <ConfirmForm
                      intent="delete-template"
                      target={template.uuid}
                      className="inline-form"
                      small
                      fields={{ template: template.uuid }}
                      label={
                        <>
                          {t("slots.deleteTemplate")}
                          <span className="visually-hidden"> — {template.name}</span>
                        </>
                      }
                      consequence={t("slots.deleteTemplateNamed", { name: template.name })}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canWrite && editing ? (
        <TemplateForm
          key={`${editing.uuid}-${editing.version}`}
          mode="edit"
          template={editing}
          failure={intent === "update-template" ? failure : undefined}
        />
      ) : null}
      {props.canWrite ? (
        // A new key once a template is created, so the form starts blank again (JavaScript on).
        <TemplateForm key={`new-${props.templates.map((template) => template.uuid).join()}`} mode="create" failure={intent === "create-template" ? failure : undefined} />
      ) : null}
    </section>
  );
}

/** A template's name and rows of local times; rows are added and removed with JavaScript, or typed into spare rows without. */
function TemplateForm({ mode, template, failure }: { mode: "create" | "edit"; template?: Template; failure?: FormFailure }) {
  const t = useT();
  const schema = mode === "edit" ? templateEditSchema : templateSchema;
  const defaults =
    mode === "edit" && template
      ? { intent: "update-template", template: template.uuid, version: template.version, name: template.name, times: [...template.times, ...blankRows(SPARE_ROWS)] }
      : { intent: "create-template", name: "", times: blankRows(SPARE_ROWS + 3) };
  const tools = useStructureForm(schema, { defaults, failure });
  const rows = useFieldArray({ control: tools.form.control, name: "times" as never });
  const hydrated = useHydrated();
  const id = mode === "edit" ? "template-edit" : "template-new";
  const hidden = (text: string) => <span className="visually-hidden">{text}</span>;
  return (
    <section aria-labelledby={id} className="form-card">
      <h3 id={id}>{mode === "edit" ? t("slots.editTemplateNamed", { name: template?.name ?? "" }) : t("slots.newTemplate")}</h3>
      {tools.stale ? <StaleNotice stale={tools.stale} /> : null}
      <Form method="post" onSubmit={tools.onSubmit} noValidate className="stack">
        <input {...tools.hidden("intent")} />
        {mode === "edit" ? (
          <>
            <input {...tools.hidden("template")} />
            <input {...tools.hidden("version")} />
          </>
        ) : null}
        <Field label={t("slots.templateName")} {...tools.field("name")} />
        <fieldset className="field hours">
          <legend>{t("slots.times")}</legend>
          <p className="field-hint">{t("slots.timesHint")}</p>
          <FormAlert message={tools.errorText("times")} />
          <table className="table slot-rows">
            <thead>
              <tr>
                <th scope="col">{t("slots.row")}</th>
                <th scope="col">{t("slots.start")}</th>
                <th scope="col">{t("slots.end")}</th>
                {hydrated ? <td /> : null}
              </tr>
            </thead>
            <tbody>
              {rows.fields.map((row, index) => (
                <tr key={row.id} data-testid={`${id}-row-${index}`}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    <Field label={hidden(t("slots.rowStart", { n: index + 1 }))} className="hhmm" placeholder={index === 0 ? "09:30" : undefined} inputMode="numeric" {...tools.field(`times.${index}.start`)} />
                  </td>
                  <td>
                    <Field label={hidden(t("slots.rowEnd", { n: index + 1 }))} className="hhmm" placeholder={index === 0 ? "10:30" : undefined} inputMode="numeric" {...tools.field(`times.${index}.end`)} />
                  </td>
                  {hydrated ? (
                    <td>
                      <button type="button" className="button button-small" onClick={() => rows.remove(index)}>
                        {t("slots.removeRow", { n: index + 1 })}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {hydrated ? (
            <button type="button" className="button button-small" onClick={() => rows.append({ start: "", end: "" } as never)}>
              {t("slots.addRow")}
            </button>
          ) : null}
        </fieldset>
        <button type="submit" className="button button-primary">
          {mode === "edit" ? t("structure.save") : t("slots.createTemplate")}
        </button>
      </Form>
    </section>
  );
}
