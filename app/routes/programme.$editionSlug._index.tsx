import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicProgramme } from "~/components/publishing/public-programme";
import { translate, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { publicProgrammePage } from "~/services/public-exports.server";

export const meta: MetaFunction<typeof loader> = ({ data, params }) => [
  { title: data ? (data.published ? data.page.edition.title : data.title) : "Programme" },
  // Feed readers find the versions' feed from the page.
  ...(data?.published
    ? [{ tagName: "link", rel: "alternate", type: "application/atom+xml", href: `/programme/${encodeURIComponent(params.editionSlug ?? "")}/feed.atom`, title: data.feedTitle }]
    : []),
];

// Public: the latest published version of the programme (built from its snapshot).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await publicProgrammePage(params.editionSlug ?? "", "latest", new URL(request.url).searchParams);
  return page.published ? { ...page, feedTitle: translate(await getLocale(request), "feed.link") } : page;
}

export default function LatestProgramme() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  if (!data.published) {
    return (
      <main id="main" className="page page-narrow">
        <h1>{data.title}</h1>
        <p>{t("public.notPublished")}</p>
      </main>
    );
  }
  return <PublicProgramme page={data.page} base={`/programme/${data.page.edition.slug}/`} latestHref={null} />;
}
