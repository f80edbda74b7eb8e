import type { LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { PageHeader } from "../page-header.tsx";
import type { DataTableProps } from "./data-table.tsx";
import { FilterBar, FilterSelect, SearchField } from "./filter-bar.tsx";
import type { ListEmpty } from "./list-empty.tsx";
import { ListPage } from "./list-page.tsx";
import type { FilterShape, ListQuery, ListQueryKit, Overrides } from "./list-query.ts";
import type { ListViewsState } from "./list-views-state.ts";
import { PageNumbers } from "./pager.tsx";
import type { CappedCount } from "./total-count.tsx";

/*
 * A numbered list page assembled from its list-query kit and a config: the page header, the filter
 * bar (search box + "any"-first selects), the sortable table, both empty states and the pager all
 * link through `kit.hrefFor(path, query, …)`, so a route only says what differs (texts, icon,
 * columns, filters). Lists with another shape (keyset paging, bulk toolbars) use <ListPage> directly.
 */

export interface QueryListHeading {
  title: string;
  description?: string;
  eyebrow?: string;
  /** Shown in the header badge and, unless `empty.icon` says otherwise, in the "nothing yet" state. */
  icon: LucideIcon;
  actions?: ReactNode;
}

/** One filter select; its first option ("any") means "do not filter on this". */
export type QueryListSelect = Omit<ComponentProps<typeof FilterSelect>, "id" | "className">;

/** What a numbered list's loader returns: the parsed query, one page of rows and the views state. */
export interface QueryListData<F extends FilterShape, S extends string, Row> {
  query: ListQuery<F, S>;
  rows: readonly Row[];
  page: number;
  pageCount: number;
  total?: CappedCount | null;
  /** Saved views and column choice; leave out for a list without them. */
  views?: ListViewsState;
}

export interface QueryListPageProps<F extends FilterShape, S extends string, Row, Id extends string | number> {
  path: string;
  kit: ListQueryKit<F, S>;
  list: QueryListData<F, S, Row>;
  heading: QueryListHeading;
  /** Under the page header, outside the card (rules tabs, a failure notice). */
  belowHeading?: ReactNode;
  /** Tabs inside the card, above the views bar. */
  tabs?: ReactNode;
  search: Omit<ComponentProps<typeof SearchField>, "defaultValue">;
  selects?: readonly QueryListSelect[];
  /** Filter fields that are not selects (a checkbox), after the selects. */
  extraFilters?: ReactNode;
  /** Above the table while there are rows (e.g. a bulk-action toolbar). */
  toolbar?: ReactNode;
  /** `label` defaults to "<title> list"; `sortable: false` turns the header links off. */
  table: Omit<DataTableProps<Row, Id>, "rows" | "sort" | "label"> & { label?: string; sortable?: boolean };
  /** The "nothing yet" texts; `filtered` narrows the kit's own test (e.g. only once anything exists). */
  empty: Omit<ComponentProps<typeof ListEmpty>, "filtered" | "clearHref"> & { filtered?: boolean };
  /** Below the card (the "new …" form, notes). */
  children?: ReactNode;
}

export function QueryListPage<F extends FilterShape, S extends string, Row, Id extends string | number>(
  props: QueryListPageProps<F, S, Row, Id>,
) {
  const { t } = useI18n();
  const { kit, list, heading, table } = props;
  const { query } = list;
  const href = (overrides: Overrides<F, S>) => kit.hrefFor(props.path, query, overrides);
  const filtered = kit.isFiltered(query);
  const clearHref = href(kit.cleared());
  const Icon = heading.icon;
  const { sortable = true, label = t("list.table.label", { title: heading.title }), ...tableRest } = table;
  return (
    <ListPage
      header={
        <>
          <PageHeader
            icon={<Icon aria-hidden className="size-6" />}
            eyebrow={heading.eyebrow}
            title={heading.title}
            description={heading.description}
            actions={heading.actions}
          />
          {props.belowHeading}
        </>
      }
      tabs={props.tabs}
      views={list.views}
      total={list.total}
      filters={
        <FilterBar carry={kit.carry(query)} clearHref={filtered ? clearHref : null}>
          <SearchField defaultValue={query.q} {...props.search} />
          {props.selects?.map((select) => (
            <FilterSelect key={select.name} {...select} />
          ))}
          {props.extraFilters}
        </FilterBar>
      }
      toolbar={props.toolbar}
      table={{
        ...tableRest,
        rows: list.rows,
        label,
        sort: sortable
          ? {
              key: query.sort,
              dir: query.dir,
              hrefFor: (key) => href(kit.isSortKey(key) ? kit.sortToggle(query, key) : {}),
            }
          : undefined,
      }}
      empty={{
        icon: <Icon aria-hidden className="size-5" />,
        ...props.empty,
        filtered: filtered && (props.empty.filtered ?? true),
        clearHref,
      }}
      pager={
        <PageNumbers
          page={list.page}
          pageCount={list.pageCount}
          // `page` is a ListBase field; TypeScript cannot see it through the generic filter values.
          hrefFor={(page) => href({ page } as Overrides<F, S>)}
        />
      }
    >
      {props.children}
    </ListPage>
  );
}
