import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startResendStandIn, type ResendStandIn } from "#tests/stand-ins/resend-stand-in.ts";
import { isRetryableStatus, sendViaResend, type OutgoingEmail } from "./resend-transport.server.ts";

let standIn: ResendStandIn;
const email: OutgoingEmail = {
  from: "接力 CRM <noreply@relay-crm.example>",
  to: "a@example.com",
  subject: "Hi",
  html: "<p>Hi</p>",
  text: "Hi",
  idempotencyKey: "outbox-1",
};

beforeAll(async () => {
  standIn = await startResendStandIn();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

const config = () => ({ apiKey: standIn.apiKey, baseUrl: standIn.url, timeoutMs: 2_000 });

describe("isRetryableStatus", () => {
  it("retries rate limits, server errors and in-flight idempotent requests only", () => {
    expect([429, 500, 502, 503, 504].every((s) => isRetryableStatus(s))).toBe(true);
    expect([400, 401, 403, 404, 422].some((s) => isRetryableStatus(s))).toBe(false);
    expect(isRetryableStatus(409, "concurrent_idempotent_requests")).toBe(true);
    expect(isRetryableStatus(409, "invalid_idempotent_request")).toBe(false);
  });
});

describe("sendViaResend against the stand-in", () => {
  it("returns Resend's id, and the same id for a replay of the same key", async () => {
    const first = await sendViaResend(config(), email);
    const replay = await sendViaResend(config(), email);
    expect(first).toEqual({ ok: true, providerMessageId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(replay).toEqual(first);
    expect(standIn.accepted).toHaveLength(1);
  });

  it("is a permanent failure when the same key comes with a different payload", async () => {
    await sendViaResend(config(), email);
    const result = await sendViaResend(config(), { ...email, subject: "Changed" });
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining("409 invalid_idempotent_request"),
    });
  });

  it("accepts a base URL with a trailing slash", async () => {
    const result = await sendViaResend({ ...config(), baseUrl: `${standIn.url}/` }, email);
    expect(result.ok).toBe(true);
    expect(standIn.requests[0]!.path).toBe("/emails");
  });

  it("treats an unreadable success body as retryable", async () => {
    standIn.enqueue({ status: 200, rawBody: "<html>gateway</html>" });
    expect(await sendViaResend(config(), email)).toMatchObject({ ok: false, retryable: true });
  });

  it("treats a refused connection as retryable", async () => {
    const closed = await startResendStandIn();
    const url = closed.url;
    await closed.close();
    expect(await sendViaResend({ ...config(), baseUrl: url }, email)).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining("network"),
    });
  });
});

describe("the stand-in's contract", () => {
  const post = (body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${standIn.apiKey}` }) =>
    fetch(`${standIn.url}/emails`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("requires a Bearer key: 401 without, 403 with a wrong one, in Resend's error shape", async () => {
    const missing = await post({ from: "a@b.co", to: "c@d.co", subject: "s", text: "t" }, {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ statusCode: 401, name: "missing_api_key", message: expect.any(String) });
    const wrong = await post(
      { from: "a@b.co", to: "c@d.co", subject: "s", text: "t" },
      { Authorization: "Bearer re_nope" },
    );
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
  });

  it("answers 422 for missing or invalid fields", async () => {
    const missing = await post({ from: "a@b.co", subject: "s", text: "t" });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({
      statusCode: 422,
      name: "missing_required_field",
      message: expect.stringContaining("to"),
    });
    const invalid = await post({ from: "a@b.co", to: 42, subject: "s", text: "t" });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ statusCode: 422, name: "validation_error" });
    const noBody = await post({ from: "a@b.co", to: "c@d.co", subject: "s" });
    expect(noBody.status).toBe(422);
  });

  it("answers {id} for a valid request and 404 elsewhere", async () => {
    const ok = await post({ from: "a@b.co", to: ["c@d.co"], subject: "s", html: "<p>t</p>" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: expect.any(String) });
    const other = await fetch(`${standIn.url}/domains`);
    expect(other.status).toBe(404);
  });
});
