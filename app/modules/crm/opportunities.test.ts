import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import {
  createSalesCompany,
  createSalesOpportunity,
  createSalesStaff,
  createSalesTeam,
} from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { runRecordWidgetIntent } from "#app/modules/notes/record-widget-actions.server.ts";
import {
  getOpportunityDetail,
  listOpportunities,
  opportunityWorkAccess,
  updateOpportunity,
} from "./opportunities.server.ts";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("opportunities", () => {
  beforeEach(() => resetDatabase());

  it("lists within scope with stage/owner filters, totals and pages", async () => {
    const team = await createSalesTeam(db);
    const manager = await createSalesStaff(db, "salesManager", { teamId: team.id });
    const rep = await createSalesStaff(db, "sales", { teamId: team.id });
    const other = await createSalesStaff(db, "sales");
    const company = await createSalesCompany(db, { name: "星辰科技有限公司" });
    await createSalesOpportunity(db, { ownerId: rep.staff.id, stage: "won", amount: "1000", companyId: company.id });
    await createSalesOpportunity(db, { ownerId: rep.staff.id, stage: "proposal", amount: "250.50" });
    await createSalesOpportunity(db, { ownerId: manager.staff.id, stage: "lost", amount: "99" });
    await createSalesOpportunity(db, { ownerId: other.staff.id, stage: "won", amount: "5000" });

    const repList = await listOpportunities(db, rep.actor);
    expect(repList.total).toEqual({ count: 2, capped: false });
    expect(repList.totals).toEqual({ amount: "1250.50", won: "1000.00", open: "250.50" });

    const mgr = manager.actor;
    expect((await listOpportunities(db, mgr)).total).toEqual({ count: 3, capped: false });
    expect((await listOpportunities(db, mgr, { filters: { stage: "won" } })).items.map((o) => o.amount)).toEqual([
      "1000.00",
    ]);
    expect((await listOpportunities(db, mgr, { filters: { ownerId: manager.staff.id } })).total.count).toBe(1);
    expect((await listOpportunities(db, mgr, { filters: { q: "星辰" } })).total.count).toBe(1);
    const page2 = await listOpportunities(db, mgr, { take: 2, page: 2 });
    expect([page2.items.length, page2.pageCount]).toEqual([1, 2]);
    // An allow-listed sort: the biggest amount first, then the other way round.
    const byAmount = await listOpportunities(db, mgr, { sort: { key: "amount", dir: "desc" } });
    expect(byAmount.items.map((o) => o.amount)).toEqual(["1000.00", "250.50", "99.00"]);
    const byAmountAsc = await listOpportunities(db, mgr, { sort: { key: "amount", dir: "asc" } });
    expect(byAmountAsc.items.map((o) => o.amount)).toEqual(["99.00", "250.50", "1000.00"]);

    const none = await createSalesStaff(db, "none");
    expect((await listOpportunities(db, none.actor)).total.count).toBe(0);
  });

  it("updates stage and amount; won/lost close it, reopening clears closedAt; out-of-scope is hidden", async () => {
    const rep = await createSalesStaff(db, "sales");
    const stranger = await createSalesStaff(db, "sales");
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id, amount: "100" });
    const viewer = rep.actor;
    const change = { stage: "won", amount: "12,345.60", probability: "40", expectedCloseDate: "2027-01-31" };

    expect(await updateOpportunity(db, stranger.actor, opp.id, change)).toMatchObject({
      status: "not-found",
    });
    expect(await getOpportunityDetail(db, stranger.actor, opp.id)).toBeNull();

    expect(await updateOpportunity(db, viewer, opp.id, change)).toMatchObject({ status: "ok" });
    let row = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(row.amount.toFixed(2)).toBe("12345.60");
    expect(row.probability).toBe(100);
    expect(row.closedAt).not.toBeNull();
    expect(row.expectedCloseDate?.toISOString().slice(0, 10)).toBe("2027-01-31");

    expect(await updateOpportunity(db, viewer, opp.id, { ...change, stage: "negotiation" })).toMatchObject({
      status: "ok",
    });
    row = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect([row.stage, row.closedAt, row.probability]).toEqual(["negotiation", null, 40]);
    expect(await updateOpportunity(db, viewer, opp.id, { ...change, probability: "120" })).toMatchObject({
      status: "invalid",
      fieldErrors: { probability: ["sales.error.probability"] },
    });
    expect(await db.auditLog.count({ where: { action: "opportunity.updated" } })).toBe(2);

    const access = await opportunityWorkAccess(db, viewer, opp.id);
    expect(access).toEqual({ target: { opportunityId: opp.id }, canWrite: true, defaultAssigneeId: rep.staff.id });
    const actor = rep.actor;
    expect(await runRecordWidgetIntent(db, actor, "note", form({ body: "客户要求下周演示" }), access!)).toMatchObject({
      status: "ok",
    });
    expect(
      await runRecordWidgetIntent(db, actor, "task", form({ title: "准备演示", dueAt: "2027-01-10" }), access!),
    ).toMatchObject({ status: "ok" });
    const detail = await getOpportunityDetail(db, viewer, opp.id);
    expect(detail?.canModify).toBe(true);
    expect(detail?.notes.map((n) => [n.body, n.author?.name])).toEqual([["客户要求下周演示", rep.staff.name]]);
    expect(detail?.tasks.map((t) => [t.title, t.assignee.id])).toEqual([["准备演示", rep.staff.id]]);
  });

  it("gives the notes and tasks widgets no access out of scope and read-only access to browse-only staff", async () => {
    const team = await createSalesTeam(db);
    const rep = await createSalesStaff(db, "sales", { teamId: team.id });
    const manager = await createSalesStaff(db, "salesManager", { teamId: team.id });
    const stranger = await createSalesStaff(db, "sales");
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id });
    expect(await opportunityWorkAccess(db, stranger.actor, opp.id)).toBeNull();
    const readOnly = { ...manager.actor, grants: { opportunities: { browse: "team" as const } } };
    expect(await opportunityWorkAccess(db, readOnly, opp.id)).toMatchObject({ canWrite: false });
  });
});
