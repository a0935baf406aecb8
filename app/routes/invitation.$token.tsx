import { data, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { openInvitation, TOKEN_PAGE_HEADERS } from "~/services/speaker-auth.server";

export const meta: MetaFunction = () => [{ title: "Barouf" }, { name: "robots", content: "noindex, nofollow" }];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

// Public, rate-limited per address: swaps the link's token for a speaker cookie and leaves
// for the clean URL at once, so the token stays out of history, referrers and logs.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const result = await openInvitation({ token: params.token ?? "", clientAddress: context.clientAddress });
  if (result.ok) {
    const headers = new Headers(TOKEN_PAGE_HEADERS);
    headers.append("Set-Cookie", result.cookie);
    headers.append("Set-Cookie", await localeCookie.serialize(result.locale));
    throw redirect("/speaker", { headers });
  }
  if (result.reason === "rate_limited") {
    return data(
      { reason: "rate_limited" as const, minutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429, headers: { ...TOKEN_PAGE_HEADERS, "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // Unknown, expired, revoked or replaced: one answer for all.
  return data({ reason: "invalid" as const, minutes: 0 }, { status: 404, headers: TOKEN_PAGE_HEADERS });
}

export default function InvitationLink() {
  const { reason, minutes } = useLoaderData<{ reason: "invalid" | "rate_limited"; minutes: number }>();
  const t = useT();
  return (
    <main id="main" className="page page-narrow speaker-page">
      <p className="brand">{t("app.name")}</p>
      <h1>{t("speaker.linkTitle")}</h1>
      <p role="alert">{reason === "rate_limited" ? t("speaker.linkRateLimited", { minutes }) : t("speaker.linkInvalid")}</p>
    </main>
  );
}
