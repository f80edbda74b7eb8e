import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { startResendStandIn, type ResendStandIn } from "#tests/stand-ins/resend-stand-in.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { deliverPendingEmails, MAX_ATTEMPTS, retryDelayMs, SEND_ALONE } from "./delivery.server.ts";
import { sendEmail } from "./send-email.server.ts";

const MINUTE = 60_000;
let standIn: ResendStandIn;

function queueTestMail(to = "wang.fang@example.com", recipientName = "王芳") {
  return sendEmail(db, {
    to,
    template: "test-message",
    props: { recipientName, requestedBy: "管理员", sentAt: new Date(), channel: "resend" },
    locale: "zh-CN",
  });
}

function useResend(overrides: { apiKey?: string; timeoutMs?: number } = {}) {
  process.env.RESEND_API_KEY = overrides.apiKey ?? standIn.apiKey;
  process.env.RESEND_BASE_URL = standIn.url;
  if (overrides.timeoutMs) process.env.RESEND_TIMEOUT_MS = String(overrides.timeoutMs);
}

const after = (base: Date, ms: number) => new Date(base.getTime() + ms);

beforeAll(async () => {
  standIn = await startResendStandIn();
});

beforeEach(async () => {
  await resetDatabase();
  standIn.reset();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  delete process.env.RESEND_TIMEOUT_MS;
});

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  delete process.env.RESEND_TIMEOUT_MS;
});

afterAll(async () => {
  await standIn.close();
  await db.$disconnect();
});

describe("deliverPendingEmails without RESEND_API_KEY", () => {
  it("moves due mail to the dev inbox and calls no provider", async () => {
    const a = await queueTestMail();
    const b = await queueTestMail("li.na@example.com", "李娜");
    const result = await deliverPendingEmails(db, "worker-dev");
    expect(result).toEqual({ delivered: 2, failed: 0 });
    for (const id of [a.id, b.id]) {
      const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        status: "dev",
        attempts: 1,
        lockedBy: null,
        lockedAt: null,
        providerMessageId: null,
      });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    expect(standIn.requests).toHaveLength(0);
    expect(await deliverPendingEmails(db, "worker-dev")).toEqual({ delivered: 0, failed: 0 });
  });
});

describe("deliverPendingEmails through Resend (loopback stand-in)", () => {
  it("posts the rendered mail with auth and idempotency headers and records Resend's id", async () => {
    useResend();
    const queued = await queueTestMail();
    expect(await deliverPendingEmails(db, "worker-1")).toEqual({ delivered: 1, failed: 0 });

    expect(standIn.requests).toHaveLength(1);
    const request = standIn.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.authorization).toBe(`Bearer ${standIn.apiKey}`);
    expect(request.idempotencyKey).toBe(`outbox-${queued.id}`);
    expect(request.headers["content-type"]).toContain("application/json");
    expect(request.body).toMatchObject({
      from: env.MAIL_FROM,
      to: ["wang.fang@example.com"],
      subject: "接力 CRM 测试邮件",
    });
    const body = request.body as { html: string; text: string };
    expect(body.html).toContain("王芳，你好");
    expect(body.html).toContain("<!DOCTYPE html");
    expect(body.text).toContain("王芳，你好");
    expect(body.text).not.toContain("<");

    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({
      status: "sent",
      attempts: 1,
      providerMessageId: request.id,
      lastError: null,
      lockedBy: null,
    });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("retries a 500 with backoff and succeeds on the next due attempt", async () => {
    useResend();
    const queued = await queueTestMail();
    standIn.enqueue({ status: 500 });
    const t0 = new Date();

    expect(await deliverPendingEmails(db, "worker-1", { now: t0 })).toEqual({ delivered: 0, failed: 1 });
    let row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("HTTP 500");
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + MINUTE);
    expect(row.lockedBy).toBeNull();

    // Not due yet: nothing is claimed or sent.
    expect(await deliverPendingEmails(db, "worker-1", { now: after(t0, 30_000) })).toEqual({ delivered: 0, failed: 0 });
    expect(standIn.requests).toHaveLength(1);

    expect(await deliverPendingEmails(db, "worker-1", { now: after(t0, MINUTE + 1) })).toEqual({
      delivered: 1,
      failed: 0,
    });
    row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
      providerMessageId: standIn.accepted[0]!.id,
    });
    expect(standIn.requests.map((r) => r.status)).toEqual([500, 200]);
    // The retry carries the same key, so Resend would not send twice had the first call got through.
    expect(new Set(standIn.requests.map((r) => r.idempotencyKey))).toEqual(new Set([`outbox-${queued.id}`]));
  });

  it("backs off 1, 2, 4 … minutes and gives up after the last attempt", async () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE]);
    expect(retryDelayMs(20)).toBe(60 * MINUTE);

    useResend();
    const queued = await queueTestMail();
    standIn.enqueue(...Array.from({ length: MAX_ATTEMPTS }, () => ({ status: 503 })));
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverPendingEmails(db, "worker-1", { now })).toEqual({ delivered: 0, failed: 1 });
      const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe("pending");
        expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(attempt));
        now = row.nextAttemptAt;
      } else {
        expect(row.status).toBe("failed");
        expect(row.lastError).toContain(`attempt ${MAX_ATTEMPTS}: HTTP 503`);
      }
    }
    expect(await deliverPendingEmails(db, "worker-1", { now: after(now, 24 * 60 * MINUTE) })).toEqual({
      delivered: 0,
      failed: 0,
    });
    expect(standIn.requests).toHaveLength(MAX_ATTEMPTS);
  });

  it("honours Retry-After on 429 when it asks for longer than the backoff", async () => {
    useResend();
    const queued = await queueTestMail();
    standIn.enqueue({ status: 429, headers: { "Retry-After": "300" } });
    const t0 = new Date();
    await deliverPendingEmails(db, "worker-1", { now: t0 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.status).toBe("pending");
    expect(row.lastError).toContain("rate_limit_exceeded");
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 5 * MINUTE);
  });

  it("fails a 422 permanently without retrying", async () => {
    useResend();
    const queued = await queueTestMail();
    standIn.enqueue({ status: 422, name: "validation_error", message: "Invalid `to` field." });
    const t0 = new Date();
    expect(await deliverPendingEmails(db, "worker-1", { now: t0 })).toEqual({ delivered: 0, failed: 1 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 1, lockedBy: null, sentAt: null });
    expect(row.lastError).toContain("HTTP 422 validation_error: Invalid `to` field.");

    expect(await deliverPendingEmails(db, "worker-1", { now: after(t0, 24 * 60 * MINUTE) })).toEqual({
      delivered: 0,
      failed: 0,
    });
    expect(standIn.requests).toHaveLength(1);
  });

  it("fails permanently when Resend rejects the API key", async () => {
    useResend({ apiKey: "re_wrong" });
    const queued = await queueTestMail();
    await deliverPendingEmails(db, "worker-1");
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain("HTTP 403 invalid_api_key");
  });

  it("treats a timeout as retryable", async () => {
    useResend({ timeoutMs: 150 });
    const queued = await queueTestMail();
    standIn.enqueue({ status: 200, delayMs: 1_000 });
    const t0 = new Date();
    expect(await deliverPendingEmails(db, "worker-1", { now: t0 })).toEqual({ delivered: 0, failed: 1 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.status).toBe("pending");
    expect(row.lastError).toMatch(/network: .*(Timeout|abort)/i);
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + MINUTE);
  });

  it("releases rows stuck in `sending` by a dead worker, but not fresh claims", async () => {
    useResend();
    const stuck = await queueTestMail("stuck@example.com");
    const fresh = await queueTestMail("fresh@example.com");
    const now = new Date();
    await db.emailOutbox.update({
      where: { id: stuck.id },
      data: { status: "sending", attempts: 1, lockedBy: "dead-worker", lockedAt: after(now, -11 * MINUTE) },
    });
    await db.emailOutbox.update({
      where: { id: fresh.id },
      data: { status: "sending", attempts: 1, lockedBy: "busy-worker", lockedAt: after(now, -1 * MINUTE) },
    });

    expect(await deliverPendingEmails(db, "worker-2", { now })).toEqual({ delivered: 1, failed: 0 });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({
      status: "sent",
      attempts: 2,
    });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({
      status: "sending",
      lockedBy: "busy-worker",
    });
    expect(standIn.requests.map((r) => r.idempotencyKey)).toEqual([`outbox-${stuck.id}`]);
  });

  it("renews its claim before each single send and skips a row another worker took back meanwhile", async () => {
    useResend();
    const first = await queueTestMail("first@example.com");
    const second = await queueTestMail("second@example.com");
    // Rows marked to go alone (attachments, or a batch Resend refused) are sent one call each.
    await db.emailOutbox.updateMany({ data: { batchKey: SEND_ALONE } });
    // The first send is slow; while it runs, the second row's stale claim is taken over by worker-b
    // (what releaseStaleSending + a claim do when worker-a's lock expired).
    standIn.setLatency(400);
    const delivering = deliverPendingEmails(db, "worker-a", { limit: 2 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await db.emailOutbox.update({ where: { id: second.id }, data: { lockedBy: "worker-b", lockedAt: new Date() } });
    expect(await delivering).toEqual({ delivered: 1, failed: 0 });
    expect(standIn.requests.map((r) => r.idempotencyKey)).toEqual([`outbox-${first.id}`]);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "sending",
      lockedBy: "worker-b",
    });
  });

  it("reclaims a dead worker's row after the configured visibility timeout", async () => {
    useResend();
    const stuck = await queueTestMail("stuck@example.com");
    const now = new Date();
    await db.emailOutbox.update({
      where: { id: stuck.id },
      data: { status: "sending", attempts: 1, lockedBy: "killed-worker", lockedAt: after(now, -20_000) },
    });
    expect(await deliverPendingEmails(db, "worker-2", { now })).toEqual({ delivered: 0, failed: 0 });
    process.env.MAIL_SENDING_VISIBILITY_MS = "15000";
    try {
      expect(await deliverPendingEmails(db, "worker-2", { now })).toEqual({ delivered: 1, failed: 0 });
    } finally {
      delete process.env.MAIL_SENDING_VISIBILITY_MS;
    }
  });

  it("never delivers the same row twice when workers run concurrently", async () => {
    useResend();
    const total = 30;
    const ids: number[] = [];
    for (let i = 0; i < total; i++) ids.push((await queueTestMail(`user${i}@example.com`, `用户${i}`)).id);
    // Slow answers keep claims open while the other workers look for rows.
    standIn.setLatency(15);

    let delivered = 0;
    for (let round = 0; round < 5 && delivered < total; round++) {
      const results = await Promise.all(
        ["a", "b", "c", "d"].map((w) => deliverPendingEmails(db, `worker-${w}`, { limit: 6 })),
      );
      delivered += results.reduce((sum, r) => sum + r.delivered, 0);
    }

    expect(delivered).toBe(total);
    // Each worker sends its claim as one batch: fewer calls than mails, every mail accepted once.
    expect(standIn.requests.length).toBeLessThan(total);
    expect(standIn.accepted).toHaveLength(total);
    expect(new Set(standIn.accepted.map((r) => JSON.stringify((r.body as { to: unknown }).to))).size).toBe(total);
    const rows = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.providerMessageId)).size).toBe(total);
  });
});
