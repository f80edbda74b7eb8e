import { Resend, type CreateEmailOptions, type ErrorResponse } from "resend";
import { z } from "zod";

// Resend through its official SDK (issue #12 item 4), which honours RESEND_BASE_URL, so the tests
// point it at the loopback stand-in. Two endpoints (resend.com/docs/api-reference):
//   POST {base}/emails         one mail, may carry attachments        200 {id}
//   POST {base}/emails/batch   up to 100 mails, no attachments, strict 200 {data: [{id}, …]}
// Both take an Idempotency-Key (≤ 256 chars, kept 24 h): a repeat with the same key and body gets the
// first answer and sends nothing. Errors are {statusCode, message, name}; 429 is the rate limit.
// The SDK never throws: network failures come back as `application_error` with statusCode null.

export interface ResendConfig {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
}

/** Resend's limit per batch call. */
export const RESEND_BATCH_LIMIT = 100;

export interface BatchEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra message headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export interface OutgoingEmail extends BatchEmail {
  /** Files, base64 content (Resend's `attachments` field; the batch endpoint refuses them). */
  attachments?: Array<{ filename: string; content: string }>;
  /** Resend answers a repeat of the same key with the first response instead of sending again. */
  idempotencyKey: string;
}

export type TransportFailure = {
  ok: false;
  retryable: boolean;
  error: string;
  retryAfterMs?: number;
  /** Resend's error name, when it answered with one (e.g. `validation_error`). */
  errorName?: string;
};
export type TransportResult = { ok: true; providerMessageId: string } | TransportFailure;
export type BatchTransportResult = { ok: true; providerMessageIds: string[] } | TransportFailure;

const IdSchema = z.object({ id: z.string().min(1).max(100) });
const BatchSchema = z.object({ data: z.array(IdSchema) });

/** Resend's 409s: a concurrent request with the same key is in flight (try later) vs. reused key. */
const RETRYABLE_CONFLICTS = new Set(["concurrent_idempotent_requests"]);

export function isRetryableStatus(status: number, errorName?: string): boolean {
  if (status === 429 || status >= 500) return true;
  if (status === 409 && errorName !== undefined) return RETRYABLE_CONFLICTS.has(errorName);
  return false;
}

// One client per key and base URL: the SDK object holds only headers, but there is no reason to
// rebuild it per mail.
const clients = new Map<string, Resend>();
function clientFor(config: ResendConfig): Resend {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const cacheKey = `${config.apiKey}\n${baseUrl}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Resend(config.apiKey, { baseUrl });
    clients.set(cacheKey, client);
  }
  return client;
}

function toApi(email: BatchEmail): CreateEmailOptions {
  return {
    from: email.from,
    to: [email.to],
    subject: email.subject,
    html: email.html,
    text: email.text,
    ...(email.headers ? { headers: email.headers } : {}),
  };
}

export async function sendViaResend(config: ResendConfig, email: OutgoingEmail): Promise<TransportResult> {
  const signal = AbortSignal.timeout(config.timeoutMs);
  const { data, error, headers } = await clientFor(config).emails.send(
    { ...toApi(email), ...(email.attachments ? { attachments: email.attachments } : {}) },
    { idempotencyKey: email.idempotencyKey, signal },
  );
  if (error) return failure(error, headers, signal, config.timeoutMs);
  const parsed = IdSchema.safeParse(data);
  if (parsed.success) return { ok: true, providerMessageId: parsed.data.id };
  // Accepted but unreadable: retrying with the same key returns the original answer, not a second mail.
  return { ok: false, retryable: true, error: `unexpected success body: ${preview(data)}` };
}

/**
 * Sends up to 100 mails in one call, strict validation (all or nothing). The same key must always
 * come with the same mails in the same order: that is what makes a retry after a crash a replay.
 */
export async function sendBatchViaResend(
  config: ResendConfig,
  emails: readonly BatchEmail[],
  idempotencyKey: string,
): Promise<BatchTransportResult> {
  if (emails.length === 0 || emails.length > RESEND_BATCH_LIMIT) {
    throw new RangeError(`a Resend batch holds 1–${RESEND_BATCH_LIMIT} mails, got ${emails.length}`);
  }
  const signal = AbortSignal.timeout(config.timeoutMs);
  const { data, error, headers } = await clientFor(config).batch.send(emails.map(toApi), {
    idempotencyKey,
    signal,
    batchValidation: "strict",
  });
  if (error) return failure(error, headers, signal, config.timeoutMs);
  const parsed = BatchSchema.safeParse(data);
  if (parsed.success && parsed.data.data.length === emails.length) {
    return { ok: true, providerMessageIds: parsed.data.data.map((d) => d.id) };
  }
  return { ok: false, retryable: true, error: `unexpected batch success body: ${preview(data)}` };
}

function failure(
  error: ErrorResponse,
  headers: Record<string, string> | null,
  signal: AbortSignal,
  timeoutMs: number,
): TransportFailure {
  // No status: the request never got an answer (timeout, refused connection, unreadable body).
  // Resend may or may not have the mail; the idempotency key makes the retry safe either way.
  if (error.statusCode === null || error.statusCode === undefined) {
    const detail = signal.aborted ? `Timeout after ${timeoutMs} ms (aborted)` : `${error.name}: ${error.message}`;
    return { ok: false, retryable: true, error: `network: ${detail}` };
  }
  return {
    ok: false,
    retryable: isRetryableStatus(error.statusCode, error.name),
    error: `HTTP ${error.statusCode} ${error.name}: ${error.message}`,
    errorName: error.name,
    retryAfterMs: parseRetryAfter(headers?.["retry-after"] ?? null),
  };
}

function preview(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return (text ?? "").slice(0, 500);
}

/** Retry-After in seconds (the form rate limiters send); dates and nonsense are ignored. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
