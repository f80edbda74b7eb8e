import type { LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { PageHeader } from "../page-header.tsx";
import type { DataTableProps } from "./data-table.tsx";
import { FilterSelect } from "./filter-bar.tsx";
import type { ListEmpty } from "./list-empty.tsx";
import { listLinks } from "./list-links.ts";
import { ListPage, type ListPageProps } from "./list-page.tsx";
import type { FilterShape, ListQuery, ListQueryKit } from "./list-query.ts";
import type { ListViewsState } from "./list-views-state.ts";
import type { CappedCount } from "./total-count.tsx";

/*
 * A numbered list page from its list-query kit and what its loader returned: <ListPage> with the
 * list's links (`listLinks(kit, path, query)`), so the filter bar, sortable headers, empty states
 * and page numbers all link through the kit and a route only says what differs (texts, icon,
 * columns, filters). This is the way to build a numbered list; lists with another shape (keyset
 * paging, bulk toolbars) use <ListPage> directly.
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
  /** Under the page header, outside the card (rules tabs, a failure notice, a summary). */
  belowHeading?: ReactNode;
  /** Tabs inside the card, above the views bar. */
  tabs?: ReactNode;
  search: NonNullable<ListPageProps<Row, Id>["search"]>;
  selects?: readonly QueryListSelect[];
  /** Filter fields that are not selects (a checkbox, a select of loaded options), after the selects. */
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
  const { list, heading } = props;
  const { sortable = true, ...table } = props.table;
  const links = listLinks(props.kit, props.path, list.query);
  const Icon = heading.icon;
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
      links={links}
      tabs={props.tabs}
      views={list.views}
      total={list.total}
      search={props.search}
      filterFields={
        <>
          {props.selects?.map((select) => (
            <FilterSelect key={select.name} {...select} />
          ))}
          {props.extraFilters}
        </>
      }
      toolbar={props.toolbar}
      table={{
        ...table,
        rows: list.rows,
        label: table.label ?? t("list.table.label", { title: heading.title }),
        sort: sortable ? links.sort : undefined,
      }}
      empty={{
        ...props.empty,
        icon: props.empty.icon ?? <Icon aria-hidden className="size-5" />,
        filtered: links.empty.filtered && (props.empty.filtered ?? true),
      }}
      pages={{ page: list.page, pageCount: list.pageCount }}
    >
      {props.children}
    </ListPage>
  );
}
