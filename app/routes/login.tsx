import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms/field";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { LocaleSwitch } from "~/components/locale-switch";
import { useT } from "~/i18n";
import { loginSchema } from "~/schemas/auth";
import { getCurrentOrganiser, startLoginSession, verifyLogin } from "~/services/auth.server";
import { type FormFailure, parseForm } from "~/utils/forms";
import { invalid } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/redirect";

export const meta: MetaFunction = () => [{ title: "Connexion · Barouf" }];

/** Retry-After from a rate-limited attempt reaches the browser. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

// Public: the login page itself.
export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getCurrentOrganiser(request)) throw redirect(redirectTo);
  return { redirectTo };
}

type LoginFailure = FormFailure & { message?: "auth.invalid" | "auth.rateLimited" | "auth.slowedDown"; retryMinutes?: number; retrySeconds?: number };

// Public, throttled per account and address, per address, and slowed per account (ADR 0013);
// CSRF is checked by the server for every POST.
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, loginSchema);
  if (!parsed.ok) return invalid(parsed.failure);
  const { email, password, redirectTo } = parsed.data;
  const result = await verifyLogin({ email, password, clientAddress: context.clientAddress });
  if (!result.ok) {
    const failure: LoginFailure = { ok: false, errors: {}, values: { email } };
    if (result.reason === "rate_limited") {
      const seconds = result.retryAfterSeconds;
      // A slow-down is seconds long: said in seconds, not rounded up to a minute.
      const wait = seconds < 60 ? { message: "auth.slowedDown" as const, retrySeconds: seconds } : { message: "auth.rateLimited" as const, retryMinutes: Math.ceil(seconds / 60) };
      return data(
        { ...failure, ...wait },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return data({ ...failure, message: "auth.invalid" }, { status: 401 });
  }
  const cookie = await startLoginSession(result.organiserId);
  throw redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<LoginFailure>();
  const t = useT();
  const navigation = useNavigation();
  const { form, onSubmit, errorOf } = useValidatedForm(loginSchema, {
    defaultValues: { email: typeof actionData?.values.email === "string" ? actionData.values.email : "", password: "" },
    serverErrors: actionData?.errors,
  });
  const firstServerError = actionData ? Object.keys(actionData.errors)[0] : undefined;
  return (
    <main id="main" className="page page-narrow login-page">
      <header className="login-header">
        <p className="brand">{t("app.name")}</p>
        <p className="tagline">{t("app.tagline")}</p>
        <LocaleSwitch />
      </header>
      <h1>{t("auth.loginTitle")}</h1>
      {actionData?.message ? (
        <p className="alert alert-error" role="alert">
          {t(actionData.message, { minutes: actionData.retryMinutes ?? 15, seconds: actionData.retrySeconds ?? 0 })}
        </p>
      ) : null}
      <Form method="post" onSubmit={onSubmit} noValidate className="stack">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          autoFocus={firstServerError === undefined || firstServerError === "email"}
          // Kept after a refused attempt even without JavaScript.
          defaultValue={typeof actionData?.values.email === "string" ? actionData.values.email : undefined}
          error={errorOf("email")}
          {...form.register("email")}
        />
        <Field
          label={t("auth.password")}
          type="password"
          autoComplete="current-password"
          required
          autoFocus={firstServerError === "password"}
          error={errorOf("password")}
          {...form.register("password")}
        />
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          {t("auth.submit")}
        </button>
      </Form>
    </main>
  );
}
