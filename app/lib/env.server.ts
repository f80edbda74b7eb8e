import { z } from "zod";

// One parse of process.env at start-up; everything else reads `env`.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().default("mysql://relay:relay@127.0.0.1:3307/relay"),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /**
   * How long a query waits for a pooled connection before failing (the driver's default is 10 s).
   * Shorter means a database outage becomes a 503 + Retry-After quickly instead of a hung request.
   */
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Send queries as text (one round trip, parameters escaped by the driver) instead of binary
   * prepare/execute/close (three); decision 048. "0" switches back, for side-by-side benchmarks.
   */
  DATABASE_TEXT_PROTOCOL: z.enum(["0", "1"]).default("1"),
  /** Base URL used in e-mails (links back to the site). */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Secure `__Host-` cookies; on by default in production. */
  SESSION_COOKIE_SECURE: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.string().url().default("https://api.resend.com"),
  MAIL_FROM: z.string().default("接力 CRM <noreply@relay-crm.example>"),
  MEILI_HOST: z.string().url().optional(),
  MEILI_API_KEY: z.string().optional(),
  /** Set to "0" to run the web process without the in-process background worker. */
  RUN_WORKER: z.enum(["0", "1"]).default("1"),
  /** "1" turns the dev inbox (/crm/dev/mail) on in production (the demo and e2e); off otherwise. */
  DEV_MAIL_INBOX: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return EnvSchema.parse(source);
}

export const env: Env = readEnv();

export function sessionCookieSecure(): boolean {
  return env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === "production";
}
