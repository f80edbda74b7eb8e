import { z } from "zod";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { checkbox, msg, optionalDate, trimmedText } from "#app/lib/schemas.ts";
import { readLines } from "./product-input.ts";
import { parseFen, zheOf, type PriceTier } from "./pricing.ts";

// What the price-scheme form posts (client and server). Tiers (价格明细) are typed one per line as
// "<from quantity> <price or discount>": "10 9折", "50 8.5折", "20 5%" (5 % off) or "100 ¥70.00"
// (a unit price per base unit). Quantities count the product's base unit.

export const MEMBER_LEVELS = ["prospect", "customer", "partner"] as const;
export const SCHEME_TARGETS = ["product", "category"] as const;
const MAX_TIERS = 20;

/** One tier line → a tier, or null when it cannot be read. */
export function parseTierLine(line: string): PriceTier | null {
  const text = line.normalize("NFKC").trim();
  const match = /^(\d{1,9})\s*(?:件|个|台|支|套)?\s*[:=,\s]\s*(.+)$/.exec(text);
  if (!match) return null;
  const minQuantity = Number(match[1]);
  const rest = (match[2] as string).replace(/\s+/g, "");
  if (minQuantity < 1) return null;
  const zhe = /^(\d(?:\.\d)?)折$/.exec(rest);
  if (zhe) {
    const discountBp = 10_000 - Math.round(Number(zhe[1]) * 1000);
    return discountBp >= 0 && discountBp < 10_000 ? { minQuantity, discountBp } : null;
  }
  const percent = /^(\d{1,2}(?:\.\d{1,2})?)%$/.exec(rest);
  if (percent) return { minQuantity, discountBp: Math.round(Number(percent[1]) * 100) };
  const price = parseFen(rest);
  return price === null ? null : { minQuantity, unitPriceFen: price };
}

/** Tiers back to the lines the form shows. */
export function tierLines(
  tiers: ReadonlyArray<{ minQuantity: number; unitPrice: string | null; discountBp: number | null }>,
) {
  return tiers
    .map((t) => {
      if (t.unitPrice !== null) return `${t.minQuantity} ¥${t.unitPrice}`;
      const bp = t.discountBp ?? 0;
      const zhe = zheOf(bp);
      return zhe ? `${t.minQuantity} ${zhe}折` : `${t.minQuantity} ${bp / 100}%`;
    })
    .join("\n");
}

const optionalId = z.coerce.number().int().positive().max(2_147_483_647).optional();

export const PriceSchemeInput = z
  .object({
    name: trimmedText(200),
    target: z.enum(SCHEME_TARGETS, msg("validation.choose")),
    productId: optionalId,
    categoryId: optionalId,
    currency: z.enum(["CNY"]).default("CNY"),
    validFrom: optionalDate,
    validTo: optionalDate,
    memberLevel: z.enum(MEMBER_LEVELS).optional(),
    companyId: optionalId,
    shared: checkbox(),
    grantStaffIds: z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(50).optional(),
    tiers: trimmedText(2000),
  })
  .transform((input, ctx) => {
    const refuse = (path: string, message: MessageKey) => {
      ctx.addIssue({ code: "custom", path: [path], message });
      return z.NEVER;
    };
    const tiers = readLines(input.tiers, parseTierLine, MAX_TIERS);
    if (tiers === "too-many") return refuse("tiers", "catalog.error.tooManyLines");
    if (tiers === "unreadable") return refuse("tiers", "catalog.scheme.error.tierLine");
    if (input.target === "product" && !input.productId) return refuse("productId", "validation.required");
    if (input.target === "category" && !input.categoryId) return refuse("categoryId", "validation.required");
    if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
      return refuse("validTo", "catalog.scheme.error.period");
    }
    return {
      name: input.name,
      productId: input.target === "product" ? (input.productId ?? null) : null,
      categoryId: input.target === "category" ? (input.categoryId ?? null) : null,
      currency: input.currency,
      validFrom: input.validFrom,
      validTo: input.validTo,
      memberLevel: input.memberLevel ?? null,
      companyId: input.companyId ?? null,
      shared: input.shared,
      grantStaffIds: [...new Set(input.grantStaffIds ?? [])],
      tiers,
    };
  });

export type PriceSchemeInputValue = z.output<typeof PriceSchemeInput>;
