import type { OpportunityStage } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { lineTotal, sumMoney } from "#app/modules/crm/opportunities/opportunity-money.ts";
import { defaultSalesMethod } from "#app/modules/crm/opportunities/sales-stages.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";

// Opportunities at every stage of the default sales method for the demo salespeople, on companies
// they own, with catalog line items, a team, competitors, sub-projects on the won ones and the stage
// history that led there (names after seed 000 §2.L.4's sample grid). New records only: keyed by
// name, rebuilt in place on a re-run; the demo campaign's opportunities (demo-sales.ts) are untouched.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

interface Spec {
  name: string;
  description: string;
  owner: string;
  /** Which of the owner's companies (by id order). */
  company: number;
  stage: OpportunityStage;
  close: string;
  items: Array<{ sku: string; quantity: number; discount?: string }>;
  forecast?: boolean;
  members?: Array<{ email: string; role: "presales" | "technical" | "manager" | "support" | "sales" }>;
  competitors?: Array<{ name: string; product: string; threat: "low" | "medium" | "high" }>;
  subProjects?: Array<{ name: string; manager: string; hours: string; consumables: string; cost: string }>;
  reason?: string;
}

const SPECS: Spec[] = [
  {
    name: "数控机床SK3027一台，配置控制程序V2.0",
    description: "客户要求 V2.0 控制程序",
    owner: "sales@relay-demo.cn",
    company: 0,
    stage: "prospecting",
    close: "2027-03-31",
    items: [{ sku: "CNC-CK6150", quantity: 1 }],
  },
  {
    name: "空压机2台，6个月内交货",
    description: "要求6个月内及时交货",
    owner: "zhang.wei@relay-demo.cn",
    company: 0,
    stage: "prospecting",
    close: "2027-04-15",
    items: [{ sku: "AIR-LG22", quantity: 2 }],
  },
  {
    name: "中央空调计费系统",
    description: "商场计费改造",
    owner: "chen.jing@relay-demo.cn",
    company: 0,
    stage: "qualification",
    close: "2027-02-28",
    items: [{ sku: "MEA-VA900", quantity: 3 }],
    competitors: [{ name: "华信机电", product: "HX-200 计费系统", threat: "medium" }],
  },
  {
    name: "数控机床SK3042两台",
    description: "控制程序V3.0",
    owner: "sales@relay-demo.cn",
    company: 1,
    stage: "qualification",
    close: "2027-02-15",
    items: [{ sku: "CNC-VMC850", quantity: 2 }],
    forecast: true,
    members: [{ email: "wang.lei@relay-demo.cn", role: "presales" }],
  },
  {
    name: "螺杆空压机站改造",
    description: "三台永磁变频机组替换旧机",
    owner: "liu.yang@relay-demo.cn",
    company: 0,
    stage: "proposal",
    close: "2027-01-31",
    items: [
      { sku: "AIR-LG37", quantity: 3, discount: "5" },
      { sku: "AIR-GZ2", quantity: 3 },
    ],
    forecast: true,
    competitors: [{ name: "阿特拉斯代理商", product: "GA37 VSD", threat: "high" }],
  },
  {
    name: "平衡机两台及测量系统",
    description: "含安装调试",
    owner: "wang.lei@relay-demo.cn",
    company: 0,
    stage: "proposal",
    close: "2027-01-20",
    items: [
      { sku: "BAL-SY3240", quantity: 2 },
      { sku: "MEA-VA900", quantity: 1 },
    ],
    members: [{ email: "zhang.wei@relay-demo.cn", role: "technical" }],
  },
  {
    name: "SynleadCRM 企业版4.0，100并发用户",
    description: "8分支机构",
    owner: "chen.jing@relay-demo.cn",
    company: 1,
    stage: "negotiation",
    close: "2026-12-31",
    items: [{ sku: "MEA-VA900", quantity: 4, discount: "8" }],
    forecast: true,
    competitors: [
      { name: "用友", product: "CRM 标准版", threat: "medium" },
      { name: "金蝶", product: "云之家", threat: "low" },
    ],
  },
  {
    name: "电子测距仪器100公里",
    description: "勘察院年度采购",
    owner: "zhang.wei@relay-demo.cn",
    company: 1,
    stage: "negotiation",
    close: "2026-12-28",
    items: [{ sku: "MEA-VA900", quantity: 2 }],
  },
  {
    name: "聚丙烯生产线空压系统",
    description: "海运，两个月内交货",
    owner: "sales@relay-demo.cn",
    company: 2,
    stage: "won",
    close: "2026-11-30",
    items: [
      { sku: "AIR-LG55", quantity: 2 },
      { sku: "AIR-GZ2", quantity: 2 },
    ],
    reason: "交期与售后最优",
    subProjects: [
      {
        name: "设备安装调试",
        manager: "sun.tao@relay-demo.cn",
        hours: "36.5",
        consumables: "润滑油 4 桶，滤芯 6 个",
        cost: "2860.00",
      },
    ],
  },
  {
    name: "彩色激光打印机600DPI",
    description: "办公设备更新",
    owner: "liu.yang@relay-demo.cn",
    company: 1,
    stage: "won",
    close: "2026-11-15",
    items: [{ sku: "MEA-VA900", quantity: 1 }],
    reason: "价格合适",
  },
  {
    name: "Ballit计算机5台",
    description: "P4 CPU, 512MB内存, 40GB硬盘",
    owner: "wang.lei@relay-demo.cn",
    company: 1,
    stage: "lost",
    close: "2026-10-31",
    items: [{ sku: "MEA-VA900", quantity: 1 }],
    reason: "客户预算取消",
  },
  {
    name: "CRM中小企业版4.0",
    description: "B/S 10并发用户，两实施日",
    owner: "chen.jing@relay-demo.cn",
    company: 2,
    stage: "lost",
    close: "2026-10-15",
    items: [{ sku: "MEA-VA900", quantity: 1, discount: "10" }],
    reason: "竞争对手报价更低",
    competitors: [{ name: "八百客", product: "在线 CRM", threat: "high" }],
  },
];

async function staffIdOf(db: Db, email: string): Promise<number | null> {
  return (await db.staff.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
}

export async function seedDemoOpportunities(db: Db): Promise<number> {
  const method = await defaultSalesMethod(db);
  const products = new Map(
    (await db.product.findMany({ select: { id: true, sku: true, name: true, unit: true, unitPrice: true } })).map(
      (p) => [p.sku, p],
    ),
  );
  const fallbackProduct = [...products.values()][0];
  let written = 0;
  for (const spec of SPECS) {
    const ownerId = await staffIdOf(db, spec.owner);
    if (!ownerId) continue;
    const owner = await db.staff.findUniqueOrThrow({ where: { id: ownerId }, select: { teamId: true } });
    const companies = await db.company.findMany({
      where: { ownerId, deletedAt: null },
      orderBy: { id: "asc" },
      take: 3,
      select: { id: true },
    });
    const companyId = companies[spec.company]?.id ?? companies[0]?.id ?? null;
    const contact = companyId
      ? await db.contact.findFirst({
          where: { companyId, deletedAt: null },
          orderBy: { id: "asc" },
          select: { id: true },
        })
      : null;
    const items = spec.items.flatMap((i) => {
      const p = products.get(i.sku) ?? fallbackProduct;
      if (!p) return [];
      const unitPrice = p.unitPrice.toFixed(2);
      const discountPercent = i.discount ?? "0";
      return [
        {
          productId: p.id,
          sku: p.sku,
          name: p.name,
          unit: p.unit,
          quantity: i.quantity,
          unitPrice,
          discountPercent,
          lineTotal: lineTotal(i.quantity, unitPrice, discountPercent),
        },
      ];
    });
    const stage = method.stages.find((s) => s.legacyStage === spec.stage)!;
    const closing = stage.kind !== "open";
    const data = {
      description: spec.description,
      companyId,
      contactId: contact?.id ?? null,
      ownerId,
      teamId: owner.teamId,
      salesMethodId: method.id,
      stageId: stage.id,
      stage: stage.legacyStage,
      probability: stage.probability,
      amount: sumMoney(items.map((i) => i.lineTotal)),
      forecast: spec.forecast ?? false,
      expectedCloseDate: day(spec.close),
      closedAt: closing ? new Date(`${spec.close}T08:00:00Z`) : null,
      closeReason: closing ? (spec.reason ?? null) : null,
    };
    await db.$transaction(async (tx) => {
      const found = await tx.opportunity.findFirst({ where: { name: spec.name, ownerId }, select: { id: true } });
      const id = found
        ? (await tx.opportunity.update({ where: { id: found.id }, data, select: { id: true } })).id
        : (
            await tx.opportunity.create({
              data: { ...data, name: spec.name, number: await nextRecordNumber(tx, "opportunity") },
              select: { id: true },
            })
          ).id;
      await tx.opportunityItem.deleteMany({ where: { opportunityId: id } });
      await tx.opportunityItem.createMany({ data: items.map((i) => ({ ...i, opportunityId: id })) });
      // The path that led here: open stages up to this one (lost ones dropped out after qualification).
      await tx.opportunityStageChange.deleteMany({ where: { opportunityId: id } });
      const open = method.stages.filter((s) => s.kind === "open");
      const path =
        stage.kind === "open"
          ? open.filter((s) => s.sortOrder <= stage.sortOrder)
          : stage.kind === "won"
            ? [...open, stage]
            : [...open.slice(0, 2), stage];
      let from: number | null = null;
      for (const [n, s] of path.entries()) {
        const changedAt = new Date(day(spec.close).getTime() - (path.length - n) * 9 * 86_400_000);
        await tx.opportunityStageChange.create({
          data: {
            opportunityId: id,
            fromStageId: from,
            toStageId: s.id,
            probability: s.probability,
            changedById: ownerId,
            changedAt,
          },
        });
        from = s.id;
      }
      await tx.opportunityMember.deleteMany({ where: { opportunityId: id } });
      for (const m of spec.members ?? []) {
        const staffId = await staffIdOf(tx as Db, m.email);
        if (staffId && staffId !== ownerId)
          await tx.opportunityMember.create({ data: { opportunityId: id, staffId, role: m.role } });
      }
      await tx.opportunityCompetitor.deleteMany({ where: { opportunityId: id } });
      if (spec.competitors)
        await tx.opportunityCompetitor.createMany({ data: spec.competitors.map((c) => ({ ...c, opportunityId: id })) });
      await tx.opportunitySubProject.deleteMany({ where: { opportunityId: id } });
      for (const sp of spec.subProjects ?? []) {
        const managerId = await staffIdOf(tx as Db, sp.manager);
        await tx.opportunitySubProject.create({
          data: {
            opportunityId: id,
            name: sp.name,
            managerId,
            status: "active",
            actualHours: sp.hours,
            consumables: sp.consumables,
            consumablesCost: sp.cost,
            startDate: day(spec.close),
          },
        });
      }
    });
    written++;
  }
  return written;
}
