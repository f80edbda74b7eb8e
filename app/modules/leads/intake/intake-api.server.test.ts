import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { revokeChannelKey } from "#app/modules/leads/intake/channel-keys.server.ts";
import { createApiChannel, intakeRequest, preflightRequest } from "#tests/factories/intake-api.ts";
import { sampleSubmission } from "#tests/factories/lead-intake.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  apiLocale,
  handleIntakePost,
  handleIntakePreflight,
  isJsonContentType,
  isValidIdempotencyKey,
  methodNotAllowed,
  parseAllowedOrigins,
  type IntakeApiLimits,
} from "./intake-api.server.ts";

const SITE = "https://www.partner-site.cn";
const OTHER_SITE = "https://evil.example";
const zh = createTranslator("zh-CN");
const en = createTranslator("en");

let serial = 0;
const body = (extra: Record<string, unknown> = {}) => sampleSubmission(++serial, extra);
const post = (request: Request, clientIp = "203.0.113.7", limits?: IntakeApiLimits) =>
  handleIntakePost(request, { db, clientIp, limits });

describe("intake API: authentication", () => {
  beforeEach(() => resetDatabase());

  it("answers 401 with WWW-Authenticate for a missing, malformed, wrong, revoked or inactive key, and stores nothing", async () => {
    const { key } = await createApiChannel(db);
    const revoked = await createApiChannel(db);
    await revokeChannelKey(db, revoked.key.id);
    const inactive = await createApiChannel(db, { active: false });
    const wrongSecret = key.key.replace(/_[a-z2-9]{24}$/, `_${"a".repeat(24)}`);

    const missing = await post(intakeRequest(body()));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("WWW-Authenticate")).toBe("Bearer");
    expect(await missing.json()).toMatchObject({ error: "invalid_channel_key" });

    for (const presented of ["not-a-key", wrongSecret, revoked.key.key, inactive.key.key]) {
      const response = await post(intakeRequest(body(), { key: presented }));
      expect(response.status, presented).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer error="invalid_token"/);
      expect((await response.json()).error).toBe("invalid_channel_key");
    }
    expect(await db.lead.count()).toBe(0);
  });

  it("accepts the scheme name in any case", async () => {
    const { key } = await createApiChannel(db);
    const response = await post(intakeRequest(body(), { headers: { Authorization: `bearer ${key.key}` } }));
    expect(response.status).toBe(201);
  });
});

describe("intake API: body", () => {
  beforeEach(() => resetDatabase());

  it("answers 415 for a body that is not JSON", async () => {
    const { key } = await createApiChannel(db);
    const response = await post(
      intakeRequest(null, {
        key: key.key,
        raw: "contact=x",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(response.status).toBe(415);
    expect((await response.json()).error).toBe("unsupported_media_type");
    expect(await db.lead.count()).toBe(0);
  });

  it("answers 400 for malformed JSON", async () => {
    const { key } = await createApiChannel(db);
    const response = await post(intakeRequest(null, { key: key.key, raw: '{"contact": {"name": "王' }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("malformed_json");
  });

  it("answers 413 for a body over 64 KiB", async () => {
    const { key } = await createApiChannel(db);
    const response = await post(intakeRequest(body({ requirement: "需".repeat(30_000) }), { key: key.key }));
    expect(response.status).toBe(413);
    expect(await db.lead.count()).toBe(0);
  });

  it("answers 400 for an Idempotency-Key that is too long or not printable ASCII", async () => {
    const { key } = await createApiChannel(db);
    const tooLong = await post(
      intakeRequest(body(), { key: key.key, headers: { "Idempotency-Key": "k".repeat(192) } }),
    );
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error).toBe("invalid_idempotency_key");
    const longest = await post(
      intakeRequest(body(), { key: key.key, headers: { "Idempotency-Key": "k".repeat(191) } }),
    );
    expect(longest.status).toBe(201);
  });
});

describe("intake API: validation (422)", () => {
  beforeEach(() => resetDatabase());

  it("enforces 联系人@单位 with a Chinese message for zh clients", async () => {
    const { key } = await createApiChannel(db);
    const response = await post(
      intakeRequest(
        { requirement: "只有需求，没有联系人和单位" },
        { key: key.key, headers: { "Accept-Language": "zh-CN,zh;q=0.9" } },
      ),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("Content-Language")).toBe("zh-CN");
    const { errors } = (await response.json()) as { errors: Record<string, string[]> };
    expect(errors.contact).toEqual([zh("leads.error.contactOrCompany")]);
    expect(errors.contact?.[0]).toContain("联系人@单位");
    expect(await db.lead.count()).toBe(0);
  });

  it("translates field messages to English for other languages, keyed by field path", async () => {
    const { key } = await createApiChannel(db);
    const response = await post(
      intakeRequest(
        { contact: { name: "Ann", email: "not-an-email" }, items: [{ sku: "X", quantity: 0 }] },
        { key: key.key, headers: { "Accept-Language": "fr-FR, de;q=0.8" } },
      ),
    );
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: Record<string, string[]> };
    expect(errors["contact.email"]).toEqual([en("leads.error.invalidEmail")]);
    expect(errors["items.0.quantity"]).toEqual([en("leads.error.quantity")]);
    expect(JSON.stringify(errors)).not.toMatch(/leads\.error\./);
  });

  it("treats a JSON body that is not an object as invalid, not as a crash", async () => {
    const { key } = await createApiChannel(db);
    const response = await post(intakeRequest([1, 2, 3], { key: key.key }));
    expect(response.status).toBe(422);
    expect(Object.keys(((await response.json()) as { errors: object }).errors).length).toBeGreaterThan(0);
  });
});

describe("intake API: creation and idempotency", () => {
  beforeEach(() => resetDatabase());

  it("answers 422 idempotency_key_reused to the same Idempotency-Key with a different body, storing nothing", async () => {
    const { key } = await createApiChannel(db);
    const headers = { "Idempotency-Key": "order-2026-0002" };
    expect((await post(intakeRequest(body(), { key: key.key, headers }))).status).toBe(201);
    const reused = await post(intakeRequest(body(), { key: key.key, headers }));
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: string }).error).toBe("idempotency_key_reused");
    expect(await db.lead.count()).toBe(1);
  });

  it("creates with 201 and the contract body, then replays the same Idempotency-Key with 200 and the same body", async () => {
    const { key, owner, category } = await createApiChannel(db);
    const headers = { "Idempotency-Key": "order-2026-0001" };
    const payload = body();
    const first = await post(intakeRequest(payload, { key: key.key, headers }));
    expect(first.status).toBe(201);
    const created = (await first.json()) as Record<string, unknown>;
    // Only the id and status are public (issue #13); routing stays inside the CRM.
    expect(Object.keys(created).sort()).toEqual(["id", "status"]);
    expect(created.status).toBe("created");

    // The same request again: the original lead is the answer.
    const again = await post(intakeRequest(payload, { key: key.key, headers }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...created, status: "replayed" });

    const leads = await db.lead.findMany();
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      id: created.id,
      ownerId: owner.id,
      routedBy: "default_owner",
      source: "api",
      categoryId: category.id,
      submitterIp: "203.0.113.7",
    });
    expect((await db.channelKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();
  });
});

describe("intake API: rate limits (429)", () => {
  beforeEach(() => resetDatabase());

  const small: IntakeApiLimits = {
    perKey: { scope: "intake-api:key", limit: 2, windowMs: 60_000 },
    perIp: { scope: "intake-api:ip", limit: 100, windowMs: 60_000 },
  };

  it("limits per key with Retry-After, whatever the caller's address", async () => {
    const { key } = await createApiChannel(db);
    expect((await post(intakeRequest(body(), { key: key.key }), "198.51.100.1", small)).status).toBe(201);
    expect((await post(intakeRequest(body(), { key: key.key }), "198.51.100.2", small)).status).toBe(201);
    const limited = await post(intakeRequest(body(), { key: key.key }), "198.51.100.3", small);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: "rate_limited", retryAfter });
    expect(await db.lead.count()).toBe(2);

    // Another key is not affected.
    const other = await createApiChannel(db);
    expect((await post(intakeRequest(body(), { key: other.key.key }), "198.51.100.3", small)).status).toBe(201);
  });

  it("limits key guessing per client IP without throttling authenticated relays", async () => {
    const limits: IntakeApiLimits = {
      ...small,
      perKey: { ...small.perKey, limit: 100 },
      perIp: { ...small.perIp, limit: 2 },
    };
    const { key } = await createApiChannel(db);
    // A server relaying many leads with a valid key is bound by the per-key limit only.
    for (let i = 0; i < 4; i++) {
      expect((await post(intakeRequest(body(), { key: key.key }), "192.0.2.9", limits)).status).toBe(201);
    }
    expect((await post(intakeRequest(body(), { key: "rk_guessing" }), "192.0.2.9", limits)).status).toBe(401);
    expect((await post(intakeRequest(body(), { key: "rk_guessing2" }), "192.0.2.9", limits)).status).toBe(401);
    // Two wrong keys used up the address's allowance: now even a valid key waits.
    const limited = await post(intakeRequest(body(), { key: key.key }), "192.0.2.9", limits);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await post(intakeRequest(body(), { key: key.key }), "192.0.2.10", limits)).status).toBe(201);
  });

  it("uses the generous defaults: 600 per key and 120 per IP a minute", async () => {
    const { INTAKE_API_LIMITS } = await import("./intake-api.server.ts");
    expect(INTAKE_API_LIMITS.perKey).toMatchObject({ limit: 600, windowMs: 60_000 });
    expect(INTAKE_API_LIMITS.perIp).toMatchObject({ limit: 120, windowMs: 60_000 });
  });
});

describe("intake API: CORS", () => {
  beforeEach(() => resetDatabase());

  it("echoes an allowed origin on the POST, with Vary: Origin", async () => {
    const { key } = await createApiChannel(db, { allowedOrigins: [SITE, "http://localhost:8080"] });
    const response = await post(intakeRequest(body(), { key: key.key, origin: SITE }));
    expect(response.status).toBe(201);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(SITE);
    expect(response.headers.get("Vary")).toContain("Origin");
    expect(response.headers.get("Access-Control-Expose-Headers")).toContain("Retry-After");
  });

  it("refuses with 403 an origin the key's category does not list, even if another category does", async () => {
    const { key } = await createApiChannel(db, { allowedOrigins: [SITE] });
    await createApiChannel(db, { allowedOrigins: [OTHER_SITE] });
    const response = await post(intakeRequest(body(), { key: key.key, origin: OTHER_SITE }));
    expect(response.status).toBe(403);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect((await response.json()).error).toBe("origin_not_allowed");
    expect(await db.lead.count()).toBe(0);
  });

  it("needs no CORS for server-to-server calls (no Origin) or our own origin", async () => {
    const { key } = await createApiChannel(db);
    const server = await post(intakeRequest(body(), { key: key.key }));
    expect(server.status).toBe(201);
    expect(server.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const sameOrigin = await post(intakeRequest(body(), { key: key.key, origin: "http://crm.test" }));
    expect(sameOrigin.status).toBe(201);
  });

  it("lets an allowed page read error responses too (401, 422)", async () => {
    const { key } = await createApiChannel(db, { allowedOrigins: [SITE] });
    const unauthorised = await post(intakeRequest(body(), { key: "rk_nope", origin: SITE }));
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.headers.get("Access-Control-Allow-Origin")).toBe(SITE);
    const invalid = await post(intakeRequest({}, { key: key.key, origin: SITE }));
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("Access-Control-Allow-Origin")).toBe(SITE);
    const stranger = await post(intakeRequest(body(), { key: "rk_nope", origin: OTHER_SITE }));
    expect(stranger.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("answers a preflight from an origin of any active category with 204 and the allowed methods and headers", async () => {
    await createApiChannel(db, { allowedOrigins: ["https://a.example.cn"] });
    await createApiChannel(db, { allowedOrigins: [`${SITE}/`, "  https://b.example.cn:8443  "] });
    for (const origin of ["https://a.example.cn", SITE, "https://b.example.cn:8443"]) {
      const response = await handleIntakePreflight(preflightRequest(origin), { db });
      expect(response.status, origin).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe(origin);
      expect(response.headers.get("Access-Control-Allow-Methods")).toBe("POST, OPTIONS");
      expect(response.headers.get("Access-Control-Allow-Headers")).toBe("Authorization, Content-Type, Idempotency-Key");
      expect(response.headers.get("Vary")).toContain("Origin");
      expect(await response.text()).toBe("");
    }
  });

  it("refuses a preflight from an unknown origin, or one only an inactive category lists, with 403", async () => {
    await createApiChannel(db, { allowedOrigins: [SITE] });
    await createApiChannel(db, { allowedOrigins: ["https://retired.example.cn"], active: false });
    for (const origin of [OTHER_SITE, "https://retired.example.cn", "http://www.partner-site.cn", `${SITE}:444`]) {
      const response = await handleIntakePreflight(preflightRequest(origin), { db });
      expect(response.status, origin).toBe(403);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    }
  });
});

describe("intake API helpers", () => {
  it("picks the language from Accept-Language: zh* → zh-CN, else English", () => {
    const lang = (value?: string) =>
      apiLocale(new Request("http://x/", { headers: value === undefined ? {} : { "Accept-Language": value } }));
    expect(lang("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(lang("zh-TW")).toBe("zh-CN");
    expect(lang("zh")).toBe("zh-CN");
    expect(lang("en-US,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(lang("en;q=0.5, zh;q=0.9")).toBe("zh-CN");
    expect(lang("fr, de")).toBe("en");
    expect(lang("zh;q=0, en")).toBe("en");
    expect(lang(undefined)).toBe("en");
  });

  it("parses allowed origins: one per line, normalised, invalid lines ignored", () => {
    expect(
      parseAllowedOrigins(
        "https://Www.Example.cn/\r\n\nhttp://localhost:3000\nhttps://x.cn:443\nnot a url\nftp://x.cn\nhttps://a.cn/path",
      ),
    ).toEqual(["https://www.example.cn", "http://localhost:3000", "https://x.cn"]);
    expect(parseAllowedOrigins(null)).toEqual([]);
  });

  it("recognises JSON content types and valid idempotency keys", () => {
    expect(isJsonContentType("application/json; charset=utf-8")).toBe(true);
    expect(isJsonContentType("application/vnd.relay+json")).toBe(true);
    expect(isJsonContentType("text/plain")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
    expect(isValidIdempotencyKey("a")).toBe(true);
    expect(isValidIdempotencyKey("订单1")).toBe(false);
    expect(isValidIdempotencyKey(" ")).toBe(false);
    expect(isValidIdempotencyKey("x".repeat(191))).toBe(true);
  });

  it("answers other methods with 405 and Allow", async () => {
    const response = methodNotAllowed(new Request("http://x/api/v1/leads", { headers: { "Accept-Language": "zh" } }));
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST, OPTIONS");
    expect((await response.json()).message).toBe(zh("intake.api.methodNotAllowed"));
  });
});
