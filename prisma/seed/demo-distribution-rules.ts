import type { Db } from "#app/lib/db.server.ts";

// The 线索自动分发规则 of the demo organisation, after the seed's worked example (000.md §2.H.1):
// 北京地区 (one salesperson may edit the need, the other may not), 上海地区 (both may edit
// everything) and 其它地区 as the catch-all. Idempotent: rules are found by name and updated in place
// (their order and active flag are left as a manager may have changed them); assignees are replaced.

type Rights = { need?: boolean; contact?: boolean; company?: boolean; status?: boolean };
const ALL: Rights = { need: true, contact: true, company: true, status: true };

export const DEMO_DISTRIBUTION_RULES: ReadonlyArray<{
  name: string;
  region: string[];
  phone: string[];
  isCatchAll: boolean;
  assignees: ReadonlyArray<{ email: string; rights: Rights }>;
}> = [
  {
    name: "北京地区",
    region: ["北京", "beijing"],
    phone: ["010-", "8610-"],
    isCatchAll: false,
    assignees: [
      { email: "wang.lei@relay-demo.cn", rights: { need: true, status: true } },
      { email: "sales@relay-demo.cn", rights: { status: true } },
    ],
  },
  {
    name: "上海地区",
    region: ["上海", "shanghai"],
    phone: ["021-", "8621-"],
    isCatchAll: false,
    assignees: [
      { email: "chen.jing@relay-demo.cn", rights: ALL },
      { email: "liu.yang@relay-demo.cn", rights: ALL },
    ],
  },
  {
    name: "其它地区",
    region: [],
    phone: [],
    isCatchAll: true,
    assignees: [
      { email: "zhang.wei@relay-demo.cn", rights: { status: true } },
      { email: "huang.min@relay-demo.cn", rights: { status: true } },
    ],
  },
];

export async function seedDemoDistributionRules(db: Db): Promise<void> {
  const emails = DEMO_DISTRIBUTION_RULES.flatMap((r) => r.assignees.map((a) => a.email));
  const staff = await db.staff.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const staffId = new Map(staff.map((s) => [s.email, s.id]));

  for (const rule of DEMO_DISTRIBUTION_RULES) {
    await db.$transaction(async (tx) => {
      const data = {
        regionKeywords: rule.region,
        phoneKeywords: rule.phone,
        isCatchAll: rule.isCatchAll,
        alsoApply: false,
      };
      let existing = await tx.distributionRule.findFirst({ where: { name: rule.name }, select: { id: true } });
      if (existing) {
        await tx.distributionRule.update({ where: { id: existing.id }, data });
      } else {
        if (rule.isCatchAll) {
          // Only one catch-all: a differently named one from a manager wins over the demo's.
          const other = await tx.distributionRule.findFirst({ where: { isCatchAll: true }, select: { id: true } });
          if (other) return;
        }
        const max = await tx.distributionRule.aggregate({ _max: { position: true } });
        existing = await tx.distributionRule.create({
          data: { name: rule.name, position: (max._max.position ?? -1) + 1, ...data },
          select: { id: true },
        });
      }
      await tx.distributionRuleAssignee.deleteMany({ where: { ruleId: existing.id } });
      const rows = rule.assignees
        .filter((a) => staffId.has(a.email))
        .map((a) => ({
          ruleId: existing.id,
          staffId: staffId.get(a.email)!,
          canEditNeed: a.rights.need ?? false,
          canEditContact: a.rights.contact ?? false,
          canEditCompany: a.rights.company ?? false,
          canEditStatus: a.rights.status ?? false,
        }));
      if (rows.length) await tx.distributionRuleAssignee.createMany({ data: rows });
    });
  }
}
