import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestCsr, createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  addMaintenance,
  AssetError,
  createAsset,
  getAssetForStaff,
  getZoneAsset,
  listAssets,
  listCompanyAssetTree,
  updateAsset,
} from "./assets.server.ts";
import { assetList } from "./service-list-queries.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("customer assets", () => {
  it("creates an asset with every field and a record number from its id", async () => {
    const { company, csr } = await createTestZone(db);
    const { id, number } = await createAsset(
      db,
      {
        companyId: company.id,
        name: "SY3240平衡机",
        model: "SY3240-6e",
        serialNumber: "20040201-5326-A33",
        spec: "6 工位",
        quantity: "2" as unknown as number, // form input arrives as a string
        customerAssetNo: "KH-001",
        referenceNo: "REF-9",
        supplier: "上海申岩",
        status: "installed",
        installedOn: "2026-03-01",
        warrantyScope: "整机",
        warrantyStart: "2026-03-01",
        warrantyEnd: "2027-02-28",
      },
      csr.actor,
    );
    expect(number).toBe(`ASST${String(id).padStart(12, "0")}`);
    const row = await db.asset.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ quantity: 2, serialNumber: "20040201-5326-A33", supplier: "上海申岩" });
    expect(row.warrantyEnd?.toISOString().slice(0, 10)).toBe("2027-02-28");
    expect(await db.auditLog.count({ where: { action: "asset.created", entityId: String(id) } })).toBe(1);
  });

  it("rejects a warranty that ends before it starts", async () => {
    const { company, csr } = await createTestZone(db);
    await expect(
      createAsset(
        db,
        { companyId: company.id, name: "x", warrantyStart: "2026-05-01", warrantyEnd: "2026-04-01" },
        csr.actor,
      ),
    ).rejects.toThrow();
  });

  it("builds system → unit → part, refuses a fourth level, cycles and other companies' parents", async () => {
    const { company, csr } = await createTestZone(db);
    const other = await createTestZone(db);
    const system = await createAsset(db, { companyId: company.id, name: "系统" }, csr.actor);
    const unit = await createAsset(db, { companyId: company.id, name: "单元", parentId: system.id }, csr.actor);
    const part = await createAsset(db, { companyId: company.id, name: "部件", parentId: unit.id }, csr.actor);
    await expect(
      createAsset(db, { companyId: company.id, name: "太深", parentId: part.id }, csr.actor),
    ).rejects.toMatchObject({
      code: "bad-parent",
    });
    await expect(
      updateAsset(db, system.id, { companyId: company.id, name: "系统", parentId: part.id }, csr.actor),
    ).rejects.toMatchObject({ code: "bad-parent" });
    const foreign = await createAsset(db, { companyId: other.company.id, name: "别人的" }, other.csr.actor);
    await expect(
      updateAsset(db, part.id, { companyId: company.id, name: "部件", parentId: foreign.id }, csr.actor),
    ).rejects.toBeInstanceOf(AssetError);
    // moving a unit with a part under another root would make four levels
    const otherSystem = await createAsset(db, { companyId: company.id, name: "系统2" }, csr.actor);
    const otherUnit = await createAsset(
      db,
      { companyId: company.id, name: "单元2", parentId: otherSystem.id },
      csr.actor,
    );
    await expect(
      updateAsset(db, unit.id, { companyId: company.id, name: "单元", parentId: otherUnit.id }, csr.actor),
    ).rejects.toMatchObject({ code: "bad-parent" });

    const tree = await listCompanyAssetTree(db, company.id);
    expect(tree.map((n) => n.name)).toEqual(["系统", "系统2"]);
    expect(tree[0]!.children[0]!.children[0]!.name).toBe("部件");
  });

  it("logs maintenance and moves the status with it", async () => {
    const { company, csr } = await createTestZone(db);
    const asset = await createAsset(db, { companyId: company.id, name: "主机", status: "shipped" }, csr.actor);
    await addMaintenance(
      db,
      asset.id,
      { performedOn: "2026-04-02", method: "install", summary: "现场安装调试" },
      csr.actor,
    );
    await addMaintenance(
      db,
      asset.id,
      { performedOn: "2026-06-10", method: "upgrade", summary: "固件升级到 2.1" },
      csr.actor,
    );
    const detail = await getAssetForStaff(db, asset.id, csr.actor);
    expect(detail?.status).toBe("upgraded");
    expect(detail?.maintenance.map((m) => m.method)).toEqual(["upgrade", "install"]);
    await expect(
      addMaintenance(db, asset.id, { performedOn: "2026-13-01", method: "repair", summary: "x" }, csr.actor),
    ).rejects.toThrow();
  });

  it("keeps staff to their scope and zones to their company", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const mine = await createAsset(db, { companyId: a.company.id, name: "A 的设备" }, a.csr.actor);
    await expect(createAsset(db, { companyId: a.company.id, name: "越权" }, b.csr.actor)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await getAssetForStaff(db, mine.id, b.csr.actor)).toBeNull();
    const search = (q: string) => assetList.parse(new URLSearchParams(q));
    expect((await listAssets(db, b.csr.actor, assetList.defaults)).total.count).toBe(0);
    expect((await listAssets(db, a.csr.actor, assetList.defaults)).total.count).toBe(1);
    const boss = await createTestCsr(db, { scope: "all" });
    expect((await listAssets(db, boss.actor, search("q=A 的"))).total.count).toBe(1);
    await createAsset(db, { companyId: a.company.id, name: "B 号设备" }, a.csr.actor);
    const byName = await listAssets(db, a.csr.actor, search("sort=name&dir=desc"));
    expect(byName.rows.map((r) => r.name)).toEqual(["B 号设备", "A 的设备"]);

    expect(await getZoneAsset(db, b.company.id, mine.id)).toBeNull();
    expect((await getZoneAsset(db, a.company.id, mine.id))?.name).toBe("A 的设备");
  });
});
