// The HTTP side of the CSV import pages (speakers/import and sessions/import): one
// loader and one action shared by both routes, each step answering with the next page.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/client.server";
import { CsvReadError, decodeCsvBytes, readCsv, type CsvTable } from "~/domain/csv";
import { guessMapping, type Mapping } from "~/domain/csv-import";
import { IMPORT_FIELDS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, importPageActionSchema, type ImportKind } from "~/schemas/csv-import";
import { type FieldErrors, formDataToObject, parseIntent } from "~/utils/forms";
import { requireEdition } from "./access.server";
import { findImportJob, planImport, startImportJob, type AnyPlan } from "./csv-import.server";
import { notFound } from "~/utils/http.server";

/** How many errors and duplicates a preview lists (the counts are always complete). */
const LISTED = 200;
const SAMPLE = 10;

type FileData = { fileName: string; content: string; headers: string[]; sample: string[][]; rowCount: number };

export type ImportStep =
  | { step: "upload"; errors: FieldErrors; line?: number | null }
  | ({ step: "map"; errors: FieldErrors; values: Record<string, string> } & FileData)
  | ({
      step: "preview";
      values: Record<string, string>;
      refused: boolean;
      total: number;
      valid: number;
      errorCount: number;
      errorRowCount: number;
      errors: AnyPlan["errors"];
      duplicateCount: number;
      duplicates: AnyPlan["duplicates"];
      preview: { row: number; cells: Record<string, string> }[];
    } & FileData);

// Editors and admins of this edition.
export async function loadImportPage({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEdition(request, params, "write");
  const jobId = new URL(request.url).searchParams.get("job");
  if (!jobId) return { job: null, slug: edition.slug };
  const job = await findImportJob(await getDb(), { id: jobId, editionId: edition.id });
  if (!job) notFound();
  const { id, fileName, total, done, state, result } = job;
  return { job: { id, fileName, total, done, state, result }, slug: edition.slug };
}

function toBase64(text: string) {
  return Buffer.from(text, "utf8").toString("base64");
}

function fileData(fileName: string, text: string, table: CsvTable): FileData {
  return { fileName, content: toBase64(text), headers: table.headers, sample: table.rows.slice(0, 3), rowCount: table.rows.length };
}

function mappingValues(kind: ImportKind, mapping: Mapping): Record<string, string> {
  return Object.fromEntries(IMPORT_FIELDS[kind].map((field) => [`map_${field}`, mapping[field] === null || mapping[field] === undefined ? "" : String(mapping[field])]));
}

function uploadFailure(errors: FieldErrors, line: number | null = null, status = 400) {
  return data({ step: "upload", errors, line } satisfies ImportStep, { status });
}

/** Text → table, or the upload step's error (unreadable, too many rows). */
function readTable(text: string): { ok: true; table: CsvTable } | { ok: false; response: ReturnType<typeof uploadFailure> } {
  try {
    const table = readCsv(text);
    if (table.rows.length === 0) return { ok: false, response: uploadFailure({ file: "csv.error.noRows" }) };
    if (table.rows.length > IMPORT_MAX_ROWS) return { ok: false, response: uploadFailure({ file: "csv.error.tooManyRows" }) };
    return { ok: true, table };
  } catch (error) {
    if (error instanceof CsvReadError) return { ok: false, response: uploadFailure({ file: "csv.error.unreadable" }, error.line) };
    throw error;
  }
}

// Editors and admins of this edition: upload → map → preview → apply.
export async function handleImportAction({ request, params }: ActionFunctionArgs, kind: ImportKind) {
  const { organiser, edition } = await requireEdition(request, params, "write");
  const formData = await request.formData();
  // Read (and checked for refused names) before the branches, so the upload step obeys the same rule.
  const values = formDataToObject(formData);
  const parsed = parseIntent(values, importPageActionSchema(kind));
  // A step the page does not have is a forged request.
  if (!parsed.ok && parsed.failure.errors._form) return uploadFailure(parsed.failure.errors);
  if (parsed.ok && parsed.data.intent === "upload") {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return uploadFailure({ file: "csv.error.noFile" });
    if (file.size > IMPORT_MAX_BYTES) return uploadFailure({ file: "csv.error.tooBig" }, null, 413);
    const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    const read = readTable(text);
    if (!read.ok) return read.response;
    const fileName = file.name.slice(0, 255) || "import.csv";
    return { step: "map", errors: {}, values: mappingValues(kind, guessMapping(kind, read.table.headers)), ...fileData(fileName, text, read.table) } satisfies ImportStep;
  }

  const content = typeof values.content === "string" ? values.content : "";
  const text = Buffer.from(content, "base64").toString("utf8");
  // Without the file there is nothing to map: back to the upload step.
  if (!content || !text) return uploadFailure({ file: "csv.error.noFile" });
  const read = readTable(text);
  if (!read.ok) return read.response;
  const fileName = typeof values.fileName === "string" ? values.fileName.slice(0, 255) : "import.csv";
  const file = fileData(fileName, text, read.table);
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => key.startsWith("map_"))) as Record<string, string>;
  if (!parsed.ok) {
    return data({ step: "map", errors: parsed.failure.errors, values: kept, ...file } satisfies ImportStep, { status: 400 });
  }
  const form = parsed.data as Record<string, string>;
  if (form.intent === "map") return { step: "map", errors: {}, values: kept, ...file } satisfies ImportStep;

  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const column = form[`map_${field}`];
    mapping[field] = column && Number(column) < read.table.headers.length ? Number(column) : null;
  }
  const db = await getDb();
  const plan = await planImport(db, { editionId: edition.id, kind, rows: read.table.rows, mapping });
  const refused = form.intent === "apply" && plan.errors.length > 0;
  if (form.intent === "apply" && !refused && plan.valid.length > 0) {
    const job = await startImportJob(db, { editionId: edition.id, organiser, kind, fileName, plan });
    throw redirect(`/editions/${edition.slug}/${kind}/import?job=${job.id}`);
  }
  const step: ImportStep = {
    step: "preview",
    values: kept,
    refused,
    total: plan.total,
    valid: plan.valid.length,
    errorCount: plan.errors.length,
    errorRowCount: new Set(plan.errors.map((error) => error.row)).size,
    errors: plan.errors.slice(0, LISTED),
    duplicateCount: plan.duplicates.length,
    duplicates: plan.duplicates.slice(0, LISTED),
    preview: plan.valid.slice(0, SAMPLE).map(({ row }) => ({
      row,
      cells: Object.fromEntries(
        IMPORT_FIELDS[kind].flatMap((field) => (mapping[field] === null ? [] : [[field, read.table.rows[row - 2]![mapping[field]!] ?? ""]])),
      ),
    })),
    ...file,
  };
  return data(step, { status: refused ? 400 : 200 });
}
