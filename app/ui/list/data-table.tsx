import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "../cn.ts";
import type { BulkSelection } from "./bulk-selection.ts";
import type { SortDir } from "./list-query.ts";

// A list driven by a column config: a table from `md` up, stacked cards below it (one title, a
// line of meta facts). The cards are the same rows restyled by CSS, not a second copy of the list:
// a second copy doubled a list page's elements and its server render time (bench/page-cost.ts).
// Sortable headers are plain links (aria-sort on the header cell), so sorting works without
// JavaScript and lands in the URL like every other part of the list state.

export interface Column<Row> {
  id: string;
  header: MessageKey;
  cell: (row: Row) => ReactNode;
  /** The list-query sort key this column sorts by; the header becomes a link. */
  sortKey?: string;
  /** May the user hide it with the column chooser? Default true. */
  hideable?: boolean;
  /** Hidden until the user chooses it. */
  defaultHidden?: boolean;
  /** On phones: the card's title, a meta fact under it, or left out. */
  mobile: "title" | "meta" | "hidden";
  /** Renders the cell on a card instead of `cell` (e.g. without the extra line). */
  card?: (row: Row) => ReactNode;
  /** Extra classes of the header and body cells (widths, nowrap, alignment). */
  className?: string;
}

export interface SortState {
  key: string;
  dir: SortDir;
  /** The URL a click on the header of `key` leads to. */
  hrefFor: (key: string) => string;
}

export interface DataTableProps<Row, Id extends string | number> {
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => Id;
  /** Ids of the columns to show (from the column chooser); default: every column not defaultHidden. */
  visible?: readonly string[];
  sort?: SortState;
  /** Accessible name of the table, e.g. "线索列表". */
  label: string;
  /**
   * Checkboxes per row and a select-all header. `rowLabel` is a row checkbox's accessible name
   * ("选择线索 LEAD…"), `pageLabel` the header one's (default "选择本页全部").
   */
  selection?: { state: BulkSelection<Id>; rowLabel: (row: Row) => string; pageLabel?: string };
  rowClassName?: (row: Row) => string | undefined;
  /** A badge or status shown top-right on each card. */
  cardAside?: (row: Row) => ReactNode;
}

/** Columns to show: the chosen ids (in column order) plus any column that cannot be hidden. */
export function visibleColumns<Row>(columns: ReadonlyArray<Column<Row>>, visible?: readonly string[]) {
  return columns.filter((c) =>
    c.hideable === false ? true : visible ? visible.includes(c.id) : c.defaultHidden !== true,
  );
}

// Below md a row is a card (the .data-table rules in app/ui/styles.css): the title cells on a line of
// their own after the checkbox, the aside at the top right, the meta cells as a wrapping line of
// "label value" facts, the rest hidden.
const CARD_CELL: Record<Column<unknown>["mobile"], string> = {
  title: "cell-title",
  meta: "cell-meta",
  hidden: "cell-hidden",
};

export function DataTable<Row, Id extends string | number>({
  columns,
  visible,
  rows,
  rowKey,
  sort,
  label,
  selection,
  rowClassName,
  cardAside,
}: DataTableProps<Row, Id>) {
  const { t } = useI18n();
  const shown = visibleColumns(columns, visible);
  return (
    <div className="md:overflow-x-auto">
      <table className="data-table min-w-full text-left text-sm" aria-label={label}>
        <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-500 uppercase max-md:hidden">
          <tr>
            {selection ? (
              <th scope="col" className="w-10 py-2.5 pl-5">
                <PageCheckbox state={selection.state} label={selection.pageLabel ?? t("list.select.page")} />
              </th>
            ) : null}
            {shown.map((column, i) => {
              const active = sort && column.sortKey === sort.key;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={cn(
                    "px-3 py-2.5 font-medium whitespace-nowrap",
                    i === 0 && !selection && "pl-5",
                    i === shown.length - 1 && "pr-5",
                    column.className,
                  )}
                >
                  {sort && column.sortKey ? (
                    <SortLink column={column} sort={sort} label={t(column.header)} />
                  ) : (
                    t(column.header)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const id = rowKey(row);
            return (
              <tr
                key={id}
                className={cn(
                  "data-table-row group hover:bg-slate-50/80",
                  selection && "is-selectable",
                  cardAside && "has-aside",
                  rowClassName?.(row),
                )}
              >
                {selection ? (
                  <td className="cell-check py-3 pl-5 align-top">
                    <RowCheckbox state={selection.state} id={id} label={selection.rowLabel(row)} />
                  </td>
                ) : null}
                {shown.map((column, i) => (
                  <td
                    key={column.id}
                    data-label={column.mobile === "meta" ? t(column.header) : undefined}
                    className={cn(
                      "px-3 py-3 align-top",
                      i === 0 && !selection && "pl-5",
                      i === shown.length - 1 && "pr-5",
                      column.className,
                      CARD_CELL[column.mobile],
                    )}
                  >
                    {column.card ? (
                      <>
                        <span className="max-md:hidden">{column.cell(row)}</span>
                        <span className="md:hidden">{column.card(row)}</span>
                      </>
                    ) : (
                      column.cell(row)
                    )}
                  </td>
                ))}
                {cardAside ? <td className="cell-aside">{cardAside(row)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SortLink<Row>({ column, sort, label }: { column: Column<Row>; sort: SortState; label: string }) {
  const { t } = useI18n();
  const active = column.sortKey === sort.key;
  const Icon = !active ? ArrowUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Link
      to={sort.hrefFor(column.sortKey!)}
      preventScrollReset
      className={cn("inline-flex items-center gap-1 uppercase hover:text-slate-900", active && "text-slate-900")}
    >
      {label}
      <Icon className={cn("size-3.5", !active && "opacity-40")} aria-hidden />
      <span className="sr-only">
        {active
          ? `(${t(sort.dir === "asc" ? "list.sort.asc" : "list.sort.desc")})`
          : t("list.sort.by", { column: label })}
      </span>
    </Link>
  );
}

function RowCheckbox<Id extends string | number>({
  state,
  id,
  label,
}: {
  state: BulkSelection<Id>;
  id: Id;
  label: string;
}) {
  return (
    <input
      type="checkbox"
      checked={state.has(id)}
      onChange={(e) => state.toggle(id, e.target.checked)}
      aria-label={label}
      className="relative z-10 mt-0.5 size-4 rounded border-slate-300"
    />
  );
}

function PageCheckbox<Id extends string | number>({ state, label }: { state: BulkSelection<Id>; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  // "Some rows checked" has no HTML attribute; only the DOM property shows the dash.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state.someOnPage;
  }, [state.someOnPage]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={state.allOnPage}
      onChange={(e) => state.togglePage(e.target.checked)}
      aria-label={label}
      className="size-4 rounded border-slate-300"
    />
  );
}
