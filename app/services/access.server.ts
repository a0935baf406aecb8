import type { Params } from "@remix-run/react";
import { getDb } from "~/db/client.server";
import { findEditionForOrganiser, type EditionSummary } from "~/models/editions.server";
import { requireAdmin, requireEditor, requireOrganiser, type CurrentOrganiser } from "./auth.server";

export type Need = "read" | "write" | "admin";

const guards: Record<Need, (request: Request) => Promise<CurrentOrganiser>> = {
  read: requireOrganiser,
  write: requireEditor,
  admin: requireAdmin,
};

/**
 * The one-line guard of every edition page: who is calling, may they do this,
 * and is the edition in the URL one they may reach (404 otherwise, so other
 * editions' existence does not leak).
 */
export async function requireEdition(
  request: Request,
  params: Params,
  need: Need = "read",
): Promise<{ organiser: CurrentOrganiser; edition: EditionSummary }> {
  const organiser = await guards[need](request);
  const slug = params.editionSlug;
  if (!slug) throw new Response("Not found", { status: 404 });
  const edition = await findEditionForOrganiser(await getDb(), { slug, organiser });
  if (!edition) throw new Response("Not found", { status: 404 });
  return { organiser, edition };
}
