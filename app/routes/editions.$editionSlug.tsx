import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Shell } from "~/components/shell";
import { getDb } from "~/db/client.server";
import { canStartEditions, listReachableEditions, may, requireEdition } from "~/services/access.server";

// Organisers of this edition: the shell around every edition page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, edition } = await requireEdition(request, params);
  const editions = await listReachableEditions(await getDb(), { organiser });
  return {
    edition: { slug: edition.slug, title: edition.title },
    editions: editions.map(({ slug, title }) => ({ slug, title })),
    organiser: { name: organiser.name, role: organiser.role, canImport: canStartEditions(organiser, "write"), canAdminister: may(organiser, "admin") },
  };
}

export default function EditionLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <Shell edition={data.edition} editions={data.editions} organiser={data.organiser}>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page-narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
