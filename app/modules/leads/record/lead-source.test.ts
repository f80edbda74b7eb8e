import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { enterLeadByHand } from "#app/modules/leads/intake/lead-entry.server.ts";
import { submitLead } from "#app/modules/leads/intake/lead-intake.server.ts";
import { saveLookupValue } from "#app/modules/settings/lookup-values.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createSalesStaff } from "#tests/factories/sales.ts";
import { createTestLead, leadActor } from "#tests/factories/lead-inbox.ts";
import { createTestSalesperson } from "#tests/factories/lead-work.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { countLeads, listLeads } from "./lead-queries.server.ts";
import { setLeadSourceAs } from "./lead-source.server.ts";

// 线索来源 (#16 item 6, decision 040): intake maps the channel to a lead_source code, staff entry may
// pick one, the lead page changes it (deactivated values stay on their leads), the list filters by it.

let n = 0;
const person = () => {
  n++;
  return { contact: { name: `来源测试${n}`, mobile: `1391000${String(1000 + n).slice(-4)}` }, company: {} };
};

async function deactivate(code: string) {
  const admin = staffActorFor((await createTestStaff(db, { isAdmin: true })).staff, { isAdmin: true });
  const result = await saveLookupValue(db, admin, "lead_source", {
    code,
    labelZh: code,
    labelEn: code,
    position: 999,
    active: false,
  });
  expect(result.status).toBe("ok");
}

describe("lead sources", () => {
  beforeEach(() => resetDatabase());

  it("maps each intake channel to its source code, keeping the channel in `source`", async () => {
    const owner = await createTestSalesperson(db);
    for (const channel of ["api", "forum", "staff"] as const) {
      const result = await submitLead(db, person(), { categoryId: null, source: channel, ownerStaffId: owner.id });
      expect(result.status, channel).toBe("created");
      if (result.status !== "created") continue;
      const row = await db.lead.findUniqueOrThrow({ where: { id: result.lead.id } });
      expect(row).toMatchObject({ source: channel, sourceCode: channel });
    }
  });

  it("stores the source picked on manual entry, and refuses unknown or deactivated ones creating nothing", async () => {
    const { staff, actor } = await createSalesStaff(db, "sales");
    const picked = await enterLeadByHand(db, actor, { ...person(), sourceCode: "exhibition" }, {});
    expect(picked.status).toBe("ok");
    if (picked.status === "ok") {
      expect(await db.lead.findUniqueOrThrow({ where: { id: picked.value.leadId } })).toMatchObject({
        source: "staff",
        sourceCode: "exhibition",
        ownerId: staff.id,
      });
    }
    const blank = await enterLeadByHand(db, actor, { ...person(), sourceCode: "" }, {});
    if (blank.status !== "ok") throw new Error("blank source refused");
    expect((await db.lead.findUniqueOrThrow({ where: { id: blank.value.leadId } })).sourceCode).toBe("staff");

    await deactivate("advertising");
    const before = await db.lead.count();
    for (const sourceCode of ["advertising", "no_such_source", "x".repeat(41)]) {
      const result = await enterLeadByHand(db, actor, { ...person(), sourceCode }, {});
      expect(result.status, sourceCode).toBe("invalid");
      if (result.status === "invalid") expect(result.fieldErrors.sourceCode).toEqual(["adminEnums.leadSource.invalid"]);
    }
    expect(await db.lead.count()).toBe(before);
  });

  it("lets the owner change the source, keeps a deactivated one, and hides the lead from others", async () => {
    const owner = await createTestSalesperson(db);
    const rival = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id });
    await db.lead.update({ where: { id: lead.id }, data: { sourceCode: "advertising" } });
    await deactivate("advertising");
    const me = leadActor(owner, "own");

    // The deactivated value the lead carries may stay; another deactivated or unknown one may not.
    expect(await setLeadSourceAs(db, me, lead.id, "advertising")).toMatchObject({ value: { changed: false } });
    expect(await setLeadSourceAs(db, me, lead.id, "bogus")).toMatchObject({ status: "invalid" });
    expect(await setLeadSourceAs(db, me, lead.id, "referral")).toMatchObject({ value: { changed: true } });
    expect(await setLeadSourceAs(db, me, lead.id, "advertising")).toMatchObject({ status: "invalid" });
    expect(await setLeadSourceAs(db, leadActor(rival, "own"), lead.id, "telephone")).toMatchObject({
      status: "not-found",
    });
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).sourceCode).toBe("referral");
    expect(await db.auditLog.count({ where: { action: "lead.sourceChanged", entityId: String(lead.id) } })).toBe(1);
  });

  it("filters the lead list by source", async () => {
    const owner = await createTestSalesperson(db);
    const a = await createTestLead(db, { ownerId: owner.id });
    const b = await createTestLead(db, { ownerId: owner.id });
    await createTestLead(db, { ownerId: owner.id });
    await db.lead.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { sourceCode: "exhibition" } });
    const me = leadActor(owner, "own");
    const page = await listLeads(db, me, { tab: "all", filters: { sourceCode: "exhibition" } });
    expect(page.items.map((l) => l.id).sort()).toEqual([a.id, b.id].sort());
    expect((await countLeads(db, me, { tab: "all", filters: { sourceCode: "referral" } })).count).toBe(0);
  });
});
