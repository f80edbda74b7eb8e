import { beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { createTestAsset, createTestContract, createTestCsr, createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getStaffContractPage, getZoneContractPage } from "./contract-pages.server.ts";

beforeEach(() => resetDatabase());

describe("contract pages", () => {
  it("gives the CSR the contract with totals, days left, the assets it could still cover and owners", async () => {
    const { company, csr } = await createTestZone(db);
    const covered = await createTestAsset(db, company.id, { name: "平衡机" });
    const spare = await createTestAsset(db, company.id, { name: "加工中心" });
    const contract = await createTestContract(db, company.id, {
      endDate: new Date("2026-12-31T00:00:00Z"),
      ownerId: csr.staff.id,
    });
    await db.serviceContractAsset.create({
      data: {
        contractId: contract.id,
        assetId: covered.id,
        netValue: new Prisma.Decimal("1200.50"),
        totalValue: new Prisma.Decimal("1500"),
      },
    });

    const page = await getStaffContractPage(db, csr.actor, contract.id, new Date("2026-12-21T04:00:00Z"));
    expect(page).not.toBeNull();
    expect(page!.canModify).toBe(true);
    expect(page!.canApprove).toBe(false);
    expect(page!.coverable.map((a) => a.id)).toEqual([spare.id]);
    expect(page!.contract).toMatchObject({
      endDate: "2026-12-31",
      daysLeft: 10,
      totals: { net: "1200.50", total: "1500.00" },
      covered: [{ id: covered.id, netValue: "1200.50", totalValue: "1500.00" }],
    });
    expect(page!.owners.map((o) => o.id)).toContain(csr.staff.id);
  });

  it("returns nothing outside the CSR's customers, and the zone sees approved contracts only", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const live = await createTestContract(db, a.company.id);
    const draft = await createTestContract(db, a.company.id, { status: "drafting", approvalState: "pending" });
    const stranger = await createTestCsr(db, { scope: "own" });

    expect(await getStaffContractPage(db, stranger.actor, live.id)).toBeNull();
    expect(await getZoneContractPage(db, a.company.id, draft.id)).toBeNull();
    expect(await getZoneContractPage(db, b.company.id, live.id)).toBeNull();
    expect((await getZoneContractPage(db, a.company.id, live.id))?.id).toBe(live.id);
  });
});
