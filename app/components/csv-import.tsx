import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useId, useMemo } from "react";
import { isMessageKey, useT, type MessageKey } from "~/i18n";
import { IMPORT_FIELDS, REQUIRED_FIELDS, mappingSchema, type ImportKind } from "~/schemas/csv-import";
import type { ImportStep } from "~/services/csv-import-page.server";
import { useErrorText } from "./forms/field";
import { useValidatedForm } from "./forms/use-validated-form";

type JobView = {
  id: string;
  fileName: string;
  total: number;
  done: number;
  state: "running" | "done" | "failed";
  result: { created: number; skipped: number } | null;
};

/** The import page of speakers or sessions: upload, map the columns, check, apply with progress. */
export function CsvImport({ kind }: { kind: ImportKind }) {
  const { job, slug } = useLoaderData<{ job: JobView | null; slug: string }>();
  const step = useActionData<ImportStep>();
  const t = useT();
  const current = job ? "apply" : (step?.step ?? "upload");
  const stepNames = ["upload", "map", "preview", "apply"] as const;
  return (
    <>
      <h1>{t(`csv.title.${kind}`)}</h1>
      <nav aria-label={t("csv.steps")}>
        <ol className="csv-steps">
          {stepNames.map((name) => (
            <li key={name} aria-current={name === current ? "step" : undefined}>
              {t(`csv.step.${name}`)}
            </li>
          ))}
        </ol>
      </nav>
      {job ? (
        <Progress job={job} kind={kind} slug={slug} />
      ) : step?.step === "map" ? (
        <MappingStep key={step.content.length + step.fileName} kind={kind} step={step} />
      ) : step?.step === "preview" ? (
        <PreviewStep kind={kind} step={step} />
      ) : (
        <UploadStep kind={kind} slug={slug} step={step?.step === "upload" ? step : undefined} />
      )}
    </>
  );
}

function UploadStep({ kind, slug, step }: { kind: ImportKind; slug: string; step?: Extract<ImportStep, { step: "upload" }> }) {
  const t = useT();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const id = useId();
  const error = step?.errors.file;
  const other = kind === "speakers" ? "sessions" : "speakers";
  return (
    <>
      <p className="lead">{t("csv.upload.lead")}</p>
      <p>
        {t("csv.upload.template")} <a href={`/editions/${slug}/${kind}.csv`}>{t(`csv.export.${kind}`)}</a> ·{" "}
        <Link to={`/editions/${slug}/${other}/import`}>{t(`csv.upload.otherKind.${kind}`)}</Link>
      </p>
      <Form method="post" encType="multipart/form-data" className="stack csv-upload">
        <input type="hidden" name="intent" value="upload" />
        <div className="field">
          <label htmlFor={id}>{t("csv.upload.file")}</label>
          <input
            id={id}
            type="file"
            name="file"
            accept=".csv,text/csv,text/plain"
            required
            autoFocus={Boolean(error)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error ? (
            <p className="field-error" id={`${id}-error`} role="alert">
              {errorText(error)}
              {step?.line ? ` ${t("csv.error.unreadableLine", { line: step.line })}` : null}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          {t("csv.upload.submit")}
        </button>
      </Form>
    </>
  );
}

function fieldLabel(t: ReturnType<typeof useT>, field: string) {
  const key = `csv.field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** The file travels with every step (base64 in a hidden field), so a bad step never loses it. */
function FileFields({ step }: { step: { fileName: string; content: string } }) {
  return (
    <>
      <input type="hidden" name="fileName" value={step.fileName} />
      <input type="hidden" name="content" value={step.content} />
    </>
  );
}

function MappingFields({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function MappingStep({ kind, step }: { kind: ImportKind; step: Extract<ImportStep, { step: "map" }> }) {
  const t = useT();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const schema = useMemo(() => mappingSchema(kind), [kind]);
  const fields = IMPORT_FIELDS[kind] as readonly string[];
  const { form, onSubmit, errorOf } = useValidatedForm(schema, {
    defaultValues: { intent: "preview", fileName: step.fileName, content: step.content, ...step.values } as never,
    serverErrors: step.errors,
  });
  const baseId = useId();
  const firstError = Object.keys(step.errors)[0];
  return (
    <>
      <p className="lead">{t("csv.map.lead", { file: step.fileName, rows: step.rowCount })}</p>
      <Form method="post" onSubmit={onSubmit} noValidate className="stack">
        <input type="hidden" defaultValue="preview" {...form.register("intent" as never)} />
        <input type="hidden" defaultValue={step.fileName} {...form.register("fileName" as never)} />
        <input type="hidden" defaultValue={step.content} {...form.register("content" as never)} />
        <table className="table csv-mapping">
          <thead>
            <tr>
              <th scope="col">{t("csv.map.field")}</th>
              <th scope="col">{t("csv.map.column")}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const name = `map_${field}`;
              const id = `${baseId}-${field}`;
              const error = errorOf(name);
              const label = fieldLabel(t, field);
              return (
                <tr key={field}>
                  <th scope="row">
                    <label htmlFor={id}>
                      {label}
                      {REQUIRED_FIELDS[kind].includes(field) ? ` ${t("csv.map.required")}` : null}
                    </label>
                  </th>
                  <td>
                    <select
                      id={id}
                      defaultValue={step.values[name] ?? ""}
                      autoFocus={firstError === name}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      {...form.register(name as never)}
                    >
                      <option value="">{t("csv.map.none")}</option>
                      {step.headers.map((header, index) => (
                        <option key={index} value={String(index)}>
                          {header}
                        </option>
                      ))}
                    </select>
                    {error ? (
                      <p className="field-error" id={`${id}-error`}>
                        {errorText(error)}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          {t("csv.map.submit")}
        </button>
      </Form>
      <section aria-labelledby={`${baseId}-sample`}>
        <h2 id={`${baseId}-sample`}>{t("csv.map.sample")}</h2>
        <div className="csv-scroll">
          <table className="table csv-sample">
            <thead>
              <tr>
                {step.headers.map((header, index) => (
                  <th key={index} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {step.sample.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function PreviewStep({ kind, step }: { kind: ImportKind; step: Extract<ImportStep, { step: "preview" }> }) {
  const t = useT();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const ids = { errors: useId(), duplicates: useId(), sample: useId() };
  const shownFields = Object.keys(step.preview[0]?.cells ?? {});
  return (
    <>
      <p role="status" data-testid="csv-summary">
        {t("csv.preview.summary", {
          total: step.total,
          valid: step.valid,
          duplicates: step.duplicateCount,
          errors: step.errorCount,
          errorRows: step.errorRowCount,
        })}
      </p>
      {step.refused ? (
        <p className="alert alert-error" role="alert">
          {t("csv.preview.refused")}
        </p>
      ) : step.errorCount > 0 ? (
        <p className="alert alert-error">{t("csv.preview.hasErrors")}</p>
      ) : step.valid === 0 ? (
        <p className="alert alert-info">{t("csv.preview.nothing")}</p>
      ) : (
        <p className="alert alert-info">{t("csv.preview.ready", { valid: step.valid })}</p>
      )}
      <div className="csv-actions">
        {step.errorCount === 0 && step.valid > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="apply" />
            <FileFields step={step} />
            <MappingFields values={step.values} />
            <button type="submit" className="button button-primary" disabled={navigation.state !== "idle"}>
              {t("csv.preview.apply", { valid: step.valid })}
            </button>
          </Form>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="map" />
          <FileFields step={step} />
          <MappingFields values={step.values} />
          <button type="submit" className="button">
            {t("csv.preview.remap")}
          </button>
        </Form>
        <Link to="." className="button">
          {t("csv.preview.restart")}
        </Link>
      </div>
      {step.errorCount > 0 ? (
        <section aria-labelledby={ids.errors}>
          <h2 id={ids.errors}>{t("csv.preview.errors")}</h2>
          <table className="table csv-errors">
            <thead>
              <tr>
                <th scope="col">{t("csv.preview.row")}</th>
                <th scope="col">{t("csv.preview.column")}</th>
                <th scope="col">{t("csv.preview.problem")}</th>
                <th scope="col">{t("csv.preview.value")}</th>
              </tr>
            </thead>
            <tbody>
              {step.errors.map((error) => (
                <tr key={`${error.row}-${error.field}`} data-testid="csv-error">
                  <td>{error.row}</td>
                  <td>{fieldLabel(t, error.field)}</td>
                  <td>{errorText(error.message)}</td>
                  <td>{error.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {step.errorCount > step.errors.length ? <p>{t("csv.preview.more", { count: step.errorCount - step.errors.length })}</p> : null}
        </section>
      ) : null}
      {step.duplicateCount > 0 ? (
        <section aria-labelledby={ids.duplicates}>
          <h2 id={ids.duplicates}>{t("csv.preview.duplicates")}</h2>
          <p>{t(`csv.preview.duplicatesLead.${kind}`)}</p>
          <table className="table csv-duplicates">
            <thead>
              <tr>
                <th scope="col">{t("csv.preview.row")}</th>
                <th scope="col">{t("csv.preview.key")}</th>
              </tr>
            </thead>
            <tbody>
              {step.duplicates.map((duplicate) => (
                <tr key={duplicate.row} data-testid="csv-duplicate">
                  <td>{duplicate.row}</td>
                  <td>{duplicate.key}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {step.duplicateCount > step.duplicates.length ? <p>{t("csv.preview.more", { count: step.duplicateCount - step.duplicates.length })}</p> : null}
        </section>
      ) : null}
      {step.preview.length > 0 ? (
        <section aria-labelledby={ids.sample}>
          <h2 id={ids.sample}>{t("csv.preview.sample")}</h2>
          <div className="csv-scroll">
            <table className="table csv-sample">
              <thead>
                <tr>
                  <th scope="col">{t("csv.preview.row")}</th>
                  {shownFields.map((field) => (
                    <th key={field} scope="col">
                      {fieldLabel(t, field)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {step.preview.map((row) => (
                  <tr key={row.row}>
                    <td>{row.row}</td>
                    {shownFields.map((field) => (
                      <td key={field}>{row.cells[field]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

const POLL_MS = 400;

function Progress({ job, kind, slug }: { job: JobView; kind: ImportKind; slug: string }) {
  const t = useT();
  const revalidator = useRevalidator();
  const running = job.state === "running";
  // With JavaScript the page asks again while the import runs; without, <noscript> refreshes it.
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, job.done, revalidator]);
  const id = useId();
  const message: MessageKey = running ? "csv.progress.count" : job.state === "done" ? "csv.progress.done" : "csv.progress.failed";
  return (
    <section aria-labelledby={id} className="stack">
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="1" />
        </noscript>
      ) : null}
      <h2 id={id}>{running ? t("csv.progress.title") : job.fileName}</h2>
      <progress className="csv-progress" max={Math.max(job.total, 1)} value={job.done} aria-label={t("csv.progress.label")} data-testid="csv-progress" />
      <p role="status" aria-live="polite" data-testid="csv-progress-text" data-state={job.state} className={job.state === "failed" ? "alert alert-error" : undefined}>
        {t(message, { done: job.done, total: job.total, created: job.result?.created ?? 0, skipped: job.result?.skipped ?? 0 })}
      </p>
      {running ? <p className="field-hint">{t("csv.progress.wait")}</p> : null}
      {!running ? (
        <p className="csv-actions">
          <Link to={`/editions/${slug}/${kind}`}>{t(`csv.progress.toList.${kind}`)}</Link>
          <Link to={`/editions/${slug}/audit?entity=${kind === "speakers" ? "speaker" : "session"}`}>{t("csv.progress.toAudit")}</Link>
          <Link to={`/editions/${slug}/${kind}/import`}>{t("csv.progress.another")}</Link>
        </p>
      ) : null}
    </section>
  );
}
