import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { sendEmail } from "./send-email.server.ts";

const props = {
  recipientName: "王芳",
  requestedBy: "管理员",
  sentAt: new Date("2026-11-22T08:05:00Z"),
  channel: "dev-inbox" as const,
};

class Rollback extends Error {}

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("sendEmail", () => {
  it("renders and writes a pending outbox row inside the caller's transaction", async () => {
    const row = await db.$transaction(async (tx) => {
      const created = await sendEmail(tx, {
        to: " wang.fang@example.com ",
        template: "test-message",
        props,
        locale: "zh-CN",
      });
      // Visible inside the transaction already.
      expect(await tx.emailOutbox.count()).toBe(1);
      return created;
    });
    expect(row).toMatchObject({
      toAddress: "wang.fang@example.com",
      subject: "接力 CRM 测试邮件",
      template: "test-message",
      status: "pending",
      attempts: 0,
      idempotencyKey: null,
    });
    const stored = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.html).toContain("王芳，你好");
    expect(stored.text).toContain("王芳，你好");
    expect(stored.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("leaves no row when the business transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await sendEmail(tx, { to: "wang.fang@example.com", template: "test-message", props, locale: "en" });
        throw new Rollback("business rule failed after queueing the mail");
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("returns the existing row for a repeated idempotency key, in and across transactions", async () => {
    const input = {
      to: "zhang@example.com",
      template: "test-message",
      props,
      locale: "zh-CN",
      idempotencyKey: "test/staff-1/1",
    } as const;
    const first = await db.$transaction((tx) => sendEmail(tx, input));
    // Written by raw SQL on this path: the timestamps must still be UTC like Prisma's own writes.
    expect(Math.abs(first.nextAttemptAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(first.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const again = await db.$transaction(async (tx) => {
      const a = await sendEmail(tx, input);
      const b = await sendEmail(tx, { ...input, locale: "en" });
      return [a, b];
    });
    const outside = await sendEmail(db, input);
    for (const row of [...again, outside]) {
      expect(row.id).toBe(first.id);
      expect(row.subject).toBe("接力 CRM 测试邮件");
      expect(row.status).toBe("pending");
      expect(row.createdAt).toBeInstanceOf(Date);
    }
    expect(await db.emailOutbox.count()).toBe(1);
  });

  it("dedupes concurrent transactions that use the same key", async () => {
    const input = {
      to: "zhang@example.com",
      template: "test-message",
      props,
      locale: "zh-CN",
      idempotencyKey: "race/1",
    } as const;
    const rows = await Promise.all(
      Array.from({ length: 4 }, () =>
        db.$transaction(async (tx) => {
          // A read first, so each transaction's snapshot predates the others' commits.
          await tx.emailOutbox.count();
          return sendEmail(tx, input);
        }),
      ),
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(await db.emailOutbox.count()).toBe(1);
  });

  it("frees a key again when the transaction that used it rolled back", async () => {
    const input = {
      to: "zhang@example.com",
      template: "test-message",
      props,
      locale: "en",
      idempotencyKey: "rb/1",
    } as const;
    await expect(
      db.$transaction(async (tx) => {
        await sendEmail(tx, input);
        throw new Rollback("undo");
      }),
    ).rejects.toBeInstanceOf(Rollback);
    const row = await sendEmail(db, input);
    expect(row.subject).toBe("Relay CRM test message");
    expect(await db.emailOutbox.count()).toBe(1);
  });

  it("rejects an invalid recipient before writing anything", async () => {
    await expect(
      sendEmail(db, { to: "not-an-address", template: "test-message", props, locale: "zh-CN" }),
    ).rejects.toThrow();
    await expect(
      // @ts-expect-error: unknown template names are a type error and a runtime error
      sendEmail(db, { to: "a@example.com", template: "no-such-template", props, locale: "zh-CN" }),
    ).rejects.toThrow();
    expect(await db.emailOutbox.count()).toBe(0);
  });
});
