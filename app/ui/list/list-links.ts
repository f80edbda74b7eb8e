import type { SortState } from "./data-table.tsx";
import type { FilterShape, ListQuery, ListQueryKit, Overrides } from "./list-query.ts";

/**
 * The links every list page hands to its filter bar, sortable headers, empty states and pager,
 * worked out once from the list's query kit, its path and the current query:
 * `<FilterBar carry={links.carry} clearHref={links.filterClearHref}>`, `table.sort = links.sort`,
 * `empty={{ ...links.empty, title, … }}`, `<PageNumbers hrefFor={links.pageHref} …/>`.
 */
export interface ListLinks {
  /** The search text the list is filtered by ("" for none), for the search box. */
  q: string;
  /** Hidden name/value pairs the filter bar keeps (sort, view, columns…). */
  carry: ReadonlyArray<readonly [string, string]>;
  /** "Clear filters" in the filter bar: only while something is filtered. */
  filterClearHref: string | null;
  /** What the empty state needs to tell "nothing yet" from "nothing matches". */
  empty: { filtered: boolean; clearHref: string };
  sort: SortState;
  pageHref: (page: number) => string;
}

export function listLinks<F extends FilterShape, S extends string>(
  kit: ListQueryKit<F, S>,
  path: string,
  query: ListQuery<F, S>,
): ListLinks {
  const filtered = kit.isFiltered(query);
  const clearHref = kit.hrefFor(path, query, kit.cleared());
  return {
    q: query.q,
    carry: kit.carry(query),
    filterClearHref: filtered ? clearHref : null,
    empty: { filtered, clearHref },
    sort: {
      key: query.sort,
      dir: query.dir,
      // An unknown key (a stale link) leads back to the plain list rather than to a bad URL.
      hrefFor: (key) => (kit.isSortKey(key) ? kit.hrefFor(path, query, kit.sortToggle(query, key)) : path),
    },
    // `page` is in every list query; TypeScript cannot see that through the generic filters.
    pageHref: (page) => kit.hrefFor(path, query, { page } as Overrides<F, S>),
  };
}
