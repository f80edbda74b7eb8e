import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { startResendStandIn, type ResendStandIn } from "#tests/stand-ins/resend-stand-in.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { deliverPendingEmails } from "./delivery.server.ts";
import { decodeProps, encodeProps } from "./queued-props.ts";
import { renderEmail } from "./render.server.ts";
import { sendEmail } from "./send-email.server.ts";

// Mail queued with render: "worker" (the intake's owner e-mail, issue #12 item 7): the transaction
// checks the props and writes the subject; the worker renders html and text before sending.

let standIn: ResendStandIn;
const submittedAt = new Date("2026-12-06T08:30:00Z");
const props = {
  ownerName: "王磊",
  leadNumber: "LEAD000000000042",
  who: "刘洋@北京星辰科技有限公司",
  contactName: "刘洋",
  companyName: "北京星辰科技有限公司",
  requirement: "需要 200 套标准版许可",
  items: [{ sku: "RLY-CRM-STD", name: "接力 CRM 标准版", quantity: 200 }],
  routedBy: "token-group" as const,
  leadUrl: "http://localhost:3000/crm/leads/42",
  submittedAt,
};

function queue(overrides: { render?: "now" | "worker"; idempotencyKey?: string } = {}) {
  return sendEmail(db, {
    to: "wang.lei@example.com",
    template: "lead-assigned",
    props,
    locale: "zh-CN",
    render: overrides.render ?? "worker",
    idempotencyKey: overrides.idempotencyKey,
  });
}

beforeAll(async () => {
  standIn = await startResendStandIn();
});

beforeEach(async () => {
  await resetDatabase();
  standIn.reset();
});

afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
});

afterAll(async () => {
  await standIn.close();
  await db.$disconnect();
});

describe("e-mail rendered by the worker", () => {
  it("stores props and subject in the transaction and renders the same message the request would have", async () => {
    const queued = await queue();
    expect(queued).toMatchObject({ html: "", text: "", locale: "zh-CN", status: "pending" });
    expect(queued.subject).toContain("LEAD000000000042");
    // Dates survive the JSON column.
    expect(decodeProps(queued.props)).toMatchObject({ submittedAt });

    process.env.RESEND_API_KEY = standIn.apiKey;
    process.env.RESEND_BASE_URL = standIn.url;
    expect(await deliverPendingEmails(db, "render-worker")).toEqual({ delivered: 1, failed: 0 });
    const sent = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    const expected = await renderEmail("lead-assigned", props, "zh-CN");
    expect(sent).toMatchObject({ status: "sent", subject: expected.subject, html: expected.html, text: expected.text });
    expect(standIn.accepted).toHaveLength(1);
    expect(standIn.accepted[0]!.body).toMatchObject({ subject: expected.subject, html: expected.html });
  });

  it("keeps the idempotency key's one-row promise and renders in the dev inbox too", async () => {
    const first = await queue({ idempotencyKey: "lead-42-owner" });
    const again = await queue({ idempotencyKey: "lead-42-owner" });
    expect(again.id).toBe(first.id);
    expect(await db.emailOutbox.count()).toBe(1);
    expect(await deliverPendingEmails(db, "render-worker")).toEqual({ delivered: 1, failed: 0 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.status).toBe("dev");
    expect(row.text).toContain("需要 200 套标准版许可");
  });

  it("refuses bad props in the transaction, and fails a row whose stored props no longer render", async () => {
    await expect(
      sendEmail(db, {
        to: "wang.lei@example.com",
        template: "lead-assigned",
        props: { ...props, leadNumber: "" } as never,
        locale: "zh-CN",
        render: "worker",
      }),
    ).rejects.toThrow();
    expect(await db.emailOutbox.count()).toBe(0);

    const queued = await queue();
    await db.emailOutbox.update({ where: { id: queued.id }, data: { props: { ownerName: 42 } } });
    expect(await deliverPendingEmails(db, "render-worker")).toEqual({ delivered: 0, failed: 1 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/^render: /);
  });

  it("encodes nested dates and drops undefined fields", () => {
    const encoded = encodeProps({ a: new Date(0), list: [{ at: new Date(1000) }], gone: undefined, n: null });
    expect(encoded).toEqual({
      a: { $date: "1970-01-01T00:00:00.000Z" },
      list: [{ at: { $date: "1970-01-01T00:00:01.000Z" } }],
      n: null,
    });
    expect(decodeProps(encoded)).toEqual({ a: new Date(0), list: [{ at: new Date(1000) }], n: null });
  });
});
