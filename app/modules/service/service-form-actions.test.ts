import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestAsset, createTestContract, createTestCsr, createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { logMaintenanceForm, saveAssetForm } from "./asset-actions.server.ts";
import { coverAssetForm, transitionContractForm, uncoverAssetForm } from "./contract-actions.server.ts";

beforeEach(() => resetDatabase());

describe("asset page forms", () => {
  it("logs maintenance, and refuses a bad date with typed keys and nothing written", async () => {
    const { company, csr } = await createTestZone(db);
    const asset = await createTestAsset(db, company.id);
    const bad = await logMaintenanceForm(db, csr.actor, asset.id, {
      performedOn: "2026-02-31",
      method: "repair",
      summary: "",
    });
    expect(bad).toMatchObject({
      status: "invalid",
      fieldErrors: { performedOn: ["validation.date"], summary: ["validation.required"] },
      values: { intent: "maintenance" },
    });
    expect(await db.assetMaintenance.count()).toBe(0);
    const good = await logMaintenanceForm(db, csr.actor, asset.id, {
      performedOn: "2026-05-02",
      method: "repair",
      summary: "更换皮带",
    });
    expect(good).toEqual({ status: "ok", value: undefined });
    expect(await db.assetMaintenance.count({ where: { assetId: asset.id } })).toBe(1);
  });

  it("answers 404 outside the CSR's customers and a field error for a parent from another company", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const asset = await createTestAsset(db, a.company.id, { name: "原名" });
    const foreign = await createTestAsset(db, b.company.id);
    const base = { companyId: String(a.company.id), name: "新名" };
    expect(await saveAssetForm(db, b.csr.actor, asset.id, base)).toMatchObject({ status: "not-found" });
    expect(await saveAssetForm(db, a.csr.actor, asset.id, { ...base, parentId: String(foreign.id) })).toMatchObject({
      status: "invalid",
      fieldErrors: { parentId: ["zones.bo.asset.error.parent"] },
    });
    expect(
      await saveAssetForm(db, a.csr.actor, asset.id, {
        ...base,
        warrantyStart: "2026-05-01",
        warrantyEnd: "2026-04-01",
      }),
    ).toMatchObject({ fieldErrors: { warrantyEnd: ["validation.endBeforeStart"] } });
    expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).name).toBe("原名");
    expect(await saveAssetForm(db, a.csr.actor, asset.id, base)).toMatchObject({ status: "ok" });
    expect((await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).name).toBe("新名");
  });
});

describe("contract page forms", () => {
  it("refuses approval without the all scope (403) and a wrong state (409); covers and uncovers assets", async () => {
    const { company, csr } = await createTestZone(db);
    const manager = await createTestCsr(db, { scope: "all" });
    const draft = await createTestContract(db, company.id, { status: "drafting", approvalState: "pending" });
    expect(await transitionContractForm(db, csr.actor, draft.id, "approve")).toMatchObject({
      status: "forbidden",
      message: "zones.bo.contract.error.approve",
    });
    expect(await transitionContractForm(db, manager.actor, draft.id, "complete")).toMatchObject({
      status: "conflict",
      message: "zones.bo.contract.error.state",
    });
    expect(await transitionContractForm(db, manager.actor, draft.id, "approve")).toEqual({
      status: "ok",
      value: "approve",
    });

    const asset = await createTestAsset(db, company.id);
    expect(await coverAssetForm(db, csr.actor, draft.id, { assetId: "x" })).toMatchObject({ status: "invalid" });
    expect(
      await coverAssetForm(db, csr.actor, draft.id, { assetId: String(asset.id), netValue: "100", totalValue: "" }),
    ).toMatchObject({ status: "ok" });
    expect(await db.serviceContractAsset.count({ where: { contractId: draft.id } })).toBe(1);
    expect(await uncoverAssetForm(db, csr.actor, draft.id, { assetId: String(asset.id) })).toMatchObject({
      status: "ok",
    });
    expect(await db.serviceContractAsset.count({ where: { contractId: draft.id } })).toBe(0);
  });
});
