import { describe, expect, it } from "vitest";
import type { PriceScheme } from "#app/modules/catalog/pricing.ts";
import { priceCatalogLine, priceFreeLine, quoteTotals } from "./quote-pricing.ts";

// A quote line's money to the fen: the scheme's tier, packaging, a typed price or discount, tax split
// per line in the line's convention, and totals that are exactly the sums of the lines.

const balancer: PriceScheme = {
  basePriceFen: 1_280_000,
  taxRateBp: 1300,
  priceIncludesTax: true,
  tiers: [
    { minQuantity: 5, discountBp: 1000 },
    { minQuantity: 10, discountBp: 1500 },
  ],
};

describe("quote line pricing", () => {
  it("prices from the scheme's tier at the boundary and splits the tax 含税", () => {
    const below = priceCatalogLine({
      scheme: balancer,
      packaging: null,
      baseUnit: "台",
      quantity: 4,
      typedPriceFen: null,
      discountBp: 0,
    });
    expect(below).toMatchObject({ unitPriceFen: 1_280_000, lineTotalFen: 5_120_000, discountBp: 0, unit: "台" });
    const at = priceCatalogLine({
      scheme: balancer,
      packaging: null,
      baseUnit: "台",
      quantity: 5,
      typedPriceFen: null,
      discountBp: 0,
    });
    expect(at).toMatchObject({ unitPriceFen: 1_152_000, lineTotalFen: 5_760_000, discountBp: 1000 });
    expect(at.netFen + at.taxFen).toBe(at.grossFen);
    expect(at.grossFen).toBe(at.lineTotalFen);
    expect(at.netFen).toBe(Math.round(5_760_000 / 1.13));
  });

  it("applies a typed discount to the unit price, rounded half-up once, total = unit × quantity", () => {
    const line = priceCatalogLine({
      scheme: balancer,
      packaging: null,
      baseUnit: "台",
      quantity: 3,
      typedPriceFen: 99_999,
      discountBp: 333,
    });
    // 99,999 × (1 − 3.33 %) = 96,669.0333 → 96,669
    expect(line.unitPriceFen).toBe(96_669);
    expect(line.lineTotalFen).toBe(96_669 * 3);
    expect(line.listPriceFen).toBe(1_280_000);
  });

  it("prices packagings: 3 箱 of 5000 支 at the 支 tier", () => {
    const pens: PriceScheme = {
      basePriceFen: 10,
      taxRateBp: 1300,
      priceIncludesTax: false,
      tiers: [{ minQuantity: 10_000, unitPriceFen: 8 }],
    };
    const line = priceCatalogLine({
      scheme: pens,
      packaging: { unit: "箱", baseQuantity: 5000 },
      baseUnit: "支",
      quantity: 3,
      typedPriceFen: null,
      discountBp: 0,
    });
    expect(line).toMatchObject({
      unit: "箱",
      unitFactor: 5000,
      unitPriceFen: 40_000,
      lineTotalFen: 120_000,
      netFen: 120_000,
    });
    expect(line.taxFen).toBe(15_600);
    expect(line.grossFen).toBe(135_600);
  });

  it("prices a free line and totals lines exactly", () => {
    const install = priceFreeLine({ unit: "次", quantity: 1, priceFen: 300_000, discountBp: 0, taxRateBp: 600 });
    expect(install).toMatchObject({ lineTotalFen: 300_000, grossFen: 300_000, taxRateBp: 600 });
    const a = priceFreeLine({ unit: "项", quantity: 3, priceFen: 33_333, discountBp: 0, taxRateBp: 1300 });
    const totals = quoteTotals([install, a]);
    expect(totals.totalFen).toBe(300_000 + 99_999);
    expect(totals.netFen + totals.taxFen).toBe(totals.totalFen);
  });

  it("refuses amounts beyond what the columns hold", () => {
    expect(() =>
      priceFreeLine({ unit: "项", quantity: 1_000_000, priceFen: 99_999_999_999, discountBp: 0, taxRateBp: 1300 }),
    ).toThrow(RangeError);
  });
});
