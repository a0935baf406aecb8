import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicProgramme } from "~/components/publishing/public-programme";
import { translate } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { publicProgrammePage } from "~/services/public-exports.server";

export const meta: MetaFunction<typeof loader> = ({ data, params }) => [
  { title: data ? data.page.edition.title : "Programme" },
  // Feed readers find the versions' feed from the page.
  ...(data
    ? [{ tagName: "link", rel: "alternate", type: "application/atom+xml", href: `/programme/${encodeURIComponent(params.editionSlug ?? "")}/feed.atom`, title: data.feedTitle }]
    : []),
];

// Public: the latest published version of the programme (built from its snapshot); 404 until one is.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await publicProgrammePage(params.editionSlug ?? "", "latest", new URL(request.url).searchParams);
  return { ...page, feedTitle: translate(await getLocale(request), "feed.link") };
}

export default function LatestProgramme() {
  const data = useLoaderData<typeof loader>();
  return <PublicProgramme page={data.page} base={`/programme/${data.page.edition.slug}/`} latestHref={null} />;
}
