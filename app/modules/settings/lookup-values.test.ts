import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { addCampaignExpense } from "#app/modules/campaigns/campaigns.server.ts";
import { listCampaignLedger } from "#app/modules/campaigns/campaign-workspace.server.ts";
import { createSalesCampaign, createSalesStaff } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  isLookupCode,
  lookupLabel,
  lookupOptions,
  lookupPicker,
  lookupValues,
  saveLookupValue,
} from "./lookup-values.server.ts";

async function admin() {
  const { staff } = await createTestStaff(db, { isAdmin: true });
  return staffActorFor(staff, { isAdmin: true });
}

describe("system tables (系统表)", () => {
  beforeEach(() => resetDatabase());

  it("reads the defaults, keeping the codes already stored on records", async () => {
    const types = await lookupOptions(db, "company_type", "zh-CN");
    expect(types.map((o) => o.value)).toContain("end_user_direct");
    expect(types.map((o) => o.value)).toContain("customer_distribution");
    expect(await lookupLabel(db, "company_type", "end_user_direct", "en")).toBe("End user – direct");
    expect(await lookupLabel(db, "industry", "it", "zh-CN")).toBe("IT 业");
    expect(await lookupLabel(db, "industry", "自定义行业", "en")).toBe("自定义行业");
    const kinds = await lookupOptions(db, "service_request_kind", "en");
    expect(kinds.map((k) => k.value)).toEqual(["question", "opinion", "suggestion", "fault"]);
    const travel = (await lookupValues(db, "expense_type")).find((v) => v.code === "travel");
    expect(travel).toMatchObject({ personal: true, reportClass: "selling" });
  });

  it("campaign expenses take their type from the table: a deactivated type is refused on new lines, still labelled on old ones", async () => {
    const actor = await admin();
    const marketing = await createSalesStaff(db, "marketing");
    const campaign = await createSalesCampaign(db, marketing.staff.id);
    const add = (expenseType?: string) =>
      addCampaignExpense(db, marketing.actor, campaign.id, {
        amount: "880",
        description: "展会茶歇",
        spentOn: "2027-03-02",
        ...(expenseType === undefined ? {} : { expenseType }),
      });
    expect(await add("exhibition")).toMatchObject({ kind: "ok" });
    expect(await add()).toMatchObject({ kind: "ok" });
    expect(await add("no-such-type")).toMatchObject({ kind: "invalid", errors: { expenseType: expect.any(Array) } });
    await saveLookupValue(db, actor, "expense_type", {
      code: "exhibition",
      labelZh: "会展费",
      labelEn: "Exhibitions",
      position: 60,
      active: false,
      reportClass: "marketing",
    });
    expect(await add("exhibition")).toMatchObject({ kind: "invalid" });
    const picker = await lookupPicker(db, "expense_type", "en");
    expect(picker.options.map((o) => o.value)).not.toContain("exhibition");
    expect(picker.labels.exhibition).toBe("Exhibitions");
    const lines = await listCampaignLedger(db, marketing.actor, campaign.id, "expenses");
    expect(lines?.map((l) => l.typeCode).sort()).toEqual(["exhibition", null].sort());
  });

  it("an edit is seen on the next read (also by another process's cache) and is audited", async () => {
    const actor = await admin();
    expect((await lookupOptions(db, "industry", "zh-CN"))[1]?.label).toBe("IT 业");
    const saved = await saveLookupValue(db, actor, "industry", {
      code: "it",
      labelZh: "信息技术",
      labelEn: "IT",
      position: 5,
      active: true,
    });
    expect(saved.status).toBe("ok");
    expect((await lookupOptions(db, "industry", "zh-CN"))[0]?.label).toBe("信息技术");
    // Another instance changes a row directly: the version check notices without a local invalidation.
    await db.lookupValue.update({
      where: { tableKey_code: { tableKey: "industry", code: "manufacturing" } },
      data: { active: false },
    });
    const after = await lookupOptions(db, "industry", "zh-CN");
    expect(after.map((o) => o.value)).not.toContain("manufacturing");
    // …but a record that stores it still shows it.
    expect((await lookupOptions(db, "industry", "zh-CN", "manufacturing")).map((o) => o.value)).toContain(
      "manufacturing",
    );
    expect(await isLookupCode(db, "industry", "manufacturing")).toBe(false);
    expect(await isLookupCode(db, "industry", "manufacturing", "manufacturing")).toBe(true);
    expect(await db.lookupValue.count({ where: { tableKey: "industry" } })).toBe(12);
    expect(await db.auditLog.count({ where: { action: "lookupValue.updated" } })).toBe(1);
  });

  it("adds values, orders them, and refuses bad input and new codes in fixed tables", async () => {
    const actor = await admin();
    const added = await saveLookupValue(db, actor, "expense_type", {
      code: "training",
      labelZh: "培训费",
      labelEn: "Training",
      position: 1,
      active: true,
      personal: false,
      reportClass: "admin",
    });
    expect(added.status).toBe("ok");
    const first = (await lookupValues(db, "expense_type"))[0];
    expect(first).toMatchObject({ code: "training", reportClass: "admin", personal: false });
    expect(
      await saveLookupValue(db, actor, "expense_type", {
        code: "x y",
        labelZh: "",
        labelEn: "X",
        position: 1,
        active: true,
      }),
    ).toMatchObject({ status: "invalid", fieldErrors: { code: ["adminSystem.tables.invalid"] } });
    expect(
      await saveLookupValue(db, actor, "service_request_kind", {
        code: "praise",
        labelZh: "表扬",
        labelEn: "Praise",
        position: 1,
        active: true,
      }),
    ).toMatchObject({ status: "invalid", fieldErrors: { code: ["adminSystem.tables.fixedCodes"] } });
    // A fixed table's value can be relabelled but not deactivated.
    await saveLookupValue(db, actor, "service_request_kind", {
      code: "fault",
      labelZh: "设备故障",
      labelEn: "Fault",
      position: 1,
      active: false,
    });
    expect(await lookupOptions(db, "service_request_kind", "zh-CN")).toContainEqual({
      value: "fault",
      label: "设备故障",
    });
  });
});
