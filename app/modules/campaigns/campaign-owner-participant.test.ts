import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants, type Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createSalesCampaign, createSalesStaff, createSalesTeam } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { seesCampaignsAsParticipant } from "./campaign-access.server.ts";
import { campaignOwnerChoices, createCampaign, listCampaigns } from "./campaigns.server.ts";

// #14 item 18: campaign create had no owner field, and a rep taking part in a campaign without the
// campaigns module had no sidebar entry to reach it.

const input = { name: "2027 渠道伙伴大会", type: "exhibition", status: "active" };

async function campaignStaff(scope: Scope, teamId: number | null) {
  const grants = [
    { module: "campaigns" as const, action: "browse" as const, scope },
    { module: "campaigns" as const, action: "add" as const, scope },
  ];
  const { staff } = await createTestStaff(db, { grants, teamId });
  return { staff, actor: staffActorFor(staff, { grants: mergeGrants(grants) }) };
}

describe("campaign create: owner", () => {
  beforeEach(() => resetDatabase());

  it("defaults to the creator, takes a colleague in scope, and audits the owner", async () => {
    const team = await createSalesTeam(db);
    const lead = await campaignStaff("team", team.id);
    const mate = await createTestStaff(db, { teamId: team.id });
    const byDefault = await createCampaign(db, lead.actor, input);
    expect(byDefault.kind).toBe("ok");
    if (byDefault.kind !== "ok") return;
    expect((await db.campaign.findUniqueOrThrow({ where: { id: byDefault.id } })).ownerId).toBe(lead.staff.id);

    const given = await createCampaign(db, lead.actor, input, { ownerId: mate.staff.id });
    expect(given.kind).toBe("ok");
    if (given.kind !== "ok") return;
    expect((await db.campaign.findUniqueOrThrow({ where: { id: given.id } })).ownerId).toBe(mate.staff.id);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "campaign.created", entityId: String(given.id) },
    });
    expect(audit.after).toMatchObject({ ownerId: mate.staff.id });
  });

  it("offers and accepts only active staff the actor may assign; refuses the rest and creates nothing", async () => {
    const team = await createSalesTeam(db);
    const lead = await campaignStaff("team", team.id);
    const mate = await createTestStaff(db, { teamId: team.id });
    const gone = await createTestStaff(db, { teamId: team.id, status: "inactive" });
    const stranger = await createTestStaff(db, { teamId: null });
    const ids = (await campaignOwnerChoices(db, lead.actor)).map((c) => c.id).sort();
    expect(ids).toEqual([lead.staff.id, mate.staff.id].sort());

    const own = await campaignStaff("own", team.id);
    expect((await campaignOwnerChoices(db, own.actor)).map((c) => c.id)).toEqual([own.staff.id]);

    for (const [actor, ownerId] of [
      [lead.actor, gone.staff.id],
      [lead.actor, stranger.staff.id],
      [lead.actor, -1],
      [own.actor, mate.staff.id],
    ] as const) {
      const result = await createCampaign(db, actor, input, { ownerId });
      expect(result).toEqual({ kind: "invalid", errors: { ownerId: ["sales.error.campaignOwner"] } });
    }
    expect(await db.campaign.count()).toBe(0);
  });
});

describe("campaign participants without the campaigns grant", () => {
  beforeEach(() => resetDatabase());

  it("get the sidebar entry and see only their campaigns; a rep in none gets no entry", async () => {
    const owner = await createSalesStaff(db, "marketing");
    const rep = await createSalesStaff(db, "sales");
    const bystander = await createSalesStaff(db, "sales");
    const mine = await createSalesCampaign(db, owner.staff.id, { name: "渠道伙伴大会" });
    await createSalesCampaign(db, owner.staff.id, { name: "别人的战役" });
    await db.campaignParticipant.create({ data: { campaignId: mine.id, staffId: rep.staff.id } });

    expect(await seesCampaignsAsParticipant(db, rep.actor, rep.staff.id)).toBe(true);
    expect(await seesCampaignsAsParticipant(db, bystander.actor, bystander.staff.id)).toBe(false);
    const list = JSON.stringify(await listCampaigns(db, rep.actor, {}));
    expect(list).toContain("渠道伙伴大会");
    expect(list).not.toContain("别人的战役");
  });
});
