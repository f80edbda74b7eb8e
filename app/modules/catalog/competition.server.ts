import { z } from "zod";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { optionalMoney, optionalText, trimmedText } from "#app/lib/schemas.ts";
import { forbidden, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// 竞争产品比较 (seed §2.L.12): a competitor's product recorded once (by competitor and name) and
// compared with ours — our strengths, theirs — on the product's 竞争产品 tab.

export const ComparisonInput = z.object({
  competitorName: trimmedText(200),
  name: trimmedText(200),
  price: optionalMoney(),
  keyFeatures: optionalText(2000),
  defects: optionalText(2000),
  ourStrengths: optionalText(1000),
  theirStrengths: optionalText(1000),
});
export type ComparisonInputValue = z.output<typeof ComparisonInput>;

/** A product's comparisons; prices as decimal strings (they travel to the browser). */
export async function listComparisons(db: DbOrTx, productId: number) {
  const rows = await db.productComparison.findMany({
    where: { productId },
    orderBy: { id: "asc" },
    include: { competitorProduct: true },
  });
  return rows.map((row) => ({
    ...row,
    competitorProduct: { ...row.competitorProduct, price: row.competitorProduct.price?.toFixed(2) ?? null },
  }));
}

/** Record a comparison; the competitor product is reused when that competitor's product exists. */
export async function addComparison(
  db: DbOrTx,
  actor: StaffActor,
  productId: number,
  input: ComparisonInputValue,
): Promise<ServiceResult<{ id: number }>> {
  if (!can(actor, "catalog", "modify")) return forbidden();
  if (!(await db.product.findUnique({ where: { id: productId }, select: { id: true } }))) return notFound();
  const existing = await db.competitorProduct.findFirst({
    where: { competitorName: input.competitorName, name: input.name },
    select: { id: true },
  });
  const details = { price: input.price, keyFeatures: input.keyFeatures, defects: input.defects };
  const competitor = existing
    ? await db.competitorProduct.update({ where: { id: existing.id }, data: details, select: { id: true } })
    : await db.competitorProduct.create({
        data: { competitorName: input.competitorName, name: input.name, ...details },
        select: { id: true },
      });
  const comparison = await db.productComparison.upsert({
    where: { productId_competitorProductId: { productId, competitorProductId: competitor.id } },
    create: {
      productId,
      competitorProductId: competitor.id,
      ourStrengths: input.ourStrengths,
      theirStrengths: input.theirStrengths,
    },
    update: { ourStrengths: input.ourStrengths, theirStrengths: input.theirStrengths },
    select: { id: true },
  });
  return ok(comparison);
}

export async function removeComparison(
  db: DbOrTx,
  actor: StaffActor,
  productId: number,
  comparisonId: number,
): Promise<ServiceResult<undefined>> {
  if (!can(actor, "catalog", "modify")) return forbidden();
  const removed = await db.productComparison.deleteMany({ where: { id: comparisonId, productId } });
  return removed.count === 0 ? notFound() : ok();
}
