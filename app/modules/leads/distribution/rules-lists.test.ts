import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestCategory, createTestLead } from "#tests/factories/lead-inbox.ts";
import { createTestTokenGroup } from "#tests/factories/rules.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { categoryList, tokenGroupList } from "./rules-list-query.ts";
import { listCategoryPage, listTokenGroupPage, RULES_PAGE_SIZE } from "./rules-lists.server.ts";

// The 营销规则 lists as their URL asks: search, filters, sort by a counted column, paging.

const categoriesFor = (search: string) => listCategoryPage(db, categoryList.parse(new URLSearchParams(search)));
const groupsFor = (search: string) => listTokenGroupPage(db, tokenGroupList.parse(new URLSearchParams(search)));

describe("rules lists", () => {
  beforeEach(() => resetDatabase());

  it("categories: search, kind and active filters, sort by leads received, total", async () => {
    const { staff } = await createTestStaff(db);
    const quiet = await createTestCategory(db, { designatedStaffId: staff.id, name: "来宾登记" });
    const busy = await createTestCategory(db, { designatedStaffId: staff.id, name: "在线需求" });
    const off = await createTestCategory(db, { designatedStaffId: staff.id, name: "产品订购" });
    await db.registrationCategory.update({ where: { id: off.id }, data: { active: false, kind: "order" } });
    for (let i = 0; i < 3; i++) await createTestLead(db, { ownerId: staff.id, categoryId: busy.id });
    await createTestLead(db, { ownerId: staff.id, categoryId: off.id });

    const byLeads = await categoriesFor("sort=leads");
    expect(byLeads.rows.map((c) => c.id)).toEqual([busy.id, off.id, quiet.id]);
    expect(byLeads.total).toEqual({ count: 3, capped: false });
    expect((await categoriesFor("sort=leads&dir=asc")).rows.map((c) => c.id)).toEqual([quiet.id, off.id, busy.id]);

    expect((await categoriesFor("q=需求")).rows.map((c) => c.id)).toEqual([busy.id]);
    expect((await categoriesFor(`q=${encodeURIComponent(staff.name)}`)).total.count).toBe(3);
    expect((await categoriesFor("kind=order")).rows.map((c) => c.id)).toEqual([off.id]);
    expect((await categoriesFor("active=no")).rows.map((c) => c.id)).toEqual([off.id]);
    expect((await categoriesFor("active=yes&sort=name")).rows).toHaveLength(2);
    // An unknown sort or filter value falls back instead of failing.
    expect((await categoriesFor("sort=drop&kind=table")).total.count).toBe(3);
  });

  it("token groups: used filter, sort by members, pages of RULES_PAGE_SIZE", async () => {
    const { staff: a } = await createTestStaff(db);
    const { staff: b } = await createTestStaff(db);
    const big = await createTestTokenGroup(db, [{ staffId: a.id }, { staffId: b.id }], { name: "华北轮值" });
    const small = await createTestTokenGroup(db, [{ staffId: a.id }], { name: "华南轮值" });
    await createTestCategory(db, { designatedStaffId: a.id, tokenGroupId: small.id, name: "来宾登记" });

    expect((await groupsFor("sort=members")).rows.map((g) => g.id)).toEqual([big.id, small.id]);
    expect((await groupsFor("used=yes")).rows.map((g) => g.id)).toEqual([small.id]);
    expect((await groupsFor("used=no")).rows.map((g) => g.id)).toEqual([big.id]);
    expect((await groupsFor("q=来宾")).rows.map((g) => g.id)).toEqual([small.id]);

    for (let i = 0; i < RULES_PAGE_SIZE; i++)
      await createTestTokenGroup(db, [], { name: `轮值${String(i).padStart(2, "0")}` });
    const second = await groupsFor("page=2");
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: { count: RULES_PAGE_SIZE + 2 } });
    expect(second.rows).toHaveLength(2);
    // A page past the end shows the last page.
    expect((await groupsFor("page=9")).page).toBe(2);
  });
});
