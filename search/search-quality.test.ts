import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import { setSearchEngine } from "./engine-selection.server.ts";
import type { GlobalSearchResult } from "./global-search-shared.ts";
import { globalSearch } from "./global-search.server.ts";
import { reindexAll } from "./reindex.server.ts";

// Issue #14 items 1 and 2 through the back office's global search, on the database: company
// pinyin and homophone slips, and no weak one-bigram matches for a multi-bigram query.

/** An administrator, written out: search/ does not import the auth module (the fence). */
let admin: Parameters<typeof globalSearch>[1];
const companyIds: Record<string, number> = {};

beforeAll(async () => {
  await resetDatabase();
  const staff = (await createTestStaff(db, {})).staff;
  admin = {
    staffId: staff.id,
    teamId: staff.teamId,
    teamIds: [],
    teamName: null,
    name: "",
    email: "",
    status: "active",
    roleNames: [],
    isAdmin: true,
    grants: {},
    sessionId: "",
  };
  let k = 0;
  for (const name of [
    "北京远航物流有限公司",
    "南京华泰证券股份有限公司",
    "沈阳恒通科技集团有限公司",
    "深圳星辰科技有限公司",
  ]) {
    const c = await db.company.create({
      data: { number: `SQCO${++k}`, name, nameKey: `${name}${k}`, ownerId: staff.id },
    });
    companyIds[name] = c.id;
  }
  // Many leads that share only a last word (科技, 软件) with the queries, three with the brand 恒通.
  for (let i = 0; i < 30; i++) {
    await createTestLead(db, { ownerId: staff.id, contactName: `客户${i}`, companyName: `城市${i}号科技有限公司` });
  }
  for (let i = 0; i < 10; i++) {
    await createTestLead(db, { ownerId: staff.id, contactName: `用户${i}`, companyName: `乡镇${i}号软件有限公司` });
  }
  await createTestLead(db, { ownerId: staff.id, contactName: "孙科", companyName: "沈阳恒通科技集团有限公司" });
  await createTestLead(db, { ownerId: staff.id, contactName: "赵恒", companyName: "恒通电子有限公司" });
  await createTestLead(db, { ownerId: staff.id, contactName: "钱通", companyName: "大连恒通机械有限公司" });
  const engine = new EmbeddedSearchEngine();
  setSearchEngine(engine);
  await reindexAll({ engine, log: () => {} });
}, 120_000);

afterAll(async () => {
  setSearchEngine(undefined);
  await db.$disconnect();
});

const group = (r: GlobalSearchResult, kind: string) => r.groups.find((g) => g.kind === kind);
const ids = (r: GlobalSearchResult, kind: string) => group(r, kind)?.items.map((i) => Number(i.id)) ?? [];

describe("global search quality", () => {
  it("finds companies by full pinyin of part of the name, by the core's initials and by a homophone slip", async () => {
    const yuanhang = companyIds["北京远航物流有限公司"];
    for (const q of ["yuanhang", "yhwl", "yuanhangwuliu", "远杭", "远杭物流"]) {
      expect(ids(await globalSearch(db, admin, q), "companies"), q).toEqual([yuanhang]);
    }
    expect(ids(await globalSearch(db, admin, "huatai"), "companies")).toEqual([companyIds["南京华泰证券股份有限公司"]]);
    const marked = group(await globalSearch(db, admin, "远杭"), "companies")?.items[0];
    expect(marked?.title).toBe("北京<mark>远航</mark>物流有限公司");
  });

  it("keeps only whole-query matches, or drops words from the end: never the weak one-bigram matches", async () => {
    const titles = (r: GlobalSearchResult) =>
      (group(r, "leads")?.items ?? []).map((i) => i.title.replace(/<\/?mark>/g, "")).sort();
    const whole = await globalSearch(db, admin, "恒通科技", { limit: 50 });
    expect(titles(whole)).toEqual(["孙科"]);
    expect(group(whole, "leads")?.total).toBe(1);
    expect(ids(whole, "companies")).toEqual([companyIds["沈阳恒通科技集团有限公司"]]);
    // Nobody at 恒通软件: the 恒通 leads, not the ten that only share 软件 (before: 13).
    const dropped = await globalSearch(db, admin, "恒通软件", { limit: 50 });
    expect(titles(dropped)).toEqual(["孙科", "赵恒", "钱通"].sort());
    expect(group(dropped, "leads")?.total).toBe(3);
    // 科技 on its own still finds every 科技 lead: the cut applies to words dropped, not to short queries.
    expect(group(await globalSearch(db, admin, "科技"), "leads")?.total).toBe(31);
  });
});
