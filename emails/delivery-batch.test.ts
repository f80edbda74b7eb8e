import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { startResendStandIn, type ReceivedRequest, type ResendStandIn } from "#tests/stand-ins/resend-stand-in.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { deliverPendingEmails, retryDelayMs, STALE_SENDING_MS } from "./delivery.server.ts";

// Batch sending through the `resend` SDK (decision 055): up to 100 mails per call, each batch
// recorded on its rows before the call so a retry after a crash replays the same Idempotency-Key.

const MINUTE = 60_000;
let standIn: ResendStandIn;

/** Rendered mail straight into the outbox (what sendEmail writes), `count` recipients. */
async function queueMails(count: number, extra: { attachments?: unknown } = {}): Promise<number[]> {
  const start = (await db.emailOutbox.count()) + 1;
  await db.emailOutbox.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      toAddress: `user${start + i}@example.com`,
      subject: `第 ${start + i} 封`,
      html: `<p>${start + i}</p>`,
      text: `${start + i}`,
      template: "test-message",
      nextAttemptAt: new Date(Date.now() - 1_000),
      ...(extra.attachments ? { attachments: extra.attachments as object } : {}),
    })),
  });
  const rows = await db.emailOutbox.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  return rows.slice(-count).map((r) => r.id);
}

const batchCalls = () => standIn.requests.filter((r) => r.path === "/emails/batch");
const sizeOf = (r: ReceivedRequest) => (Array.isArray(r.body) ? r.body.length : 0);
const acceptedTo = () => standIn.accepted.map((r) => (r.body as { to: string[] }).to[0]);

beforeAll(async () => {
  standIn = await startResendStandIn();
});

beforeEach(async () => {
  await resetDatabase();
  standIn.reset();
  process.env.RESEND_API_KEY = standIn.apiKey;
  process.env.RESEND_BASE_URL = standIn.url;
});

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
});

afterAll(async () => {
  await standIn.close();
  await db.$disconnect();
});

describe("batch sending", () => {
  it("sends 250 mails in 3 calls of 100, 100 and 50, each row with its own provider id", async () => {
    const ids = await queueMails(250);
    expect(await deliverPendingEmails(db, "w", { limit: 250 })).toEqual({ delivered: 250, failed: 0 });

    expect(standIn.requests.map((r) => [r.path, sizeOf(r)])).toEqual([
      ["/emails/batch", 100],
      ["/emails/batch", 100],
      ["/emails/batch", 50],
    ]);
    const keys = standIn.requests.map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    expect(standIn.requests.every((r) => r.authorization === `Bearer ${standIn.apiKey}`)).toBe(true);

    const rows = await db.emailOutbox.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(rows.every((r) => r.status === "sent" && r.lockedBy === null && r.sentAt !== null)).toBe(true);
    // The answer's ids are in request order: each row gets the id of its own mail.
    const idByAddress = new Map(standIn.accepted.map((r) => [(r.body as { to: string[] }).to[0], r.id]));
    expect(rows.every((r) => r.providerMessageId === idByAddress.get(r.toAddress))).toBe(true);
    expect(standIn.accepted).toHaveLength(250);
  });

  it("claims one full batch per pass by default", async () => {
    await queueMails(130);
    expect(await deliverPendingEmails(db, "w")).toEqual({ delivered: 100, failed: 0 });
    expect(await deliverPendingEmails(db, "w")).toEqual({ delivered: 30, failed: 0 });
    expect(batchCalls().map(sizeOf)).toEqual([100, 30]);
  });

  it("never sends twice when the worker dies between Resend's answer and the recording", async () => {
    const ids = await queueMails(150);
    // A process killed after the call: the statement that records the batch as sent never runs.
    const killed = new Proxy(db, {
      get(target, prop) {
        if (prop === "$executeRaw") return () => Promise.reject(new Error("killed"));
        const value: unknown = Reflect.get(target, prop);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const t0 = new Date();
    await expect(deliverPendingEmails(killed, "dead", { limit: 150, now: t0 })).rejects.toThrow("killed");
    expect(standIn.accepted).toHaveLength(100);
    const firstKey = standIn.requests[0]!.idempotencyKey;

    // After the visibility timeout another worker takes the rows back. It claims only 60 due rows,
    // but a recorded batch is retried whole: the other 40 come with it, same key, same body.
    const later = new Date(t0.getTime() + STALE_SENDING_MS + 1_000);
    expect(await deliverPendingEmails(db, "w2", { limit: 60, now: later })).toEqual({ delivered: 100, failed: 0 });
    const replay = standIn.requests[1]!;
    expect(replay.idempotencyKey).toBe(firstKey);
    expect(JSON.stringify(replay.body)).toBe(JSON.stringify(standIn.requests[0]!.body));
    expect(standIn.accepted).toHaveLength(100);

    expect(await deliverPendingEmails(db, "w2", { now: later })).toEqual({ delivered: 50, failed: 0 });
    expect(standIn.accepted).toHaveLength(150);
    expect(new Set(acceptedTo()).size).toBe(150);
    const rows = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    // The replayed batch's rows carry the ids of the first (and only) send.
    const firstIds = new Set(standIn.accepted.slice(0, 100).map((r) => r.id));
    expect(rows.filter((r) => firstIds.has(r.providerMessageId ?? "")).length).toBe(100);
  });

  it("retries a batch refused with 429 or 5xx later, with backoff, as the same batch", async () => {
    const ids = await queueMails(40);
    standIn.enqueue({ status: 429, headers: { "Retry-After": "300" } }, { status: 503 });
    const t0 = new Date();
    expect(await deliverPendingEmails(db, "w", { now: t0 })).toEqual({ delivered: 0, failed: 40 });
    let rows = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    // Retry-After (5 min) is longer than the first backoff (1 min): it wins.
    expect(rows.every((r) => r.status === "pending" && r.nextAttemptAt.getTime() === t0.getTime() + 5 * MINUTE)).toBe(
      true,
    );
    expect(rows[0]!.lastError).toContain("HTTP 429 rate_limit_exceeded");

    // Not due yet: nothing is sent.
    expect(await deliverPendingEmails(db, "w", { now: new Date(t0.getTime() + MINUTE) })).toEqual({
      delivered: 0,
      failed: 0,
    });
    const t1 = new Date(t0.getTime() + 5 * MINUTE);
    expect(await deliverPendingEmails(db, "w", { now: t1 })).toEqual({ delivered: 0, failed: 40 });
    rows = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.nextAttemptAt.getTime() === t1.getTime() + retryDelayMs(2))).toBe(true);

    const t2 = new Date(t1.getTime() + retryDelayMs(2));
    expect(await deliverPendingEmails(db, "w", { now: t2 })).toEqual({ delivered: 40, failed: 0 });
    expect(standIn.requests.map((r) => r.status)).toEqual([429, 503, 200]);
    expect(new Set(standIn.requests.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(new Set(standIn.requests.map((r) => JSON.stringify(r.body))).size).toBe(1);
    rows = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 3)).toBe(true);
  });

  it("sends each mail alone when strict validation refuses the batch, so only the bad one fails", async () => {
    const ids = await queueMails(3);
    await db.emailOutbox.update({ where: { id: ids[1]! }, data: { toAddress: "x" } });
    const t0 = new Date();
    expect(await deliverPendingEmails(db, "w", { now: t0 })).toEqual({ delivered: 0, failed: 3 });
    expect(standIn.requests[0]).toMatchObject({ path: "/emails/batch", status: 422 });
    expect(standIn.accepted).toHaveLength(0);

    expect(await deliverPendingEmails(db, "w", { now: t0 })).toEqual({ delivered: 2, failed: 1 });
    expect(standIn.requests.slice(1).map((r) => r.path)).toEqual(["/emails", "/emails", "/emails"]);
    const rows = await db.emailOutbox.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "failed", "sent"]);
  });

  it("sends mail with attachments alone (the batch endpoint refuses them) and the rest in a batch", async () => {
    const plain = await queueMails(3);
    const [withFile] = await queueMails(1, {
      attachments: [{ filename: "报价单.pdf", contentType: "application/pdf", contentBase64: "JVBERi0=" }],
    });
    expect(await deliverPendingEmails(db, "w")).toEqual({ delivered: 4, failed: 0 });
    expect(standIn.requests.map((r) => [r.path, r.idempotencyKey?.startsWith("outbox-batch-")])).toEqual([
      ["/emails/batch", true],
      ["/emails", false],
    ]);
    expect(standIn.requests[1]!.idempotencyKey).toBe(`outbox-${withFile}`);
    expect(standIn.requests[1]!.body).toMatchObject({ attachments: [{ filename: "报价单.pdf", content: "JVBERi0=" }] });
    expect(sizeOf(standIn.requests[0]!)).toBe(plain.length);
  });
});

describe("the stand-in's batch contract", () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${standIn.url}/emails/batch`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${standIn.apiKey}`, ...headers },
      body: JSON.stringify(body),
    });
  const mail = (to: string) => ({ from: "a@b.co", to: [to], subject: "s", text: "t" });

  it("refuses attachments, more than 100 mails and a reused key with another body", async () => {
    const withFile = await post([{ ...mail("c@d.co"), attachments: [{ filename: "a.txt", content: "YQ==" }] }]);
    expect(withFile.status).toBe(422);
    expect(await withFile.json()).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect((await post(Array.from({ length: 101 }, () => mail("c@d.co")))).status).toBe(422);

    const first = await post([mail("c@d.co")], { "Idempotency-Key": "k1" });
    const replay = await post([mail("c@d.co")], { "Idempotency-Key": "k1" });
    expect(await replay.json()).toEqual(await first.json());
    const other = await post([mail("e@f.co")], { "Idempotency-Key": "k1" });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ name: "invalid_idempotent_request" });
    expect(standIn.accepted).toHaveLength(1);
  });

  it("sends the valid mails in permissive mode and lists the others", async () => {
    const response = await post([mail("c@d.co"), { from: "a@b.co", subject: "s" }], {
      "x-batch-validation": "permissive",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: [{ id: expect.any(String) }],
      errors: [{ index: 1, message: expect.any(String) }],
    });
  });
});
