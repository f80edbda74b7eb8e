import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { runRecordWidgetIntent } from "#app/modules/notes/record-widget-actions.server.ts";
import {
  createSalesCompany,
  createSalesContact,
  createSalesOpportunity,
  createSalesStaff,
  createSalesTeam,
} from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loadOpportunityBoard } from "./opportunity-board.server.ts";
import { getOpportunityRecord, listOpportunityHistory, opportunityWorkAccess } from "./opportunity-detail.server.ts";
import { addOpportunityItem, editOpportunityItem, removeOpportunityItem } from "./opportunity-items.server.ts";
import { listOpportunities } from "./opportunity-list.server.ts";
import { moveOpportunityStage } from "./opportunity-stage.server.ts";
import { changeOpportunityOwner, createOpportunity, editOpportunity } from "./opportunity-write.server.ts";
import { defaultSalesMethod } from "./sales-stages.server.ts";

// The opportunity services against the real database: scope (own / team / all) on list, board,
// load-by-id, edit and move; optimistic concurrency; the amount following the items to the fen.

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const baseInput = {
  description: null,
  companyId: null,
  contactId: null,
  teamId: null,
  amount: null,
  expectedCloseDate: null,
  forecast: false,
  forecastValue: null,
};

async function versionOf(id: number) {
  return (await db.opportunity.findUniqueOrThrow({ where: { id } })).updatedAt;
}

async function stageByLegacy(legacy: string) {
  const method = await defaultSalesMethod(db);
  const stage = method.stages.find((s) => s.legacyStage === legacy);
  if (!stage) throw new Error(`no stage ${legacy}`);
  return stage;
}

async function world() {
  const team = await createSalesTeam(db);
  const manager = await createSalesStaff(db, "salesManager", { teamId: team.id });
  const rep = await createSalesStaff(db, "sales", { teamId: team.id });
  const other = await createSalesStaff(db, "sales");
  const admin = await createSalesStaff(db, "admin");
  return { team, manager, rep, other, admin };
}

describe("opportunities", () => {
  beforeEach(() => resetDatabase());

  it("lists and boards within scope (own / team / all) with filters and totals", async () => {
    const { manager, rep, other, admin } = await world();
    const company = await createSalesCompany(db, { name: "星辰科技有限公司" });
    await createSalesOpportunity(db, { ownerId: rep.staff.id, stage: "won", amount: "1000", companyId: company.id });
    await createSalesOpportunity(db, { ownerId: rep.staff.id, stage: "proposal", amount: "250.50" });
    await createSalesOpportunity(db, { ownerId: manager.staff.id, stage: "lost", amount: "99" });
    await createSalesOpportunity(db, { ownerId: other.staff.id, stage: "won", amount: "5000" });

    const repList = await listOpportunities(db, rep.actor);
    expect(repList.total).toEqual({ count: 2, capped: false });
    // Weighted: the open proposal at its own probability (10 by the factory default) → 25.05.
    expect(repList.totals).toEqual({ amount: "1250.50", won: "1000.00", open: "250.50", weighted: "25.05" });
    expect((await listOpportunities(db, manager.actor)).total.count).toBe(3);
    expect((await listOpportunities(db, admin.actor)).total.count).toBe(4);
    expect((await listOpportunities(db, other.actor)).total.count).toBe(1);

    const won = await stageByLegacy("won");
    const mgr = manager.actor;
    expect((await listOpportunities(db, mgr, { filters: { stage: won.id } })).items.map((o) => o.amount)).toEqual([
      "1000.00",
    ]);
    expect((await listOpportunities(db, mgr, { filters: { owner: manager.staff.id } })).total.count).toBe(1);
    expect((await listOpportunities(db, mgr, { filters: { company: company.id } })).total.count).toBe(1);
    expect((await listOpportunities(db, mgr, { filters: { q: "星辰" } })).total.count).toBe(1);
    expect((await listOpportunities(db, mgr, { filters: { amountMin: "100", amountMax: "300" } })).total.count).toBe(1);
    const byAmount = await listOpportunities(db, mgr, { sort: { key: "amount", dir: "asc" } });
    expect(byAmount.items.map((o) => o.amount)).toEqual(["99.00", "250.50", "1000.00"]);
    const page2 = await listOpportunities(db, mgr, { take: 2, page: 2 });
    expect([page2.items.length, page2.pageCount]).toEqual([1, 2]);

    // The board: same scope, one column per stage, sums per column; rows without stageId still land.
    const repBoard = await loadOpportunityBoard(db, rep.actor);
    const sums = Object.fromEntries(repBoard.columns.map((c) => [c.stage.legacyStage, [c.count, c.totals?.amount]]));
    expect(sums).toMatchObject({ won: [1, "1000.00"], proposal: [1, "250.50"], lost: [0, "0.00"] });
    const adminBoard = await loadOpportunityBoard(db, admin.actor, {}, 1);
    const wonColumn = adminBoard.columns.find((c) => c.stage.kind === "won")!;
    expect([wonColumn.count, wonColumn.totals?.amount, wonColumn.cards.length]).toEqual([2, "6000.00", 1]);
    const none = await createSalesStaff(db, "none");
    expect((await listOpportunities(db, none.actor)).total.count).toBe(0);
    expect((await loadOpportunityBoard(db, none.actor)).columns.every((c) => c.count === 0)).toBe(true);
  });

  it("creates directly from a company or contact in scope, with a stage history row", async () => {
    const { rep, other } = await world();
    const mine = await createSalesCompany(db, { ownerId: rep.staff.id });
    const theirs = await createSalesCompany(db, { ownerId: other.staff.id });
    const contact = await createSalesContact(db, { ownerId: rep.staff.id, companyId: mine.id });

    expect(
      await createOpportunity(db, rep.actor, {
        ...baseInput,
        name: "空压机两台",
        companyId: theirs.id,
        ownerId: null,
        salesMethodId: null,
        stageId: null,
      }),
    ).toMatchObject({ status: "invalid", fieldErrors: { companyId: ["opportunities.error.company"] } });
    expect(
      await createOpportunity(db, rep.actor, {
        ...baseInput,
        name: "x",
        ownerId: other.staff.id,
        salesMethodId: null,
        stageId: null,
      }),
    ).toMatchObject({ status: "invalid", fieldErrors: { ownerId: ["opportunities.error.owner"] } });

    const created = await createOpportunity(db, rep.actor, {
      ...baseInput,
      name: "空压机两台",
      contactId: contact.id,
      ownerId: null,
      salesMethodId: null,
      stageId: null,
    });
    expect(created.status).toBe("ok");
    const id = created.status === "ok" ? created.value.id : 0;
    const row = await db.opportunity.findUniqueOrThrow({ where: { id } });
    // The contact brings its company; the first open stage and its probability.
    expect([row.companyId, row.contactId, row.ownerId, row.stage, row.probability]).toEqual([
      mine.id,
      contact.id,
      rep.staff.id,
      "prospecting",
      10,
    ]);
    expect(row.number).toMatch(/\d/);
    expect(await listOpportunityHistory(db, id)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "opportunity.created", entityId: String(id) } })).toBe(1);
    expect(await getOpportunityRecord(db, other.actor, id)).toBeNull();
  });

  it("edits with a version check, changes owner (audited), and keeps others out", async () => {
    const { manager, rep, other } = await world();
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id, amount: "100" });
    const edit = {
      ...baseInput,
      name: "改名后的机会",
      amount: "12345.60",
      forecast: true,
      version: await versionOf(opp.id),
    };

    expect(await editOpportunity(db, other.actor, opp.id, edit)).toMatchObject({ status: "not-found" });
    expect(await editOpportunity(db, rep.actor, opp.id, edit)).toMatchObject({ status: "ok" });
    const row = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect([row.name, row.amount.toFixed(2), row.forecast]).toEqual(["改名后的机会", "12345.60", true]);
    // The same (now stale) version again: a conflict, nothing changed.
    expect(await editOpportunity(db, rep.actor, opp.id, { ...edit, name: "又改了" })).toMatchObject({
      status: "conflict",
      message: "opportunities.error.conflict",
    });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).name).toBe("改名后的机会");

    // Browse-only: visible, but forbidden to change.
    const readOnly = { ...manager.actor, grants: { opportunities: { browse: "team" as const } } };
    expect(await editOpportunity(db, readOnly, opp.id, { ...edit, version: await versionOf(opp.id) })).toMatchObject({
      status: "forbidden",
    });
    // The team manager may hand it to someone in the team, not outside it.
    const version = await versionOf(opp.id);
    expect(await changeOpportunityOwner(db, manager.actor, opp.id, { ownerId: other.staff.id, version })).toMatchObject(
      {
        status: "invalid",
      },
    );
    expect(
      await changeOpportunityOwner(db, manager.actor, opp.id, { ownerId: manager.staff.id, version }),
    ).toMatchObject({
      status: "ok",
    });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).ownerId).toBe(manager.staff.id);
    expect(await db.auditLog.count({ where: { action: "opportunity.ownerChanged" } })).toBe(1);
    // The former owner (own scope) no longer sees it.
    expect(await getOpportunityRecord(db, rep.actor, opp.id)).toBeNull();
  });

  it("moves stages with history and probability; lost needs a reason; concurrent moves: one wins", async () => {
    const { manager, rep, other } = await world();
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id });
    const proposal = await stageByLegacy("proposal");
    const negotiation = await stageByLegacy("negotiation");
    const won = await stageByLegacy("won");
    const lost = await stageByLegacy("lost");
    let version = await versionOf(opp.id);
    expect(
      await moveOpportunityStage(db, other.actor, opp.id, { stageId: won.id, version, reason: null }),
    ).toMatchObject({
      status: "not-found",
    });
    expect(
      await moveOpportunityStage(db, rep.actor, opp.id, { stageId: lost.id, version, reason: null }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { reason: ["opportunities.error.lostReason"] },
    });

    const results = await Promise.all([
      moveOpportunityStage(db, rep.actor, opp.id, { stageId: proposal.id, version, reason: null }),
      moveOpportunityStage(db, manager.actor, opp.id, { stageId: negotiation.id, version, reason: null }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
    const winner = results[0]!.status === "ok" ? proposal : negotiation;
    let row = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect([row.stageId, row.stage, row.probability]).toEqual([winner.id, winner.legacyStage, winner.probability]);
    expect(await db.opportunityStageChange.count({ where: { opportunityId: opp.id } })).toBe(1);

    version = row.updatedAt;
    expect(
      await moveOpportunityStage(db, rep.actor, opp.id, { stageId: won.id, version, reason: "价格最优" }),
    ).toMatchObject({
      status: "ok",
    });
    row = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect([row.stage, row.probability, row.closeReason, row.closedAt !== null]).toEqual([
      "won",
      100,
      "价格最优",
      true,
    ]);
    // Reopening clears the close.
    version = row.updatedAt;
    await moveOpportunityStage(db, rep.actor, opp.id, { stageId: negotiation.id, version, reason: null });
    row = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect([row.stage, row.closedAt, row.closeReason]).toEqual(["negotiation", null, null]);
    const history = await listOpportunityHistory(db, opp.id);
    expect(history.map((h) => h.toStage?.id)).toEqual([negotiation.id, won.id, winner.id]);
    expect(history[0]!.changedBy?.id).toBe(rep.staff.id);
  });

  it("keeps the amount equal to the items to the fen", async () => {
    const { rep, other } = await world();
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id, amount: "999" });
    const a = await db.product.create({ data: { sku: "SK3027", name: "数控机床SK3027", unitPrice: "19.99" } });
    const b = await db.product.create({ data: { sku: "CP-2", name: "空压机", unitPrice: "0.05", unit: "台" } });
    const add = async (productId: number, quantity: number, discountPercent: string, unitPrice: string | null = null) =>
      addOpportunityItem(db, rep.actor, opp.id, {
        productId,
        quantity,
        unitPrice,
        discountPercent,
        version: await versionOf(opp.id),
      });

    expect(await add(a.id, 7, "12.5")).toMatchObject({ status: "ok", value: { amount: "122.43" } });
    expect(await add(b.id, 1, "50")).toMatchObject({ status: "ok", value: { amount: "122.46" } });
    expect(await add(b.id, 3, "0", "0.10")).toMatchObject({ status: "ok", value: { amount: "122.76" } });
    const items = await db.opportunityItem.findMany({ where: { opportunityId: opp.id }, orderBy: { id: "asc" } });
    expect(items.map((i) => [i.sku, i.lineTotal.toFixed(2)])).toEqual([
      ["SK3027", "122.43"],
      ["CP-2", "0.03"],
      ["CP-2", "0.30"],
    ]);
    expect(
      await editOpportunityItem(db, rep.actor, opp.id, {
        itemId: items[0]!.id,
        quantity: 10,
        unitPrice: "19.99",
        discountPercent: "0",
        version: await versionOf(opp.id),
      }),
    ).toMatchObject({ status: "ok", value: { amount: "200.23" } });
    // Stale version: conflict; another opportunity's item: not found, and the version claim rolls back.
    const stale = new Date(Date.now() - 60_000);
    expect(await removeOpportunityItem(db, rep.actor, opp.id, { itemId: items[1]!.id, version: stale })).toMatchObject({
      status: "conflict",
    });
    const before = await versionOf(opp.id);
    expect(await removeOpportunityItem(db, rep.actor, opp.id, { itemId: 999_999, version: before })).toMatchObject({
      status: "not-found",
    });
    expect((await versionOf(opp.id)).getTime()).toBe(before.getTime());
    expect(
      await removeOpportunityItem(db, other.actor, opp.id, { itemId: items[1]!.id, version: before }),
    ).toMatchObject({
      status: "not-found",
    });
    expect(await removeOpportunityItem(db, rep.actor, opp.id, { itemId: items[1]!.id, version: before })).toMatchObject(
      {
        status: "ok",
        value: { amount: "200.20" },
      },
    );
    const row = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(row.amount.toFixed(2)).toBe("200.20");
    // With items, a typed amount is ignored: the amount follows the items.
    await editOpportunity(db, rep.actor, opp.id, {
      ...baseInput,
      name: row.name,
      amount: "1.00",
      version: row.updatedAt,
    });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).amount.toFixed(2)).toBe("200.20");
  });

  it("gives the notes and tasks widgets access by scope", async () => {
    const { manager, rep, other } = await world();
    const opp = await createSalesOpportunity(db, { ownerId: rep.staff.id });
    expect(await opportunityWorkAccess(db, other.actor, opp.id)).toBeNull();
    const readOnly = { ...manager.actor, grants: { opportunities: { browse: "team" as const } } };
    expect(await opportunityWorkAccess(db, readOnly, opp.id)).toMatchObject({ canWrite: false });
    const access = await opportunityWorkAccess(db, rep.actor, opp.id);
    expect(access).toEqual({ target: { opportunityId: opp.id }, canWrite: true, defaultAssigneeId: rep.staff.id });
    expect(
      await runRecordWidgetIntent(db, rep.actor, "note", form({ body: "客户要求下周演示" }), access!),
    ).toMatchObject({
      status: "ok",
    });
  });
});
