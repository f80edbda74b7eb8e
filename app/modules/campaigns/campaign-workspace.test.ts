import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants, type Action, type Module, type Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { createSalesCampaign, createSalesOpportunity, createSalesTeam } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  getCampaignLinkedRecords,
  getCampaignTeam,
  getCampaignWorkspace,
  listCampaignLedger,
} from "./campaign-workspace.server.ts";

type Grant = { module: Module; action: Action; scope: Scope };

async function actor(options: { grants?: Grant[]; isAdmin?: boolean; teamId?: number | null } = {}) {
  const { staff } = await createTestStaff(db, options);
  return staffActorFor(staff, { isAdmin: options.isAdmin, grants: mergeGrants(options.grants ?? []) });
}

const campaignsBrowse = (scope: Scope): Grant => ({ module: "campaigns", action: "browse", scope });

describe("campaign workspace", () => {
  beforeEach(() => resetDatabase());

  it("derives the capabilities of owner, admin, browse and modify participants and a team-scope browser", async () => {
    const team = await createSalesTeam(db);
    const owner = await actor({ teamId: team.id, grants: [{ module: "campaigns", action: "add", scope: "own" }] });
    const admin = await actor({ isAdmin: true });
    const browser = await actor();
    const editor = await actor();
    const teammate = await actor({ teamId: team.id, grants: [campaignsBrowse("team")] });
    const campaign = await createSalesCampaign(db, owner.staffId, { targetSalesAmount: "1000" });
    await db.campaignParticipant.createMany({
      data: [
        { campaignId: campaign.id, staffId: browser.staffId, canModify: false },
        { campaignId: campaign.id, staffId: editor.staffId, canModify: true },
      ],
    });

    const capabilities = async (who: typeof owner) =>
      (await getCampaignWorkspace(db, who, campaign.id))?.capabilities ?? null;

    expect(await capabilities(owner)).toEqual({
      role: "owner",
      isOwner: true,
      participant: null,
      canModify: true,
      canManageParticipants: true,
      canLogWork: true,
      canNote: true,
    });
    expect(await capabilities(admin)).toMatchObject({ role: "admin", canModify: true, canManageParticipants: true });
    expect(await capabilities(browser)).toEqual({
      role: "participant",
      isOwner: false,
      participant: "browse",
      canModify: false,
      canManageParticipants: false,
      canLogWork: true,
      canNote: true,
    });
    expect(await capabilities(editor)).toMatchObject({
      role: "participant",
      participant: "modify",
      canModify: true,
      canManageParticipants: false,
    });
    expect(await capabilities(teammate)).toMatchObject({
      role: "scope",
      participant: null,
      canModify: false,
      canManageParticipants: false,
      canLogWork: false,
    });

    const workspace = await getCampaignWorkspace(db, owner, campaign.id);
    expect(workspace?.campaign).toMatchObject({ id: campaign.id, targets: { salesAmount: "1000.00" } });
    expect(workspace?.counts).toMatchObject({ participants: 2, expenses: 0 });
  });

  it("a campaign out of the actor's reach reads as not found in every reader", async () => {
    const ownTeam = await createSalesTeam(db);
    const otherTeam = await createSalesTeam(db);
    const owner = await actor({ teamId: ownTeam.id });
    const campaign = await createSalesCampaign(db, owner.staffId);
    const strangers = [
      await actor(),
      await actor({ teamId: otherTeam.id, grants: [campaignsBrowse("team")] }),
      await actor({ teamId: ownTeam.id, grants: [campaignsBrowse("own")] }),
    ];
    for (const stranger of strangers) {
      expect(await getCampaignWorkspace(db, stranger, campaign.id)).toBeNull();
      expect(await getCampaignLinkedRecords(db, stranger, campaign.id)).toBeNull();
      expect(await getCampaignTeam(db, stranger, campaign.id)).toBeNull();
      expect(await listCampaignLedger(db, stranger, campaign.id, "expenses")).toBeNull();
      expect(await listCampaignLedger(db, stranger, campaign.id, "work")).toBeNull();
    }
    expect(await getCampaignWorkspace(db, owner, campaign.id + 10_000)).toBeNull();
  });

  it("lists expenses and work logs newest first with who recorded them, and the team with candidates for managers only", async () => {
    const owner = await actor();
    const helper = await actor();
    const outsider = await actor();
    const campaign = await createSalesCampaign(db, owner.staffId);
    await db.campaignParticipant.create({ data: { campaignId: campaign.id, staffId: helper.staffId } });
    await db.campaignExpense.createMany({
      data: [
        {
          campaignId: campaign.id,
          amount: "1200.50",
          description: "展位费",
          spentOn: new Date("2027-03-01"),
          recordedById: owner.staffId,
        },
        {
          campaignId: campaign.id,
          amount: "88",
          description: "茶歇",
          spentOn: new Date("2027-03-05"),
          recordedById: null,
        },
      ],
    });
    await db.campaignWorkLog.create({
      data: {
        campaignId: campaign.id,
        staffId: helper.staffId,
        hours: "3.5",
        description: "布展",
        workedOn: new Date("2027-03-02"),
      },
    });

    const expenses = await listCampaignLedger(db, helper, campaign.id, "expenses");
    expect(expenses?.map((e) => [e.description, e.quantity, e.by])).toEqual([
      ["茶歇", "88.00", null],
      ["展位费", "1200.50", expect.stringMatching(/^测试员工/)],
    ]);
    const work = await listCampaignLedger(db, owner, campaign.id, "work");
    expect(work).toEqual([
      {
        id: expect.any(Number),
        description: "布展",
        quantity: "3.50",
        on: new Date("2027-03-02"),
        by: expect.any(String),
      },
    ]);

    const forOwner = await getCampaignTeam(db, owner, campaign.id);
    expect(forOwner?.owner.id).toBe(owner.staffId);
    expect(forOwner?.participants.map((p) => [p.staff.id, p.canModify])).toEqual([[helper.staffId, false]]);
    const candidateIds = forOwner?.candidates.map((c) => c.id) ?? [];
    expect(candidateIds).toContain(outsider.staffId);
    expect(candidateIds).not.toContain(owner.staffId);
    expect(candidateIds).not.toContain(helper.staffId);
    expect((await getCampaignTeam(db, helper, campaign.id))?.candidates).toEqual([]);
  });

  it("linked leads and opportunities stay within the actor's own lead and opportunity scopes", async () => {
    const owner = await actor({ isAdmin: true });
    const rep = await actor({
      grants: [
        { module: "leads", action: "browse", scope: "own" },
        { module: "opportunities", action: "browse", scope: "own" },
      ],
    });
    const campaign = await createSalesCampaign(db, owner.staffId);
    await db.campaignParticipant.create({ data: { campaignId: campaign.id, staffId: rep.staffId } });
    const mine = await createTestLead(db, { ownerId: rep.staffId, campaignId: campaign.id });
    await createTestLead(db, { ownerId: owner.staffId, campaignId: campaign.id });
    const myDeal = await createSalesOpportunity(db, { ownerId: rep.staffId, campaignId: campaign.id, amount: "6400" });
    await createSalesOpportunity(db, { ownerId: owner.staffId, campaignId: campaign.id });

    const forRep = await getCampaignLinkedRecords(db, rep, campaign.id);
    expect(forRep?.leads.map((l) => l.id)).toEqual([mine.id]);
    expect(forRep?.opportunities).toEqual([expect.objectContaining({ id: myDeal.id, amount: "6400.00" })]);
    const forOwner = await getCampaignLinkedRecords(db, owner, campaign.id);
    expect(forOwner?.leads).toHaveLength(2);
    expect(forOwner?.opportunities).toHaveLength(2);

    const workspace = await getCampaignWorkspace(db, rep, campaign.id);
    expect(workspace?.scope.full).toBe(false);
    expect(workspace?.actuals.leadCount).toBe(1);
  });
});
