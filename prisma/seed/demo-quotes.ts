import type { Db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { addDays, businessDay } from "#app/modules/quotes/quote-dates.ts";
import { addQuoteLine } from "#app/modules/quotes/quote-lines.server.ts";
import { createQuote } from "#app/modules/quotes/quotes.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";

// Demo quotes (issue #18 item 5, decision 044): a quote template and common clauses, a draft quote
// for the first demo company (the editor's screenshot, /crm/quotes/1 on a fresh seed) and the same
// company's quote published to its zone (zone A: 恒通), so 用户专区 → 报价单 has something to answer.
// Idempotent: skipped when the demo template exists.

const TEMPLATE = "标准报价（30 天）";
const TERMS = "1. 报价含 13% 增值税，有效期 30 天。\n2. 交货期：合同签订并收到预付款后 30 日内发货。";
const CLAUSES = [
  { title: "付款方式", body: "合同签订后预付 30%，发货前付清余款。", position: 1 },
  { title: "质保", body: "整机质保 12 个月，易损件除外；质保期内免费上门维修。", position: 2 },
  { title: "运输", body: "含运费送货到客户指定地点（中国大陆），卸货由客户负责。", position: 3 },
  { title: "安装培训", body: "免费安装调试，并为操作人员提供一天现场培训。", position: 4 },
];

export async function seedDemoQuotes(db: Db): Promise<{ quotes: number }> {
  if (await db.quoteTemplate.findUnique({ where: { name: TEMPLATE } })) return { quotes: 0 };
  await db.quoteTemplate.create({ data: { name: TEMPLATE, validityDays: 30, terms: TERMS } });
  await db.quoteClause.createMany({ data: CLAUSES });

  const company = await db.company.findUnique({ where: { number: recordNumber("company", 1) } });
  const sales = await db.staff.findUnique({ where: { email: "sales@relay-demo.cn" } });
  const products = await db.product.findMany({ where: { active: true }, orderBy: { id: "asc" }, take: 2 });
  if (!company || !sales || products.length === 0) return { quotes: 0 };
  const contact = await db.contact.findFirst({
    where: { companyId: company.id, deletedAt: null },
    orderBy: { id: "asc" },
  });
  // The seed acts with an administrator's reach on the salesperson's behalf (the demo company may
  // belong to someone else); the quote's owner is the salesperson.
  const actor = staffActorFor(sales, { isAdmin: true });
  const validUntil = addDays(businessDay(new Date()), 30);
  const made: number[] = [];
  for (const title of ["动平衡机及空压机报价", "动平衡机及空压机报价（专区）"]) {
    const created = await createQuote(db, actor, {
      title,
      companyId: company.id,
      contactId: contact?.id ?? null,
      opportunityId: null,
      validUntil,
      terms: TERMS,
      remark: null,
      templateId: null,
      copyItems: false,
    });
    if (created.status !== "ok") throw new Error(`demo quote: ${JSON.stringify(created)}`);
    const id = created.value.id;
    const lines = [
      ...products.map((p, i) => ({
        productId: p.id,
        name: null,
        quantity: i === 0 ? 5 : 2,
        unitPrice: null,
        taxRate: null,
      })),
      { productId: null, name: "安装调试及现场培训", quantity: 1, unitPrice: 300_000, taxRate: 600 },
    ];
    for (const line of lines) {
      const version = (await db.quote.findUniqueOrThrow({ where: { id } })).updatedAt;
      const added = await addQuoteLine(db, actor, id, { ...line, version, unit: null, discountPercent: 0 });
      if (added.status !== "ok") throw new Error(`demo quote line: ${JSON.stringify(added)}`);
    }
    made.push(id);
  }
  // The second one as if approved and published (the demo's approval flow asks a sales manager).
  await db.quote.update({ where: { id: made[1]! }, data: { status: "sent", publishedAt: new Date() } });
  return { quotes: made.length };
}
