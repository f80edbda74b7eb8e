import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import {
  createSalesCampaign,
  createSalesOpportunity,
  createSalesStaff,
  createSalesTeam,
} from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { campaignAccess } from "./campaign-access.server.ts";
import { removeCampaignParticipant, setCampaignParticipant } from "./campaign-participants.server.ts";
import { campaignActualsFor, progressPercent } from "./campaign-stats.server.ts";
import {
  getCampaignActivity,
  getCampaignLinkedRecords,
  getCampaignWorkspace,
  listCampaignLedger,
} from "./campaign-workspace.server.ts";
import {
  addCampaignExpense,
  addCampaignNote,
  addCampaignTask,
  addCampaignWorkLog,
  createCampaign,
  listCampaigns,
  updateCampaign,
} from "./campaigns.server.ts";

const baseInput = {
  name: "2027 春季展会",
  type: "exhibition",
  status: "active",
  summary: "展会期间收集名片",
  targetSalesAmount: "500000",
  targetLeadCount: "40",
  targetCost: "80000",
  targetWorkload: "120",
  startDate: "2027-03-01",
  endDate: "2027-03-31",
};

describe("campaign records and rights", () => {
  beforeEach(() => resetDatabase());

  it("creates a campaign with targets and audits it; own-scope staff without campaigns:add cannot", async () => {
    const marketing = await createSalesStaff(db, "marketing");
    const created = await createCampaign(db, marketing.actor, baseInput);
    expect(created.kind).toBe("ok");
    if (created.kind !== "ok") return;
    const row = await db.campaign.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      name: "2027 春季展会",
      type: "exhibition",
      ownerId: marketing.staff.id,
      targetLeadCount: 40,
    });
    expect(row.targetSalesAmount?.toFixed(2)).toBe("500000.00");
    expect(row.endDate?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(await db.auditLog.count({ where: { action: "campaign.created", entityId: String(created.id) } })).toBe(1);

    const sales = await createSalesStaff(db, "sales");
    expect(await createCampaign(db, sales.actor, baseInput)).toEqual({ kind: "forbidden" });
    const bad = await createCampaign(db, marketing.actor, { ...baseInput, name: " ", endDate: "2027-02-01" });
    expect(bad).toEqual({
      kind: "invalid",
      errors: { name: ["common.required"], endDate: ["sales.error.endBeforeStart"] },
    });
  });

  it("participants see the campaign; a browse-only participant cannot change the summary, a modify participant can", async () => {
    const owner = await createSalesStaff(db, "marketing");
    const browser = await createSalesStaff(db, "sales");
    const editor = await createSalesStaff(db, "sales");
    const stranger = await createSalesStaff(db, "sales");
    const campaign = await createSalesCampaign(db, owner.staff.id, { summary: "原始说明" });

    expect(await getCampaignWorkspace(db, browser.actor, campaign.id)).toBeNull();
    expect(
      await setCampaignParticipant(db, owner.actor, campaign.id, { staffId: browser.staff.id, canModify: false }),
    ).toEqual({
      kind: "ok",
      added: true,
    });
    await setCampaignParticipant(db, owner.actor, campaign.id, { staffId: editor.staff.id, canModify: true });
    // The added participant is notified.
    expect(await db.notification.count({ where: { staffId: browser.staff.id, type: "campaign.participant" } })).toBe(1);

    expect(await campaignAccess(db, browser.actor, campaign.id)).toMatchObject({
      canView: true,
      canModify: false,
      canManageParticipants: false,
    });
    expect(await getCampaignWorkspace(db, stranger.actor, campaign.id)).toBeNull();

    const input = { ...baseInput, name: campaign.name, summary: "发现竞争对手冒充客户，注意甄别" };
    expect(await updateCampaign(db, browser.actor, campaign.id, input)).toEqual({ kind: "forbidden" });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).summary).toBe("原始说明");
    expect(await updateCampaign(db, stranger.actor, campaign.id, input)).toEqual({ kind: "not-found" });

    expect(await updateCampaign(db, editor.actor, campaign.id, input)).toEqual({ kind: "ok" });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).summary).toBe(
      "发现竞争对手冒充客户，注意甄别",
    );
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "campaign.updated" } });
    expect(audit.actorId).toBe(editor.staff.id);
    expect(audit.before).toMatchObject({ summary: "原始说明" });

    // A modify participant edits the campaign but does not hand out rights.
    expect(
      await setCampaignParticipant(db, editor.actor, campaign.id, { staffId: stranger.staff.id, canModify: true }),
    ).toEqual({ kind: "forbidden" });
    // Downgrading the editor takes the edit right away.
    await setCampaignParticipant(db, owner.actor, campaign.id, { staffId: editor.staff.id, canModify: false });
    expect((await campaignAccess(db, editor.actor, campaign.id)).canModify).toBe(false);
    expect(await removeCampaignParticipant(db, owner.actor, campaign.id, editor.staff.id)).toEqual({ kind: "ok" });
    expect((await campaignAccess(db, editor.actor, campaign.id)).canView).toBe(false);
  });

  it("expenses need modify rights, work logs any participant, tasks go to participants and notify them", async () => {
    const owner = await createSalesStaff(db, "marketing");
    const participant = await createSalesStaff(db, "sales");
    const outsider = await createSalesStaff(db, "sales");
    const campaign = await createSalesCampaign(db, owner.staff.id);
    await setCampaignParticipant(db, owner.actor, campaign.id, { staffId: participant.staff.id, canModify: false });

    const expense = { amount: "1200.50", description: "展位费", spentOn: "2027-03-02" };
    expect(await addCampaignExpense(db, participant.actor, campaign.id, expense)).toEqual({ kind: "forbidden" });
    expect((await addCampaignExpense(db, owner.actor, campaign.id, expense)).kind).toBe("ok");
    expect(await addCampaignExpense(db, owner.actor, campaign.id, { ...expense, amount: "-3" })).toMatchObject({
      kind: "invalid",
      errors: { amount: ["sales.error.money"] },
    });

    const work = { hours: "6.5", description: "展台值守", workedOn: "2027-03-02" };
    expect((await addCampaignWorkLog(db, participant.actor, campaign.id, work)).kind).toBe("ok");
    expect(await addCampaignWorkLog(db, outsider.actor, campaign.id, work)).toEqual({ kind: "not-found" });
    expect(await addCampaignWorkLog(db, participant.actor, campaign.id, { ...work, hours: "30" })).toMatchObject({
      kind: "invalid",
    });

    expect(
      await addCampaignTask(db, owner.actor, campaign.id, {
        title: "整理名片",
        assigneeId: String(outsider.staff.id),
      }),
    ).toMatchObject({ kind: "invalid", errors: { assigneeId: ["sales.error.assignee"] } });
    expect(
      (
        await addCampaignTask(db, owner.actor, campaign.id, {
          title: "整理名片",
          assigneeId: String(participant.staff.id),
          dueAt: "2027-03-05",
        })
      ).kind,
    ).toBe("ok");
    expect(await db.notification.count({ where: { staffId: participant.staff.id, type: "campaign.task" } })).toBe(1);
    expect((await addCampaignNote(db, participant.actor, campaign.id, { body: "客户反馈不错" })).kind).toBe("ok");

    expect((await getCampaignWorkspace(db, owner.actor, campaign.id))?.actuals).toMatchObject({
      cost: "1200.50",
      workload: "6.50",
    });
    const activity = await getCampaignActivity(db, owner.actor, campaign.id);
    expect(activity?.tasks.map((t) => [t.title, t.assignee.id])).toEqual([["整理名片", participant.staff.id]]);
    expect(activity?.notes.map((n) => n.author?.name)).toEqual([participant.staff.name]);
    const workLogs = await listCampaignLedger(db, owner.actor, campaign.id, "work");
    expect(workLogs?.[0]?.by).toBe(participant.staff.name);
  });
});

describe("campaign actuals", () => {
  beforeEach(() => resetDatabase());

  async function world() {
    const teamA = await createSalesTeam(db);
    const teamB = await createSalesTeam(db);
    const marketing = await createSalesStaff(db, "marketing");
    const admin = await createSalesStaff(db, "admin");
    const executive = await createSalesStaff(db, "executive");
    const managerA = await createSalesStaff(db, "salesManager", { teamId: teamA.id });
    const repA = await createSalesStaff(db, "sales", { teamId: teamA.id });
    const repB = await createSalesStaff(db, "sales", { teamId: teamB.id });
    const campaign = await createSalesCampaign(db, marketing.staff.id, {
      targetSalesAmount: "100000",
      targetLeadCount: 10,
      targetCost: "5000",
      targetWorkload: "40",
    });
    const other = await createSalesCampaign(db, marketing.staff.id);
    // Leads: 2 owned by repA, 1 by repB, 1 owned by marketing but distributed to repB; 1 in another campaign.
    const leadA1 = await createTestLead(db, { ownerId: repA.staff.id, campaignId: campaign.id });
    const leadA2 = await createTestLead(db, { ownerId: repA.staff.id, campaignId: campaign.id });
    const leadB = await createTestLead(db, { ownerId: repB.staff.id, campaignId: campaign.id });
    const leadM = await createTestLead(db, { ownerId: marketing.staff.id, campaignId: campaign.id });
    await createTestLead(db, { ownerId: repA.staff.id, campaignId: other.id });
    await db.leadAssignment.create({ data: { leadId: leadM.id, staffId: repB.staff.id } });
    // Opportunities: won 30 000 (repA, from leadA1), won 20 000 (repB, from leadB), won 7 000 by hand
    // (repB, no lead), open 9 000 (repA), lost 4 000 (repA), won 99 999 in the other campaign.
    await createSalesOpportunity(db, {
      ownerId: repA.staff.id,
      campaignId: campaign.id,
      leadId: leadA1.id,
      stage: "won",
      amount: "30000",
    });
    await createSalesOpportunity(db, {
      ownerId: repB.staff.id,
      campaignId: campaign.id,
      leadId: leadB.id,
      stage: "won",
      amount: "20000",
    });
    await createSalesOpportunity(db, { ownerId: repB.staff.id, campaignId: campaign.id, stage: "won", amount: "7000" });
    await createSalesOpportunity(db, {
      ownerId: repA.staff.id,
      campaignId: campaign.id,
      leadId: leadA2.id,
      stage: "proposal",
      amount: "9000",
    });
    await createSalesOpportunity(db, {
      ownerId: repA.staff.id,
      campaignId: campaign.id,
      stage: "lost",
      amount: "4000",
    });
    await createSalesOpportunity(db, { ownerId: repA.staff.id, campaignId: other.id, stage: "won", amount: "99999" });
    await db.lead.update({ where: { id: leadA1.id }, data: { convertedAt: new Date(), status: "converted" } });
    await db.campaignExpense.createMany({
      data: [
        { campaignId: campaign.id, amount: "1500", description: "展位", spentOn: new Date("2027-03-01") },
        { campaignId: campaign.id, amount: "499.90", description: "印刷", spentOn: new Date("2027-03-02") },
        { campaignId: other.id, amount: "777", description: "别的", spentOn: new Date("2027-03-02") },
      ],
    });
    await db.campaignWorkLog.createMany({
      data: [
        {
          campaignId: campaign.id,
          staffId: repA.staff.id,
          hours: "8",
          description: "值守",
          workedOn: new Date("2027-03-01"),
        },
        {
          campaignId: campaign.id,
          staffId: repB.staff.id,
          hours: "3.25",
          description: "回访",
          workedOn: new Date("2027-03-02"),
        },
      ],
    });
    return { campaign, marketing, admin, executive, managerA, repA, repB };
  }

  it("gives all-scope viewers the full picture, computed from the linked records", async () => {
    const w = await world();
    for (const viewer of [w.admin.actor, w.executive.actor]) {
      expect(await campaignActualsFor(db, viewer, w.campaign.id)).toEqual({
        wonAmount: "57000.00",
        wonCount: 3,
        openOpportunityCount: 1,
        opportunityCount: 5,
        leadCount: 4,
        convertedLeadCount: 1,
        cost: "1999.90",
        workload: "11.25",
      });
    }
    const detail = await getCampaignWorkspace(db, w.admin.actor, w.campaign.id);
    expect(detail?.scope.full).toBe(true);
    expect(progressPercent(detail!.actuals.wonAmount, detail!.campaign.targets.salesAmount)).toBe(57);
    expect(progressPercent("3", null)).toBeNull();

    // Actuals follow the records: winning the open opportunity moves them at once.
    await db.opportunity.updateMany({ where: { stage: "proposal" }, data: { stage: "won" } });
    expect((await campaignActualsFor(db, w.admin.actor, w.campaign.id)).wonAmount).toBe("66000.00");
  });

  it("scopes the statistics to what the viewer may see", async () => {
    const w = await world();
    // Marketing: all leads, no opportunities module → won sales only from opportunities converted from leads.
    const marketing = await getCampaignWorkspace(db, w.marketing.actor, w.campaign.id);
    expect(marketing?.scope.full).toBe(false);
    expect(marketing?.actuals).toMatchObject({ leadCount: 4, wonAmount: "50000.00", wonCount: 2, cost: "1999.90" });

    // Team A manager: team A's leads (2) and opportunities; campaigns browse all lets them open it.
    const manager = await getCampaignWorkspace(db, w.managerA.actor, w.campaign.id);
    expect(manager?.actuals).toMatchObject({ leadCount: 2, wonAmount: "30000.00", openOpportunityCount: 1 });
    const managerRecords = await getCampaignLinkedRecords(db, w.managerA.actor, w.campaign.id);
    expect(managerRecords?.leads).toHaveLength(2);
    expect(managerRecords?.opportunities.map((o) => o.amount).sort()).toEqual(["30000.00", "4000.00", "9000.00"]);

    // repB (no campaigns rights) becomes a browse participant: own lead + the one distributed to them,
    // own won opportunities (with and without lead).
    await setCampaignParticipant(db, w.marketing.actor, w.campaign.id, { staffId: w.repB.staff.id, canModify: false });
    const rep = await getCampaignWorkspace(db, w.repB.actor, w.campaign.id);
    expect(rep?.scope).toEqual({ full: false, leadScope: "own", opportunityScope: "own" });
    expect(rep?.actuals).toMatchObject({ leadCount: 2, wonAmount: "27000.00", wonCount: 2 });

    // The list computes the same numbers per card.
    const list = await listCampaigns(db, w.repB.actor);
    expect(list.items.map((c) => [c.id, c.actuals.wonAmount, c.actuals.leadCount])).toEqual([
      [w.campaign.id, "27000.00", 2],
    ]);
  });
});
