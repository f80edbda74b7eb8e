import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { ProductPicker } from "#portal/components/product-picker.tsx";
import { getCustomerContractPage } from "#portal/components/zone/customer-contract.server.ts";
import ZoneContract from "#portal/routes/zone-contract.tsx";
import { renderComponent, renderPage } from "#portal/testing/render-page.tsx";
import { createTestAsset, createTestContract, createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";

// Issue #14 item 12: customers read money as ¥228,000.00 and see the contract value they pay, never
// our net value.

const MEMBER = { nickname: "星辰采购部", level: "customer", verificationPending: false, showZone: true, unread: 0 };

describe("issue #14 item 12: money on the zone contract page", () => {
  beforeEach(() => resetDatabase());

  async function contractPage() {
    const { company, zone, csr } = await createTestZone(db);
    const contract = await createTestContract(db, company.id, { ownerId: csr.staff.id });
    const asset = await createTestAsset(db, company.id, { name: "核心交换机" });
    await db.serviceContractAsset.create({
      data: { contractId: contract.id, assetId: asset.id, netValue: "171234.56", totalValue: "228000" },
    });
    const record = await getCustomerContractPage(db, company.id, contract.id);
    expect(record).not.toBeNull();
    return { zone: { name: zone.name }, record: record!, other: await createTestZone(db), contractId: contract.id };
  }

  it("keeps the net value out of the customer's page data and scopes the contract to the company", async () => {
    const { record, other, contractId } = await contractPage();
    expect(JSON.stringify(record)).not.toContain("171234.56");
    expect(JSON.stringify(record)).not.toMatch(/net/i);
    expect(record.contractValue).toBe("228000.00");
    expect(record.covered).toEqual([expect.objectContaining({ name: "核心交换机", value: "228000.00" })]);
    expect(await getCustomerContractPage(db, other.company.id, contractId)).toBeNull();
  });

  it("renders the contract value as ¥228,000.00 in zh-CN and English, with no net value", async () => {
    const loaderData = await contractPage();
    for (const [locale, netLabels] of [
      ["zh-CN", ["签约净值", "净值合计"]],
      ["en", ["Net value"]],
    ] as const) {
      const html = renderPage(ZoneContract, {
        locale,
        portal: { member: MEMBER },
        path: "/zone/contracts/1",
        loaderData,
      });
      expect(html.match(/¥228,000\.00/g)?.length).toBe(2);
      expect(html).not.toContain("228000.00");
      expect(html).not.toContain("171,234.56");
      expect(html).not.toContain("171234.56");
      for (const label of netLabels) expect(html).not.toContain(label);
    }
  });
});

describe("issue #14 item 12: money on the order form", () => {
  it("shows unit prices and the estimate with app/lib/format (¥1,280.00)", () => {
    const products = [{ sku: "P-1", name: "标准版", unit: "套", unitPrice: "1280.00" }];
    const html = renderComponent(<ProductPicker products={products} values={{ "qty.P-1": "2" }} errors={{}} />, {
      locale: "en",
    });
    expect(html).toContain("¥1,280.00");
    expect(html).toContain("¥2,560.00");
  });
});
