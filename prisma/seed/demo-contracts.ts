import type { Db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { addLine, recordReceipt, savePlan } from "#app/modules/contracts/contract-edit.server.ts";
import { createContract, setPublished, transitionContract } from "#app/modules/contracts/contracts.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { businessDay } from "#app/modules/service/service-dates.ts";

// Demo contracts (issue #18 items 6 and 8, decision 045): a multi-part contract template and a proposal
// template, and zone A's company (company 1, 沈阳恒通) with a contract in execution — three instalments, the first
// received, the second due in 5 days (the next worker tick sends its "upcoming" reminder), published to
// the zone. Idempotent: skipped when the demo template exists.

const TEMPLATE = "标准销售合同";
const PARTS = [
  {
    title: "合同双方",
    body: "合同编号：{{contract.number}}\n甲方（买方）：{{company.name}}\n乙方（卖方）：{{seller.name}}\n签订日期：{{contract.signedOn}}",
  },
  { title: "一、产品清单", body: "{{products}}\n合同总金额（含税）：{{contract.amount}}" },
  {
    title: "二、结算与交货",
    body: "结算方式：{{contract.settlement}}\n交货方式：{{contract.delivery}}\n付款按以下收款计划执行：\n{{plan}}",
  },
  { title: "三、其他条款", body: "{{terms}}" },
];
const TERMS =
  "1. 整机质保 12 个月，易损件除外。\n2. 乙方负责安装调试并提供一天现场培训。\n3. 本合同一式两份，双方各执一份。";

export async function seedDemoContracts(db: Db): Promise<{ contracts: number }> {
  if (await db.documentTemplate.findFirst({ where: { kind: "contract", name: TEMPLATE } })) return { contracts: 0 };
  const template = await db.documentTemplate.create({
    data: { kind: "contract", name: TEMPLATE, parts: { create: PARTS.map((p, position) => ({ ...p, position })) } },
  });
  await db.documentTemplate.create({
    data: {
      kind: "proposal",
      name: "解决方案建议书",
      parts: {
        create: [
          { position: 0, title: "项目背景", body: "（请填写客户现状与需求。）" },
          { position: 1, title: "解决方案", body: "（请描述推荐的产品组合与实施方式。）" },
        ],
      },
    },
  });
  const company = await db.company.findUnique({ where: { number: recordNumber("company", 1) } });
  const owner = await db.staff.findUnique({ where: { email: "wang.lei@relay-demo.cn" } });
  const products = await db.product.findMany({ where: { active: true }, orderBy: { id: "asc" }, take: 2 });
  if (!company || !owner || products.length === 0) return { contracts: 0 };
  // The seed acts with an administrator's reach on the salesperson's behalf; the owner is 王磊.
  const actor = staffActorFor(owner, { isAdmin: true });
  const today = businessDay(new Date());
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000);
  const created = await createContract(db, actor, {
    name: "空压机配套",
    companyId: company.id,
    contactId: null,
    opportunityId: null,
    templateId: template.id,
    fromOpportunity: false,
    typeCode: "add_on",
    settlementCode: "wire",
    deliveryCode: "rail",
    signedOn: day(-30),
    startDate: day(-16),
    endDate: day(335),
    terms: TERMS,
  });
  if (created.status !== "ok") return { contracts: 0 };
  const id = created.value.id;
  let revision = 0;
  for (const [i, p] of products.entries()) {
    await addLine(db, actor, id, { productId: p.id, quantity: i === 0 ? 2 : 1, unitPrice: null, revision: revision++ });
  }
  const contract = await db.salesContract.findUniqueOrThrow({ where: { id }, select: { amountFen: true } });
  const total = Number(contract.amountFen);
  const first = Math.round(total * 0.3);
  const second = Math.round(total * 0.6);
  await savePlan(db, actor, id, {
    revision: revision++,
    instalments: [
      { label: "预付款", dueDate: day(-20), amount: first },
      { label: "到货款", dueDate: day(5), amount: second },
      { label: "质保金", dueDate: day(365), amount: total - first - second },
    ],
  });
  await transitionContract(db, actor, id, "submit");
  await transitionContract(db, actor, id, "approve");
  const instalment = await db.paymentInstalment.findFirstOrThrow({ where: { contractId: id, position: 0 } });
  await recordReceipt(db, actor, id, {
    instalmentId: instalment.id,
    amount: first,
    receivedOn: day(-18),
    note: "电汇到账",
  });
  await setPublished(db, actor, id, true);
  return { contracts: 1 };
}
