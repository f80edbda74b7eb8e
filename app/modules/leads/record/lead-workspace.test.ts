import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { claimLead } from "#app/modules/leads/distribution/lead-claim.server.ts";
import { createTestLead, createTestTeam } from "#tests/factories/lead-inbox.ts";
import { ALL_RIGHTS, createAssignedLead, createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getLeadAccess, getLeadWorkspace, openLeadWorkspace } from "./lead-workspace.server.ts";

// The lead page's capabilities, worked out once for the loader and the actions.

function actor(staff: { id: number; teamId: number | null }, scope: Scope | null = "own") {
  return staffActorFor(staff, { grants: scope ? { leads: { browse: scope, modify: scope } } : {} });
}

const NONE = { need: false, contact: false, company: false, status: false };

describe("getLeadWorkspace", () => {
  beforeEach(() => resetDatabase());

  it("the owner may do everything but claim; opening the lead marks it seen", async () => {
    const owner = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id, status: "new" });

    const workspace = await openLeadWorkspace(db, actor(owner), lead.id);
    expect(workspace?.capabilities).toEqual({
      canModify: true,
      canManage: true,
      canWork: true,
      canClaim: false,
      canConvert: true,
      edit: ALL_RIGHTS,
      reason: "owner",
      nextStatuses: ["contacted", "qualified", "closed"],
    });
    expect(workspace?.lead.ownerSeenAt).toBeInstanceOf(Date);
    expect(workspace?.staff.map((s) => s.id)).toContain(owner.id);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerSeenAt).not.toBeNull();
  });

  it("an assignee edits only the groups granted, may claim, and does not move the status flow", async () => {
    const owner = await createTestSalesperson(db);
    const assignee = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, {
      ownerId: owner.id,
      assignees: [rights(assignee.id, { contact: true, status: true })],
    });

    const workspace = await openLeadWorkspace(db, actor(assignee), lead.id);
    expect(workspace?.capabilities).toEqual({
      canModify: false,
      canManage: false,
      canWork: true,
      canClaim: true,
      canConvert: true,
      edit: { need: false, contact: true, company: false, status: true },
      reason: "assignee",
      nextStatuses: [],
    });
    // Only the owner opening the lead marks it seen.
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerSeenAt).toBeNull();
    expect(await getLeadAccess(db, actor(assignee), lead.id)).toEqual({
      leadId: lead.id,
      capabilities: workspace?.capabilities,
    });
  });

  it("once another assignee claims it, the rest keep sight of it but lose every right", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, {
      ownerId: owner.id,
      assignees: [rights(a1.id, ALL_RIGHTS), rights(a2.id, ALL_RIGHTS)],
    });
    expect((await claimLead(db, lead.id, a1.id)).kind).toBe("claimed");

    const other = await getLeadWorkspace(db, actor(a2), lead.id);
    expect(other?.lead.claimedBy).toMatchObject({ id: a1.id, name: a1.name });
    expect(other?.capabilities).toMatchObject({
      canWork: false,
      canClaim: false,
      canConvert: false,
      edit: NONE,
      reason: "claimed-by-other",
    });
    expect(other?.staff).toEqual([]);
    const holder = await getLeadAccess(db, actor(a1), lead.id);
    expect(holder?.capabilities).toMatchObject({ canWork: true, canClaim: false, reason: "assignee" });
  });

  it("a team manager manages the team's leads; a manager of another team does not see them", async () => {
    const north = await createTestTeam(db);
    const south = await createTestTeam(db);
    const owner = await createTestSalesperson(db, { teamId: north.id });
    const manager = await createTestSalesperson(db, { teamId: north.id });
    const otherManager = await createTestSalesperson(db, { teamId: south.id });
    const lead = await createTestLead(db, { ownerId: owner.id, status: "contacted" });

    const managed = await getLeadWorkspace(db, actor(manager, "team"), lead.id);
    expect(managed?.capabilities).toMatchObject({
      canModify: true,
      canManage: true,
      canWork: true,
      canClaim: false,
      edit: ALL_RIGHTS,
      reason: "manager",
      nextStatuses: ["qualified", "closed"],
    });
    expect(await getLeadWorkspace(db, actor(otherManager, "team"), lead.id)).toBeNull();
    expect(await getLeadAccess(db, actor(otherManager, "team"), lead.id)).toBeNull();
    // Company-wide scope reaches every team.
    expect((await getLeadWorkspace(db, actor(otherManager, "all"), lead.id))?.capabilities.reason).toBe("manager");
  });

  it("no scope, a stranger, a recalled assignee or a missing id: not found", async () => {
    const owner = await createTestSalesperson(db);
    const stranger = await createTestSalesperson(db);
    const recalled = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, { ownerId: owner.id, assignees: [rights(recalled.id, ALL_RIGHTS)] });
    await db.leadAssignment.updateMany({ where: { leadId: lead.id }, data: { recalledAt: new Date() } });

    expect(await getLeadWorkspace(db, actor(owner, null), lead.id)).toBeNull();
    expect(await getLeadAccess(db, actor(owner, null), lead.id)).toBeNull();
    expect(await getLeadWorkspace(db, actor(stranger), lead.id)).toBeNull();
    expect(await getLeadWorkspace(db, actor(recalled), lead.id)).toBeNull();
    expect(await getLeadWorkspace(db, actor(owner), lead.id + 100_000)).toBeNull();
    expect(await openLeadWorkspace(db, actor(owner), lead.id)).not.toBeNull();
  });
});
