import { describe, expect, it } from "vitest";
import {
  fenToDecimalString,
  parseFen,
  priceBasket,
  priceLine,
  resolvePackagings,
  schemeIssues,
  splitTax,
  toBaseQuantity,
  zheOf,
  type PriceScheme,
} from "./pricing.ts";

// ¥100.00 a 台, 13 % VAT included; 10 台 → 9 折, 50 台 → 8 折, 100 台 → ¥70.00 each.
const machine: PriceScheme = {
  basePriceFen: 10_000,
  taxRateBp: 1300,
  priceIncludesTax: true,
  tiers: [
    { minQuantity: 10, discountBp: 1000 },
    { minQuantity: 50, discountBp: 2000 },
    { minQuantity: 100, unitPriceFen: 7000 },
  ],
};

describe("tier boundaries", () => {
  it.each([
    [1, 10_000, null, 10_000],
    [9, 10_000, null, 90_000],
    [10, 9000, 0, 90_000],
    [44, 9000, 0, 396_000],
    [45, 9000, 0, 400_000],
    [49, 9000, 0, 400_000],
    [50, 8000, 1, 400_000],
    [87, 8000, 1, 696_000],
    [88, 8000, 1, 700_000],
    [99, 8000, 1, 700_000],
    [100, 7000, 2, 700_000],
    [1000, 7000, 2, 7_000_000],
  ])("%i 台: %i fen each (tier %s), %i fen in all", (quantity, unitPriceFen, tierIndex, amountFen) => {
    const line = priceLine(machine, quantity);
    expect(line.unitPriceFen).toBe(unitPriceFen);
    expect(line.tierIndex).toBe(tierIndex);
    expect(line.amountFen).toBe(amountFen);
    expect(line.capFen).toBe(unitPriceFen * quantity - amountFen);
    expect(line.listAmountFen).toBe(10_000 * quantity);
    expect(line.discountFen).toBe(10_000 * quantity - amountFen);
  });

  it("zero is a line worth nothing that still hints at the first tier", () => {
    const line = priceLine(machine, 0);
    expect([line.amountFen, line.grossFen, line.taxFen]).toEqual([0, 0, 0]);
    expect(line.nextTier).toEqual({
      moreQuantity: 10,
      unitPriceFen: 9000,
      discountBp: 1000,
      kind: "discount",
      extraFen: 90_000,
    });
  });

  it("hints how many more reach the next tier: 再买 6 件享 9 折", () => {
    expect(priceLine(machine, 4).nextTier).toEqual({
      moreQuantity: 6,
      unitPriceFen: 9000,
      discountBp: 1000,
      kind: "discount",
      extraFen: 50_000,
    });
    expect(priceLine(machine, 60).nextTier).toMatchObject({
      moreQuantity: 40,
      unitPriceFen: 7000,
      kind: "price",
      extraFen: 220_000,
    });
    // Inside the capped stretch reaching the tier costs nothing more.
    expect(priceLine(machine, 47).nextTier).toMatchObject({ moreQuantity: 3, extraFen: 0 });
    expect(priceLine(machine, 100).nextTier).toBeNull();
    expect(zheOf(1000)).toBe("9");
    expect(zheOf(1500)).toBe("8.5");
    expect(zheOf(1234)).toBeNull();
    expect(zheOf(0)).toBeNull();
  });

  it("a tier listed out of order still applies at its own quantity", () => {
    const shuffled = { ...machine, tiers: [machine.tiers[2]!, machine.tiers[0]!, machine.tiers[1]!] };
    expect(priceLine(shuffled, 50).unitPriceFen).toBe(8000);
    expect(priceLine(shuffled, 100).unitPriceFen).toBe(7000);
    expect(schemeIssues(shuffled).map((i) => i.code)).toContain("tier-order");
  });
});

describe("tax convention", () => {
  it("含税: the amount is the gross, net = gross ÷ 1.13 rounded half-up, tax the difference", () => {
    const line = priceLine(machine, 3); // ¥300.00 含税
    expect(line).toMatchObject({ amountFen: 30_000, grossFen: 30_000, netFen: 26_549, taxFen: 3451 });
  });

  it("不含税: the amount is the net, tax = net × 13 % rounded half-up, gross = net + tax", () => {
    const line = priceLine({ ...machine, priceIncludesTax: false }, 3);
    expect(line).toMatchObject({ amountFen: 30_000, netFen: 30_000, taxFen: 3900, grossFen: 33_900 });
    // ¥0.05 × 13 % = 0.65 fen → 1 fen (half-up on the fen).
    expect(splitTax(5, 1300, false)).toEqual({ netFen: 5, taxFen: 1, grossFen: 6 });
    expect(splitTax(0, 600, true)).toEqual({ netFen: 0, taxFen: 0, grossFen: 0 });
  });
});

describe("packaging", () => {
  const packagings = resolvePackagings("支", [
    { unit: "箱", contains: 50, of: "包" },
    { unit: "包", contains: 100, of: "支" },
  ]);
  const box = packagings.find((p) => p.unit === "箱")!;
  const pack = packagings.find((p) => p.unit === "包")!;
  // ¥0.35 a 支; 10000 支 → 9 折; 150 支 → ¥0.34.
  const pens: PriceScheme = {
    basePriceFen: 35,
    taxRateBp: 1300,
    priceIncludesTax: true,
    tiers: [
      { minQuantity: 150, unitPriceFen: 34 },
      { minQuantity: 10_000, discountBp: 1000 },
    ],
  };

  it("resolves 100 支/包 and 50 包/箱 into base units whatever the order", () => {
    expect(packagings).toEqual([
      { unit: "支", baseQuantity: 1 },
      { unit: "包", baseQuantity: 100 },
      { unit: "箱", baseQuantity: 5000 },
    ]);
    expect(toBaseQuantity(3, box)).toBe(15_000);
    expect(toBaseQuantity(7, pack)).toBe(700);
    expect(toBaseQuantity(7)).toBe(7);
  });

  it("resolves steps listed base-first as well", () => {
    const chain = resolvePackagings("支", [
      { unit: "包", contains: 100, of: "支" },
      { unit: "箱", contains: 50, of: "包" },
    ]);
    expect(chain.map((p) => p.baseQuantity)).toEqual([1, 100, 5000]);
  });

  it("refuses unknown, repeated and empty packagings", () => {
    expect(() => resolvePackagings("支", [{ unit: "箱", contains: 50, of: "包" }])).toThrow(RangeError);
    expect(() =>
      resolvePackagings("支", [
        { unit: "包", contains: 100, of: "支" },
        { unit: "包", contains: 10, of: "支" },
      ]),
    ).toThrow(RangeError);
    expect(() => resolvePackagings("支", [{ unit: "包", contains: 0, of: "支" }])).toThrow(RangeError);
  });

  it("prices a packaging per its own unit and picks the tier by base quantity", () => {
    expect(priceLine(pens, 1, pack)).toMatchObject({ unitPriceFen: 3500, baseQuantity: 100, tierIndex: null });
    // 2 包 = 200 支 ≥ 150: ¥0.34 × 100 a 包.
    expect(priceLine(pens, 2, pack)).toMatchObject({ unitPriceFen: 3400, amountFen: 6800, tierIndex: 0 });
    expect(priceLine(pens, 99, pack).unitPriceFen).toBe(3400);
    // 100 包 = 10000 支: 9 折 of ¥35.00 a 包.
    expect(priceLine(pens, 100, pack)).toMatchObject({ unitPriceFen: 3150, tierIndex: 1 });
    expect(priceLine(pens, 2, box)).toMatchObject({ unitPriceFen: 157_500, amountFen: 315_000, baseQuantity: 10_000 });
    expect(priceLine(pens, 1, box)).toMatchObject({ unitPriceFen: 170_000, tierIndex: 0 });
    expect(priceLine(pens, 149).unitPriceFen).toBe(35);
    expect(priceLine(pens, 150).unitPriceFen).toBe(34);
  });

  it("hints in the line's own unit", () => {
    expect(priceLine(pens, 1, pack).nextTier).toMatchObject({ moreQuantity: 1, unitPriceFen: 3400 });
    expect(priceLine(pens, 1, box).nextTier).toMatchObject({ moreQuantity: 1, unitPriceFen: 157_500 });
  });

  it("rounds a discounted packaging price once, per unit of the packaging", () => {
    // 9 折 of ¥0.35 is ¥0.315: per 包 it is exactly ¥31.50, per 支 it rounds to ¥0.32.
    const flat = { ...pens, tiers: [{ minQuantity: 1, discountBp: 1000 }] };
    expect(priceLine(flat, 1, pack).unitPriceFen).toBe(3150);
    expect(priceLine(flat, 1).unitPriceFen).toBe(32);
  });
});

describe("cliffs and bad input", () => {
  it("names a tier whose smallest order costs less than the previous tier's", () => {
    const dominated: PriceScheme = {
      ...machine,
      tiers: [
        { minQuantity: 10, unitPriceFen: 9000 },
        { minQuantity: 11, unitPriceFen: 5000 },
      ],
    };
    expect(schemeIssues(dominated)).toEqual([{ code: "tier-dominated", tierIndex: 1 }]);
    // Still priced monotonically: 10 cost what 11 cost.
    expect(priceLine(dominated, 10).amountFen).toBe(55_000);
    expect(priceLine(dominated, 9).amountFen).toBe(55_000);
    expect(schemeIssues(machine)).toEqual([]);
  });

  it("names every malformed tier and refuses to price a scheme without a base price", () => {
    const bad: PriceScheme = {
      basePriceFen: 100,
      taxRateBp: 1300,
      priceIncludesTax: true,
      tiers: [
        { minQuantity: 5 },
        { minQuantity: 6, unitPriceFen: 50, discountBp: 10 },
        { minQuantity: 0, discountBp: 10 },
        { minQuantity: 8, unitPriceFen: 200 },
      ],
    };
    expect(schemeIssues(bad)).toEqual([
      { code: "tier-shape", tierIndex: 0 },
      { code: "tier-shape", tierIndex: 1 },
      { code: "tier-shape", tierIndex: 2 },
      { code: "tier-above-base", tierIndex: 3 },
    ]);
    expect(schemeIssues({ ...bad, taxRateBp: -1 })).toEqual([{ code: "tax-rate" }]);
    expect(() => priceLine({ ...bad, basePriceFen: -1 }, 1)).toThrow(RangeError);
    expect(() => priceLine(machine, -1)).toThrow(RangeError);
    expect(() => priceLine(machine, 1.5)).toThrow(RangeError);
    expect(() => priceLine(machine, Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });
});

describe("basket", () => {
  it("sums lines and states the saving with tax included", () => {
    const basket = priceBasket([
      { scheme: machine, quantity: 10 },
      { scheme: { ...machine, priceIncludesTax: false }, quantity: 1 },
    ]);
    expect(basket.totals).toEqual({
      currency: "CNY",
      lineCount: 2,
      listGrossFen: 100_000 + 11_300,
      discountFen: 10_000,
      netFen: 79_646 + 10_000,
      taxFen: 10_354 + 1300,
      grossFen: 90_000 + 11_300,
    });
    expect(priceBasket([]).totals.grossFen).toBe(0);
  });

  it("refuses to add up two currencies", () => {
    expect(() =>
      priceBasket([
        { scheme: machine, quantity: 1 },
        { scheme: { ...machine, currency: "USD" }, quantity: 1 },
      ]),
    ).toThrow(RangeError);
  });
});

describe("money text", () => {
  it("parses and prints fen exactly", () => {
    expect(parseFen("1234.5")).toBe(123_450);
    expect(parseFen("¥1,234.56")).toBe(123_456);
    expect(parseFen("0.1")).toBe(10);
    expect(parseFen("12")).toBe(1200);
    for (const bad of ["", "-1", "1.234", "abc", "1e5"]) expect(parseFen(bad)).toBeNull();
    expect(fenToDecimalString(123_456)).toBe("1234.56");
    expect(fenToDecimalString(5)).toBe("0.05");
    expect(fenToDecimalString(-5)).toBe("-0.05");
  });
});
