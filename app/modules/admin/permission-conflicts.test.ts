import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { CONFLICT_STRATEGIES, resolveConflict, type ConflictStrategy } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { actorOf, loadStaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { campaignAccess } from "#app/modules/campaigns/campaign-access.server.ts";
import { listCampaigns } from "#app/modules/campaigns/campaigns.server.ts";
import { leadEditRights, updateLeadGroup } from "#app/modules/leads/record/lead-edit-rights.server.ts";
import { listLeads } from "#app/modules/leads/record/lead-queries.server.ts";
import { getLeadWorkspace } from "#app/modules/leads/record/lead-workspace.server.ts";
import { createTestCampaign } from "#tests/factories/lead-inbox.ts";
import { ALL_RIGHTS, createAssignedLead, createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getConflictStrategies, setConflictStrategies } from "./permission-conflicts.server.ts";

// Seed 000 §2.P.5: "administrative permissions forbid a salesperson to browse or modify a group of
// leads, but lead distribution grants browse and modify" — what each of the four strategies decides.

const EXPECTED: Record<ConflictStrategy, boolean> = {
  administrative: false, // 行政权限优先: the role forbids, so refused
  business: true, // 业务权限优先: the distribution allows
  either: true, // 其中有一个允许
  both: false, // 两者都允许才可执行
};

describe("resolveConflict", () => {
  it("is the truth table of the four strategies", () => {
    const table = CONFLICT_STRATEGIES.map((s) => [
      s,
      [
        resolveConflict(s, true, true),
        resolveConflict(s, true, false),
        resolveConflict(s, false, true),
        resolveConflict(s, false, false),
      ],
    ]);
    expect(Object.fromEntries(table)).toEqual({
      administrative: [true, true, false, false],
      business: [true, false, true, false],
      either: [true, true, true, false],
      both: [true, false, false, false],
    });
  });
});

describe("permission-conflict strategies against the database", () => {
  beforeEach(() => resetDatabase());

  async function world() {
    const { staff: admin } = await createTestStaff(db, { isAdmin: true });
    const owner = await createTestSalesperson(db);
    // Own scope on leads: the role forbids browsing or modifying the owner's leads.
    const sales = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, { ownerId: owner.id, assignees: [rights(sales.id, ALL_RIGHTS)] });
    // No campaigns grant at all: only the participation (with modify) lets them in.
    const campaign = await createTestCampaign(db, owner.id);
    await db.campaignParticipant.create({ data: { campaignId: campaign.id, staffId: sales.id, canModify: true } });
    return { adminActor: staffActorFor(admin, { isAdmin: true }), sales, lead, campaign };
  }

  /** The salesperson as the guard loads them: strategies come from the database on every request. */
  async function nextRequest(staffId: number) {
    const principal = await loadStaffPrincipal(db, staffId, "test");
    return actorOf(principal!);
  }

  it("defaults to 'either' for leads and campaigns", async () => {
    expect(await getConflictStrategies(db)).toEqual({ leads: "either", campaigns: "either" });
  });

  it.each(CONFLICT_STRATEGIES)("%s decides the seed's example as the seed states", async (strategy) => {
    const w = await world();
    const result = await setConflictStrategies(db, w.adminActor, { leads: strategy, campaigns: strategy });
    expect(result.status).toBe("ok");
    const actor = await nextRequest(w.sales.id);
    const allowed = EXPECTED[strategy];

    // Lead browse: the detail page and the 分配给我 / 全部 lists.
    expect((await getLeadWorkspace(db, actor, w.lead.id)) !== null).toBe(allowed);
    const assigned = await listLeads(db, actor, { tab: "assigned" });
    expect(assigned.items.map((l) => l.id)).toEqual(allowed ? [w.lead.id] : []);
    const all = await listLeads(db, actor, { tab: "all" });
    expect(all.items.some((l) => l.id === w.lead.id)).toBe(allowed);

    // Lead modify: every field group the distribution granted, and a real write.
    const editRights = await leadEditRights(db, actor, w.lead.id);
    expect(Object.values(editRights!.rights)).toEqual([allowed, allowed, allowed, allowed]);
    const write = updateLeadGroup(db, actor, w.lead.id, "need", { requirement: `需求 ${strategy}` });
    if (allowed) await expect(write).resolves.toMatchObject({ ok: true });
    else await expect(write).rejects.toThrow(/Not allowed/);
    const stored = await db.lead.findUniqueOrThrow({ where: { id: w.lead.id } });
    expect(stored.requirement === `需求 ${strategy}`).toBe(allowed);

    // Campaign participants: browse and modify.
    const access = await campaignAccess(db, actor, w.campaign.id);
    expect({ canView: access.canView, canModify: access.canModify }).toEqual({ canView: allowed, canModify: allowed });
    const campaigns = await listCampaigns(db, actor, {});
    expect(campaigns.items.some((c) => c.id === w.campaign.id)).toBe(allowed);
  });

  it("where a participation exists, 'business' and 'both' refuse what the role alone allows", async () => {
    const w = await world();
    // The participant may browse only; a role with campaigns modify over all campaigns.
    await db.campaignParticipant.update({
      where: { campaignId_staffId: { campaignId: w.campaign.id, staffId: w.sales.id } },
      data: { canModify: false },
    });
    const roleOnly = staffActorFor(w.sales, { grants: { campaigns: { browse: "all", modify: "all" } } });
    const under = (strategy: ConflictStrategy) => ({ ...roleOnly, conflicts: { campaigns: strategy } });
    const modify = async (s: ConflictStrategy) => (await campaignAccess(db, under(s), w.campaign.id)).canModify;
    expect(await modify("administrative")).toBe(true);
    expect(await modify("business")).toBe(false);
    expect(await modify("either")).toBe(true);
    expect(await modify("both")).toBe(false);
  });

  it("records the change in the audit log and ignores a save that changes nothing", async () => {
    const w = await world();
    await setConflictStrategies(db, w.adminActor, { leads: "administrative" });
    expect(await setConflictStrategies(db, w.adminActor, { leads: "administrative" })).toEqual({
      status: "ok",
      value: { changed: 0 },
    });
    const rows = await db.auditLog.findMany({ where: { action: "permission.conflictStrategy" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ before: { leads: "either" }, after: { leads: "administrative" } });
  });
});
