import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

// A loopback stand-in for Resend's `POST /emails` and `POST /emails/batch`, written from the public API reference: Bearer
// auth, the request body's documented fields, `{id}` on success, `{statusCode, message, name}` on
// error, and Idempotency-Key replay. Tests point RESEND_BASE_URL at it, so the real transport code
// (fetch, headers, timeouts, status handling) runs end to end without the network.

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
  /** What the stand-in answered. */
  status: number;
  /** The id returned on success. */
  id?: string;
}

export interface ScriptedResponse {
  status: number;
  /** Error `name` in the body; defaults to one matching the status. */
  name?: string;
  message?: string;
  /** Wait this long before answering (to provoke client timeouts or overlap). */
  delayMs?: number;
  headers?: Record<string, string>;
  /** Send this exact body instead of the error shape (e.g. malformed JSON). */
  rawBody?: string;
}

export interface ResendStandIn {
  /** Base URL for RESEND_BASE_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  apiKey: string;
  /** Every request received, in order, including rejected ones. */
  requests: ReceivedRequest[];
  /** Mails accepted as new sends (idempotent replays are not counted twice). */
  accepted: ReceivedRequest[];
  /** The next POST /emails (or /emails/batch) requests get these answers, in order, before normal handling resumes. */
  enqueue(...responses: ScriptedResponse[]): void;
  /** Delay every successful answer (to widen race windows in concurrency tests). */
  setLatency(ms: number): void;
  reset(): void;
  close(): Promise<void>;
}

const Address = z.string().min(3);
const Addresses = z.union([Address, z.array(Address).min(1).max(50)]);

// The documented send-email body; unknown fields pass through, as the API ignores nothing we send.
const SendEmailBody = z
  .object({
    from: z.string().min(3),
    to: Addresses,
    subject: z.string().min(1),
    html: z.string().optional(),
    text: z.string().optional(),
    cc: Addresses.optional(),
    bcc: Addresses.optional(),
    reply_to: Addresses.optional(),
    headers: z.record(z.string(), z.string()).optional(),
    scheduled_at: z.string().optional(),
    tags: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  })
  .refine((b) => b.html !== undefined || b.text !== undefined, {
    message: "Either html or text is required",
    path: ["html"],
  });

const DEFAULT_ERROR_NAMES: Record<number, string> = {
  400: "validation_error",
  401: "missing_api_key",
  403: "invalid_api_key",
  404: "not_found",
  409: "concurrent_idempotent_requests",
  422: "validation_error",
  429: "rate_limit_exceeded",
  500: "internal_server_error",
  502: "application_error",
  503: "application_error",
};

export async function startResendStandIn(options: { apiKey?: string } = {}): Promise<ResendStandIn> {
  const apiKey = options.apiKey ?? `re_test_${randomUUID().replaceAll("-", "")}`;
  const requests: ReceivedRequest[] = [];
  const accepted: ReceivedRequest[] = [];
  const script: ScriptedResponse[] = [];
  // Idempotency-Key → the first accepted request's body and id (Resend keeps them 24 hours).
  const replays = new Map<string, { body: string; id: string }>();
  const batchReplays = new Map<string, { body: string; answer: unknown }>();
  let latencyMs = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendJson(res, 500, { statusCode: 500, name: "internal_server_error", message: String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    const record: ReceivedRequest = {
      method: req.method ?? "",
      path,
      headers: req.headers,
      authorization: req.headers.authorization,
      idempotencyKey: headerValue(req.headers["idempotency-key"]),
      body: parseJson(raw),
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status;
      sendJson(res, status, body, headers);
    };
    const error = (status: number, name: string, message: string) =>
      answer(status, { statusCode: status, message, name });

    if (req.method !== "POST" || (path !== "/emails" && path !== "/emails/batch"))
      return error(404, "not_found", "The requested endpoint does not exist.");

    const scripted = script.shift();
    if (scripted) {
      if (scripted.delayMs) await sleep(scripted.delayMs);
      record.status = scripted.status;
      if (scripted.rawBody !== undefined) {
        res.writeHead(scripted.status, { "Content-Type": "application/json", ...scripted.headers });
        res.end(scripted.rawBody);
        return;
      }
      const name = scripted.name ?? DEFAULT_ERROR_NAMES[scripted.status] ?? "application_error";
      return answer(
        scripted.status,
        { statusCode: scripted.status, message: scripted.message ?? `Scripted ${scripted.status}`, name },
        scripted.headers,
      );
    }

    const auth = req.headers.authorization;
    if (!auth?.startsWith("Bearer "))
      return error(401, "missing_api_key", "Missing API key in the authorization header.");
    if (auth.slice("Bearer ".length) !== apiKey) return error(403, "invalid_api_key", "API key is invalid.");

    const key = record.idempotencyKey;
    if (key !== undefined && (key.length < 1 || key.length > 256)) {
      return error(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
    }
    if (path === "/emails/batch") return handleBatch(record, raw, answer, error);
    if (typeof record.body !== "object" || record.body === null) {
      return error(422, "validation_error", "The request body must be a JSON object.");
    }
    const parsed = SendEmailBody.safeParse(record.body);
    if (!parsed.success) {
      const body = record.body as Record<string, unknown>;
      const fields = parsed.error.issues.map((i) => i.path.join(".") || "body");
      const missing = parsed.error.issues.some((i) => i.path.length === 1 && body[String(i.path[0])] === undefined);
      return missing
        ? error(422, "missing_required_field", `Missing \`${fields.join(", ")}\` field.`)
        : error(422, "validation_error", `Invalid \`${fields.join(", ")}\` field.`);
    }

    if (key !== undefined) {
      const previous = replays.get(key);
      if (previous && previous.body !== raw) {
        return error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
      }
      if (previous) {
        record.id = previous.id;
        return answer(200, { id: previous.id });
      }
    }

    if (latencyMs > 0) await sleep(latencyMs);
    const id = randomUUID();
    record.id = id;
    if (key !== undefined) replays.set(key, { body: raw, id });
    accepted.push(record);
    return answer(200, { id });
  }

  // POST /emails/batch: a JSON array of 1–100 send-email bodies without `attachments` or
  // `scheduled_at` (the batch endpoint supports neither). `x-batch-validation: strict` (default)
  // refuses the whole batch if one mail is invalid; `permissive` sends the valid ones and lists the
  // others in `errors`. 200 {data: [{id}, …]}. Idempotency-Key covers the whole batch.
  async function handleBatch(
    record: ReceivedRequest,
    raw: string,
    answer: (status: number, body: unknown) => void,
    error: (status: number, name: string, message: string) => void,
  ): Promise<void> {
    const mode = headerValue(record.headers["x-batch-validation"]) ?? "strict";
    if (mode !== "strict" && mode !== "permissive") {
      return error(422, "validation_error", "Invalid `x-batch-validation` header.");
    }
    if (!Array.isArray(record.body)) return error(422, "validation_error", "The request body must be an array.");
    const emails: unknown[] = record.body;
    if (emails.length < 1 || emails.length > 100) {
      return error(422, "validation_error", "A batch holds between 1 and 100 emails.");
    }
    const problems = emails.flatMap((email, index) => {
      if (typeof email === "object" && email !== null && ("attachments" in email || "scheduled_at" in email)) {
        return [{ index, message: "The `attachments` and `scheduled_at` fields are not supported in batch sending." }];
      }
      const parsed = SendEmailBody.safeParse(email);
      if (parsed.success) return [];
      return [{ index, message: `Invalid \`${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}\` field.` }];
    });
    if (mode === "strict" && problems.length > 0) {
      return error(422, "validation_error", `emails[${problems[0]!.index}]: ${problems[0]!.message}`);
    }
    const key = record.idempotencyKey;
    if (key !== undefined) {
      const previous = batchReplays.get(key);
      if (previous && previous.body !== raw) {
        return error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
      }
      if (previous) return answer(200, previous.answer);
    }
    if (latencyMs > 0) await sleep(latencyMs);
    const failed = new Set(problems.map((p) => p.index));
    const data = emails.flatMap((email, index) => {
      if (failed.has(index)) return [];
      const id = randomUUID();
      // One accepted entry per mail, so `accepted` counts mails whichever endpoint sent them.
      accepted.push({ ...record, body: email, id, status: 200 });
      return [{ id }];
    });
    const body = mode === "permissive" ? { data, errors: problems } : { data };
    if (key !== undefined) batchReplays.set(key, { body: raw, answer: body });
    return answer(200, body);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    accepted,
    enqueue: (...responses) => void script.push(...responses),
    setLatency: (ms) => void (latencyMs = ms),
    reset: () => {
      requests.length = 0;
      accepted.length = 0;
      script.length = 0;
      replays.clear();
      batchReplays.clear();
      latencyMs = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(raw: string): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  if (res.headersSent) return;
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
