import { describe, expect, it } from "vitest";
import { defineListQuery, listFilters } from "./list-query.ts";

const list = defineListQuery({
  key: "test.things",
  filters: {
    tab: listFilters.choice(["mine", "all"], "mine"),
    status: listFilters.oneOf(["open", "closed"]),
    owner: listFilters.id(),
    from: listFilters.day(),
  },
  sorts: { created: "desc", name: "asc" },
  defaultSort: "created",
  columns: ["name", "status", "owner"],
  sticky: ["tab"],
});

const parse = (search: string) => list.parse(new URLSearchParams(search));

describe("list query", () => {
  it("gives the defaults for a bare URL", () => {
    expect(parse("")).toEqual({
      q: "",
      tab: "mine",
      status: undefined,
      owner: undefined,
      from: undefined,
      sort: "created",
      dir: "desc",
      page: 1,
      cursor: null,
      view: null,
      cols: null,
    });
  });

  it("reads typed values", () => {
    const q = parse(
      "q=+王芳+&tab=all&status=open&owner=7&from=2026-12-01&sort=name&dir=desc&page=3&view=4&cols=owner,name",
    );
    expect(q).toMatchObject({
      q: "王芳",
      tab: "all",
      status: "open",
      owner: 7,
      from: "2026-12-01",
      sort: "name",
      dir: "desc",
      page: 3,
      view: 4,
      cols: ["owner", "name"],
    });
  });

  it("never throws: bad values fall back to defaults", () => {
    const q = parse(
      "tab=everyone&status=deleted&owner=-1&from=yesterday&sort=password&dir=sideways&page=0&view=abc&cursor=%3Cscript%3E&cols=secret,,",
    );
    expect(q).toEqual(list.defaults);
    expect(parse("page=1.5").page).toBe(1);
    expect(parse("page=999999999").page).toBe(1);
    expect(parse("owner=99999999999").owner).toBeUndefined();
    expect(parse(`q=${"长".repeat(300)}`).q).toHaveLength(100);
  });

  it("takes a sort key's own direction when dir is absent", () => {
    expect(parse("sort=name")).toMatchObject({ sort: "name", dir: "asc" });
  });

  it("writes URLs without defaults and round-trips", () => {
    const q = parse("tab=all&status=closed&sort=name&dir=desc&page=2");
    expect(list.hrefFor("/crm/things", q)).toBe("/crm/things?tab=all&status=closed&sort=name&dir=desc&page=2");
    expect(list.hrefFor("/crm/things", list.defaults)).toBe("/crm/things");
    expect(list.hrefFor("/crm/things", parse("tab=mine&sort=created&dir=desc&page=1"))).toBe("/crm/things");
    const href = list.hrefFor("/x", q, { page: 5 });
    expect(parse(href.split("?")[1]!)).toEqual({ ...q, page: 5 });
  });

  it("starts again at page one when filters or order change", () => {
    const q = parse("status=open&page=4&cursor=abc.12");
    expect(list.hrefFor("/x", q, { status: "closed" })).toBe("/x?status=closed");
    expect(list.hrefFor("/x", q, { page: 5 })).toBe("/x?status=open&page=5&cursor=abc.12");
    expect(list.hrefFor("/x", q, { cursor: "def.3", page: 1 })).toBe("/x?status=open&cursor=def.3");
  });

  it("toggles sort direction on the current key, natural direction on another", () => {
    const byName = parse("sort=name");
    expect(list.hrefFor("/x", byName, list.sortToggle(byName, "name"))).toBe("/x?sort=name&dir=desc");
    expect(list.hrefFor("/x", byName, list.sortToggle(byName, "created"))).toBe("/x");
    expect(list.hrefFor("/x", list.defaults, list.sortToggle(list.defaults, "created"))).toBe("/x?dir=asc");
  });

  it("knows when a list is filtered, ignoring sticky filters, and clears keeping them", () => {
    expect(list.isFiltered(parse("tab=all&sort=name"))).toBe(false);
    expect(list.isFiltered(parse("q=a"))).toBe(true);
    const q = parse("tab=all&status=open&q=x&sort=name");
    expect(list.isFiltered(q)).toBe(true);
    expect(list.hrefFor("/x", q, list.cleared())).toBe("/x?tab=all&sort=name");
  });

  it("normalises a saved view's search: filters and sort only, stable order", () => {
    const q = parse("page=3&sort=name&owner=2&view=9&cols=name&status=open&junk=1");
    expect(list.searchOf(q)).toBe("status=open&owner=2&sort=name");
    expect(list.normalise("sort=name&status=open&owner=2&page=9&bogus=1")).toBe("status=open&owner=2&sort=name");
    expect(list.normalise("status=nope")).toBe("");
  });

  it("carries what a filter form does not edit", () => {
    const q = parse("tab=all&status=open&q=x&sort=name&view=3&cols=name&page=2");
    expect(list.carry(q)).toEqual([
      ["tab", "all"],
      ["sort", "name"],
      ["view", "3"],
      ["cols", "name"],
    ]);
  });

  it("rejects reserved names as filters", () => {
    expect(() =>
      defineListQuery({ key: "x", filters: { page: listFilters.id() }, sorts: { id: "asc" }, defaultSort: "id" }),
    ).toThrow(/reserved/);
  });
});
