import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { createSalesCampaign, createSalesCompany, createSalesStaff, type ROLE_GRANTS } from "#tests/factories/sales.ts";
import { get, outcome, post, staffCookie } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as campaignLoader } from "./campaign/campaign-layout.tsx";
import { action as ledgerAction, loader as ledgerLoader } from "./campaign/campaign-ledger.tsx";
import { action as campaignAction } from "./campaign/campaign-overview.tsx";
import { action as convertAction, loader as convertLoader } from "./lead-convert.tsx";

// The campaign and conversion routes' guards and responses, called as React Router would.

async function signedIn(role: keyof typeof ROLE_GRANTS | "admin") {
  const person = await createSalesStaff(db, role);
  return { ...person, cookie: await staffCookie(person.staff.id) };
}

describe("campaign detail route", () => {
  beforeEach(() => resetDatabase());

  it("shows the campaign to a browse participant, refuses their summary change (403, unchanged), accepts a modify participant's", async () => {
    const owner = await signedIn("marketing");
    const browser = await signedIn("sales");
    const editor = await signedIn("sales");
    const stranger = await signedIn("sales");
    const campaign = await createSalesCampaign(db, owner.staff.id, { summary: "原始说明" });
    await db.campaignParticipant.createMany({
      data: [
        { campaignId: campaign.id, staffId: browser.staff.id, canModify: false },
        { campaignId: campaign.id, staffId: editor.staff.id, canModify: true },
      ],
    });
    const path = `/crm/campaigns/${campaign.id}`;
    const params = { campaignId: String(campaign.id) };

    expect((await outcome(() => campaignLoader(get(path, stranger.cookie, params)))).status).toBe(404);
    const seen = await outcome(() => campaignLoader(get(path, browser.cookie, params)));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      capabilities: { role: "participant", participant: "browse", canModify: false, canLogWork: true },
      scope: { full: false },
    });

    const form = { intent: "update", name: campaign.name, type: "exhibition", status: "active", summary: "已被篡改" };
    expect((await outcome(() => campaignAction(post(path, browser.cookie, form, params)))).status).toBe(403);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).summary).toBe("原始说明");

    const saved = await outcome(() =>
      campaignAction(
        post(path, editor.cookie, { ...form, summary: "注意竞争对手冒充", intentText: "冲刺年底" }, params),
      ),
    );
    expect(saved).toMatchObject({ status: 302, location: `${path}?flash=flash.saved` });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      summary: "注意竞争对手冒充",
      intent: "冲刺年底",
    });
  });
});

describe("campaign ledger route", () => {
  beforeEach(() => resetDatabase());

  it("serves /expenses and /work, 404s any other segment, and keeps a browse participant to their own hours", async () => {
    const owner = await signedIn("marketing");
    const browser = await signedIn("sales");
    const campaign = await createSalesCampaign(db, owner.staff.id);
    await db.campaignParticipant.create({ data: { campaignId: campaign.id, staffId: browser.staff.id } });
    const base = `/crm/campaigns/${campaign.id}`;
    const params = (ledger: string) => ({ campaignId: String(campaign.id), ledger });

    expect((await outcome(() => ledgerLoader(get(`${base}/nonsense`, owner.cookie, params("nonsense"))))).status).toBe(
      404,
    );
    const expense = { intent: "expense", description: "展位费", amount: "1200", spentOn: "2027-03-01" };
    expect(
      (await outcome(() => ledgerAction(post(`${base}/expenses`, browser.cookie, expense, params("expenses"))))).status,
    ).toBe(403);
    const badHours = { intent: "worklog", description: "布展", hours: "30", workedOn: "2027-03-02" };
    expect(
      await outcome(() => ledgerAction(post(`${base}/work`, browser.cookie, badHours, params("work")))),
    ).toMatchObject({
      status: 400,
      body: { fieldErrors: { hours: ["sales.error.hours"] }, values: { intent: "worklog" } },
    });
    const logged = await outcome(() =>
      ledgerAction(post(`${base}/work`, browser.cookie, { ...badHours, hours: "3.5" }, params("work"))),
    );
    expect(logged).toMatchObject({ status: 302, location: `${base}/work?flash=flash.saved` });
    expect(await db.campaignExpense.count()).toBe(0);
    const work = await outcome(() => ledgerLoader(get(`${base}/work`, browser.cookie, params("work"))));
    expect(work.body).toMatchObject({ kind: "work", lines: [{ description: "布展", quantity: "3.50" }] });
  });
});

describe("lead conversion route", () => {
  beforeEach(() => resetDatabase());

  it("converts for the owner (linking the existing company) and refuses a stranger", async () => {
    const owner = await signedIn("sales");
    const stranger = await signedIn("sales");
    // The owner's own company: conversion suggests and links only companies within the rep's scope (#13).
    const company = await createSalesCompany(db, { name: "北京星辰科技有限公司", ownerId: owner.staff.id });
    const lead = await createTestLead(db, {
      ownerId: owner.staff.id,
      contactName: "王芳",
      companyName: "北京星辰科技有限公司",
    });
    const path = `/crm/leads/${lead.id}/convert`;
    const params = { leadId: String(lead.id) };

    const page = await outcome(() => convertLoader(get(path, owner.cookie, params)));
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ permission: { allowed: true } });
    const suggested = (page.body as { suggestions: { companies: Array<{ id: number }> } }).suggestions.companies;
    expect(suggested.map((c) => c.id)).toContain(company.id);
    expect((await outcome(() => convertLoader(get(path, stranger.cookie, params)))).status).toBe(404);

    const form = {
      companyPick: `existing-${company.id}`,
      contactPick: "create",
      createOpportunity: "on",
      opportunityName: "星辰科技 CRM",
      stage: "qualification",
      amount: "50000",
      probability: "30",
      expectedCloseDate: "",
      ownerId: String(owner.staff.id),
    };
    expect((await outcome(() => convertAction(post(path, stranger.cookie, form, params)))).status).toBe(403);
    expect(await db.opportunity.count()).toBe(0);

    const done = await outcome(() => convertAction(post(path, owner.cookie, form, params)));
    const opp = await db.opportunity.findFirstOrThrow();
    expect(done).toMatchObject({ status: 302, location: `/crm/opportunities/${opp.id}?converted=1` });
    expect(opp).toMatchObject({ companyId: company.id, leadId: lead.id, name: "星辰科技 CRM" });
    // A second submit (back button, double click) lands on the same opportunity and creates nothing.
    const again = await outcome(() => convertAction(post(path, owner.cookie, form, params)));
    expect(again.location).toBe(`/crm/opportunities/${opp.id}?converted=1`);
    expect(await db.opportunity.count()).toBe(1);
    expect(await db.company.count()).toBe(1);
  });
});
