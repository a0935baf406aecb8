// The steps of importing a programme file as a new edition: upload, preview (with the
// apply / cancel buttons), and what was created.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Field } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import type { ImportChange, ImportCounts, ImportProblem } from "~/domain/import";
import { useT, type MessageKey } from "~/i18n";
import { importFileFormSchema } from "~/schemas/import";
import type { ConflictSummary } from "~/services/import.server";
import type { UploadState } from "~/services/import-uploads.server";
import type { FieldErrors } from "~/utils/forms";

export type UploadStep = { step: "upload"; errors: FieldErrors; values: Record<string, string | string[]>; fileName?: string; problems?: ImportProblem[] };
export type PreviewStep = {
  step: "preview";
  uploadId: string;
  fileName: string;
  format: string;
  edition: { title: string; slug: string; startDate: string; endDate: string; timeZone: string };
  counts: ImportCounts;
  changes: ImportChange[];
};
export type DoneStep = { step: "done"; slug: string; title: string; counts: ImportCounts; conflicts: ConflictSummary; changes: number };
export type ActionData = UploadStep | PreviewStep | DoneStep;

const COUNT_KEYS = ["days", "rooms", "themes", "formats", "speakers", "sessions"] as const;
const FORMAT_NAMES: Record<string, string> = {
  "frab-json": "schedule.json (frab)",
  "pretalx-json": "schedule.json (pretalx)",
  "frab-xml": "schedule.xml (frab)",
  "pentabarf-xml": "schedule.xml (pentabarf)",
};

export function UploadForm({ step }: { step?: UploadStep }) {
  const t = useT();
  const navigation = useNavigation();
  const typedSlug = typeof step?.values.slug === "string" ? step.values.slug : "";
  const { form, onSubmit, errorOf } = useValidatedForm(importFileFormSchema, {
    defaultValues: { slug: typedSlug },
    serverErrors: step?.errors,
  });
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => alert.current?.focus(), [step]);
  const formError = step?.errors._form;
  return (
    <>
      {formError ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={alert}>
          {t(formError as MessageKey)}
        </div>
      ) : null}
      {step?.problems ? (
        <div className="alert alert-error import-problems" role="alert" tabIndex={-1} ref={alert}>
          <p>{t("import.refused", { file: step.fileName ?? "" })}</p>
          <ul>
            {step.problems.map((problem, i) => (
              <li key={i}>
                <strong>{t("import.problemWhere", { where: problem.where })}</strong> : {t(`import.problem.${problem.code}` as MessageKey, problem.args)}
                <br />
                <small lang="en">{problem.message}</small>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" onSubmit={onSubmit} noValidate className="stack import-upload">
        <input type="hidden" name="intent" value="upload" />
        <Field
          label={t("import.file")}
          hint={t("import.fileHint")}
          type="file"
          name="file"
          accept=".json,.xml,application/json,application/xml,text/xml"
          required
          error={step?.errors.file}
        />
        <Field label={t("import.slug")} hint={t("import.slugHint")} error={errorOf("slug")} autoComplete="off" defaultValue={typedSlug} {...form.register("slug")} />
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          {t("import.upload")}
        </button>
      </Form>
    </>
  );
}

function Progress({ uploadId }: { uploadId: string }) {
  const t = useT();
  const [state, setState] = useState<UploadState | null>(null);
  useEffect(() => {
    // Plain fetches, one at a time, aborted quietly when the import ends and this unmounts.
    const controller = new AbortController();
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      fetch(`/editions/import/progress?upload=${encodeURIComponent(uploadId)}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? (response.json() as Promise<UploadState>) : null))
        .then((next) => next && setState(next))
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, 300);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [uploadId]);
  const progress = state?.state === "running" ? state.progress : null;
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <p>
        {t("import.applying")} {progress ? t(`import.stage.${progress.stage}` as MessageKey) : null}
      </p>
      <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label={t("import.applying")} />
      {progress ? <p className="import-progress-count">{t("import.progress", { done: progress.done, total: progress.total })}</p> : null}
    </div>
  );
}

export function Preview({ step }: { step: PreviewStep }) {
  const t = useT();
  const navigation = useNavigation();
  const applying = navigation.state === "submitting" && navigation.formData?.get("uploadId") === step.uploadId && navigation.formData.get("intent") === "apply";
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const kinds = new Map<string, ImportChange[]>();
  for (const change of step.changes) kinds.set(change.kind, [...(kinds.get(change.kind) ?? []), change]);
  return (
    <section className="stack import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" tabIndex={-1} ref={heading}>
        {t("import.previewTitle", { file: step.fileName })}
      </h2>
      <p>{t("import.format", { format: FORMAT_NAMES[step.format] ?? step.format })}</p>
      <p>{t("import.editionLine", { title: step.edition.title, start: step.edition.startDate, end: step.edition.endDate, zone: step.edition.timeZone })}</p>
      <p>{t("import.slugLine", { slug: step.edition.slug })}</p>
      <h3>{t("import.counts")}</h3>
      <dl className="import-counts">
        {COUNT_KEYS.map((key) => (
          <div key={key}>
            <dt>{t(`import.count.${key}`)}</dt>
            <dd data-count={key}>{step.counts[key]}</dd>
          </div>
        ))}
      </dl>
      <h3>{t("import.changesTitle", { count: step.changes.length })}</h3>
      {step.changes.length === 0 ? <p>{t("import.noChanges")}</p> : null}
      {[...kinds].map(([kind, changes]) => (
        <details key={kind} className="import-changes">
          <summary>
            {t(`import.change.${kind}` as MessageKey)} ({changes.length})
          </summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("import.changeSubject")}</th>
                <th scope="col">{t("import.changeFrom")}</th>
                <th scope="col">{t("import.changeTo")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change, i) => (
                <tr key={i}>
                  <td>{change.subject}</td>
                  <td>{change.from ?? t("import.none")}</td>
                  <td>{change.to ?? t("import.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
      <Form method="post" className="import-apply">
        <input type="hidden" name="uploadId" value={step.uploadId} />
        <button type="submit" name="intent" value="apply" className="button button-primary" disabled={applying}>
          {t("import.apply")}
        </button>{" "}
        <button type="submit" name="intent" value="cancel" className="button" disabled={applying}>
          {t("import.cancel")}
        </button>
      </Form>
      {applying ? <Progress uploadId={step.uploadId} /> : null}
    </section>
  );
}

export function Done({ step }: { step: DoneStep }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="stack import-done" aria-labelledby="import-done-title">
      <h2 id="import-done-title" tabIndex={-1} ref={heading}>
        {t("import.doneTitle", { title: step.title })}
      </h2>
      <p>{t("import.doneCounts", { ...step.counts })}</p>
      <p>{t("import.doneConflicts", { count: step.conflicts.total })}</p>
      <p>
        <Link className="button button-primary" to={`/editions/${step.slug}`}>
          {t("import.open")}
        </Link>{" "}
        <Link className="button" to={`/editions/${step.slug}/conflicts`}>
          {t("import.openConflicts")}
        </Link>
      </p>
    </section>
  );
}
