import type { Prisma } from "#app/generated/prisma/client.ts";

/** A product as a priced line reads it (quote, contract, opportunity item, price scheme): list price,
 * tax and the category price schemes may be set on. */
export const productLineSelect = {
  id: true,
  sku: true,
  name: true,
  unit: true,
  unitPrice: true,
  categoryId: true,
  taxRateBp: true,
  priceIncludesTax: true,
} satisfies Prisma.ProductSelect;
export type ProductForLine = Prisma.ProductGetPayload<{ select: typeof productLineSelect }>;
