import { describe, expect, it } from "vitest";
import { listLinks } from "./list-links.ts";
import { defineListQuery, listFilters } from "./list-query.ts";

const list = defineListQuery({
  key: "test.links",
  filters: { tab: listFilters.choice(["mine", "all"], "mine"), status: listFilters.oneOf(["open", "closed"]) },
  sorts: { created: "desc", name: "asc" },
  defaultSort: "created",
  sticky: ["tab"],
});

const linksFor = (search: string) => listLinks(list, "/crm/things", list.parse(new URLSearchParams(search)));

describe("list links", () => {
  it("offers no clear link while nothing is filtered, and keeps the sticky tab when clearing", () => {
    expect(linksFor("tab=all").filterClearHref).toBeNull();
    expect(linksFor("tab=all").empty.filtered).toBe(false);
    const filtered = linksFor("tab=all&status=open&q=王");
    expect(filtered.empty.filtered).toBe(true);
    expect(filtered.q).toBe("王");
    expect(filtered.filterClearHref).toBe(filtered.empty.clearHref);
    expect(new URL(filtered.empty.clearHref, "http://x").searchParams.get("tab")).toBe("all");
    expect(new URL(filtered.empty.clearHref, "http://x").searchParams.get("status")).toBeNull();
  });

  it("toggles the sort of the current key, leads an unknown key back to the list and pages within the filters", () => {
    const links = linksFor("status=open&sort=name&dir=asc");
    expect(links.sort).toMatchObject({ key: "name", dir: "asc" });
    const toggled = new URL(links.sort.hrefFor("name"), "http://x").searchParams;
    expect([toggled.get("sort"), toggled.get("dir")]).toEqual(["name", "desc"]);
    expect(links.sort.hrefFor("nonsense")).toBe("/crm/things");
    const page2 = new URL(links.pageHref(2), "http://x").searchParams;
    expect([page2.get("page"), page2.get("status")]).toEqual(["2", "open"]);
  });
});
