import type { Prisma, TeamKind } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import type { ApprovalItemType } from "#app/modules/approvals/approval-types.ts";
import { COMPANY_PROFILE_KEY, CompanyProfileSchema } from "#app/modules/settings/company-profile.server.ts";
import { DEFAULT_NUMBER_FORMATS, RECORD_NUMBER_KINDS } from "#app/modules/settings/record-number-format.ts";

// 系统管理 demo data (#16): the team hierarchy around the demo staff's teams, approval flows for every
// item type, the public holidays of 2026 and 2027, number formats and the company profile. Idempotent:
// keyed by team name, item type, date, number kind and setting key. Nobody changes team: the existing
// teams (which e2e specs name) only get a parent, and the new branch teams hold no staff, so nobody's
// team scope changes.

const COMPANY = "接力科技有限公司";

/** name → parent and kind; listed parents first. Existing demo teams keep their names. */
const TEAM_TREE: ReadonlyArray<{ name: string; parent: string | null; kind: TeamKind }> = [
  { name: COMPANY, parent: null, kind: "company" },
  { name: "总经办", parent: COMPANY, kind: "department" },
  { name: "市场部", parent: COMPANY, kind: "department" },
  { name: "客户服务部", parent: COMPANY, kind: "department" },
  { name: "华北分公司", parent: COMPANY, kind: "branch" },
  { name: "销售一部（华北）", parent: "华北分公司", kind: "department" },
  { name: "华南分公司", parent: COMPANY, kind: "branch" },
  { name: "销售二部（华南）", parent: "华南分公司", kind: "department" },
  { name: "华东分公司", parent: COMPANY, kind: "branch" },
  { name: "上海办事处", parent: "华东分公司", kind: "office" },
];

type Approver = { staff: string } | { role: string };
type StepSpec = { mode: "and" | "or"; approvers: Approver[] };

/** Per item type: the steps (approvers by demo e-mail or role code). `proposal` is the issue's
 * (A AND B) then (C OR D). */
const FLOWS: Record<ApprovalItemType, StepSpec[]> = {
  price_scheme: [
    { mode: "or", approvers: [{ role: "sales-manager" }] },
    { mode: "and", approvers: [{ staff: "admin@relay-demo.cn" }] },
  ],
  quote: [{ mode: "or", approvers: [{ role: "sales-manager" }] }],
  contract: [
    { mode: "or", approvers: [{ role: "sales-manager" }] },
    { mode: "and", approvers: [{ staff: "admin@relay-demo.cn" }] },
  ],
  service_contract: [{ mode: "or", approvers: [{ staff: "service@relay-demo.cn" }, { staff: "admin@relay-demo.cn" }] }],
  proposal: [
    { mode: "and", approvers: [{ staff: "wang.lei@relay-demo.cn" }, { staff: "chen.jing@relay-demo.cn" }] },
    { mode: "or", approvers: [{ staff: "admin@relay-demo.cn" }, { role: "marketing-manager" }] },
  ],
  expense: [{ mode: "or", approvers: [{ staff: "marketing@relay-demo.cn" }, { staff: "admin@relay-demo.cn" }] }],
};

/**
 * 2026: the State Council's arrangement of 4 Nov 2025 (国务院办公厅关于2026年部分节假日安排的通知) with its
 * 调休 working days.
 * 2027: the State Council's 2027 arrangement could not be found (decision 040), so only the days the
 * law fixes (全国年节及纪念日放假办法 as revised in 2024, on the 2027 lunar dates: 除夕 5 Feb, 端午 9 Jun,
 * 中秋 15 Sep) are seeded, each named with a note for the admin, who adds the bridging days and 调休
 * working days on /crm/admin/company once they are published. No date is guessed.
 */
/** Shown with 2027's days on 本公司 (the holiday's name, which the admin edits). */
export const STATUTORY_NOTE = "法定假日；调休待国务院公布后补充";

const HOLIDAYS: ReadonlyArray<[date: string, name: string, workday?: true]> = [
  ["2026-01-01", "元旦"],
  ["2026-01-02", "元旦"],
  ["2026-01-03", "元旦"],
  ["2026-01-04", "元旦调休上班", true],
  ["2026-02-14", "春节调休上班", true],
  ...days("2026-02", 15, 23, "春节"),
  ["2026-02-28", "春节调休上班", true],
  ...days("2026-04", 4, 6, "清明节"),
  ...days("2026-05", 1, 5, "劳动节"),
  ["2026-05-09", "劳动节调休上班", true],
  ...days("2026-06", 19, 21, "端午节"),
  ["2026-09-20", "国庆节调休上班", true],
  ...days("2026-09", 25, 27, "中秋节"),
  ...days("2026-10", 1, 7, "国庆节"),
  ["2026-10-10", "国庆节调休上班", true],
  ["2027-01-01", statutory("元旦")],
  ...days("2027-02", 5, 8, statutory("春节")),
  ["2027-04-05", statutory("清明节")],
  ...days("2027-05", 1, 2, statutory("劳动节")),
  ["2027-06-09", statutory("端午节")],
  ["2027-09-15", statutory("中秋节")],
  ...days("2027-10", 1, 3, statutory("国庆节")),
];

/** A statutory day whose year's 调休 arrangement is not in the demo yet: the name says so to the admin. */
function statutory(name: string): string {
  return `${name}（${STATUTORY_NOTE}）`;
}

function days(month: string, from: number, to: number, name: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let d = from; d <= to; d++) out.push([`${month}-${String(d).padStart(2, "0")}`, name]);
  return out;
}

/** 本公司 as the demo shows it: the portal footer, the documents' letterhead, the SLA's hours. */
const PROFILE = CompanyProfileSchema.parse({
  legalName: "接力科技有限公司",
  shortName: "接力科技",
  taxId: "91110108MA01RELAY8",
  bankName: "招商银行北京中关村支行",
  bankAccount: "110 9087 6543 2101",
  address: "北京市海淀区中关村大街 27 号 8 层",
  phone: "010-6253 8800",
  email: "hello@relay-demo.cn",
  website: "https://www.relay-demo.cn",
  portalHotline: "400-820-6688",
  icpNumber: "京ICP备2026012345号-1",
  portalAddress: "北京市海淀区中关村大街 27 号 8 层",
});

export async function seedDemoAdmin(db: Db): Promise<void> {
  const teamIds = new Map<string, number>();
  for (const [position, t] of TEAM_TREE.entries()) {
    const parentId = t.parent ? (teamIds.get(t.parent) ?? null) : null;
    const data = { parentId, kind: t.kind, position };
    const team = await db.team.upsert({ where: { name: t.name }, create: { name: t.name, ...data }, update: data });
    teamIds.set(t.name, team.id);
  }

  const staff = new Map((await db.staff.findMany({ select: { id: true, email: true } })).map((s) => [s.email, s.id]));
  const roles = new Map((await db.role.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]));
  for (const [itemType, steps] of Object.entries(FLOWS)) {
    const flow = await db.approvalFlow.upsert({
      where: { itemType },
      create: { itemType, active: true },
      update: { active: true },
    });
    await db.approvalStep.deleteMany({ where: { flowId: flow.id } });
    for (const [position, step] of steps.entries()) {
      const approvers = step.approvers.flatMap((a): Array<{ staffId?: number; roleId?: number }> => {
        const id = "staff" in a ? staff.get(a.staff) : roles.get(a.role);
        if (id === undefined) return [];
        return "staff" in a ? [{ staffId: id }] : [{ roleId: id }];
      });
      await db.approvalStep.create({
        data: { flowId: flow.id, position, mode: step.mode, approvers: { create: approvers } },
      });
    }
  }

  for (const [date, name, workday] of HOLIDAYS) {
    const day = new Date(`${date}T00:00:00Z`);
    await db.holiday.upsert({
      where: { date: day },
      create: { date: day, name, workday: workday ?? false },
      update: { name, workday: workday ?? false },
    });
  }

  // Written out as the defaults, so 编号前缀 lists every kind; an admin's later edit survives a re-seed.
  for (const kind of RECORD_NUMBER_KINDS) {
    await db.numberFormat.upsert({ where: { kind }, create: { kind, ...DEFAULT_NUMBER_FORMATS[kind] }, update: {} });
  }

  const value = PROFILE as unknown as Prisma.InputJsonValue;
  await db.setting.upsert({
    where: { key: COMPANY_PROFILE_KEY },
    create: { key: COMPANY_PROFILE_KEY, value },
    update: {},
  });
}
