import { z } from "zod";
import { isSecureOrigin } from "~/server/security-headers.server";

/** An origin a partner's page is served from, as CSP writes it (a leading `*.` for subdomains). */
const FRAME_SOURCE = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

// The environment is parsed once, here; nothing else reads process.env.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: z.string().min(1).default("file:data/barouf.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The origin people reach the app at; links in emails are built from it, never from Host. */
  PUBLIC_ORIGIN: z.url().optional(),
  BAROUF_ADMIN_PASSWORD: z.string().min(8).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Grand Barouf <programme@barouf.example>"),
  /** Behind a reverse proxy, trust its X-Forwarded-For for rate limits. */
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /** Lets webhooks reach loopback, private and link-local addresses (a local receiver, tests). */
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /**
   * Who may frame the embeddable programme (/programme/<slug>/embed): `*` (any site, the default:
   * the programme is public), or a space-separated list of origins such as
   * `https://partner.example https://*.lille.fr`. Nothing else of the app may be framed.
   */
  EMBED_FRAME_ANCESTORS: z
    .string()
    .trim()
    .default("*")
    .refine((v) => v === "*" || (v.length > 0 && v.split(/\s+/).every((source) => FRAME_SOURCE.test(source))), {
      message: "`*` or space-separated origins (https://partner.example, https://*.partner.example)",
    }),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(240),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
});

export type Env = z.infer<typeof envSchema> & { publicOrigin: string; secureCookies: boolean };

let cached: Env | null = null;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  const publicOrigin = (env.PUBLIC_ORIGIN ?? `http://${env.HOST}:${env.PORT}`).replace(/\/$/, "");
  cached = { ...env, publicOrigin, secureCookies: isSecureOrigin(publicOrigin) };
  return cached;
}

/**
 * `PORT=0` picks a free port at listen time: without PUBLIC_ORIGIN, the default origin
 * (the one CSRF checks and links use) is the address actually listened on.
 */
export function settleListeningPort(port: number): Env {
  const env = getEnv();
  if (!env.PUBLIC_ORIGIN && env.PORT !== port) {
    const host = env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
    cached = { ...env, publicOrigin: `http://${host}:${port}` };
  }
  return getEnv();
}
