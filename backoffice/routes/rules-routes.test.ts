import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { verifyChannelKey } from "#app/modules/leads/intake/channel-keys.server.ts";
import { createTestTokenGroup } from "#tests/factories/rules.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { get, outcome, post, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action as categoriesAction, loader as categoriesLoader } from "./rules-categories.tsx";
import { action as categoryAction, loader as categoryLoader } from "./rules-category-detail.tsx";
import { action as groupAction, loader as groupLoader } from "./rules-token-group-detail.tsx";
import { action as groupsAction, loader as groupsLoader } from "./rules-token-groups.tsx";

// The 营销规则 routes' own guards and responses, called as React Router would (no HTTP server).

const RULES_MANAGER = [
  { module: "leads" as const, action: "browse" as const, scope: "all" as const },
  { module: "leads" as const, action: "modify" as const, scope: "all" as const },
];

describe("marketing rules routes", () => {
  beforeEach(() => resetDatabase());

  it("refuses 403 to staff without company-wide lead modify rights, on every page and action", async () => {
    const { cookie: sales } = await signedInStaff({
      grants: [
        { module: "leads", action: "browse", scope: "own" },
        { module: "leads", action: "modify", scope: "own" },
      ],
    });
    const { cookie: teamManager } = await signedInStaff({
      grants: [{ module: "leads", action: "modify", scope: "team" }],
    });
    const { staffId } = await signedInStaff({ isAdmin: true });
    const group = await createTestTokenGroup(db, [{ staffId }], { name: "只读组" });
    const category = await db.registrationCategory.create({
      data: { code: "PERM", name: "权限测试", kind: "guest", designatedStaffId: staffId },
    });
    const cp = { categoryId: String(category.id) };
    const gp = { groupId: String(group.id) };

    for (const cookie of [sales, teamManager]) {
      const statuses = await Promise.all([
        outcome(() => categoriesLoader(get("/crm/rules/categories", cookie))),
        outcome(() => categoryLoader(get(`/crm/rules/categories/${category.id}`, cookie, cp))),
        outcome(() => groupsLoader(get("/crm/rules/token-groups", cookie))),
        outcome(() => groupLoader(get(`/crm/rules/token-groups/${group.id}`, cookie, gp))),
        outcome(() =>
          categoriesAction(
            post("/crm/rules/categories", cookie, {
              intent: "create",
              code: "HACK",
              name: "x",
              kind: "guest",
              designatedStaffId: String(staffId),
            }),
          ),
        ),
        outcome(() =>
          categoryAction(post(`/crm/rules/categories/${category.id}`, cookie, { intent: "key-create", name: "x" }, cp)),
        ),
        outcome(() =>
          categoryAction(post(`/crm/rules/categories/${category.id}`, cookie, { intent: "deactivate" }, cp)),
        ),
        outcome(() => groupsAction(post("/crm/rules/token-groups", cookie, { intent: "create", name: "x" }))),
        outcome(() => groupAction(post(`/crm/rules/token-groups/${group.id}`, cookie, { intent: "delete" }, gp))),
      ]);
      expect(statuses.map((s) => s.status)).toEqual(Array(9).fill(403));
    }
    expect(await db.registrationCategory.count()).toBe(1);
    expect((await db.registrationCategory.findUniqueOrThrow({ where: { id: category.id } })).active).toBe(true);
    expect(await db.channelKey.count()).toBe(0);
    expect(await db.tokenGroup.count()).toBe(1);
  });

  it("sends a visitor without a session to sign in", async () => {
    const result = await outcome(() => categoriesLoader(get("/crm/rules/categories", "")));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/crm/login?redirectTo=%2Fcrm%2Frules%2Fcategories");
  });

  it("a marketing manager creates a category, then gets a key once in the action data and never again", async () => {
    const { cookie, staffId } = await signedInStaff({ grants: RULES_MANAGER });
    const created = await outcome(() =>
      categoriesAction(
        post("/crm/rules/categories", cookie, {
          intent: "create",
          code: "web-req",
          name: "官网在线需求",
          kind: "requirement",
          designatedStaffId: String(staffId),
          allowedOrigins: "https://www.example.cn",
        }),
      ),
    );
    expect(created.status).toBe(302);
    const category = await db.registrationCategory.findUniqueOrThrow({ where: { code: "WEB-REQ" } });
    expect(created.location).toBe(`/crm/rules/categories/${category.id}?flash=flash.rules.categoryCreated`);

    const cp = { categoryId: String(category.id) };
    const issued = await outcome(() =>
      categoryAction(post(`/crm/rules/categories/${category.id}`, cookie, { intent: "key-create", name: "官网" }, cp)),
    );
    expect(issued.status).toBe(200);
    expect(issued.headers?.get("Cache-Control")).toBe("no-store");
    const key = (issued.body as { issued: { key: string } }).issued.key;
    expect(await verifyChannelKey(db, key)).toMatchObject({ categoryId: category.id });

    // The page's loader never carries the secret.
    const page = await categoryLoader(get(`/crm/rules/categories/${category.id}`, cookie, cp));
    expect(JSON.stringify(page)).not.toContain(key.split("_")[2]);
    expect(page.category.keys).toHaveLength(1);
    expect(page.endpoint).toMatch(/\/api\/v1\/leads$/);
  });

  it("answers field errors with 400 and the typed values, and unknown ids with 404", async () => {
    const { cookie, staffId } = await signedInStaff({ grants: RULES_MANAGER });
    const refused = await outcome(() =>
      categoriesAction(
        post("/crm/rules/categories", cookie, {
          intent: "create",
          code: "!",
          name: "有名字",
          kind: "guest",
          designatedStaffId: String(staffId),
        }),
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      fieldErrors: { code: { key: "rules.categories.error.codeFormat" } },
      values: { code: "!", name: "有名字" },
    });
    expect(await db.registrationCategory.count()).toBe(0);

    expect(
      (await outcome(() => categoryLoader(get("/crm/rules/categories/999", cookie, { categoryId: "999" })))).status,
    ).toBe(404);
    expect(
      (await outcome(() => categoryLoader(get("/crm/rules/categories/abc", cookie, { categoryId: "abc" })))).status,
    ).toBe(404);
    expect(
      (await outcome(() => groupLoader(get("/crm/rules/token-groups/999", cookie, { groupId: "999" })))).status,
    ).toBe(404);
  });

  it("runs the token group actions through redirects and refuses deleting a group in use", async () => {
    const { cookie, staffId } = await signedInStaff({ isAdmin: true });
    const other = (await createTestStaff(db)).staff.id;
    const created = await outcome(() =>
      groupsAction(post("/crm/rules/token-groups", cookie, { intent: "create", name: "华东轮转" })),
    );
    const group = await db.tokenGroup.findUniqueOrThrow({ where: { name: "华东轮转" } });
    expect(created.location).toBe(`/crm/rules/token-groups/${group.id}?flash=flash.rules.groupCreated`);
    const gp = { groupId: String(group.id) };
    const path = `/crm/rules/token-groups/${group.id}`;

    for (const id of [staffId, other]) {
      expect(
        (await outcome(() => groupAction(post(path, cookie, { intent: "add", staffId: String(id) }, gp)))).location,
      ).toBe(`${path}?flash=flash.rules.memberAdded`);
    }
    const second = await db.tokenGroupMember.findFirstOrThrow({ where: { groupId: group.id, staffId: other } });
    await groupAction(post(path, cookie, { intent: "up", memberId: String(second.id) }, gp));
    await groupAction(post(path, cookie, { intent: "pause", memberId: String(second.id) }, gp));
    const view = await groupLoader(get(path, cookie, gp));
    expect(view.group.members.map((m) => [m.staff.id, m.active])).toEqual([
      [other, false],
      [staffId, true],
    ]);
    expect(view.group.next?.staffId).toBe(staffId);

    await db.registrationCategory.create({
      data: { code: "USES-IT", name: "使用者", kind: "guest", designatedStaffId: staffId, tokenGroupId: group.id },
    });
    const refused = await outcome(() => groupAction(post(path, cookie, { intent: "delete" }, gp)));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      formError: { key: "rules.groups.error.inUse", vars: { categories: "使用者 (USES-IT)" } },
    });
    expect(await db.tokenGroup.count()).toBe(1);

    await db.registrationCategory.deleteMany({});
    const deleted = await outcome(() => groupAction(post(path, cookie, { intent: "delete" }, gp)));
    expect(deleted.location).toBe("/crm/rules/token-groups?flash=flash.rules.groupDeleted");
    expect(await db.tokenGroup.count()).toBe(0);
  });
});
