import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestAsset, createTestContract, createTestCsr, createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getStaffAssetPage, getZoneAssetPage } from "./asset-pages.server.ts";

beforeEach(() => resetDatabase());

describe("asset pages", () => {
  it("shows the staff page to the zone's CSR with rights, parents, staff names and calendar days", async () => {
    const { company, csr } = await createTestZone(db);
    const system = await createTestAsset(db, company.id, { name: "平衡机" });
    const unit = await createTestAsset(db, company.id, { name: "测量单元", parentId: system.id });
    await db.asset.update({ where: { id: unit.id }, data: { installedOn: new Date("2026-03-01T00:00:00Z") } });
    await db.assetMaintenance.create({
      data: {
        assetId: unit.id,
        performedOn: new Date("2026-05-02T00:00:00Z"),
        method: "repair",
        summary: "更换皮带",
        staffId: csr.staff.id,
      },
    });
    const draft = await createTestContract(db, company.id, { status: "drafting", approvalState: "pending" });
    await db.serviceContractAsset.create({ data: { contractId: draft.id, assetId: unit.id } });

    const page = await getStaffAssetPage(db, csr.actor, unit.id);
    expect(page).not.toBeNull();
    expect(page!.canModify).toBe(true);
    expect(page!.parents.map((p) => p.id)).toEqual([system.id]);
    expect(page!.asset.installedOn).toBe("2026-03-01");
    expect(page!.asset.maintenance).toEqual([
      {
        id: expect.any(Number),
        performedOn: "2026-05-02",
        method: "repair",
        summary: "更换皮带",
        staff: csr.staff.name,
      },
    ]);
    // staff see draft contracts too
    expect(page!.asset.contracts.map((c) => c.id)).toEqual([draft.id]);
  });

  it("hides another customer's asset from a CSR and a browse-only CSR gets no edit rights", async () => {
    const { company } = await createTestZone(db);
    const asset = await createTestAsset(db, company.id);
    const other = await createTestCsr(db, { scope: "own" });
    expect(await getStaffAssetPage(db, other.actor, asset.id)).toBeNull();

    const { staff } = await createTestCsr(db, { scope: "all" });
    const browseOnly = staffActorFor(staff, { grants: { service: { browse: "all" } } });
    const page = await getStaffAssetPage(db, browseOnly, asset.id);
    expect(page?.canModify).toBe(false);
    expect(page?.parents).toEqual([]);
  });

  it("shows the zone only its own company's asset, approved contracts and no staff names", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const asset = await createTestAsset(db, a.company.id);
    await db.assetMaintenance.create({
      data: {
        assetId: asset.id,
        performedOn: new Date(),
        method: "maintain",
        summary: "巡检",
        staffId: a.csr.staff.id,
      },
    });
    const live = await createTestContract(db, a.company.id, { assetIds: [asset.id] });
    await createTestContract(db, a.company.id, { status: "drafting", approvalState: "pending", assetIds: [asset.id] });

    expect(await getZoneAssetPage(db, b.company.id, asset.id)).toBeNull();
    const page = await getZoneAssetPage(db, a.company.id, asset.id);
    expect(page?.contracts.map((c) => c.id)).toEqual([live.id]);
    expect(page?.maintenance.map((m) => m.staff)).toEqual([null]);
  });
});
