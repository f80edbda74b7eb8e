import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import {
  createSalesCampaign,
  createSalesCompany,
  createSalesContact,
  createSalesStaff,
} from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  conversionLineItems,
  conversionPermission,
  conversionSuggestions,
  convertLead,
} from "./lead-conversion.server.ts";

const createAll = {
  contactMode: "create",
  companyMode: "create",
  createOpportunity: "on",
  opportunityName: "华东物流 CRM 项目",
  stage: "qualification",
  amount: "",
  probability: "30",
  expectedCloseDate: "2027-06-30",
};

async function orderLead(ownerId: number, campaignId: number | null = null) {
  const lead = await createTestLead(db, {
    ownerId,
    campaignId,
    contactName: "刘强",
    contactEmail: "liu.qiang@hd-logistics.cn",
    contactMobile: "13912345678",
    companyName: "华东物流有限公司",
  });
  await db.product.createMany({
    data: [
      { sku: "P-STD", name: "标准版", unitPrice: "1280.00" },
      { sku: "P-IMPL", name: "实施服务", unitPrice: "2400.00" },
    ],
  });
  await db.leadItem.createMany({
    data: [
      { leadId: lead.id, sku: "P-STD", productName: "标准版", quantity: 10, unitPrice: "1200.00" },
      // No price captured at submission: falls back to the product's list price.
      { leadId: lead.id, sku: "P-IMPL", quantity: 3, unitPrice: null },
    ],
  });
  return lead;
}

describe("lead conversion", () => {
  beforeEach(() => resetDatabase());

  it("links an existing company, creates the contact and an opportunity with the order items, in one go", async () => {
    const rep = await createSalesStaff(db, "sales");
    const campaign = await createSalesCampaign(db, rep.staff.id);
    const lead = await orderLead(rep.staff.id, campaign.id);
    // The rep's own company: suggestions and links stay inside the companies scope (issue #13).
    const company = await createSalesCompany(db, { name: "华东物流（上海）有限公司", ownerId: rep.staff.id });

    const suggestions = await conversionSuggestions(
      db,
      rep.actor,
      await db.lead.findUniqueOrThrow({ where: { id: lead.id } }),
    );
    expect(suggestions.companies.map((c) => c.id)).toContain(company.id);
    expect(await conversionLineItems(db, lead.id)).toEqual([
      {
        sku: "P-STD",
        name: "标准版",
        productId: expect.any(Number),
        quantity: 10,
        unitPrice: "1200.00",
        total: "12000.00",
      },
      {
        sku: "P-IMPL",
        name: "实施服务",
        productId: expect.any(Number),
        quantity: 3,
        unitPrice: "2400.00",
        total: "7200.00",
      },
    ]);

    const result = await convertLead(db, rep.actor, lead.id, {
      ...createAll,
      companyMode: "link",
      companyId: String(company.id),
    });
    expect(result.kind).toBe("converted");
    if (result.kind !== "converted") return;
    expect(result.companyId).toBe(company.id);

    const opp = await db.opportunity.findUniqueOrThrow({
      where: { id: result.opportunityId! },
      include: { items: true },
    });
    expect(opp).toMatchObject({
      number: `OPPT${String(opp.id).padStart(12, "0")}`,
      leadId: lead.id,
      campaignId: campaign.id,
      companyId: company.id,
      contactId: result.contactId,
      ownerId: rep.staff.id,
      stage: "qualification",
      probability: 30,
    });
    expect(opp.amount.toFixed(2)).toBe("19200.00");
    expect(opp.items.map((i) => [i.sku, i.quantity, i.unitPrice.toFixed(2)])).toEqual([
      ["P-STD", 10, "1200.00"],
      ["P-IMPL", 3, "2400.00"],
    ]);

    const contact = await db.contact.findUniqueOrThrow({ where: { id: result.contactId! } });
    expect(contact).toMatchObject({
      fullName: "刘强",
      familyName: "刘",
      givenName: "强",
      companyId: company.id,
      emailKey: "liu.qiang@hd-logistics.cn",
      phoneKey: "13912345678",
      ownerId: rep.staff.id,
      number: `CONT${String(contact.id).padStart(12, "0")}`,
    });

    const after = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after).toMatchObject({
      status: "converted",
      convertedContactId: contact.id,
      convertedCompanyId: company.id,
    });
    expect(after.convertedAt).not.toBeNull();
    const events = await db.leadEvent.findMany({ where: { leadId: lead.id, type: "converted" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "staff", actorId: rep.staff.id });
    expect(events[0]!.detail).toMatchObject({ opportunityId: opp.id, companyMode: "link", contactMode: "create" });
    expect(await db.company.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "lead.converted" } })).toBe(1);
  });

  it("creates a company with match keys and a record number", async () => {
    const rep = await createSalesStaff(db, "sales");
    const lead = await orderLead(rep.staff.id);
    const result = await convertLead(db, rep.actor, lead.id, { ...createAll, contactMode: "skip" });
    if (result.kind !== "converted") throw new Error(result.kind);
    const company = await db.company.findUniqueOrThrow({ where: { id: result.companyId! } });
    expect(company).toMatchObject({
      name: "华东物流有限公司",
      nameKey: "华东物流",
      number: `ACNT${String(company.id).padStart(12, "0")}`,
    });
    expect(result.contactId).toBeNull();
  });

  it("is idempotent: a second conversion, or two at once, create one of each", async () => {
    const rep = await createSalesStaff(db, "sales");
    const lead = await orderLead(rep.staff.id);
    const results = await Promise.all(Array.from({ length: 4 }, () => convertLead(db, rep.actor, lead.id, createAll)));
    expect(results.filter((r) => r.kind === "converted")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "already-converted")).toHaveLength(3);
    const again = await convertLead(db, rep.actor, lead.id, createAll);
    const winner = results.find((r) => r.kind === "converted")!;
    expect(again).toEqual({ ...winner, kind: "already-converted" });
    expect(await db.opportunity.count()).toBe(1);
    expect(await db.contact.count()).toBe(1);
    expect(await db.company.count()).toBe(1);
    expect(await db.opportunityItem.count()).toBe(2);
    expect(await db.leadEvent.count({ where: { type: "converted" } })).toBe(1);
  });

  it("enforces who may convert: rights on the lead, the claim, and opportunities:add", async () => {
    const owner = await createSalesStaff(db, "sales");
    const withStatus = await createSalesStaff(db, "sales");
    const needOnly = await createSalesStaff(db, "sales");
    const stranger = await createSalesStaff(db, "sales");
    const marketing = await createSalesStaff(db, "marketing");
    const lead = await orderLead(owner.staff.id);
    await db.leadAssignment.createMany({
      data: [
        { leadId: lead.id, staffId: withStatus.staff.id, canEditStatus: true, canEditNeed: true },
        { leadId: lead.id, staffId: needOnly.staff.id, canEditNeed: true },
      ],
    });

    expect(await convertLead(db, stranger.actor, lead.id, createAll)).toEqual({
      kind: "forbidden",
      reason: "lead",
    });
    expect(await convertLead(db, needOnly.actor, lead.id, createAll)).toEqual({
      kind: "forbidden",
      reason: "lead",
    });
    // Marketing may change any lead but has no opportunities module.
    expect(await conversionPermission(db, marketing.actor, lead.id)).toEqual({
      allowed: false,
      reason: "opportunities",
    });
    // Someone else claimed it: the status right is gone.
    await db.lead.update({ where: { id: lead.id }, data: { claimedById: needOnly.staff.id, claimedAt: new Date() } });
    expect(await convertLead(db, withStatus.actor, lead.id, createAll)).toEqual({
      kind: "forbidden",
      reason: "claimed-by-other",
    });
    expect(await db.opportunity.count()).toBe(0);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("new");

    await db.lead.update({ where: { id: lead.id }, data: { claimedById: withStatus.staff.id } });
    const ok = await convertLead(db, withStatus.actor, lead.id, createAll);
    expect(ok.kind).toBe("converted");
    const opp = await db.opportunity.findFirstOrThrow();
    expect(opp.ownerId).toBe(withStatus.staff.id);
  });

  it("rejects incomplete choices without writing anything", async () => {
    const rep = await createSalesStaff(db, "sales");
    const lead = await orderLead(rep.staff.id);
    const contact = await createSalesContact(db, { fullName: "刘强", ownerId: rep.staff.id });
    expect(
      await convertLead(db, rep.actor, lead.id, {
        ...createAll,
        contactMode: "link",
        companyMode: "link",
        opportunityName: "",
      }),
    ).toEqual({
      kind: "invalid",
      errors: {
        contactId: ["sales.error.pickContact"],
        companyId: ["sales.error.pickCompany"],
        opportunityName: ["common.required"],
      },
    });
    expect(await convertLead(db, rep.actor, lead.id, { contactMode: "skip", companyMode: "skip" })).toMatchObject({
      kind: "invalid",
      errors: { _: ["sales.error.nothingToConvert"] },
    });
    // Link to an existing contact only, no opportunity.
    const linked = await convertLead(db, rep.actor, lead.id, {
      contactMode: "link",
      contactId: contact.id,
      companyMode: "skip",
    });
    expect(linked).toEqual({ kind: "converted", opportunityId: null, contactId: contact.id, companyId: null });
    expect(await db.contact.count()).toBe(1);
  });
});
