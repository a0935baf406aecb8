import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LocaleSwitch } from "~/components/locale-switch";
import { getDb } from "~/db/client.server";
import { readSchedule } from "~/domain/import";
import { useT } from "~/i18n";
import { importStepSchema, importUploadSchema } from "~/schemas/import";
import { Done, Preview, UploadForm, type ActionData, type DoneStep, type PreviewStep, type UploadStep } from "~/components/edition-import/steps";
import { canStartEditions, requireRole } from "~/services/access.server";
import { applyUpload, cancelUpload, keepUpload, receivedText, receiveUpload, removeReceived, uploadOwner } from "~/services/import-uploads.server";
import { IMPORT_BODY_LIMIT } from "~/server/handler.server";
import { formDataToObject, parseIntent, parseValues } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Import · Barouf" }];

// Editors and admins: the page to upload a programme file.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "write");
  return null;
}


// Editors and admins: read an uploaded file (preview), then apply or cancel their own upload.
export async function action({ request }: ActionFunctionArgs) {
  const organiser = await requireRole(request, "write");
  if (!canStartEditions(organiser, "write")) {
    return data<UploadStep>({ step: "upload", errors: { _form: "import.noOrganisation" }, values: {} }, { status: 403 });
  }
  const db = await getDb();
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const received = await receiveUpload(request, IMPORT_BODY_LIMIT);
    if (!received.ok) {
      const error = received.status === 413 ? "import.tooLarge" : "import.unreadableUpload";
      return data<UploadStep>({ step: "upload", errors: { _form: error }, values: {} }, { status: received.status });
    }
    const { file } = received;
    try {
      const values = formDataToObject(received.fields);
      const parsed = parseValues(values, importUploadSchema);
      if (!parsed.ok || !file || file.size === 0) {
        const errors = parsed.ok ? {} : parsed.failure.errors;
        if (!file || file.size === 0) errors.file = "import.fileMissing";
        return data<UploadStep>({ step: "upload", errors, values: { slug: values.slug ?? "" } }, { status: 400 });
      }
      const slug = parsed.data.slug || undefined;
      const read = readSchedule(await receivedText(file), { slug });
      if (!read.ok) {
        return data<UploadStep>({ step: "upload", errors: {}, values: { slug: values.slug ?? "" }, fileName: file.fileName, problems: read.problems }, { status: 400 });
      }
      const upload = await keepUpload(db, { organiserId: organiser.id, file, slug });
      const { title, slug: editionSlug, startDate, endDate, timeZone } = read.programme.edition;
      return data<PreviewStep>({
        step: "preview",
        uploadId: upload.id,
        fileName: file.fileName,
        format: read.programme.format,
        edition: { title, slug: editionSlug, startDate, endDate, timeZone },
        counts: read.counts,
        changes: read.changes,
      });
    } finally {
      await removeReceived(file);
    }
  }
  const parsed = parseIntent(formDataToObject(await request.formData()), importStepSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const { intent, uploadId } = parsed.data;
  if (intent === "cancel") {
    if ((await uploadOwner(db, uploadId, organiser.id)) === "other") notFound();
    await cancelUpload(db, { id: uploadId, organiserId: organiser.id });
    return redirect("/editions/import");
  }
  const applied = await applyUpload(db, { id: uploadId, organiser });
  if (!applied.ok) {
    if (applied.reason === "other") notFound();
    return data<UploadStep>({ step: "upload", errors: { _form: "import.uploadMissing" }, values: {} }, { status: 400 });
  }
  const { result } = applied;
  return data<DoneStep>({ step: "done", slug: result.slug, title: result.title, counts: result.counts, conflicts: result.conflicts, changes: result.changes.length });
}

export default function ImportPage() {
  const t = useT();
  const step = useActionData<ActionData>();
  return (
    <main id="main" className="page import-page">
      <header className="import-header">
        <p className="brand">
          <Link to="/">{t("app.name")}</Link>
        </p>
        <LocaleSwitch />
      </header>
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      {step?.step === "preview" ? <Preview step={step} /> : step?.step === "done" ? <Done step={step} /> : <UploadForm step={step} />}
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
