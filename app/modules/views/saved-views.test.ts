import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestTeam } from "#tests/factories/lead-inbox.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { defineListQuery, listFilters } from "#app/ui/list/list-query.ts";
import { getColumnChoice, saveColumnChoice } from "./list-columns.server.ts";
import { loadListViews } from "./list-views.server.ts";
import {
  createSavedView,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  renameSavedView,
  shareSavedView,
  updateSavedViewQuery,
  type ViewActor,
} from "./saved-views.server.ts";

const LIST = "crm.leads";

async function actorIn(teamId: number | null): Promise<ViewActor & { name: string }> {
  const { staff } = await createTestStaff(db, { teamId });
  return { staffId: staff.id, teamId, name: staff.name };
}

function created<T>(result: { status: string; value?: T }): T {
  expect(result.status).toBe("ok");
  return (result as { value: T }).value;
}

describe("saved views", () => {
  let team = 0;
  let otherTeam = 0;
  beforeEach(async () => {
    await resetDatabase();
    team = (await createTestTeam(db)).id;
    otherTeam = (await createTestTeam(db)).id;
  });

  it("saves a normalised view of filters + sort + columns, without page or cursor", async () => {
    const me = await actorIn(team);
    const view = created(
      await createSavedView(db, me, {
        listKey: LIST,
        name: "  本周   新线索 ",
        query: "?status=new&page=3&cursor=abc.1&view=9&sort=company&q=",
        columns: "number,who,who,bad id,status",
      }),
    );
    expect(view).toMatchObject({
      name: "本周 新线索",
      query: "status=new&sort=company",
      columns: ["number", "who", "status"],
      sharedWithTeam: false,
      mine: true,
    });
  });

  it("refuses an empty or too long name, and a duplicate name of the same person and list", async () => {
    const me = await actorIn(team);
    const empty = await createSavedView(db, me, { listKey: LIST, name: "   ", query: "" });
    expect(empty).toMatchObject({ status: "invalid", fieldErrors: { name: ["list.views.error.name"] } });
    const long = await createSavedView(db, me, { listKey: LIST, name: "长".repeat(61), query: "" });
    expect(long.status).toBe("invalid");
    const badList = await createSavedView(db, me, { listKey: "DROP TABLE", name: "x", query: "" });
    expect(badList.status).toBe("invalid");
    created(await createSavedView(db, me, { listKey: LIST, name: "我的", query: "" }));
    expect(await createSavedView(db, me, { listKey: LIST, name: "我的", query: "status=new" })).toMatchObject({
      status: "conflict",
      message: "list.views.error.duplicate",
    });
    // Another list or another person may use the name.
    created(await createSavedView(db, me, { listKey: "crm.members", name: "我的", query: "" }));
    created(await createSavedView(db, await actorIn(team), { listKey: LIST, name: "我的", query: "" }));
    expect(await db.savedView.count()).toBe(3);
  });

  it("another staff member can neither read nor change a private view", async () => {
    const me = await actorIn(team);
    const colleague = await actorIn(team);
    const view = created(await createSavedView(db, me, { listKey: LIST, name: "私人", query: "status=new" }));

    expect(await listSavedViews(db, colleague, LIST)).toEqual([]);
    expect(await getSavedView(db, colleague, view.id)).toBeNull();
    expect(await renameSavedView(db, colleague, view.id, "偷改")).toMatchObject({ status: "not-found" });
    expect(await updateSavedViewQuery(db, colleague, view.id, { query: "status=closed" })).toMatchObject({
      status: "not-found",
    });
    expect(await shareSavedView(db, colleague, view.id, true)).toMatchObject({ status: "not-found" });
    expect(await deleteSavedView(db, colleague, view.id)).toMatchObject({ status: "not-found" });

    const after = await db.savedView.findUniqueOrThrow({ where: { id: view.id } });
    expect(after).toMatchObject({ name: "私人", query: "status=new", sharedWithTeam: false });
  });

  it("a shared view is visible to the owner's team only, read-only for them", async () => {
    const me = await actorIn(team);
    const colleague = await actorIn(team);
    const outsider = await actorIn(otherTeam);
    const loner = await actorIn(null);
    const view = created(
      await createSavedView(db, me, { listKey: LIST, name: "团队视图", query: "tab=all", sharedWithTeam: true }),
    );
    created(await createSavedView(db, colleague, { listKey: LIST, name: "同事自己的", query: "" }));

    const seen = await listSavedViews(db, colleague, LIST);
    expect(seen.map((v) => [v.name, v.mine])).toEqual([
      ["同事自己的", true],
      ["团队视图", false],
    ]);
    expect(seen[1]!.ownerName).toBe(me.name);
    expect(await listSavedViews(db, outsider, LIST)).toEqual([]);
    expect(await listSavedViews(db, loner, LIST)).toEqual([]);
    expect(await getSavedView(db, outsider, view.id)).toBeNull();

    expect(await renameSavedView(db, colleague, view.id, "改名")).toMatchObject({ status: "not-found" });
    expect(await deleteSavedView(db, colleague, view.id)).toMatchObject({ status: "not-found" });

    // Unsharing hides it again.
    created(await shareSavedView(db, me, view.id, false));
    expect(await listSavedViews(db, colleague, LIST)).toHaveLength(1);
  });

  it("someone without a team cannot share", async () => {
    const loner = await actorIn(null);
    const view = created(
      await createSavedView(db, loner, { listKey: LIST, name: "x", query: "", sharedWithTeam: true }),
    );
    expect(view.sharedWithTeam).toBe(false);
    expect(created(await shareSavedView(db, loner, view.id, true)).sharedWithTeam).toBe(false);
  });

  it("the owner renames, updates and deletes", async () => {
    const me = await actorIn(team);
    const view = created(await createSavedView(db, me, { listKey: LIST, name: "a", query: "status=new" }));
    expect(created(await renameSavedView(db, me, view.id, "b")).name).toBe("b");
    const updated = created(
      await updateSavedViewQuery(db, me, view.id, { query: "status=closed&page=2", columns: "who" }),
    );
    expect(updated).toMatchObject({ query: "status=closed", columns: ["who"] });
    expect(created(await deleteSavedView(db, me, view.id))).toEqual({ listKey: LIST });
    expect(await db.savedView.count()).toBe(0);
  });
});

describe("list views state and column choice", () => {
  const kit = defineListQuery({
    key: LIST,
    filters: { status: listFilters.oneOf(["new", "closed"]) },
    sorts: { created: "desc", company: "asc" },
    defaultSort: "created",
    columns: ["number", "who", "status", "owner"],
    defaultColumns: ["number", "who", "status"],
  });
  const parse = (s: string) => kit.parse(new URLSearchParams(s));

  beforeEach(() => resetDatabase());

  it("remembers columns per user and list, in column order; a reset forgets", async () => {
    const me = await actorIn(null);
    const other = await actorIn(null);
    expect(await saveColumnChoice(db, me, LIST, ["owner", "number"])).toBe(true);
    expect(await getColumnChoice(db, me, LIST)).toEqual(["owner", "number"]);
    expect(await getColumnChoice(db, other, LIST)).toBeNull();
    expect((await loadListViews(db, me, kit, parse(""), "/crm/leads")).visible).toEqual(["number", "owner"]);
    expect((await loadListViews(db, other, kit, parse(""), "/crm/leads")).visible).toEqual(["number", "who", "status"]);
    // The URL wins over the remembered choice.
    expect((await loadListViews(db, me, kit, parse("cols=who"), "/crm/leads")).visible).toEqual(["who"]);
    await saveColumnChoice(db, me, LIST, null);
    expect(await getColumnChoice(db, me, LIST)).toBeNull();
    expect(await saveColumnChoice(db, me, "Bad Key", ["x"])).toBe(false);
  });

  it("links each view to its URL, marks the active one and notices changes", async () => {
    const me = await actorIn(null);
    const view = created(
      await createSavedView(db, me, { listKey: LIST, name: "新", query: "sort=company&status=new", columns: "who" }),
    );
    const state = await loadListViews(
      db,
      me,
      kit,
      parse(`status=new&sort=company&view=${view.id}&cols=who`),
      "/crm/leads",
    );
    expect(state.views[0]!.href).toBe(`/crm/leads?status=new&sort=company&view=${view.id}&cols=who`);
    expect(state).toMatchObject({ activeId: view.id, modified: false, search: "status=new&sort=company" });
    expect(state.redirect).toBeNull();

    const changed = await loadListViews(
      db,
      me,
      kit,
      parse(`status=closed&sort=company&view=${view.id}&cols=who`),
      "/x",
    );
    expect(changed.modified).toBe(true);

    const bare = await loadListViews(db, me, kit, parse(`view=${view.id}`), "/crm/leads");
    expect(bare.redirect).toBe(state.views[0]!.href);

    const someoneElse = await actorIn(null);
    const foreign = await loadListViews(db, someoneElse, kit, parse(`view=${view.id}`), "/crm/leads");
    expect(foreign).toMatchObject({ activeId: null, redirect: null, views: [] });
  });
});
