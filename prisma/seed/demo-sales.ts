import { randomBytes } from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { companyNameKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { DEMO_CAMPAIGN_NAME } from "./demo-lead-intake.ts";

// The demo campaign with its type, dates, hard targets, participants, expenses and work logs, plus
// three campaign leads (two converted) and their opportunities (one won), so the campaign page
// shows real actuals. Idempotent: rows are keyed by natural keys (lead idempotency key, opportunity
// name, expense/work-log description) and updated in place.

async function staffId(db: Db, email: string): Promise<number> {
  const staff = await db.staff.findUnique({ where: { email }, select: { id: true } });
  if (!staff) throw new Error(`seedDemoSales: demo staff ${email} is missing`);
  return staff.id;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const DEMO_LEADS = [
  {
    key: "demo-sales:1",
    owner: "sales@relay-demo.cn",
    contactName: "郑凯",
    contactTitle: "信息中心主任",
    contactEmail: "zheng.kai@demo-customer.cn",
    contactMobile: "13810012001",
    companyName: "北京远航物流有限公司",
    companyProvince: "北京",
    companyCity: "北京",
    requirement: "替换现有 Excel 客户台账，30 个销售账号，需与官网表单对接。",
    converted: true,
  },
  {
    key: "demo-sales:2",
    owner: "zhang.wei@relay-demo.cn",
    contactName: "冯雪",
    contactTitle: "销售总监",
    contactEmail: "feng.xue@demo-customer.cn",
    contactMobile: "13810012002",
    companyName: "天津海川机电设备有限公司",
    companyProvince: "天津",
    companyCity: "天津",
    requirement: "经销商门户与客户专区，需要现场培训。",
    converted: true,
  },
  {
    key: "demo-sales:3",
    owner: "marketing@relay-demo.cn",
    contactName: "韩梅",
    contactTitle: "采购经理",
    contactEmail: "han.mei@demo-customer.cn",
    contactMobile: "13810012003",
    companyName: "石家庄恒信医疗器械有限公司",
    companyProvince: "河北",
    companyCity: "石家庄",
    requirement: "了解企业版价格与实施周期。",
    converted: false,
  },
] as const;

const DEMO_OPPORTUNITIES = [
  {
    lead: "demo-sales:1",
    name: "北京远航物流 · CRM 企业版 30 用户",
    owner: "sales@relay-demo.cn",
    stage: "won" as const,
    probability: 100,
    close: "2026-10-28",
    items: [
      { sku: "RLY-CRM-ENT", quantity: 30 },
      { sku: "RLY-SVC-IMPL", quantity: 10 },
      { sku: "RLY-SUP-GOLD", quantity: 1 },
    ],
  },
  {
    lead: "demo-sales:2",
    name: "天津海川机电 · 门户与培训",
    owner: "zhang.wei@relay-demo.cn",
    stage: "negotiation" as const,
    probability: 60,
    close: "2026-12-15",
    items: [
      { sku: "RLY-PORTAL", quantity: 1 },
      { sku: "RLY-SVC-TRAIN", quantity: 2 },
    ],
  },
];

const EXPENSES = [
  { description: "官网首页横幅与落地页设计", amount: "8600.00", spentOn: "2026-09-05" },
  { description: "搜索引擎关键词投放（9 月）", amount: "12500.00", spentOn: "2026-09-30" },
  { description: "北京客户答谢会场地", amount: "9800.00", spentOn: "2026-10-18" },
];

const WORK_LOGS = [
  { email: "marketing@relay-demo.cn", description: "策划战役、分解线索目标", hours: "16", workedOn: "2026-09-02" },
  { email: "sales@relay-demo.cn", description: "电话回访网站线索", hours: "12.5", workedOn: "2026-10-10" },
  { email: "wang.lei@relay-demo.cn", description: "答谢会现场接待", hours: "6", workedOn: "2026-10-18" },
];

export async function seedDemoSales(db: Db): Promise<void> {
  const marketing = await staffId(db, "marketing@relay-demo.cn");
  const existing = await db.campaign.findFirst({ where: { name: DEMO_CAMPAIGN_NAME }, select: { id: true } });
  const fields = {
    type: "website" as const,
    status: "active" as const,
    ownerId: marketing,
    intent: "借秋季新品发布，把官网访客与老客户转化为企业版与门户模块的新订单。",
    plan: "9 月：官网落地页与关键词投放；10 月：北京客户答谢会；11–12 月：销售跟进网站线索、逐一转换为机会。",
    summary: "网站线索由华北销售轮值接收；产品订购类线索由战役负责人分发。",
    startDate: day("2026-09-01"),
    endDate: day("2026-12-31"),
    targetSalesAmount: "800000.00",
    targetLeadCount: 60,
    targetCost: "50000.00",
    targetWorkload: "300.00",
  };
  const campaign = existing
    ? await db.campaign.update({ where: { id: existing.id }, data: fields })
    : await db.campaign.create({ data: { name: DEMO_CAMPAIGN_NAME, ...fields } });

  // Participants: 王磊 may modify (core staff), 李娜 browses (front line).
  for (const [email, canModify] of [
    ["wang.lei@relay-demo.cn", true],
    ["sales@relay-demo.cn", false],
  ] as const) {
    const id = await staffId(db, email);
    await db.campaignParticipant.upsert({
      where: { campaignId_staffId: { campaignId: campaign.id, staffId: id } },
      create: { campaignId: campaign.id, staffId: id, canModify },
      update: { canModify },
    });
  }

  for (const e of EXPENSES) {
    const row = await db.campaignExpense.findFirst({ where: { campaignId: campaign.id, description: e.description } });
    const data = { amount: e.amount, spentOn: day(e.spentOn), recordedById: marketing };
    if (row) await db.campaignExpense.update({ where: { id: row.id }, data });
    else await db.campaignExpense.create({ data: { campaignId: campaign.id, description: e.description, ...data } });
  }
  for (const w of WORK_LOGS) {
    const id = await staffId(db, w.email);
    const row = await db.campaignWorkLog.findFirst({ where: { campaignId: campaign.id, description: w.description } });
    const data = { staffId: id, hours: w.hours, workedOn: day(w.workedOn) };
    if (row) await db.campaignWorkLog.update({ where: { id: row.id }, data });
    else await db.campaignWorkLog.create({ data: { campaignId: campaign.id, description: w.description, ...data } });
  }

  // Leads of the campaign (keyed by their idempotency key) and their conversions.
  const leadIds = new Map<string, number>();
  const companyIds = new Map<string, number>();
  for (const spec of DEMO_LEADS) {
    const ownerId = await staffId(db, spec.owner);
    const data = {
      campaignId: campaign.id,
      ownerId,
      contactName: spec.contactName,
      contactTitle: spec.contactTitle,
      contactEmail: spec.contactEmail,
      contactMobile: spec.contactMobile,
      companyName: spec.companyName,
      companyProvince: spec.companyProvince,
      companyCity: spec.companyCity,
      requirement: spec.requirement,
      emailKey: emailKey(spec.contactEmail),
      phoneKey: phoneKey(spec.contactMobile),
      companyKey: companyNameKey(spec.companyName),
      routedBy: "manual" as const,
      source: "staff",
      ownerSeenAt: new Date("2026-10-01T02:00:00Z"),
    } satisfies Prisma.LeadUncheckedUpdateInput;
    const found = await db.lead.findUnique({ where: { idempotencyKey: spec.key }, select: { id: true } });
    const lead = found
      ? await db.lead.update({ where: { id: found.id }, data, select: { id: true } })
      : await db.lead.create({
          data: { ...data, number: `~${spec.key}`, idempotencyKey: spec.key, status: "new" },
          select: { id: true },
        });
    if (!found) {
      await db.lead.update({ where: { id: lead.id }, data: { number: recordNumber("lead", lead.id) } });
      await db.leadEvent.create({
        data: { leadId: lead.id, type: "created", actorType: "staff", actorId: marketing, detail: { source: "staff" } },
      });
    }
    leadIds.set(spec.key, lead.id);

    if (spec.converted) {
      // The converted lead's company and contact, keyed by name / e-mail.
      const nameKey = companyNameKey(spec.companyName);
      const company =
        (await db.company.findFirst({ where: { nameKey }, select: { id: true } })) ??
        (await createNumbered(db, "company", (number) =>
          db.company.create({
            data: {
              number,
              name: spec.companyName,
              nameKey,
              province: spec.companyProvince,
              city: spec.companyCity,
              type: "最终用户",
              ownerId,
            },
            select: { id: true },
          }),
        ));
      companyIds.set(spec.key, company.id);
      const contact =
        (await db.contact.findFirst({ where: { emailKey: emailKey(spec.contactEmail) }, select: { id: true } })) ??
        (await createNumbered(db, "contact", (number) =>
          db.contact.create({
            data: {
              number,
              familyName: spec.contactName.slice(0, 1),
              givenName: spec.contactName.slice(1),
              fullName: spec.contactName,
              title: spec.contactTitle,
              email: spec.contactEmail,
              mobile: spec.contactMobile,
              emailKey: emailKey(spec.contactEmail),
              phoneKey: phoneKey(spec.contactMobile),
              companyId: company.id,
              city: spec.companyCity,
              province: spec.companyProvince,
              ownerId,
            },
            select: { id: true },
          }),
        ));
      const before = await db.lead.findUniqueOrThrow({ where: { id: lead.id }, select: { convertedAt: true } });
      await db.lead.update({
        where: { id: lead.id },
        data: {
          status: "converted",
          convertedAt: before.convertedAt ?? new Date("2026-10-12T06:00:00Z"),
          convertedContactId: contact.id,
          convertedCompanyId: company.id,
        },
      });
      if (!before.convertedAt) {
        await db.leadEvent.create({
          data: {
            leadId: lead.id,
            type: "converted",
            actorType: "staff",
            actorId: ownerId,
            detail: { contactId: contact.id, companyId: company.id, contactMode: "create", companyMode: "create" },
          },
        });
      }
    }
  }

  const products = await db.product.findMany({ select: { id: true, sku: true, name: true, unitPrice: true } });
  const bySku = new Map(products.map((p) => [p.sku, p]));
  for (const spec of DEMO_OPPORTUNITIES) {
    const ownerId = await staffId(db, spec.owner);
    const leadId = leadIds.get(spec.lead)!;
    const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { convertedContactId: true } });
    const items = spec.items.map((i) => {
      const p = bySku.get(i.sku);
      if (!p) throw new Error(`seedDemoSales: product ${i.sku} is missing (seed lead intake first)`);
      return { productId: p.id, sku: p.sku, name: p.name, quantity: i.quantity, unitPrice: p.unitPrice };
    });
    const amount = items.reduce((sum, i) => sum + Number(i.unitPrice) * i.quantity, 0).toFixed(2);
    const data = {
      campaignId: campaign.id,
      leadId,
      companyId: companyIds.get(spec.lead) ?? null,
      contactId: lead.convertedContactId,
      ownerId,
      stage: spec.stage,
      probability: spec.probability,
      amount,
      expectedCloseDate: day(spec.close),
      closedAt: spec.stage === "won" ? new Date(`${spec.close}T08:00:00Z`) : null,
    };
    const found = await db.opportunity.findFirst({
      where: { name: spec.name, campaignId: campaign.id },
      select: { id: true },
    });
    const opp = found
      ? await db.opportunity.update({ where: { id: found.id }, data, select: { id: true } })
      : await createNumbered(db, "opportunity", (number) =>
          db.opportunity.create({ data: { ...data, number, name: spec.name }, select: { id: true } }),
        );
    await db.opportunityItem.deleteMany({ where: { opportunityId: opp.id } });
    await db.opportunityItem.createMany({ data: items.map((i) => ({ ...i, opportunityId: opp.id })) });
  }
}

/** Insert with a unique placeholder number, then set the id-based one (as the services do). */
async function createNumbered<T extends { id: number }>(
  db: Db,
  kind: "company" | "contact" | "opportunity",
  create: (number: string) => Promise<T>,
): Promise<T> {
  // VARCHAR(20): "~" + 18 hex characters.
  const row = await create(`~${randomBytes(9).toString("hex")}`);
  const number = recordNumber(kind, row.id);
  if (kind === "company") await db.company.update({ where: { id: row.id }, data: { number } });
  else if (kind === "contact") await db.contact.update({ where: { id: row.id }, data: { number } });
  else await db.opportunity.update({ where: { id: row.id }, data: { number } });
  return row;
}
