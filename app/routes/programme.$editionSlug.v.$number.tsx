import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicProgramme } from "~/components/publishing/public-programme";
import { publicProgrammePage } from "~/services/public-exports.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.edition.title} · v${data.page.version.number}` : "Programme" },
];

// Public: one published version of the programme, for ever.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = Number(params.number);
  if (!Number.isInteger(number) || number < 1) notFound();
  return publicProgrammePage(params.editionSlug ?? "", number, new URL(request.url).searchParams);
}

export default function VersionProgramme() {
  const data = useLoaderData<typeof loader>();
  const slug = data.page.edition.slug;
  const base = `/programme/${slug}/v/${data.page.version.number}/`;
  return <PublicProgramme page={data.page} base={base} latestHref={data.latest !== data.page.version.number ? `/programme/${slug}/` : null} />;
}
