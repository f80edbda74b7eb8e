import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { inScope, teamScopeIds } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { actorOf, loadStaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { listOpportunities } from "#app/modules/crm/opportunities.server.ts";
import { listLeads } from "#app/modules/leads/record/lead-queries.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { createSalesOpportunity } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { createTeam, deleteTeam, listTeamTree, teamAndDescendantIds, updateTeam } from "./teams.server.ts";

const admin = staffActorFor({ id: 1, teamId: null, name: "管理员" }, { isAdmin: true });

/** 接力公司 → 华北分公司 → 销售一部 → 销售一部（北京组）, plus 华南分公司 beside 华北. */
async function hierarchy() {
  const company = await db.team.create({ data: { name: "接力公司", kind: "company" } });
  const north = await db.team.create({ data: { name: "华北分公司", kind: "branch", parentId: company.id } });
  const south = await db.team.create({
    data: { name: "华南分公司", kind: "branch", parentId: company.id, position: 1 },
  });
  const sales1 = await db.team.create({ data: { name: "销售一部", kind: "department", parentId: north.id } });
  const beijing = await db.team.create({
    data: { name: "销售一部（北京组）", kind: "department", parentId: sales1.id },
  });
  return { company, north, south, sales1, beijing };
}

describe("team hierarchy", () => {
  beforeEach(() => resetDatabase());

  it("lists the tree parents first, siblings by position, with depth", async () => {
    const t = await hierarchy();
    const tree = await listTeamTree(db);
    expect(tree.map((n) => [n.name, n.depth])).toEqual([
      ["接力公司", 0],
      ["华北分公司", 1],
      ["销售一部", 2],
      ["销售一部（北京组）", 3],
      ["华南分公司", 1],
    ]);
    expect(tree.find((n) => n.id === t.company.id)?.childCount).toBe(2);
  });

  it("finds a team's descendants in one query", async () => {
    const t = await hierarchy();
    expect((await teamAndDescendantIds(db, t.north.id)).sort()).toEqual([t.north.id, t.sales1.id, t.beijing.id].sort());
    expect(await teamAndDescendantIds(db, t.south.id)).toEqual([t.south.id]);
  });

  it("refuses a parent change that would close a cycle, and changes nothing", async () => {
    const t = await hierarchy();
    for (const parentId of [t.beijing.id, t.sales1.id, t.north.id]) {
      const result = await updateTeam(db, admin, t.north.id, {
        name: "华北分公司",
        kind: "branch",
        parentId,
        position: 0,
      });
      expect(result).toMatchObject({ status: "invalid", fieldErrors: { parentId: ["adminStaff.team.error.cycle"] } });
    }
    expect((await db.team.findUniqueOrThrow({ where: { id: t.north.id } })).parentId).toBe(t.company.id);
    // A legal move: 销售一部 goes under 华南.
    const moved = await updateTeam(db, admin, t.sales1.id, {
      name: "销售一部",
      kind: "department",
      parentId: t.south.id,
      position: 0,
    });
    expect(moved.status).toBe("ok");
    expect((await teamAndDescendantIds(db, t.south.id)).sort()).toEqual([t.south.id, t.sales1.id, t.beijing.id].sort());
  });

  it("refuses duplicate names, unknown parents and deleting a team that is not empty", async () => {
    const t = await hierarchy();
    expect(
      await createTeam(db, admin, { name: "销售一部", kind: "department", parentId: null, position: 0 }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { name: ["adminStaff.team.error.nameTaken"] },
    });
    expect(
      await createTeam(db, admin, { name: "新部门", kind: "department", parentId: 999_999, position: 0 }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { parentId: ["adminStaff.team.error.parent"] },
    });
    expect(await deleteTeam(db, admin, t.sales1.id)).toMatchObject({ status: "conflict" });
    expect((await deleteTeam(db, admin, t.beijing.id)).status).toBe("ok");
    expect(await db.auditLog.count({ where: { entityType: "Team", action: "team.deleted" } })).toBe(1);
  });
});

describe("team scope follows the hierarchy", () => {
  beforeEach(() => resetDatabase());

  it("loads the team and its sub-teams with the principal, own team first", async () => {
    const t = await hierarchy();
    const { staff } = await createTestStaff(db, { teamId: t.north.id });
    const principal = await loadStaffPrincipal(db, staff.id, "s");
    const actor = actorOf(principal!);
    expect(actor.teamIds[0]).toBe(t.north.id);
    expect([...actor.teamIds].sort()).toEqual([t.north.id, t.sales1.id, t.beijing.id].sort());
    const { staff: loner } = await createTestStaff(db, { teamId: null });
    expect(actorOf((await loadStaffPrincipal(db, loner.id, "s"))!).teamIds).toEqual([]);
  });

  it("a manager of 销售一部 sees the sub-team's records but not a sibling branch's", async () => {
    const t = await hierarchy();
    const grants = [
      { module: "leads" as const, action: "browse" as const, scope: "team" as const },
      { module: "opportunities" as const, action: "browse" as const, scope: "team" as const },
    ];
    const { staff: manager } = await createTestStaff(db, { teamId: t.sales1.id, grants });
    const { staff: inSub } = await createTestStaff(db, { teamId: t.beijing.id });
    const { staff: inSouth } = await createTestStaff(db, { teamId: t.south.id });
    const { staff: inParent } = await createTestStaff(db, { teamId: t.north.id });
    const subLead = await createTestLead(db, { ownerId: inSub.id });
    await createTestLead(db, { ownerId: inSouth.id });
    await createTestLead(db, { ownerId: inParent.id });
    const subOpp = await createSalesOpportunity(db, { ownerId: inSub.id });
    await createSalesOpportunity(db, { ownerId: inSouth.id });

    const actor = actorOf((await loadStaffPrincipal(db, manager.id, "s"))!);
    expect(teamScopeIds(actor).sort()).toEqual([t.sales1.id, t.beijing.id].sort());
    const leads = await listLeads(db, actor, { tab: "all", filters: {}, after: null, take: 50 });
    expect(leads.items.map((l) => l.id)).toEqual([subLead.id]);
    const opps = await listOpportunities(db, actor);
    expect(opps.items.map((o) => o.id)).toEqual([subOpp.id]);
    expect(inScope("team", { id: manager.id, ...actor }, { ownerId: inSub.id, ownerTeamId: t.beijing.id })).toBe(true);
    expect(inScope("team", { id: manager.id, ...actor }, { ownerId: inParent.id, ownerTeamId: t.north.id })).toBe(
      false,
    );
  });

  it("takes a team move into account on the very next principal load", async () => {
    const t = await hierarchy();
    const { staff } = await createTestStaff(db, { teamId: t.south.id });
    expect(actorOf((await loadStaffPrincipal(db, staff.id, "s"))!).teamIds).toEqual([t.south.id]);
    await updateTeam(db, admin, t.sales1.id, {
      name: "销售一部",
      kind: "department",
      parentId: t.south.id,
      position: 0,
    });
    const after = actorOf((await loadStaffPrincipal(db, staff.id, "s"))!).teamIds;
    expect([...after].sort()).toEqual([t.south.id, t.sales1.id, t.beijing.id].sort());
  });
});
