import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { applicableSchemes } from "#app/modules/catalog/price-schemes.server.ts";
import { priceLine, resolvePackagings, schemeIssues } from "#app/modules/catalog/pricing.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { seedDemoCatalog } from "./demo-catalog.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("demo catalog", () => {
  it(
    "seeds ~40 products with valid packagings and tiered schemes, once however often it runs",
    { timeout: 180_000 },
    async () => {
      const first = await seedDemoCatalog(db);
      await seedDemoCatalog(db);
      expect(first.products).toBe(40);
      expect(await db.product.count()).toBe(40);
      expect(await db.priceScheme.count()).toBe(first.schemes);

      const products = await db.product.findMany({ include: { packagings: true } });
      for (const p of products) {
        const steps = p.packagings.map((k) => ({ unit: k.unit, contains: k.contains, of: k.ofUnit }));
        expect(() => resolvePackagings(p.unit, steps), p.sku).not.toThrow();
      }
      const schemes = await applicableSchemes(db, products, { at: new Date(), memberLevel: "customer" });
      for (const p of products) {
        const scheme = schemes.get(p.id)!;
        expect(schemeIssues(scheme), p.sku).toEqual([]);
      }
      const balancer = products.find((p) => p.sku === "BAL-SY3240")!;
      expect(priceLine(schemes.get(balancer.id)!, 5).unitPriceFen).toBe(11_520_000);
      const chalk = products.find((p) => p.sku === "SUP-CHALK")!;
      const box = resolvePackagings(chalk.unit, [
        { unit: "包", contains: 100, of: "支" },
        { unit: "箱", contains: 50, of: "包" },
      ]).find((k) => k.unit === "箱")!;
      // One 箱 = 5000 支 ≥ 1000: 8 折 of ¥3.50 × 5000.
      expect(priceLine(schemes.get(chalk.id)!, 1, box).unitPriceFen).toBe(1_400_000);
    },
  );
});
