import type { ComponentProps, ReactNode } from "react";
import { Card } from "../card.tsx";
import { ColumnChooser } from "./column-chooser.tsx";
import { DataTable, type DataTableProps } from "./data-table.tsx";
import { FilterBar, SearchField } from "./filter-bar.tsx";
import { ListEmpty, ListEnd } from "./list-empty.tsx";
import type { ListLinks } from "./list-links.ts";
import type { ListViewsState } from "./list-views-state.ts";
import { PageNumbers } from "./pager.tsx";
import { SavedViews } from "./saved-views.tsx";
import { TotalCount, type CappedCount } from "./total-count.tsx";

/*
 * A list page: header, saved views, total, column chooser, filter bar, table/cards, the two empty
 * states and the pager, in one card. How a list is built on the kit (see backoffice/routes/
 * members-list.tsx for a numbered list, leads-inbox.tsx for a keyset list with bulk selection):
 *
 * 1. The query: `export const thingList = defineListQuery({ key: "crm.things", filters: { status:
 *    listFilters.oneOf(STATUSES), owner: listFilters.id() }, sorts: { created: "desc", name: "asc" },
 *    defaultSort: "created", columns: [...ids], defaultColumns?: [...] })` in a pure file the service
 *    and the route can both import. The service takes the parsed query and applies `sort`/`dir` from
 *    its own allow-list (never an arbitrary column), scope in the query itself.
 * 2. The loader: `const actor = await requireStaffActor(request, …); const query =
 *    thingList.parse(url.searchParams); const [page, total, views] = await Promise.all([listThings(db,
 *    actor, query), countThings(db, actor, query) (on countCapped), loadListViews(db, actor,
 *    thingList, query, PATH)]);` and return them with `query`.
 * 3. The columns: `const columns: Column<Row>[] = [{ id: "name", header: "things.col.name", cell: (r)
 *    => <Link…/>, sortKey: "name", hideable: false, mobile: "title" }, …]` in
 *    `backoffice/components/<domain>/` (a cell renderer is a component another route may reuse).
 * 4. The page of a numbered list: `<QueryListPage path={PATH} kit={thingList} list={{ query, rows,
 *    page, pageCount, total, views }} heading={{ title, icon }} search={{ label, placeholder }}
 *    selects={[…]} table={{ columns, rowKey, cardAside }} empty={{ title, description }} />`
 *    (query-list-page.tsx): it builds this component with `listLinks(kit, PATH, query)`
 *    (list-links.ts). In the back office a list keeps those static parts as one named config beside
 *    its columns and renders `<ScreenListPage screen={thingsScreen} list={…} />`
 *    (backoffice/components/list-screen.tsx). Use <ListPage> itself only for another shape: a
 *    keyset list (`pager={<KeysetPager…/>}`), tabs with their own filter bar, a bulk toolbar.
 * Everything is a link or a GET/POST form, so the page works before hydration and without JS.
 * Bulk actions: `const selection = useBulkSelection(pageIds)` (bulk-selection.ts), pass
 * `table.selection = { state: selection, rowLabel }` and render a toolbar that reads `selection`
 * in `toolbar`. Keyset lists render `<KeysetPager>` and pass `pastEndHref` for a stale cursor.
 * E2E: the column chooser's checkboxes are labelled with the column headers, so address filters
 * by role (`getByRole("combobox", { name })`), not `getByLabel`.
 */

type ListEmptyProps = ComponentProps<typeof ListEmpty>;

export interface ListPageProps<Row, Id extends string | number> {
  header: ReactNode;
  /**
   * The list's links (`listLinks(kit, PATH, query)`): the table's sort links and the empty state's
   * filtered/clear come from them unless `table.sort` / `empty` say otherwise.
   */
  links?: ListLinks;
  /** Numbered paging: renders the page numbers (with `links`) unless `pager` is given. */
  pages?: { page: number; pageCount: number };
  /** Tabs inside the card, above everything else. */
  tabs?: ReactNode;
  /** Saved views and column choice; leave out for a list without them. */
  views?: ListViewsState;
  /** The filter bar (usually <FilterBar>); with `links`, give `search` / `filterFields` instead. */
  filters?: ReactNode;
  /** With `links`: a search box in the filter bar (its text comes from the links). */
  search?: { id?: string; label?: string; placeholder?: string };
  /** With `links`: the filter bar's other fields (FilterSelect…), after the search box. */
  filterFields?: ReactNode;
  total?: CappedCount | null;
  /** Shown above the table while there are rows (e.g. a bulk-action toolbar). */
  toolbar?: ReactNode;
  /**
   * The table; `visible` defaults to the columns the views state resolved, `sort` to the links'
   * (set `sort: undefined` for a list no header may sort).
   */
  table: DataTableProps<Row, Id>;
  empty: Omit<ListEmptyProps, "filtered" | "clearHref"> & Partial<Pick<ListEmptyProps, "filtered" | "clearHref">>;
  /** A keyset page past the end: show "back to the first page" instead of the empty states. */
  pastEndHref?: string | null;
  pager?: ReactNode;
  /** Below the card (dialogs, notes). */
  children?: ReactNode;
}

export function ListPage<Row, Id extends string | number>(props: ListPageProps<Row, Id>) {
  const { views, links, pages } = props;
  // `table.sort` given outright, even as undefined (e.g. search results in relevance order), wins.
  const table = { ...props.table, sort: "sort" in props.table ? props.table.sort : links?.sort };
  const empty = {
    ...props.empty,
    filtered: props.empty.filtered ?? links?.empty.filtered ?? false,
    clearHref: props.empty.clearHref ?? links?.empty.clearHref ?? "",
  };
  const pager =
    props.pager ??
    (pages && links ? <PageNumbers page={pages.page} pageCount={pages.pageCount} hrefFor={links.pageHref} /> : null);
  const filters =
    props.filters ??
    (links && (props.search || props.filterFields) ? (
      <FilterBar carry={links.carry} clearHref={links.filterClearHref}>
        {props.search ? <SearchField defaultValue={links.q} {...props.search} /> : null}
        {props.filterFields}
      </FilterBar>
    ) : null);
  const hasRows = table.rows.length > 0;
  return (
    <div className="space-y-6">
      {props.header}
      <Card>
        {props.tabs}
        {views || props.total ? (
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-3 py-2 sm:px-4">
            {views ? <SavedViews state={views} /> : <span />}
            <div className="flex items-center gap-2">
              {props.total ? <TotalCount total={props.total} className="px-1" /> : null}
              {views ? <ColumnChooser columns={table.columns} state={views} /> : null}
            </div>
          </div>
        ) : null}
        {filters}
        {hasRows ? (
          <>
            {props.toolbar}
            <DataTable {...table} visible={table.visible ?? views?.visible} />
            {pager}
          </>
        ) : props.pastEndHref ? (
          <ListEnd firstHref={props.pastEndHref} />
        ) : (
          <ListEmpty {...empty} />
        )}
      </Card>
      {props.children}
    </div>
  );
}
