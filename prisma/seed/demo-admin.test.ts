import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { latestApprovalFor, submitForApproval } from "#app/modules/approvals/approvals.server.ts";
import { loadBusinessCalendar } from "#app/modules/settings/business-calendar.server.ts";
import { isWorkdayKey } from "#app/modules/settings/business-calendar.ts";
import { portalFooterDetails } from "#app/modules/settings/company-profile.server.ts";
import { createSalesCompany } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { seedDemoAdmin, STATUTORY_NOTE } from "./demo-admin.ts";
import { RECORD_NUMBER_KINDS } from "#app/modules/settings/record-number-format.ts";

const counts = async () => ({
  teams: await db.team.count(),
  flows: await db.approvalFlow.count(),
  steps: await db.approvalStep.count(),
  approvers: await db.approvalStepApprover.count(),
  holidays: await db.holiday.count(),
  formats: await db.numberFormat.count(),
});

describe("demo administration data", { timeout: 60_000 }, () => {
  beforeEach(() => resetDatabase());

  it("hangs the demo teams under branches without moving anyone, and stays idempotent", async () => {
    const north = await db.team.create({ data: { name: "销售一部（华北）" } });
    const { staff: lina } = await createTestStaff(db, { email: "sales@relay-demo.cn", teamId: north.id });
    const { staff: wang } = await createTestStaff(db, { email: "wang.lei@relay-demo.cn", teamId: north.id });
    await createTestStaff(db, { email: "chen.jing@relay-demo.cn" });
    await createTestStaff(db, { email: "admin@relay-demo.cn", isAdmin: true });

    await seedDemoAdmin(db);
    const first = await counts();
    await seedDemoAdmin(db);
    expect(await counts()).toEqual(first);

    const team = await db.team.findUniqueOrThrow({
      where: { id: north.id },
      include: { parent: { include: { parent: true } } },
    });
    expect(team.parent).toMatchObject({ name: "华北分公司", kind: "branch" });
    expect(team.parent?.parent).toMatchObject({ name: "接力科技有限公司", kind: "company", parentId: null });
    expect(await db.team.findUniqueOrThrow({ where: { name: "上海办事处" } })).toMatchObject({ kind: "office" });
    // Nobody changed team; the new branch and office teams hold no staff.
    expect((await db.staff.findUniqueOrThrow({ where: { id: lina.id } })).teamId).toBe(north.id);
    expect(await db.staff.count({ where: { team: { kind: { in: ["company", "branch", "office"] } } } })).toBe(0);

    expect(first).toMatchObject({ flows: 6, formats: RECORD_NUMBER_KINDS.length });
    // The proposal flow is (王磊 AND 陈静) then (周明 OR 市场主管): with only 王磊 voting it stays at step 1.
    const author = staffActorFor((await createTestStaff(db)).staff);
    const company = await createSalesCompany(db, { ownerId: author.staffId });
    await db.proposal.create({ data: { id: 7, title: "演示提议", companyId: company.id, ownerId: author.staffId } });
    const submitted = await db.$transaction((tx) => submitForApproval(tx, author, { itemType: "proposal", itemId: 7 }));
    expect(submitted).toMatchObject({ status: "ok", value: { status: "pending" } });
    expect(await latestApprovalFor(db, staffActorFor(wang), "proposal", 7)).toMatchObject({
      stepCount: 2,
      mayDecide: true,
    });
  });

  it("gives the calendar 2026's holidays with their 调休 days, and the footer its details", async () => {
    await seedDemoAdmin(db);
    const cal = await loadBusinessCalendar(db);
    expect(isWorkdayKey(cal, "2026-02-16")).toBe(false); // Monday in the Spring Festival week
    expect(isWorkdayKey(cal, "2026-02-14")).toBe(true); // Saturday worked (调休)
    expect(isWorkdayKey(cal, "2026-10-10")).toBe(true);
    expect(isWorkdayKey(cal, "2026-10-08")).toBe(true); // Thursday after National Day
    expect(isWorkdayKey(cal, "2027-02-08")).toBe(false); // 初三 2027, statutory
    // 2027: the statutory days only, each telling the admin that the 调休 arrangement is still to add.
    const y2027 = await db.holiday.findMany({
      where: { date: { gte: new Date("2027-01-01"), lt: new Date("2028-01-01") } },
      orderBy: { date: "asc" },
    });
    expect(y2027.map((h) => h.date.toISOString().slice(0, 10))).toEqual([
      "2027-01-01",
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-04-05",
      "2027-05-01",
      "2027-05-02",
      "2027-06-09",
      "2027-09-15",
      "2027-10-01",
      "2027-10-02",
      "2027-10-03",
    ]);
    expect(y2027.every((h) => !h.workday && h.name.includes(STATUTORY_NOTE))).toBe(true);
    expect(isWorkdayKey(cal, "2027-06-09")).toBe(false); // 端午, a Wednesday
    expect(isWorkdayKey(cal, "2027-06-10")).toBe(true);
    expect(await portalFooterDetails(db)).toMatchObject({
      hotline: "400-820-6688",
      icpNumber: "京ICP备2026012345号-1",
    });
  });
});
