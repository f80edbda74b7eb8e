import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { decide } from "#app/modules/approvals/approvals.server.ts";
import { saveApprovalFlow } from "#app/modules/approvals/approval-flows.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { addDays, businessDay } from "#app/modules/quotes/quote-dates.ts";
import { createSalesCompany, createSalesStaff } from "#tests/factories/sales.ts";
import { createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getProposal } from "./proposal-read.server.ts";
import { publishProposal, reopenProposal, submitProposal } from "./proposal-workflow.server.ts";
import { listZoneProposals, zoneProposalDetail, zoneProposalPdf } from "./proposal-zone.server.ts";
import { addRefPart, createProposal, saveTextPart } from "./proposals.server.ts";

// Proposals through approval (A AND B, one veto returns it with the comment), publishing only when
// approved, and the customer's zone: only its own published proposals, and only the material the
// member may see — everything else left out, never leaked.

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

let serial = 0;

async function world() {
  const rep = await createSalesStaff(db, "sales");
  const admin = await createSalesStaff(db, "admin");
  const company = await createSalesCompany(db, { name: "苏州精工机械有限公司", ownerId: rep.staff.id });
  const zone = await db.zone.create({ data: { companyId: company.id, name: "精工专区" } });
  const { member } = await createZoneMember(db, company.id, { zoneId: zone.id });
  return { rep, admin, company, zone, member };
}
type World = Awaited<ReturnType<typeof world>>;

async function draft(w: World, title = "产线改造建议书") {
  const created = await createProposal(db, w.rep.actor, { title, companyId: w.company.id, templateId: null });
  if (created.status !== "ok") throw new Error(JSON.stringify(created));
  const id = created.value.id;
  expect((await saveTextPart(db, w.rep.actor, id, { partId: null, title: "背景", body: "现状" })).status).toBe("ok");
  return id;
}

async function quoteRow(w: World, companyId: number, publishedAt: Date | null) {
  serial++;
  return db.quote.create({
    data: {
      number: `QUOT-T${serial}`,
      currentKey: `QUOT-T${serial}`,
      title: `报价${serial}`,
      status: publishedAt ? "sent" : "approved",
      companyId,
      ownerId: w.rep.staff.id,
      createdById: w.rep.staff.id,
      validUntil: addDays(businessDay(new Date()), 30),
      terms: `条款${serial}`,
      totalFen: 1_280_000n,
      publishedAt,
      lines: {
        create: [
          {
            sku: `SKU-Q${serial}`,
            name: `平衡机${serial}`,
            unit: "台",
            quantity: 1,
            listPriceFen: 1_280_000n,
            unitPriceFen: 1_280_000n,
            netFen: 1_132_743n,
            taxFen: 147_257n,
            grossFen: 1_280_000n,
            lineTotalFen: 1_280_000n,
          },
        ],
      },
    },
  });
}

async function contractRow(w: World, published: boolean) {
  serial++;
  return db.salesContract.create({
    data: {
      number: `CTRT-T${serial}`,
      name: `合同${serial}`,
      companyId: w.company.id,
      ownerId: w.rep.staff.id,
      typeCode: "new",
      status: "in_execution",
      publishedAt: published ? new Date() : null,
    },
  });
}

function vote(actor: StaffActor, requestId: number, v: "approve" | "reject", comment: string | null = null) {
  return db.$transaction((tx) => decide(tx, actor, requestId, v, comment));
}

const status = async (id: number) => (await db.proposal.findUniqueOrThrow({ where: { id } })).status;
const reader = (w: World) => ({ companyId: w.company.id, memberId: w.member.id });

describe("proposal approval and publishing", { timeout: 60_000 }, () => {
  it("needs A AND B; pending and approved are read-only; only an approved proposal is published", async () => {
    const w = await world();
    const a = await createSalesStaff(db, "none");
    const b = await createSalesStaff(db, "none");
    const flow = await saveApprovalFlow(db, w.admin.actor, {
      itemType: "proposal",
      active: true,
      steps: [{ mode: "and", staffIds: [a.staff.id, b.staff.id], roleIds: [] }],
    });
    expect(flow.status).toBe("ok");
    const empty = await createProposal(db, w.rep.actor, { title: "空", companyId: w.company.id, templateId: null });
    if (empty.status !== "ok") throw new Error("create");
    expect(await submitProposal(db, w.rep.actor, empty.value.id)).toMatchObject({
      status: "conflict",
      message: "proposals.error.noParts",
    });

    const id = await draft(w);
    expect(await publishProposal(db, w.rep.actor, id)).toMatchObject({ message: "proposals.error.notApproved" });
    expect(await submitProposal(db, w.rep.actor, id)).toMatchObject({ value: { status: "pending_approval" } });
    expect(await saveTextPart(db, w.rep.actor, id, { partId: null, title: "x", body: "" })).toMatchObject({
      status: "conflict",
      message: "proposals.error.readOnly",
    });
    expect(await publishProposal(db, w.rep.actor, id)).toMatchObject({ message: "proposals.error.notApproved" });
    const request = await db.approvalRequest.findFirstOrThrow({ where: { itemType: "proposal", itemId: id } });
    expect((await vote(a.actor, request.id, "approve")).status).toBe("ok");
    expect(await status(id)).toBe("pending_approval");
    expect(await zoneProposalDetail(db, reader(w), id)).toBeNull();
    expect((await vote(b.actor, request.id, "approve")).status).toBe("ok");
    expect(await status(id)).toBe("approved");
    // Approved is not yet published: the zone still sees nothing.
    expect(await listZoneProposals(db, w.company.id)).toEqual([]);
    expect(await saveTextPart(db, w.rep.actor, id, { partId: null, title: "x", body: "" })).toMatchObject({
      message: "proposals.error.readOnly",
    });

    expect((await publishProposal(db, w.rep.actor, id)).status).toBe("ok");
    expect(await status(id)).toBe("published");
    expect((await listZoneProposals(db, w.company.id)).map((p) => p.id)).toEqual([id]);
    expect((await zoneProposalDetail(db, reader(w), id))?.parts.map((p) => p.title)).toEqual(["背景"]);

    // Reopening takes it off the zone; it must be approved again.
    expect((await reopenProposal(db, w.rep.actor, id)).status).toBe("ok");
    expect(await zoneProposalDetail(db, reader(w), id)).toBeNull();
    expect(await publishProposal(db, w.rep.actor, id)).toMatchObject({ message: "proposals.error.notApproved" });
  });

  it("one rejection returns it to drafting with the approvers' comment; it can be fixed and resubmitted", async () => {
    const w = await world();
    const a = await createSalesStaff(db, "none");
    const b = await createSalesStaff(db, "none");
    await saveApprovalFlow(db, w.admin.actor, {
      itemType: "proposal",
      active: true,
      steps: [{ mode: "and", staffIds: [a.staff.id, b.staff.id], roleIds: [] }],
    });
    const id = await draft(w);
    await submitProposal(db, w.rep.actor, id);
    const request = await db.approvalRequest.findFirstOrThrow({ where: { itemType: "proposal", itemId: id } });
    await vote(a.actor, request.id, "approve");
    expect((await vote(b.actor, request.id, "reject", "报价部分请换成最新版本")).status).toBe("ok");
    const row = await db.proposal.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "drafting", reviewComment: "报价部分请换成最新版本" });
    expect((await getProposal(db, w.rep.actor, id))?.may).toMatchObject({ edit: true, submit: true, publish: false });
    expect(await publishProposal(db, w.rep.actor, id)).toMatchObject({ message: "proposals.error.notApproved" });
    expect((await saveTextPart(db, w.rep.actor, id, { partId: null, title: "方案", body: "改" })).status).toBe("ok");
    expect(await submitProposal(db, w.rep.actor, id)).toMatchObject({ value: { status: "pending_approval" } });
    expect((await db.proposal.findUniqueOrThrow({ where: { id } })).reviewComment).toBeNull();
  });

  it("without a flow it is approved at once; someone else's proposal cannot be submitted or published", async () => {
    const w = await world();
    const other = await createSalesStaff(db, "sales");
    const id = await draft(w);
    expect(await submitProposal(db, other.actor, id)).toMatchObject({ status: "not-found" });
    expect(await submitProposal(db, w.rep.actor, id)).toMatchObject({ value: { status: "approved" } });
    expect(await publishProposal(db, other.actor, id)).toMatchObject({ status: "not-found" });
    expect(await reopenProposal(db, other.actor, id)).toMatchObject({ status: "not-found" });
    expect((await publishProposal(db, w.rep.actor, id)).status).toBe("ok");
  });

  it("a company without a zone cannot get a proposal published", async () => {
    const w = await world();
    const bare = await createSalesCompany(db, { name: "无专区单位", ownerId: w.rep.staff.id });
    const created = await createProposal(db, w.rep.actor, { title: "t", companyId: bare.id, templateId: null });
    if (created.status !== "ok") throw new Error("create");
    await saveTextPart(db, w.rep.actor, created.value.id, { partId: null, title: "a", body: "b" });
    await submitProposal(db, w.rep.actor, created.value.id);
    expect(await publishProposal(db, w.rep.actor, created.value.id)).toMatchObject({
      status: "conflict",
      message: "quotes.error.noZone",
    });
  });
});

describe("proposals in the customer's zone", { timeout: 60_000 }, () => {
  it("a member of another zone, or any member for an unpublished proposal, gets nothing (404)", async () => {
    const w = await world();
    const id = await draft(w);
    expect(await zoneProposalDetail(db, reader(w), id)).toBeNull();
    await submitProposal(db, w.rep.actor, id);
    await publishProposal(db, w.rep.actor, id);
    const otherCompany = await createSalesCompany(db, { name: "别家单位", ownerId: w.rep.staff.id });
    const otherZone = await db.zone.create({ data: { companyId: otherCompany.id, name: "别家专区" } });
    const { member: stranger } = await createZoneMember(db, otherCompany.id, { zoneId: otherZone.id });
    const theirs = { companyId: otherCompany.id, memberId: stranger.id };
    expect(await zoneProposalDetail(db, theirs, id)).toBeNull();
    expect(await zoneProposalPdf(db, theirs, id, "zh-CN")).toBeNull();
    expect(await listZoneProposals(db, otherCompany.id)).toEqual([]);
    expect(await zoneProposalDetail(db, reader(w), id)).not.toBeNull();
  });

  it("shows only material the member may see; the rest is left out, not marked", async () => {
    const w = await world();
    const id = await draft(w);
    const shownQuote = await quoteRow(w, w.company.id, new Date());
    const hiddenQuote = await quoteRow(w, w.company.id, null);
    const shownContract = await contractRow(w, true);
    const hiddenContract = await contractRow(w, false);
    const portalProduct = await db.product.create({
      data: { sku: "AC-1", name: "空压机", unitPrice: "5000.00", description: "螺杆式空压机", portalCustomer: true },
    });
    const internalProduct = await db.product.create({
      data: { sku: "AC-X", name: "内部样机", unitPrice: "1.00", description: "不对外", portalCustomer: false },
    });
    for (const [kind, refId] of [
      ["quote", shownQuote.id],
      ["quote", hiddenQuote.id],
      ["contract", shownContract.id],
      ["contract", hiddenContract.id],
      ["product", portalProduct.id],
      ["product", internalProduct.id],
    ] as const) {
      expect((await addRefPart(db, w.rep.actor, id, { kind, refId })).status).toBe("ok");
    }
    // Another company's quote is not material for this proposal.
    const elsewhere = await createSalesCompany(db, { name: "别家单位", ownerId: w.rep.staff.id });
    const foreignQuote = await quoteRow(w, elsewhere.id, new Date());
    expect(await addRefPart(db, w.rep.actor, id, { kind: "quote", refId: foreignQuote.id })).toMatchObject({
      status: "invalid",
    });
    // The author sees every part.
    expect((await getProposal(db, w.rep.actor, id))?.proposal.parts).toHaveLength(7);
    await submitProposal(db, w.rep.actor, id);
    await publishProposal(db, w.rep.actor, id);

    const doc = await zoneProposalDetail(db, reader(w), id);
    expect(doc?.parts.map((p) => p.title)).toEqual([
      "背景",
      `${shownQuote.number} ${shownQuote.title}`,
      `${shownContract.number} ${shownContract.name}`,
      "空压机 (AC-1)",
    ]);
    const serialised = JSON.stringify(doc);
    for (const secret of [hiddenQuote.number, hiddenQuote.terms, hiddenContract.number, "内部样机", "不对外"]) {
      expect(serialised).not.toContain(secret);
    }
    const quotePart = doc?.parts[1];
    expect(quotePart).toMatchObject({ kind: "quote", totalFen: 1_280_000, terms: shownQuote.terms });
    // A quote later withdrawn from the zone disappears from the proposal too.
    await db.quote.update({ where: { id: shownQuote.id }, data: { publishedAt: null } });
    expect((await zoneProposalDetail(db, reader(w), id))?.parts).toHaveLength(3);
    const pdf = await zoneProposalPdf(db, reader(w), id, "zh-CN");
    expect(pdf?.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
