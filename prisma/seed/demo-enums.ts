import type { Db } from "#app/lib/db.server.ts";
import { LOOKUP_DEFAULTS, type LookupTableKey } from "#app/modules/settings/lookup-defaults.ts";

// Demo 线索来源 and 任务类型 (#16 item 6, decision 040): both tables written out with two demo values
// each — one of them deactivated, so the demo shows a retired value kept on the records that carry
// it — then every demo lead gets a source and every demo task a kind. Idempotent; an admin's later
// relabelling survives a re-seed (existing rows are not updated).

const EXTRA: Record<"lead_source" | "task_kind", Array<{ code: string; zh: string; en: string; active: boolean }>> = {
  lead_source: [
    { code: "wechat", zh: "微信公众号", en: "WeChat official account", active: true },
    { code: "yellow_pages", zh: "黄页广告", en: "Yellow pages", active: false },
  ],
  task_kind: [
    { code: "after_sales_visit", zh: "售后回访", en: "After-sales follow-up", active: true },
    { code: "fax", zh: "传真", en: "Fax", active: false },
  ],
};

/** Staff-entered demo leads spread over these sources (by id), so the list filter has something to show. */
const STAFF_SOURCES = ["staff", "exhibition", "referral", "telephone", "wechat", "yellow_pages"] as const;

/** A demo task's kind from words in its title; anything else is a to-do. */
const KIND_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/电话|致电|回电|call/i, "call"],
  [/拜访|上门|visit/i, "visit"],
  [/会议|开会|meeting/i, "meeting"],
  [/邮件|e-?mail/i, "email"],
  [/演示|试用|demo/i, "demo"],
  [/回访|售后/i, "after_sales_visit"],
];

export function demoTaskKind(title: string): string {
  return KIND_WORDS.find(([re]) => re.test(title))?.[1] ?? "todo";
}

export async function seedDemoEnums(db: Db): Promise<void> {
  for (const table of ["lead_source", "task_kind"] as const satisfies readonly LookupTableKey[]) {
    const values = [...LOOKUP_DEFAULTS[table].map((d) => ({ ...d, active: true })), ...EXTRA[table]];
    for (const [i, v] of values.entries()) {
      await db.lookupValue.upsert({
        where: { tableKey_code: { tableKey: table, code: v.code } },
        create: {
          tableKey: table,
          code: v.code,
          labelZh: v.zh,
          labelEn: v.en,
          position: (i + 1) * 10,
          active: v.active,
        },
        update: {},
      });
    }
  }

  await db.$executeRaw`UPDATE \`Lead\` SET \`sourceCode\` = \`source\` WHERE \`sourceCode\` IS NULL AND \`source\` <> 'staff'`;
  const staffLeads = await db.lead.findMany({
    where: { sourceCode: null, source: "staff" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const lead of staffLeads) {
    await db.lead.update({
      where: { id: lead.id },
      data: { sourceCode: STAFF_SOURCES[lead.id % STAFF_SOURCES.length] },
    });
  }

  const tasks = await db.task.findMany({ where: { kind: null }, select: { id: true, title: true } });
  const byKind = new Map<string, number[]>();
  for (const task of tasks) {
    const kind = demoTaskKind(task.title);
    byKind.set(kind, [...(byKind.get(kind) ?? []), task.id]);
  }
  for (const [kind, ids] of byKind) await db.task.updateMany({ where: { id: { in: ids } }, data: { kind } });
}
