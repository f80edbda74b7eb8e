import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createSalesOpportunity, createSalesStaff } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { moveOpportunityStage } from "./opportunity-stage.server.ts";
import {
  deleteSalesStage,
  listSalesMethodsForAdmin,
  moveSalesStage,
  saveSalesMethod,
  saveSalesStage,
} from "./sales-method-admin.server.ts";
import { defaultSalesMethod, findStage } from "./sales-stages.server.ts";

// The stage editor (#18 item 4, decision 040): admins add, edit, reorder, deactivate and delete
// stages; a stage in use is never deleted or remapped; every method keeps an open, a won and a lost
// stage; the default method stays active.

const stage = (over: Record<string, unknown> = {}) => ({
  nameZh: "技术交流",
  nameEn: "Technical exchange",
  probability: "40",
  kind: "open",
  phase: "qualification",
  forecast: "on",
  active: "on",
  ...over,
});

async function setup() {
  const { actor } = await createSalesStaff(db, "admin");
  const method = await defaultSalesMethod(db);
  return { actor, method };
}

describe("stage editor", () => {
  beforeEach(() => resetDatabase());

  it("adds a stage at the end, edits it, and reorders stages densely", async () => {
    const { actor, method } = await setup();
    const added = await saveSalesStage(db, actor, { methodId: method.id, values: stage() });
    expect(added.status).toBe("ok");
    if (added.status !== "ok") return;
    let [listed] = await listSalesMethodsForAdmin(db);
    expect(listed!.stages.at(-1)).toMatchObject({
      id: added.value.stageId,
      sortOrder: 7,
      probability: 40,
      kind: "open",
      legacyStage: "qualification",
      forecast: true,
      active: true,
      inUse: false,
    });

    const edited = await saveSalesStage(db, actor, {
      methodId: method.id,
      stageId: String(added.value.stageId),
      values: stage({ nameEn: "Tech talk", probability: "45", forecast: undefined }),
    });
    expect(edited.status).toBe("ok");
    // Up twice: it passes the lost and won stages; numbers stay 1..7.
    for (let i = 0; i < 2; i++) {
      expect(
        await moveSalesStage(db, actor, { methodId: method.id, stageId: added.value.stageId, direction: "up" }),
      ).toEqual({
        status: "ok",
        value: { moved: true },
      });
    }
    [listed] = await listSalesMethodsForAdmin(db);
    expect(listed!.stages.map((s) => s.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(listed!.stages[4]).toMatchObject({ nameEn: "Tech talk", probability: 45, forecast: false });
    const top = listed!.stages[0]!;
    expect(await moveSalesStage(db, actor, { methodId: method.id, stageId: top.id, direction: "up" })).toEqual({
      status: "ok",
      value: { moved: false },
    });
    expect(await db.auditLog.count({ where: { entityType: "SalesStage" } })).toBe(4);
  });

  it("refuses to delete or remap a stage in use, deactivates it instead, and keeps it on its opportunity", async () => {
    const { actor, method } = await setup();
    const { staff } = await createSalesStaff(db, "sales");
    const extra = await saveSalesStage(db, actor, { methodId: method.id, values: stage() });
    if (extra.status !== "ok") throw new Error("setup");
    const stageId = extra.value.stageId;
    const opp = await createSalesOpportunity(db, { ownerId: staff.id });
    await db.opportunity.update({ where: { id: opp.id }, data: { stageId, salesMethodId: method.id } });

    expect(await deleteSalesStage(db, actor, { methodId: method.id, stageId })).toMatchObject({
      status: "conflict",
      message: "stageEditor.error.inUse",
    });
    expect(
      await saveSalesStage(db, actor, { methodId: method.id, stageId, values: stage({ kind: "won" }) }),
    ).toMatchObject({ status: "conflict", message: "stageEditor.error.kindInUse" });
    // The default method's fixed-phase rows without a stageId use its stages too (decision 038).
    await createSalesOpportunity(db, { ownerId: staff.id, stage: "negotiation" });
    const negotiation = method.stages.find((s) => s.legacyStage === "negotiation")!;
    expect(await deleteSalesStage(db, actor, { methodId: method.id, stageId: negotiation.id })).toMatchObject({
      status: "conflict",
    });

    expect(
      await saveSalesStage(db, actor, { methodId: method.id, stageId, values: stage({ active: undefined }) }),
    ).toMatchObject({ status: "ok" });
    expect(await findStage(db, stageId)).toBeNull();
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).stageId).toBe(stageId);
    const [listed] = await listSalesMethodsForAdmin(db);
    expect(listed!.stages.find((s) => s.id === stageId)).toMatchObject({
      active: false,
      inUse: true,
      opportunities: 1,
    });

    // Moving an opportunity to the deactivated stage is refused.
    const owner = (await createSalesStaff(db, "admin")).actor;
    const other = await createSalesOpportunity(db, { ownerId: staff.id });
    const fresh = await db.opportunity.findUniqueOrThrow({ where: { id: other.id } });
    expect(
      await moveOpportunityStage(db, owner, other.id, { stageId, version: fresh.updatedAt, reason: null }),
    ).toMatchObject({
      status: "invalid",
    });
  });

  it("deletes an unused stage, but never the last won or lost one; validates input", async () => {
    const { actor, method } = await setup();
    const extra = await saveSalesStage(db, actor, { methodId: method.id, values: stage() });
    if (extra.status !== "ok") throw new Error("setup");
    expect(await deleteSalesStage(db, actor, { methodId: method.id, stageId: extra.value.stageId })).toEqual({
      status: "ok",
      value: { deleted: true },
    });
    const won = method.stages.find((s) => s.kind === "won")!;
    expect(await deleteSalesStage(db, actor, { methodId: method.id, stageId: won.id })).toMatchObject({
      message: "stageEditor.error.required",
    });
    expect(
      await saveSalesStage(db, actor, {
        methodId: method.id,
        stageId: won.id,
        values: stage({ kind: "won", active: "" }),
      }),
    ).toMatchObject({ message: "stageEditor.error.required" });

    const bad = await saveSalesStage(db, actor, {
      methodId: method.id,
      values: stage({ nameZh: "  ", probability: "101", kind: "maybe" }),
    });
    expect(bad).toMatchObject({
      status: "invalid",
      fieldErrors: {
        nameZh: ["stageEditor.error.name"],
        probability: ["stageEditor.error.probability"],
        kind: ["stageEditor.error.kind"],
      },
    });
    for (const ids of [
      { methodId: "x", stageId: won.id },
      { methodId: 999999, stageId: won.id },
      { methodId: method.id, stageId: "-3" },
    ]) {
      expect((await deleteSalesStage(db, actor, ids)).status).toBe("not-found");
    }
    expect(await moveSalesStage(db, actor, { methodId: method.id, stageId: won.id, direction: "left" })).toMatchObject({
      status: "invalid",
    });
    expect(await db.salesStage.count({ where: { methodId: method.id } })).toBe(6);
  });

  it("adds a method with starter stages, moves the default, and keeps default and used methods active", async () => {
    const { actor, method } = await setup();
    const added = await saveSalesMethod(db, actor, {
      values: { nameZh: "项目型销售", nameEn: "Project sale", active: "on" },
    });
    if (added.status !== "ok") throw new Error("add method");
    const newId = added.value.methodId;
    expect((await db.salesStage.findMany({ where: { methodId: newId } })).map((s) => s.kind).sort()).toEqual([
      "lost",
      "open",
      "won",
    ]);
    expect(
      await saveSalesMethod(db, actor, { methodId: method.id, values: { nameZh: "标准", nameEn: "Standard" } }),
    ).toMatchObject({ message: "stageEditor.error.defaultActive" });

    expect(
      await saveSalesMethod(db, actor, {
        methodId: String(newId),
        values: { nameZh: "项目型销售", nameEn: "Project sale", active: "on", isDefault: "on" },
      }),
    ).toMatchObject({ status: "ok" });
    const defaults = await db.salesMethod.findMany({ where: { isDefault: true } });
    expect(defaults.map((m) => m.id)).toEqual([newId]);

    const { staff } = await createSalesStaff(db, "sales");
    const opp = await createSalesOpportunity(db, { ownerId: staff.id });
    await db.opportunity.update({ where: { id: opp.id }, data: { salesMethodId: method.id } });
    expect(
      await saveSalesMethod(db, actor, { methodId: method.id, values: { nameZh: "标准", nameEn: "Standard" } }),
    ).toMatchObject({ message: "stageEditor.error.methodInUse" });
    expect(await saveSalesMethod(db, actor, { values: { nameZh: "", nameEn: "x" } })).toMatchObject({
      status: "invalid",
    });
  });
});
