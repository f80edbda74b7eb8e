import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { applicableRules } from "#app/modules/leads/distribution/distribution-rule-matching.ts";
import { listDistributionRules } from "#app/modules/leads/distribution/distribution-rules.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { DEMO_DISTRIBUTION_RULES, seedDemoDistributionRules } from "./demo-distribution-rules.ts";

// The demo's 北京 / 上海 / 其它地区 rules: created once however often the seed runs, with the people and
// rights of the seed's worked example, and leaving a manager's reordering alone.

beforeAll(async () => {
  await resetDatabase();
  const emails = new Set(DEMO_DISTRIBUTION_RULES.flatMap((r) => r.assignees.map((a) => a.email)));
  for (const email of emails) await createTestStaff(db, { email });
  await seedDemoDistributionRules(db);
  await seedDemoDistributionRules(db);
}, 60_000);

describe("seedDemoDistributionRules", () => {
  it("creates the three rules once, the catch-all last, with the worked example's rights", async () => {
    const rules = await listDistributionRules(db);
    expect(rules.map((r) => [r.name, r.isCatchAll, r.assignees.length])).toEqual([
      ["北京地区", false, 2],
      ["上海地区", false, 2],
      ["其它地区", true, 2],
    ]);
    const staff = await db.staff.findMany({ select: { id: true, email: true } });
    const byEmail = new Map(staff.map((s) => [s.email, s.id]));
    const beijing = rules[0]!;
    // 王磊 may edit the need, 李娜 may not.
    expect(beijing.assignees.find((a) => a.staffId === byEmail.get("wang.lei@relay-demo.cn"))?.canEditNeed).toBe(true);
    expect(beijing.assignees.find((a) => a.staffId === byEmail.get("sales@relay-demo.cn"))?.canEditNeed).toBe(false);
    const lead = {
      companyProvince: null,
      companyCity: "Shanghai",
      contactPhone: null,
      contactMobile: null,
      contactFax: null,
      companyPhone: null,
      companyFax: null,
    };
    expect(applicableRules(lead, rules).map((r) => r.name)).toEqual(["上海地区"]);
  });

  it("keeps a manager's order and active flag on re-seed", async () => {
    const [bj, sh] = await listDistributionRules(db);
    await db.distributionRule.update({ where: { id: bj!.id }, data: { position: 100, active: false } });
    await seedDemoDistributionRules(db);
    const after = await listDistributionRules(db);
    expect(after.map((r) => r.name)).toEqual(["上海地区", "北京地区", "其它地区"]);
    expect(after.find((r) => r.id === bj!.id)?.active).toBe(false);
    expect(after.find((r) => r.id === sh!.id)?.active).toBe(true);
  });
});
