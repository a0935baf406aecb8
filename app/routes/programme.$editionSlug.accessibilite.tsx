import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicNoticePage } from "~/components/public-notice-page";
import { getDb } from "~/db/client.server";
import { translate } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { editionNoticeBySlug } from "~/services/notices.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · ${data.notice.edition.title}` : "Barouf" }];

// Public: the edition's accessibility statement (RGAA), written by its organisation or the default (any edition, published or not).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const notice = await editionNoticeBySlug(await getDb(), { slug: params.editionSlug ?? "", kind: "accessibility", locale });
  return { notice, title: translate(locale, "rights.accessibilityTitle") };
}

export default function Notice() {
  const { notice } = useLoaderData<typeof loader>();
  return <PublicNoticePage title="rights.accessibilityTitle" edition={notice.edition} text={notice.text} />;
}
