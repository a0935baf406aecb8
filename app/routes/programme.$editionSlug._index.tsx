import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicProgramme } from "~/components/publishing/public-programme";
import { useT } from "~/i18n";
import { publicProgrammePage } from "~/services/public-exports.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? (data.published ? data.page.edition.title : data.title) : "Programme" },
];

// Public: the latest published version of the programme (built from its snapshot).
export async function loader({ request, params }: LoaderFunctionArgs) {
  return publicProgrammePage(params.editionSlug ?? "", "latest", new URL(request.url).searchParams);
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
