import type { Db } from "#app/lib/db.server.ts";
import { userAgent } from "#app/lib/http.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { createTranslator, DICTIONARIES, type MessageKey, type Translate } from "#app/lib/i18n/translate.ts";
import { hitRateLimit, peekRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";
import { bearerToken, verifyChannelKey } from "./channel-keys.server.ts";
import { submitLead, type IntakeLead } from "./lead-intake.server.ts";

// HTTP side of the public Web-to-CRM intake API (DESIGN.md "External contracts" §1): channel-key
// authentication, CORS per registration category, rate limits, body parsing, and the error shapes.
// The route module only dispatches here; lead creation itself is `submitLead`.
//
// CORS model. A browser preflight carries no Authorization header, so it cannot tell us which
// category the page is posting to: the preflight is answered for the union of the allowed origins of
// all ACTIVE categories. The actual POST is then checked against the allowed origins of the key's own
// category (403 when that category does not list the origin). Server-to-server calls send no Origin
// and need no CORS. React Router's action Origin check (anchors §5.3) does not apply here: it runs for
// document and `.data` requests only, and this route is a resource route (no default export).

export const INTAKE_API_METHODS = "POST, OPTIONS";
export const INTAKE_API_ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key";
/** Preflight answers may be cached by the browser for this long (seconds). */
const PREFLIGHT_MAX_AGE = 600;
/** A lead is a few kilobytes at most; anything much larger is not a lead. */
export const INTAKE_API_MAX_BODY_BYTES = 64 * 1024;

export interface IntakeApiLimits {
  /** Per channel key: generous, a busy site's forms all share one key. */
  perKey: RateLimitRule;
  /**
   * Per client IP, counting only requests with a missing or wrong key: it stops key guessing
   * without throttling a website that relays all its leads from one server (the per-key limit
   * governs authenticated traffic).
   */
  perIp: RateLimitRule;
}

export const INTAKE_API_LIMITS: IntakeApiLimits = {
  perKey: { scope: "intake-api:key", limit: 600, windowMs: 60_000 },
  perIp: { scope: "intake-api:ip", limit: 120, windowMs: 60_000 },
};

export interface IntakeApiDeps {
  db: Db;
  clientIp: string;
  /** Tests pass small limits; production uses INTAKE_API_LIMITS. */
  limits?: IntakeApiLimits;
}

/** The JSON body of 201 and 200 (DESIGN.md: `{id, owner: {id, name}, routedBy, matches}`). */
/**
 * The public answer (issue #13): the lead's id and what happened to it. Channel keys sit in public
 * web pages, so matches (is this e-mail a customer?) and the owner's name stay inside the CRM.
 */
export interface IntakeApiSuccessBody {
  id: number;
  /** "created" (201), or "replayed" (200) for a repeated Idempotency-Key or an identical resubmission. */
  status: "created" | "replayed";
}

// ───────────────────────────── language ─────────────────────────────

/**
 * Messages for API clients follow Accept-Language (the portal's cookie does not exist here): the
 * most preferred of Chinese (any zh-*) and English wins; without either, English.
 */
export function apiLocale(request: Request): Locale {
  const header = request.headers.get("Accept-Language") ?? "";
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag !== "" && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}

/** Translates a message key if it is one; anything else (an unexpected raw message) passes through. */
function translateKey(t: Translate, locale: Locale, key: string): string {
  return Object.hasOwn(DICTIONARIES[locale], key) ? t(key as MessageKey) : key;
}

// ───────────────────────────── origins ─────────────────────────────

/** `scheme://host[:port]` in the form browsers send in `Origin`, or null for anything else. */
export function normaliseOrigin(value: string): string | null {
  const trimmed = value.trim().replace(/\/+$/, "");
  if (!/^https?:\/\/[^/?#\s]+$/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

/** A category's `allowedOrigins` text (one origin per line; blank and invalid lines are ignored). */
export function parseAllowedOrigins(text: string | null | undefined): string[] {
  if (!text) return [];
  const origins = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const origin = normaliseOrigin(line);
    if (origin) origins.add(origin);
  }
  return [...origins];
}

async function originsOfCategory(db: Db, categoryId: number): Promise<string[]> {
  const category = await db.registrationCategory.findUnique({
    where: { id: categoryId },
    select: { allowedOrigins: true },
  });
  return parseAllowedOrigins(category?.allowedOrigins);
}

/** Union over active categories: what a preflight (which has no key) can be answered with. */
export async function originsOfActiveCategories(db: Db): Promise<Set<string>> {
  const rows = await db.registrationCategory.findMany({
    where: { active: true, allowedOrigins: { not: null } },
    select: { allowedOrigins: true },
  });
  return new Set(rows.flatMap((row) => parseAllowedOrigins(row.allowedOrigins)));
}

/** The browser Origin of a cross-origin request, or null (no Origin, or our own origin). */
function crossOrigin(request: Request): string | null {
  const header = request.headers.get("Origin");
  if (!header) return null;
  const origin = normaliseOrigin(header) ?? header;
  return origin === new URL(request.url).origin ? null : origin;
}

// ───────────────────────────── responses ─────────────────────────────

interface ReplyOptions {
  status: number;
  /** Origin to echo in Access-Control-Allow-Origin, when it is allowed. */
  allowOrigin?: string | null;
  locale?: Locale;
  headers?: Record<string, string>;
}

function reply(body: unknown, options: ReplyOptions): Response {
  const headers = new Headers(options.headers);
  headers.set("Cache-Control", "no-store");
  // The answer depends on Origin (CORS headers), so shared caches must key on it.
  headers.append("Vary", "Origin");
  if (options.locale) headers.set("Content-Language", options.locale);
  if (options.allowOrigin) {
    headers.set("Access-Control-Allow-Origin", options.allowOrigin);
    headers.set("Access-Control-Expose-Headers", "Retry-After");
  }
  if (body === null) return new Response(null, { status: options.status, headers });
  return Response.json(body, { status: options.status, headers });
}

function errorBody(code: string, t: Translate, key: MessageKey, vars?: Record<string, string | number>) {
  return { error: code, message: t(key, vars) };
}

// ───────────────────────────── handlers ─────────────────────────────

/** OPTIONS /api/v1/leads: the CORS preflight. */
export async function handleIntakePreflight(request: Request, deps: Pick<IntakeApiDeps, "db">): Promise<Response> {
  const origin = crossOrigin(request);
  if (!origin) {
    // Not a cross-origin preflight (no Origin, or our own): just say what the resource supports.
    return reply(null, { status: 204, headers: { Allow: INTAKE_API_METHODS } });
  }
  const allowed = await originsOfActiveCategories(deps.db);
  if (!allowed.has(origin)) {
    return reply(null, { status: 403, headers: { Allow: INTAKE_API_METHODS } });
  }
  return reply(null, {
    status: 204,
    allowOrigin: origin,
    headers: {
      Allow: INTAKE_API_METHODS,
      "Access-Control-Allow-Methods": INTAKE_API_METHODS,
      "Access-Control-Allow-Headers": INTAKE_API_ALLOWED_HEADERS,
      "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE),
    },
  });
}

/** Any method other than POST and OPTIONS. */
export function methodNotAllowed(request: Request): Response {
  const locale = apiLocale(request);
  const t = createTranslator(locale);
  return reply(errorBody("method_not_allowed", t, "intake.api.methodNotAllowed"), {
    status: 405,
    locale,
    headers: { Allow: INTAKE_API_METHODS },
  });
}

/** POST /api/v1/leads. */
export async function handleIntakePost(request: Request, deps: IntakeApiDeps): Promise<Response> {
  const { db } = deps;
  const limits = deps.limits ?? INTAKE_API_LIMITS;
  const locale = apiLocale(request);
  const t = createTranslator(locale);
  const origin = crossOrigin(request);

  // Before the key is known, an error can only be shown to pages of origins some category allows.
  const provisionalOrigin = async () => (origin && (await originsOfActiveCategories(db)).has(origin) ? origin : null);

  const ipState = await peekRateLimit(db, limits.perIp, deps.clientIp);
  if (ipState.limited) {
    return rateLimited(t, locale, ipState.retryAfterSeconds, await provisionalOrigin());
  }

  const presented = bearerToken(request);
  const key = await verifyChannelKey(db, presented);
  if (!key) {
    await hitRateLimit(db, limits.perIp, deps.clientIp);
    return reply(errorBody("invalid_channel_key", t, "intake.api.invalidChannelKey"), {
      status: 401,
      locale,
      allowOrigin: await provisionalOrigin(),
      // RFC 6750 §3: no error code when the request carried no credentials at all.
      headers: { "WWW-Authenticate": presented ? 'Bearer error="invalid_token"' : "Bearer" },
    });
  }

  let allowOrigin: string | null = null;
  if (origin) {
    const allowed = await originsOfCategory(db, key.categoryId);
    if (!allowed.includes(origin)) {
      return reply(errorBody("origin_not_allowed", t, "intake.api.originNotAllowed"), { status: 403, locale });
    }
    allowOrigin = origin;
  }

  const keyState = await hitRateLimit(db, limits.perKey, String(key.keyId));
  if (keyState.count > limits.perKey.limit) {
    return rateLimited(t, locale, keyState.retryAfterSeconds, allowOrigin);
  }

  if (!isJsonContentType(request.headers.get("Content-Type"))) {
    return reply(errorBody("unsupported_media_type", t, "intake.api.unsupportedMediaType"), {
      status: 415,
      locale,
      allowOrigin,
      headers: { "Accept-Post": "application/json" },
    });
  }

  const idempotencyHeader = request.headers.get("Idempotency-Key");
  if (idempotencyHeader !== null && !isValidIdempotencyKey(idempotencyHeader)) {
    return reply(errorBody("invalid_idempotency_key", t, "intake.api.invalidIdempotencyKey"), {
      status: 400,
      locale,
      allowOrigin,
    });
  }

  const text = await readBodyText(request, INTAKE_API_MAX_BODY_BYTES);
  if (text === null) {
    return reply(
      errorBody("payload_too_large", t, "intake.api.payloadTooLarge", { kb: INTAKE_API_MAX_BODY_BYTES / 1024 }),
      { status: 413, locale, allowOrigin },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply(errorBody("malformed_json", t, "intake.api.malformedJson"), { status: 400, locale, allowOrigin });
  }

  await touchChannelKey(db, key.keyId);

  const result = await submitLead(db, body, {
    categoryId: key.categoryId,
    source: "api",
    idempotencyKey: idempotencyHeader,
    submitterIp: deps.clientIp,
    userAgent: userAgent(request),
  });

  if (result.status === "invalid") {
    const errors: Record<string, string[]> = {};
    for (const [field, keys] of Object.entries(result.errors)) {
      errors[field] = keys.map((k) => translateKey(t, locale, k));
    }
    return reply({ errors }, { status: 422, locale, allowOrigin });
  }
  if (result.status === "keyReused") {
    return reply(errorBody("idempotency_key_reused", t, "intake.api.idempotencyKeyReused"), {
      status: 422,
      locale,
      allowOrigin,
    });
  }
  return reply(successBody(result.lead, result.status), {
    status: result.status === "created" ? 201 : 200,
    locale,
    allowOrigin,
  });
}

function successBody(lead: IntakeLead, status: IntakeApiSuccessBody["status"]): IntakeApiSuccessBody {
  return { id: lead.id, status };
}

function rateLimited(t: Translate, locale: Locale, retryAfterSeconds: number, allowOrigin: string | null): Response {
  return reply(
    {
      ...errorBody("rate_limited", t, "intake.api.rateLimited", { seconds: retryAfterSeconds }),
      retryAfter: retryAfterSeconds,
    },
    { status: 429, locale, allowOrigin, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/** application/json or any `+json` type, with or without parameters such as charset. */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** 1–191 printable ASCII characters (the lead row stores it, with the category, in 191 characters). */
export function isValidIdempotencyKey(value: string): boolean {
  return /^[\x20-\x7e]{1,191}$/.test(value) && value.trim() !== "";
}

/** The body as text, or null when it is larger than `maxBytes` (read no further than that). */
async function readBodyText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Staff see when a key was last used; one write a minute per key at most. */
async function touchChannelKey(db: Db, keyId: number): Promise<void> {
  const now = new Date();
  await db.channelKey.updateMany({
    where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
}
