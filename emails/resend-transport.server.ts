import { z } from "zod";

// Resend over its REST API with fetch, not the SDK: one endpoint, a stable JSON contract, and the
// tests point RESEND_BASE_URL at a loopback stand-in. Contract (resend.com/docs/api-reference):
//   POST {base}/emails, Authorization: Bearer <key>, optional Idempotency-Key (≤256 chars, kept 24 h)
//   200 {id}   error {statusCode, message, name}; 429 rate limit; 5xx Resend's side.

export interface ResendConfig {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
}

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra message headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** Files, base64 content (Resend's `attachments` field). */
  attachments?: Array<{ filename: string; content: string }>;
  /** Resend answers a repeat of the same key with the first response instead of sending again. */
  idempotencyKey: string;
}

export type TransportResult =
  { ok: true; providerMessageId: string } | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

const SuccessSchema = z.object({ id: z.string().min(1).max(100) });
const ErrorSchema = z.object({
  statusCode: z.number().int().nullish(),
  message: z.string(),
  name: z.string(),
});

/** Resend's 409s: a concurrent request with the same key is in flight (try later) vs. reused key. */
const RETRYABLE_CONFLICTS = new Set(["concurrent_idempotent_requests"]);

export function isRetryableStatus(status: number, errorName?: string): boolean {
  if (status === 429 || status >= 500) return true;
  if (status === 409 && errorName !== undefined) return RETRYABLE_CONFLICTS.has(errorName);
  return false;
}

export async function sendViaResend(config: ResendConfig, email: OutgoingEmail): Promise<TransportResult> {
  let response: Response;
  try {
    response = await fetch(new URL("emails", withTrailingSlash(config.baseUrl)), {
      method: "POST",
      headers: {
        Authorization: `Bearer ${config.apiKey}`,
        "Content-Type": "application/json",
        "Idempotency-Key": email.idempotencyKey,
      },
      body: JSON.stringify({
        from: email.from,
        to: [email.to],
        subject: email.subject,
        html: email.html,
        text: email.text,
        ...(email.headers ? { headers: email.headers } : {}),
        ...(email.attachments ? { attachments: email.attachments } : {}),
      }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    // Timeouts, refused connections, DNS: Resend may or may not have the mail; the idempotency key
    // makes the retry safe either way.
    return { ok: false, retryable: true, error: `network: ${describe(error)}` };
  }

  const body = await readJson(response);
  if (response.ok) {
    const parsed = SuccessSchema.safeParse(body);
    if (parsed.success) return { ok: true, providerMessageId: parsed.data.id };
    // Accepted but unreadable: retrying with the same key returns the original answer, not a second mail.
    return { ok: false, retryable: true, error: `unexpected success body (HTTP ${response.status}): ${preview(body)}` };
  }

  const parsedError = ErrorSchema.safeParse(body);
  const name = parsedError.success ? parsedError.data.name : undefined;
  const detail = parsedError.success ? `${parsedError.data.name}: ${parsedError.data.message}` : preview(body);
  return {
    ok: false,
    retryable: isRetryableStatus(response.status, name),
    error: `HTTP ${response.status} ${detail}`,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function preview(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return (text ?? "").slice(0, 500);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

/** Retry-After in seconds (the form rate limiters send); dates and nonsense are ignored. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
