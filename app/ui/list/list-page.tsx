import type { ComponentProps, ReactNode } from "react";
import { Card } from "../card.tsx";
import { ColumnChooser } from "./column-chooser.tsx";
import { DataTable, type DataTableProps } from "./data-table.tsx";
import { ListEmpty, ListEnd } from "./list-empty.tsx";
import type { ListViewsState } from "./list-views-state.ts";
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
 * 4. The page: `<ListPage header={<PageHeader…/>} views={views} total={total}
 *    filters={<FilterBar carry={thingList.carry(query)} clearHref={…}><SearchField…/><FilterSelect…/>
 *    </FilterBar>} table={{ columns, rows, rowKey: (r) => r.id, label, cardAside, sort: { key:
 *    query.sort, dir: query.dir, hrefFor: (k) => thingList.isSortKey(k) ? thingList.hrefFor(PATH,
 *    query, thingList.sortToggle(query, k)) : PATH } }}
 *    empty={{ filtered: thingList.isFiltered(query), clearHref: thingList.hrefFor(PATH, query,
 *    thingList.cleared()), title, description, action }} pager={<PageNumbers…/> or <KeysetPager…/>} />`.
 * Everything is a link or a GET/POST form, so the page works before hydration and without JS.
 * Bulk actions: `const selection = useBulkSelection(pageIds)` (bulk-selection.ts), pass
 * `table.selection = { state: selection, rowLabel }` and render a toolbar that reads `selection`
 * in `toolbar`. Keyset lists render `<KeysetPager>` and pass `pastEndHref` for a stale cursor.
 * E2E: the column chooser's checkboxes are labelled with the column headers, so address filters
 * by role (`getByRole("combobox", { name })`), not `getByLabel`.
 */

export interface ListPageProps<Row, Id extends string | number> {
  header: ReactNode;
  /** Tabs inside the card, above everything else. */
  tabs?: ReactNode;
  /** Saved views and column choice; leave out for a list without them. */
  views?: ListViewsState;
  /** The filter bar (usually <FilterBar>). */
  filters?: ReactNode;
  total?: CappedCount | null;
  /** Shown above the table while there are rows (e.g. a bulk-action toolbar). */
  toolbar?: ReactNode;
  /** The table; `visible` defaults to the columns the views state resolved. */
  table: DataTableProps<Row, Id>;
  empty: ComponentProps<typeof ListEmpty>;
  /** A keyset page past the end: show "back to the first page" instead of the empty states. */
  pastEndHref?: string | null;
  pager?: ReactNode;
  /** Below the card (dialogs, notes). */
  children?: ReactNode;
}

export function ListPage<Row, Id extends string | number>(props: ListPageProps<Row, Id>) {
  const { views, table } = props;
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
        {props.filters}
        {hasRows ? (
          <>
            {props.toolbar}
            <DataTable {...table} visible={table.visible ?? views?.visible} />
            {props.pager}
          </>
        ) : props.pastEndHref ? (
          <ListEnd firstHref={props.pastEndHref} />
        ) : (
          <ListEmpty {...props.empty} />
        )}
      </Card>
      {props.children}
    </div>
  );
}
