import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { decide } from "#app/modules/approvals/approvals.server.ts";
import { saveApprovalFlow } from "#app/modules/approvals/approval-flows.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import {
  createSalesCompany,
  createSalesContact,
  createSalesOpportunity,
  createSalesStaff,
  createSalesTeam,
} from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loadAcceptedQuote, markQuoteConsumed } from "./quote-accepted.server.ts";
import { addDays, businessDay } from "./quote-dates.ts";
import type { QuoteLineAddInput } from "./quote-input.ts";
import { addQuoteLine, editQuoteLine } from "./quote-lines.server.ts";
import { getQuoteDetail, listQuotes } from "./quote-read.server.ts";
import { quoteList } from "./quote-list-query.ts";
import { emailQuote, publishQuote } from "./quote-send.server.ts";
import { respondToQuote, zoneQuoteDetail } from "./quote-zone.server.ts";
import { createQuote, reviseQuote, submitQuote, updateQuoteHeader } from "./quotes.server.ts";

// The quote services against the real database: scope (own / team / all) on every read and change,
// lines priced to the fen, approval through the generic service (A AND B), versions (old ones read-
// only), publishing and the customer's answer (only when published, once, also under concurrency),
// the opportunity following the accepted quote, and the hand-over to contracts/orders.

async function world() {
  const team = await createSalesTeam(db);
  const manager = await createSalesStaff(db, "salesManager", { teamId: team.id });
  const rep = await createSalesStaff(db, "sales", { teamId: team.id });
  const other = await createSalesStaff(db, "sales");
  const admin = await createSalesStaff(db, "admin");
  const company = await createSalesCompany(db, { name: "苏州精工机械有限公司", ownerId: rep.staff.id });
  const contact = await createSalesContact(db, {
    fullName: "王经理",
    email: "wang@example.com",
    companyId: company.id,
    ownerId: rep.staff.id,
  });
  const balancer = await db.product.create({
    data: { sku: "BAL-160", name: "动平衡机", unit: "台", unitPrice: "12800.00" },
  });
  const pens = await db.product.create({
    data: {
      sku: "PEN-1",
      name: "记号笔",
      unit: "支",
      unitPrice: "0.10",
      priceIncludesTax: false,
      packagings: {
        create: [
          { unit: "包", contains: 100, ofUnit: "支", position: 0 },
          { unit: "箱", contains: 50, ofUnit: "包", position: 1 },
        ],
      },
    },
  });
  await db.priceScheme.create({
    data: {
      name: "平衡机阶梯价",
      productId: balancer.id,
      status: "approved",
      shared: true,
      tiers: { create: [{ minQuantity: 5, discountBp: 1000 }] },
    },
  });
  return { team, manager, rep, other, admin, company, contact, balancer, pens };
}
type World = Awaited<ReturnType<typeof world>>;

const validUntil = () => addDays(businessDay(new Date()), 30);

async function newQuote(w: World, actor: StaffActor = w.rep.actor, extra: { opportunityId?: number | null } = {}) {
  const r = await createQuote(db, actor, {
    title: "平衡机报价",
    companyId: w.company.id,
    contactId: w.contact.id,
    opportunityId: extra.opportunityId ?? null,
    validUntil: validUntil(),
    terms: "1. 交货期：30 日",
    remark: null,
    templateId: null,
    copyItems: false,
  });
  if (r.status !== "ok") throw new Error(JSON.stringify(r));
  return r.value.id;
}

async function stamp(id: number) {
  return (await db.quote.findUniqueOrThrow({ where: { id } })).updatedAt;
}

function line(productId: number | null, quantity: number, extra: Partial<QuoteLineAddInput> = {}): QuoteLineAddInput {
  return {
    version: new Date(),
    productId,
    name: null,
    unit: null,
    quantity,
    unitPrice: null,
    discountPercent: 0,
    taxRate: null,
    ...extra,
  };
}

async function add(id: number, actor: StaffActor, input: QuoteLineAddInput) {
  return addQuoteLine(db, actor, id, { ...input, version: await stamp(id) });
}

async function zoneFor(companyId: number) {
  return db.zone.upsert({ where: { companyId }, update: {}, create: { companyId, name: "精工专区" } });
}

async function memberContext(companyId: number) {
  const { member } = await createTestMember(db, { level: "customer" });
  return { member: { id: member.id, nickname: member.nickname }, zone: { companyId } };
}

/** Draft with one line → approved (no flow configured) → published to the zone. */
async function publishedQuote(w: World, opportunityId: number | null = null) {
  const id = await newQuote(w, w.rep.actor, { opportunityId });
  expect((await add(id, w.rep.actor, line(w.balancer.id, 5))).status).toBe("ok");
  expect(await submitQuote(db, w.rep.actor, id, { version: await stamp(id) })).toMatchObject({
    status: "ok",
    value: { status: "approved" },
  });
  await zoneFor(w.company.id);
  expect((await publishQuote(db, w.rep.actor, id, { version: await stamp(id) })).status).toBe("ok");
  return id;
}

describe("quotes", () => {
  beforeEach(() => resetDatabase());

  it("numbers quotes QUOT+date and keeps every read and change within scope (own / team / all)", async () => {
    const w = await world();
    const id = await newQuote(w);
    const q = await db.quote.findUniqueOrThrow({ where: { id } });
    expect(q.number).toMatch(/^QUOT\d{8}\d{4}$/);
    expect(q.currentKey).toBe(q.number);

    const list = (actor: StaffActor) => listQuotes(db, actor, quoteList.parse(new URLSearchParams()));
    expect((await list(w.rep.actor)).rows.map((r) => r.id)).toEqual([id]);
    expect((await list(w.manager.actor)).rows.map((r) => r.id)).toEqual([id]);
    expect((await list(w.admin.actor)).rows.map((r) => r.id)).toEqual([id]);
    expect((await list(w.other.actor)).rows).toEqual([]);

    expect(await getQuoteDetail(db, w.other.actor, id)).toBeNull();
    expect((await getQuoteDetail(db, w.manager.actor, id))?.may.edit).toBe(true);
    // Someone outside the scope learns nothing, and nothing changes.
    expect((await add(id, w.other.actor, line(w.balancer.id, 1))).status).toBe("not-found");
    expect((await submitQuote(db, w.other.actor, id, { version: await stamp(id) })).status).toBe("not-found");
    expect(await db.quoteLine.count()).toBe(0);
    // A company outside the actor's scope cannot be quoted.
    const foreign = await createSalesCompany(db, { ownerId: w.other.staff.id });
    const refused = await createQuote(db, w.rep.actor, {
      title: "x",
      companyId: foreign.id,
      contactId: null,
      opportunityId: null,
      validUntil: validUntil(),
      terms: "",
      remark: null,
      templateId: null,
      copyItems: false,
    });
    expect(refused).toMatchObject({ status: "invalid", fieldErrors: { companyId: ["quotes.error.company"] } });
  });

  it("prices lines to the fen (scheme tier, packaging, typed price, free line) and totals them", async () => {
    const w = await world();
    const id = await newQuote(w);
    expect((await add(id, w.rep.actor, line(w.balancer.id, 5))).status).toBe("ok");
    expect((await add(id, w.rep.actor, line(w.pens.id, 3, { unit: "箱" }))).status).toBe("ok");
    expect(
      (await add(id, w.rep.actor, line(null, 1, { name: "安装调试", unitPrice: 300_000, taxRate: 600 }))).status,
    ).toBe("ok");
    expect((await add(id, w.rep.actor, line(w.pens.id, 1, { unit: "吨" }))).status).toBe("invalid");

    const detail = await getQuoteDetail(db, w.rep.actor, id);
    const [bal, pen, install] = detail!.lines;
    expect(bal).toMatchObject({ unitPriceFen: 1_152_000, lineTotalFen: 5_760_000, discountBp: 1000 });
    // 3 箱 = 15,000 支 at ¥0.10 不含税: net ¥1,500.00, tax 13 % = ¥195.00.
    expect(pen).toMatchObject({ unit: "箱", unitPriceFen: 50_000, netFen: 150_000, taxFen: 19_500, grossFen: 169_500 });
    expect(install).toMatchObject({ lineTotalFen: 300_000, taxRateBp: 600 });
    const gross = detail!.lines.reduce((s, l) => s + l.grossFen, 0);
    expect(detail!.totalFen).toBe(gross);
    expect(detail!.netFen + detail!.taxFen).toBe(detail!.totalFen);

    // Editing with a stale version changes nothing.
    const stale = await editQuoteLine(db, w.rep.actor, id, {
      version: new Date(0),
      lineId: bal!.id,
      quantity: 1,
      unitPrice: null,
      discountPercent: 0,
    });
    expect(stale).toMatchObject({ status: "conflict", message: "quotes.error.conflict" });
    expect((await getQuoteDetail(db, w.rep.actor, id))!.totalFen).toBe(gross);
  });

  it("goes through the approval service: A AND B both approve, a rejection reopens the draft", async () => {
    const w = await world();
    const a = await createSalesStaff(db, "none");
    const b = await createSalesStaff(db, "none");
    const flow = await saveApprovalFlow(db, w.admin.actor, {
      itemType: "quote",
      active: true,
      steps: [{ mode: "and", staffIds: [a.staff.id, b.staff.id], roleIds: [] }],
    });
    expect(flow.status).toBe("ok");
    const id = await newQuote(w);
    expect(await submitQuote(db, w.rep.actor, id, { version: await stamp(id) })).toMatchObject({
      status: "conflict",
      message: "quotes.error.noLines",
    });
    await add(id, w.rep.actor, line(w.balancer.id, 1));
    expect(await submitQuote(db, w.rep.actor, id, { version: await stamp(id) })).toMatchObject({
      value: { status: "pending_approval" },
    });
    // Pending: read-only for its owner, not sendable.
    expect((await add(id, w.rep.actor, line(w.balancer.id, 1))).status).toBe("conflict");
    const request = await db.approvalRequest.findFirstOrThrow({ where: { itemType: "quote", itemId: id } });
    const vote = (actor: StaffActor, v: "approve" | "reject") =>
      db.$transaction((tx) => decide(tx, actor, request.id, v, null));
    expect((await vote(a.actor, "approve")).status).toBe("ok");
    expect((await db.quote.findUniqueOrThrow({ where: { id } })).status).toBe("pending_approval");
    expect((await vote(b.actor, "approve")).status).toBe("ok");
    expect((await db.quote.findUniqueOrThrow({ where: { id } })).status).toBe("approved");

    // A second quote: B rejects → rejected, editable and resubmittable.
    const second = await newQuote(w);
    await add(second, w.rep.actor, line(w.balancer.id, 2));
    await submitQuote(db, w.rep.actor, second, { version: await stamp(second) });
    const r2 = await db.approvalRequest.findFirstOrThrow({ where: { itemType: "quote", itemId: second } });
    await db.$transaction((tx) => decide(tx, b.actor, r2.id, "reject", "价格太低"));
    expect((await db.quote.findUniqueOrThrow({ where: { id: second } })).status).toBe("rejected");
    expect((await add(second, w.rep.actor, line(w.balancer.id, 1))).status).toBe("ok");
    expect((await submitQuote(db, w.rep.actor, second, { version: await stamp(second) })).status).toBe("ok");
  });

  it("revises into version n + 1; the old version is read-only and revises once", async () => {
    const w = await world();
    const id = await publishedQuote(w);
    const old = await db.quote.findUniqueOrThrow({ where: { id }, include: { lines: true } });
    const version = await stamp(id);
    const [first, second] = await Promise.all([
      reviseQuote(db, w.rep.actor, id, { version }),
      reviseQuote(db, w.rep.actor, id, { version }),
    ]);
    const results = [first, second].map((r) => r.status).sort();
    expect(results).toEqual(["conflict", "ok"]);
    const next = await db.quote.findFirstOrThrow({
      where: { number: old.number, version: 2 },
      include: { lines: true },
    });
    expect(next).toMatchObject({ status: "draft", currentKey: old.number, totalFen: old.totalFen });
    expect(next.lines.map((l) => l.lineTotalFen)).toEqual(old.lines.map((l) => l.lineTotalFen));
    expect(await db.quote.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "superseded",
      currentKey: null,
    });
    // The old version: read-only, no second revision, no answer from the zone.
    expect((await add(id, w.rep.actor, line(w.balancer.id, 1))).status).toBe("conflict");
    expect((await reviseQuote(db, w.rep.actor, id, { version: await stamp(id) })).status).toBe("conflict");
    const member = await memberContext(w.company.id);
    expect(await respondToQuote(db, member, id, { response: "accept", comment: null })).toMatchObject({
      status: "conflict",
    });
    // The new version is edited freely.
    const header = await updateQuoteHeader(db, w.rep.actor, next.id, {
      version: await stamp(next.id),
      title: "平衡机报价（修订）",
      companyId: w.company.id,
      contactId: w.contact.id,
      opportunityId: null,
      validUntil: validUntil(),
      terms: "2. 质保一年",
      remark: null,
    });
    expect(header.status).toBe("ok");
  });

  it("is answered in the zone only when published, once, and one of two concurrent accepts wins", async () => {
    const w = await world();
    const member = await memberContext(w.company.id);
    // Approved but not published: invisible to the zone.
    const draft = await newQuote(w);
    await add(draft, w.rep.actor, line(w.balancer.id, 1));
    await submitQuote(db, w.rep.actor, draft, { version: await stamp(draft) });
    expect(await zoneQuoteDetail(db, w.company.id, draft)).toBeNull();
    expect((await respondToQuote(db, member, draft, { response: "accept", comment: null })).status).toBe("not-found");

    const id = await publishedQuote(w);
    // Another company's member sees nothing.
    const stranger = await memberContext((await createSalesCompany(db)).id);
    expect((await respondToQuote(db, stranger, id, { response: "accept", comment: null })).status).toBe("not-found");
    expect(await respondToQuote(db, member, id, { response: "changes", comment: null })).toMatchObject({
      status: "invalid",
    });
    const other = await memberContext(w.company.id);
    const both = await Promise.all([
      respondToQuote(db, member, id, { response: "accept", comment: null }),
      respondToQuote(db, other, id, { response: "accept", comment: "同意" }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
    expect(await respondToQuote(db, member, id, { response: "changes", comment: "再便宜些" })).toMatchObject({
      status: "conflict",
      message: "quotes.error.answered",
    });
    const q = await db.quote.findUniqueOrThrow({ where: { id } });
    expect(q.status).toBe("accepted");
    const owner = await db.notification.findMany({ where: { staffId: w.rep.staff.id, type: "quote.accepted" } });
    expect(owner).toHaveLength(1);
    expect(owner[0]!.link).toBe(`/crm/quotes/${id}`);
  });

  it("asks for changes with a comment and notifies the owner; an expired quote cannot be accepted", async () => {
    const w = await world();
    const member = await memberContext(w.company.id);
    const id = await publishedQuote(w);
    expect(await respondToQuote(db, member, id, { response: "changes", comment: "数量改为 8 台" })).toMatchObject({
      value: { status: "changes_requested" },
    });
    const note = await db.notification.findFirstOrThrow({ where: { type: "quote.changes-requested" } });
    expect(note).toMatchObject({ staffId: w.rep.staff.id, body: "数量改为 8 台" });

    const late = await publishedQuote(w);
    await db.quote.update({ where: { id: late }, data: { validUntil: addDays(businessDay(new Date()), -1) } });
    expect(await respondToQuote(db, member, late, { response: "accept", comment: null })).toMatchObject({
      status: "conflict",
      message: "quotes.error.expired",
    });
    expect((await db.quote.findUniqueOrThrow({ where: { id: late } })).status).toBe("expired");
  });

  it("on accept, the opportunity's products become the quote's lines and its amount their sum", async () => {
    const w = await world();
    const opp = await createSalesOpportunity(db, { ownerId: w.rep.staff.id, companyId: w.company.id, amount: "1" });
    await db.opportunityItem.create({
      data: { opportunityId: opp.id, sku: "OLD", name: "旧明细", quantity: 1, unitPrice: "1.00", lineTotal: "1.00" },
    });
    const id = await publishedQuote(w, opp.id);
    const member = await memberContext(w.company.id);
    expect((await respondToQuote(db, member, id, { response: "accept", comment: null })).status).toBe("ok");
    const items = await db.opportunityItem.findMany({ where: { opportunityId: opp.id } });
    expect(items.map((i) => [i.sku, i.quantity, i.unitPrice.toFixed(2), i.lineTotal.toFixed(2)])).toEqual([
      ["BAL-160", 5, "11520.00", "57600.00"],
    ]);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).amount.toFixed(2)).toBe("57600.00");
  });

  it("hands an accepted quote over once (scope in the query) and e-mails a PDF through the outbox", async () => {
    const w = await world();
    const id = await publishedQuote(w);
    const emailed = await emailQuote(db, w.rep.actor, id, {
      version: await stamp(id),
      to: "wang@example.com",
      message: "请查收",
      locale: "zh-CN",
    });
    expect(emailed.status).toBe("ok");
    const row = await db.emailOutbox.findFirstOrThrow({ where: { template: "quote-sent" } });
    const attachments = row.attachments as Array<{ filename: string; contentBase64: string }>;
    expect(attachments[0]!.filename).toMatch(/^QUOT\d+-v1\.pdf$/);
    expect(Buffer.from(attachments[0]!.contentBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");

    expect(await loadAcceptedQuote(db, w.rep.actor, id)).toMatchObject({ status: "conflict" });
    await respondToQuote(db, await memberContext(w.company.id), id, { response: "accept", comment: null });
    expect((await loadAcceptedQuote(db, w.other.actor, id)).status).toBe("not-found");
    const loaded = await loadAcceptedQuote(db, w.manager.actor, id);
    expect(loaded).toMatchObject({
      status: "ok",
      value: { totalFen: 5_760_000, lines: [{ lineTotalFen: 5_760_000 }] },
    });
    const [x, y] = await Promise.all([
      db.$transaction((tx) => markQuoteConsumed(tx, id, { type: "contract", id: 1 })),
      db.$transaction((tx) => markQuoteConsumed(tx, id, { type: "order", id: 2 })),
    ]);
    expect([x.status, y.status].sort()).toEqual(["conflict", "ok"]);
  });
});
