import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestDistributionRule } from "#tests/factories/distribution.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { rights } from "#tests/factories/lead-work.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { get, outcome, post, signedInStaff, type Grant } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as batchLoader } from "./lead-batch.tsx";
import { action as leadAction } from "./lead/lead-overview.tsx";
import { action as inboxAction } from "./leads-inbox.tsx";
import { action as ruleAction, loader as ruleLoader } from "./rules-distribution-detail.tsx";
import { action as rulesAction, loader as rulesLoader } from "./rules-distribution.tsx";

// 线索分发规则 and lead batches through their routes, called as React Router would (no HTTP server):
// the guards, the preview → apply → batch page flow, and the worked example's rights on the lead page.

const OWNER_GRANTS: Grant[] = [
  { module: "leads", action: "browse", scope: "all" },
  { module: "leads", action: "modify", scope: "all" },
  { module: "leads", action: "transfer", scope: "all" },
];
const SALES_GRANTS: Grant[] = [
  { module: "leads", action: "browse", scope: "own" },
  { module: "leads", action: "modify", scope: "own" },
];

describe("distribution rules and lead batch routes", () => {
  beforeEach(() => resetDatabase());

  it("refuses the rules pages to salespeople (403) and lets a lead manager create and edit rules", async () => {
    const sales = await signedInStaff({ grants: SALES_GRANTS });
    expect((await outcome(() => rulesLoader(get("/crm/rules/distribution", sales.cookie)))).status).toBe(403);
    expect(
      (await outcome(() => rulesAction(post("/crm/rules/distribution", sales.cookie, { intent: "create", name: "x" }))))
        .status,
    ).toBe(403);

    const manager = await signedInStaff({ grants: OWNER_GRANTS });
    const invalid = await outcome(() =>
      rulesAction(post("/crm/rules/distribution", manager.cookie, { intent: "create", name: "北京地区" })),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      fieldErrors: { regionKeywords: { key: "distribution.validation.keywordsRequired" } },
    });

    const created = await outcome(() =>
      rulesAction(
        post("/crm/rules/distribution", manager.cookie, {
          intent: "create",
          name: "北京地区",
          regionKeywords: "北京 OR beijing",
          phoneKeywords: "010- OR 8610-",
        }),
      ),
    );
    expect(created.status).toBe(302);
    const ruleId = /\/crm\/rules\/distribution\/(\d+)\?flash=flash\.rules\.ruleCreated$/.exec(
      created.location ?? "",
    )?.[1];
    expect(ruleId).toBeTruthy();
    const a1 = (await createTestStaff(db)).staff;
    const added = await outcome(() =>
      ruleAction(
        post(
          `/crm/rules/distribution/${ruleId}`,
          manager.cookie,
          { intent: "add", staffId: String(a1.id), canEditNeed: "on" },
          { ruleId: ruleId! },
        ),
      ),
    );
    expect(added.status).toBe(302);
    const page = await outcome(() =>
      ruleLoader(get(`/crm/rules/distribution/${ruleId}`, manager.cookie, { ruleId: ruleId! })),
    );
    expect(page.body).toMatchObject({
      rule: {
        name: "北京地区",
        regionKeywords: ["北京", "beijing"],
        assignees: [{ staffId: a1.id, canEditNeed: true }],
      },
    });
    expect(
      (await outcome(() => ruleLoader(get("/crm/rules/distribution/999999", manager.cookie, { ruleId: "999999" }))))
        .status,
    ).toBe(404);
  });

  it("previews, applies to a batch page, and the distributed rights hold on the lead page (403, data unchanged)", async () => {
    const owner = await signedInStaff({ grants: OWNER_GRANTS });
    const a1 = await signedInStaff({ grants: SALES_GRANTS });
    const a2 = await signedInStaff({ grants: SALES_GRANTS });
    const other = await signedInStaff({ grants: SALES_GRANTS });
    const rule = await createTestDistributionRule(db, {
      name: "北京地区",
      region: "北京 OR beijing",
      assignees: [rights(a1.staffId, { need: true }), rights(a2.staffId)],
    });
    const bj = await createTestLead(db, { ownerId: owner.staffId, requirement: "原始需求" });
    await db.lead.update({ where: { id: bj.id }, data: { companyProvince: "北京市" } });
    const gz = await createTestLead(db, { ownerId: owner.staffId });
    await db.lead.update({ where: { id: gz.id }, data: { companyProvince: "广东省" } });
    const selection: Array<[string, string]> = [
      ["selection", "ids"],
      ["leadId", String(bj.id)],
      ["leadId", String(gz.id)],
      ["op", "rules"],
      ["ruleId", String(rule.id)],
    ];

    const preview = await outcome(() =>
      inboxAction(post("/crm/leads", owner.cookie, [...selection, ["intent", "preview"]])),
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      intent: "preview",
      preview: { total: 2, matched: 1, unmatched: { count: 1 }, rules: [{ id: rule.id, count: 1 }] },
    });
    // A preview changes nothing.
    expect(await db.leadBatch.count()).toBe(0);

    // A salesperson without transfer rights cannot start a transfer batch.
    const refused = await outcome(() =>
      inboxAction(
        post("/crm/leads", a1.cookie, [
          ["selection", "ids"],
          ["leadId", String(bj.id)],
          ["op", "transfer"],
          ["toStaffId", String(a2.staffId)],
          ["intent", "apply"],
        ]),
      ),
    );
    expect(refused.status).toBe(403);

    const applied = await outcome(() =>
      inboxAction(post("/crm/leads", owner.cookie, [...selection, ["intent", "apply"]])),
    );
    expect(applied.status).toBe(302);
    const batchId = /\/crm\/leads\/batches\/(\d+)$/.exec(applied.location ?? "")?.[1];
    expect(batchId).toBeTruthy();
    const batchPage = await outcome(() =>
      batchLoader(get(`/crm/leads/batches/${batchId}`, owner.cookie, { batchId: batchId! })),
    );
    expect(batchPage.body).toMatchObject({
      batch: {
        status: "done",
        total: 2,
        processed: 2,
        succeeded: 1,
        skipped: 1,
        summary: { [`rule:${rule.id}`]: 1, "no-rule": 1 },
      },
    });
    expect(
      (await outcome(() => batchLoader(get(`/crm/leads/batches/${batchId}`, other.cookie, { batchId: batchId! }))))
        .status,
    ).toBe(403);

    // The seed's rights through the lead page: A2 may not edit the need (403, unchanged); A1 may.
    const edit = (cookie: string, requirement: string) =>
      outcome(() =>
        leadAction(
          post(`/crm/leads/${bj.id}`, cookie, { intent: "edit-need", requirement }, { leadId: String(bj.id) }),
        ),
      );
    expect((await edit(a2.cookie, "A2 想改")).status).toBe(403);
    expect((await db.lead.findUniqueOrThrow({ where: { id: bj.id } })).requirement).toBe("原始需求");
    expect((await edit(a1.cookie, "A1 改的需求")).status).toBeLessThan(400);
    expect((await db.lead.findUniqueOrThrow({ where: { id: bj.id } })).requirement).toBe("A1 改的需求");
    // Someone the lead was not distributed to cannot even find it.
    expect((await edit(other.cookie, "别人")).status).toBe(404);
  });
});
