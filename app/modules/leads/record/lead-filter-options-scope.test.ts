import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { createSalesCampaign, createSalesStaff } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { leadFilterOptions } from "./lead-queries.server.ts";

// Found by the back-office scope sweep (issue #13, decision 032): the leads list's campaign filter
// listed every campaign by name, so a rep with no campaigns grant and no part in a campaign read the
// names of marketing's campaigns. It offers the campaigns the actor may see, and those of their leads.

describe("the leads list's campaign filter", () => {
  beforeEach(() => resetDatabase());

  it("offers only campaigns the actor may see or has leads in", async () => {
    const marketing = await createSalesStaff(db, "marketing");
    const rep = await createSalesStaff(db, "sales");
    const hidden = await createSalesCampaign(db, marketing.staff.id, { name: "内部新品推广" });
    const withMyLead = await createSalesCampaign(db, marketing.staff.id, { name: "展会线索" });
    await createTestLead(db, { ownerId: rep.staff.id, campaignId: withMyLead.id });

    const forRep = await leadFilterOptions(db, rep.actor);
    expect(forRep.campaigns.map((c) => c.id)).toEqual([withMyLead.id]);

    // positive control: who may see every campaign gets both
    const forMarketing = await leadFilterOptions(db, marketing.actor);
    expect(forMarketing.campaigns.map((c) => c.id).sort()).toEqual([hidden.id, withMyLead.id].sort());
  });
});
