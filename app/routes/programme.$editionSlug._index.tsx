import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicProgramme } from "~/components/publishing/public-programme";
import { publicProgrammePage } from "~/services/public-exports.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.page.edition.title : "Programme" }];

// Public: the latest published version of the programme (built from its snapshot); 404 until one is.
export async function loader({ request, params }: LoaderFunctionArgs) {
  return publicProgrammePage(params.editionSlug ?? "", "latest", new URL(request.url).searchParams);
}

export default function LatestProgramme() {
  const data = useLoaderData<typeof loader>();
  return <PublicProgramme page={data.page} base={`/programme/${data.page.edition.slug}/`} latestHref={null} />;
}
