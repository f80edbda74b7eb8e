import type { Db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { addRefPart, createProposal } from "#app/modules/contracts/proposals.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";

// Demo proposal (decision 050): zone A's company (恒通) gets a 解决方案建议书 made from the demo proposal
// template, with the quote and the contract already published to its zone and one product's
// introduction inserted, published to the zone as if approved (the demo flow asks four people). So
// /crm/proposals/1 and 用户专区 → 提议 have something to show. Idempotent: skipped when it exists.

const TITLE = "恒通动平衡与压缩空气系统改造建议书";

export async function seedDemoProposals(db: Db): Promise<{ proposals: number }> {
  if (await db.proposal.findFirst({ where: { title: TITLE } })) return { proposals: 0 };
  const company = await db.company.findUnique({ where: { number: recordNumber("company", 1) } });
  const owner = await db.staff.findUnique({ where: { email: "wang.lei@relay-demo.cn" } });
  const template = await db.documentTemplate.findFirst({ where: { kind: "proposal", active: true } });
  if (!company || !owner) return { proposals: 0 };
  // The seed acts with an administrator's reach on the salesperson's behalf; the owner is 王磊.
  const actor = staffActorFor(owner, { isAdmin: true });
  const created = await createProposal(db, actor, {
    title: TITLE,
    companyId: company.id,
    templateId: template?.id ?? null,
  });
  if (created.status !== "ok") return { proposals: 0 };
  const id = created.value.id;
  const [quote, contract, product] = await Promise.all([
    db.quote.findFirst({ where: { companyId: company.id, publishedAt: { not: null } }, orderBy: { id: "asc" } }),
    db.salesContract.findFirst({
      where: { companyId: company.id, publishedAt: { not: null } },
      orderBy: { id: "asc" },
    }),
    db.product.findFirst({ where: { active: true, portalCustomer: true }, orderBy: { id: "asc" } }),
  ]);
  if (quote) await addRefPart(db, actor, id, { kind: "quote", refId: quote.id });
  if (contract) await addRefPart(db, actor, id, { kind: "contract", refId: contract.id });
  if (product) await addRefPart(db, actor, id, { kind: "product", refId: product.id });
  await db.proposal.update({ where: { id }, data: { status: "published", publishedAt: new Date() } });
  return { proposals: 1 };
}
