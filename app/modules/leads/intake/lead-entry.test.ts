import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createSalesCampaign, createSalesStaff } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { enterLeadByHand, entryCampaigns } from "./lead-entry.server.ts";

// #14 item 18: manual lead entry had no campaign field. The form offers the running campaigns the
// actor may see (a participant sees theirs without the campaigns module), and the lead keeps it.

// Different people per call: an identical submission within minutes replays the first lead.
const lead = (campaignId?: string, mobile = "13910001234") => ({
  contact: { name: `张伟${mobile.slice(-2)}`, mobile },
  company: { name: "远航物流有限公司" },
  requirement: "展会上留的名片",
  campaignId,
});

async function scenario() {
  const owner = await createSalesStaff(db, "marketing");
  const rep = await createSalesStaff(db, "sales");
  const mine = await createSalesCampaign(db, owner.staff.id, { name: "春季展会" });
  const other = await createSalesCampaign(db, owner.staff.id, { name: "秋季展会" });
  const done = await createSalesCampaign(db, owner.staff.id, { name: "去年展会" });
  await db.campaign.update({ where: { id: done.id }, data: { status: "completed" } });
  for (const c of [mine, done])
    await db.campaignParticipant.create({ data: { campaignId: c.id, staffId: rep.staff.id } });
  return { owner, rep, mine, other, done };
}

describe("manual lead entry: campaign", () => {
  beforeEach(() => resetDatabase());

  it("offers a participant rep only the running campaigns they take part in; the marketing lead all running ones", async () => {
    const { owner, rep, mine, other } = await scenario();
    expect(await entryCampaigns(db, rep.actor)).toEqual([{ id: mine.id, name: "春季展会" }]);
    expect((await entryCampaigns(db, owner.actor)).map((c) => c.id).sort()).toEqual([mine.id, other.id].sort());
  });

  it("stores the chosen campaign on the lead, and none when left empty", async () => {
    const { rep, mine } = await scenario();
    const withCampaign = await enterLeadByHand(db, rep.actor, lead(String(mine.id)), {});
    expect(withCampaign.status).toBe("ok");
    if (withCampaign.status !== "ok") return;
    const row = await db.lead.findUniqueOrThrow({ where: { id: withCampaign.value.leadId } });
    expect(row).toMatchObject({ campaignId: mine.id, ownerId: rep.staff.id, source: "staff" });

    const without = await enterLeadByHand(db, rep.actor, lead("", "13910009876"), {});
    expect(without.status).toBe("ok");
    if (without.status !== "ok") return;
    expect((await db.lead.findUniqueOrThrow({ where: { id: without.value.leadId } })).campaignId).toBeNull();
  });

  it("refuses a campaign the actor may not see, a finished one and garbage, creating nothing", async () => {
    const { rep, other, done } = await scenario();
    for (const campaignId of [String(other.id), String(done.id), "abc", "-1", "99999999999999"]) {
      const result = await enterLeadByHand(db, rep.actor, lead(campaignId), {});
      expect(result.status, campaignId).toBe("invalid");
      if (result.status !== "invalid") continue;
      expect(result.fieldErrors.campaignId).toEqual(["leadInbox.create.campaignUnavailable"]);
      expect(result.values.campaignId).toBe(campaignId);
    }
    expect(await db.lead.count()).toBe(0);
  });
});
