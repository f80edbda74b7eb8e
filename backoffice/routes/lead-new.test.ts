import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createSalesCampaign, createSalesStaff } from "#tests/factories/sales.ts";
import { get, outcome, post, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action, loader } from "./lead-new.tsx";

// #14 item 18: 新建线索 offers the campaigns the rep takes part in and saves the one chosen.

const fields = (campaignId: string) => ({
  "contact.name": "李娜",
  "contact.mobile": "13910005678",
  "company.name": "华泰电子有限公司",
  ownerStaffId: "",
  campaignId,
});

async function repInCampaign() {
  const rep = await signedInStaff({
    grants: [
      { module: "leads", action: "browse", scope: "own" },
      { module: "leads", action: "add", scope: "own" },
    ],
  });
  const owner = await createSalesStaff(db, "marketing");
  const mine = await createSalesCampaign(db, owner.staff.id, { name: "渠道大会" });
  const other = await createSalesCampaign(db, owner.staff.id, { name: "别人的战役" });
  await db.campaignParticipant.create({ data: { campaignId: mine.id, staffId: rep.staffId } });
  return { rep, mine, other };
}

describe("/crm/leads/new campaign field", () => {
  beforeEach(() => resetDatabase());

  it("lists the rep's running campaigns and saves the chosen one on the lead", async () => {
    const { rep, mine } = await repInCampaign();
    const page = await outcome(() => loader(get("/crm/leads/new", rep.cookie)));
    expect(page.status).toBe(200);
    expect((page.body as { campaigns: unknown }).campaigns).toEqual([{ id: mine.id, name: "渠道大会" }]);

    const sent = await outcome(() => action(post("/crm/leads/new", rep.cookie, fields(String(mine.id)))));
    expect(sent.status).toBe(302);
    const leadId = Number(/\/crm\/leads\/(\d+)/.exec(sent.location ?? "")?.[1]);
    const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
    expect(lead).toMatchObject({ campaignId: mine.id, ownerId: rep.staffId });
  });

  it("answers 400 with the field error for a campaign the rep does not take part in, and creates nothing", async () => {
    const { rep, other } = await repInCampaign();
    for (const id of [String(other.id), "x'--", "1e99"]) {
      const sent = await outcome(() => action(post("/crm/leads/new", rep.cookie, fields(id))));
      expect(sent.status, id).toBe(400);
      expect((sent.body as { fieldErrors: Record<string, string[]> }).fieldErrors.campaignId).toEqual([
        "leadInbox.create.campaignUnavailable",
      ]);
    }
    expect(await db.lead.count()).toBe(0);
  });
});
