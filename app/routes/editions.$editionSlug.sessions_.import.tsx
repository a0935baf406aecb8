import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CsvImport } from "~/components/csv-import";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { handleImportAction, loadImportPage } from "~/services/csv-import-page.server";

export const meta: MetaFunction = () => [{ title: "Import CSV · Barouf" }];

// Editors and admins of this edition: sessions from a CSV file (checked in loadImportPage/handleImportAction).
export const loader = (args: LoaderFunctionArgs) => loadImportPage(args);
export const action = (args: ActionFunctionArgs) => handleImportAction(args, "sessions");

export default function ImportPage() {
  return <CsvImport kind="sessions" />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
