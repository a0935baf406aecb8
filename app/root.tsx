import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useReleaseEarlyEvents } from "./components/early-events";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { DEFAULT_LOCALE, type Locale } from "./i18n";
import { getLocale } from "./i18n/locale.server";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Barouf" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: the language is all the root knows; organiser data comes from guarded routes.
  return { locale: await getLocale(request) };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  const nonce = useNonce();
  useReleaseEarlyEvents();
  return (
    <html lang={data?.locale ?? DEFAULT_LOCALE}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page-narrow">
      <GeneralErrorBoundary />
    </main>
  );
}
