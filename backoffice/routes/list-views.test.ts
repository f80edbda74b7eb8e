import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { get, outcome, post, signedInStaff, statusOf } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as leadsLoader } from "./leads-inbox.tsx";
import { action, loader } from "./list-views.ts";

// The list-views resource route (saved views and column choices of every list page) and the lead
// list that reads them back.

const LEADS_ALL = { module: "leads", action: "browse", scope: "all" } as const;

describe("POST /crm/list-views", () => {
  beforeEach(() => resetDatabase());

  it("sends anonymous visitors to sign in and changes nothing", async () => {
    const result = await outcome(() =>
      action(post("/crm/list-views", null, { intent: "create", listKey: "crm.leads", name: "x", query: "" })),
    );
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/crm\/login/);
    expect(await db.savedView.count()).toBe(0);
    expect(await statusOf(() => loader(get("/crm/list-views", null)))).toBe(302);
  });

  it("saves a view and lands on its URL; stays inside the back office", async () => {
    const me = await signedInStaff({ grants: [LEADS_ALL] });
    const created = await outcome(() =>
      action(
        post("/crm/list-views", me.cookie, {
          intent: "create",
          listKey: "crm.leads",
          name: "全部按单位",
          query: "tab=all&sort=company&page=3",
          columns: "number,who,company",
          redirectTo: "/crm/leads?tab=all&sort=company&page=3",
        }),
      ),
    );
    const view = await db.savedView.findFirstOrThrow();
    expect(created.status).toBe(302);
    expect(created.location).toBe(
      `/crm/leads?tab=all&sort=company&view=${view.id}&cols=number%2Cwho%2Ccompany&flash=flash.saved`,
    );

    const offsite = await outcome(() =>
      action(
        post("/crm/list-views", me.cookie, {
          intent: "rename",
          viewId: String(view.id),
          name: "改名",
          redirectTo: "https://evil.example/crm",
        }),
      ),
    );
    expect(offsite.location).toBe("/crm?flash=flash.saved");
  });

  it("answers a refusal as data with its status, and another person's view stays as it was", async () => {
    const me = await signedInStaff({ grants: [LEADS_ALL] });
    const other = await signedInStaff({ grants: [LEADS_ALL] });
    await action(
      post("/crm/list-views", me.cookie, { intent: "create", listKey: "crm.leads", name: "我的", query: "" }),
    );
    const view = await db.savedView.findFirstOrThrow();

    const empty = await outcome(() =>
      action(post("/crm/list-views", me.cookie, { intent: "create", listKey: "crm.leads", name: " ", query: "" })),
    );
    expect(empty).toMatchObject({ status: 400, body: { status: "invalid" } });
    const duplicate = await outcome(() =>
      action(post("/crm/list-views", me.cookie, { intent: "create", listKey: "crm.leads", name: "我的", query: "" })),
    );
    expect(duplicate).toMatchObject({ status: 409, body: { message: "list.views.error.duplicate" } });

    for (const intent of ["rename", "share", "delete", "update"]) {
      const refused = await outcome(() =>
        action(
          post("/crm/list-views", other.cookie, {
            intent,
            viewId: String(view.id),
            name: "抢走",
            shared: "1",
            query: "",
          }),
        ),
      );
      expect(refused.status).toBe(404);
    }
    expect(await db.savedView.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({
      name: "我的",
      sharedWithTeam: false,
    });
    expect(await statusOf(() => action(post("/crm/list-views", me.cookie, { intent: "bogus" })))).toBe(400);
    expect(await statusOf(() => action(post("/crm/list-views", me.cookie, { intent: "delete", viewId: "abc" })))).toBe(
      400,
    );
  });

  it("remembers columns: the lead list shows them on the next visit, a reset brings the defaults back", async () => {
    const me = await signedInStaff({ grants: [LEADS_ALL] });
    await createTestLead(db, { ownerId: me.staffId, companyName: "星辰" });
    const saved = await outcome(() =>
      action(
        post("/crm/list-views", me.cookie, [
          ["intent", "columns"],
          ["listKey", "crm.leads"],
          ["column", "company"],
          ["column", "status"],
          ["redirectTo", "/crm/leads?tab=all&cols=who"],
        ]),
      ),
    );
    expect(saved.location).toBe("/crm/leads?tab=all");
    const page = (await leadsLoader(get("/crm/leads?tab=all", me.cookie))) as { views: { visible: string[] } };
    // The chosen ones, in column order (columns that cannot be hidden are added by the table).
    expect(page.views.visible).toEqual(["company", "status"]);

    await action(post("/crm/list-views", me.cookie, { intent: "columns-reset", listKey: "crm.leads" }));
    const reset = (await leadsLoader(get("/crm/leads?tab=all", me.cookie))) as { views: { visible: string[] } };
    expect(reset.views.visible).not.toContain("company");
    expect(reset.views.visible).toContain("routedBy");
  });
});

describe("GET /crm/leads with sort, total and a view", () => {
  beforeEach(() => resetDatabase());

  it("sorts by an allow-listed key, counts the total, and opens a bare ?view= at its full URL", async () => {
    const me = await signedInStaff({ grants: [LEADS_ALL] });
    for (const company of ["乙公司", "甲公司", "丙公司"])
      await createTestLead(db, { ownerId: me.staffId, companyName: company });
    type Page = { items: Array<{ companyName: string | null }>; total: { count: number; capped: boolean } };
    const asc = (await leadsLoader(get("/crm/leads?tab=all&sort=company", me.cookie))) as Page;
    const desc = (await leadsLoader(get("/crm/leads?tab=all&sort=company&dir=desc", me.cookie))) as Page;
    expect(desc.items.map((i) => i.companyName)).toEqual([...asc.items.map((i) => i.companyName)].reverse());
    expect(asc.total).toEqual({ count: 3, capped: false });
    // A sort key that is not on the allow-list is ignored, not an error.
    expect(await statusOf(() => leadsLoader(get("/crm/leads?tab=all&sort=passwordHash&dir=up", me.cookie)))).toBe(200);

    await action(
      post("/crm/list-views", me.cookie, {
        intent: "create",
        listKey: "crm.leads",
        name: "v",
        query: "tab=all&sort=company",
      }),
    );
    const view = await db.savedView.findFirstOrThrow();
    const opened = await outcome(() => leadsLoader(get(`/crm/leads?view=${view.id}`, me.cookie)));
    expect(opened).toMatchObject({ status: 302, location: `/crm/leads?tab=all&sort=company&view=${view.id}` });
  });
});
