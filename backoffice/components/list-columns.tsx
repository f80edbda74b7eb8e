import type { ReactNode } from "react";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { Column } from "#app/ui/list/data-table.tsx";
import { cn } from "#app/ui/cn.ts";

// The back-office lists' plain column kinds, beside the kit's title/badge/person/date kinds
// (app/ui/list/column-kinds.tsx): a record's code, a line of text, an amount. Each list names what
// a column is and they look the same in every list. A column sorts by its own id unless
// `sortable: false`.

interface KindOptions {
  /** On phones: a meta fact under the title (default) or left out. */
  mobile?: "meta" | "hidden";
  /** Sorts by the list-query key equal to the column's id (default true). */
  sortable?: boolean;
  /** Hidden until the user chooses it. */
  defaultHidden?: boolean;
}

function kind<Row>(
  id: string,
  header: MessageKey,
  cell: (row: Row) => ReactNode,
  className: string,
  { mobile = "meta", sortable = true, defaultHidden }: KindOptions,
): Column<Row> {
  return { id, header, sortKey: sortable ? id : undefined, mobile, defaultHidden, className, cell };
}

/** A record's code (编号): monospace, small and muted, on one line; left out on phones by default. */
export function codeColumn<Row>(
  id: string,
  header: MessageKey,
  cell: (row: Row) => ReactNode,
  options: KindOptions = {},
): Column<Row> {
  return kind(id, header, cell, "whitespace-nowrap font-mono text-xs text-slate-500", {
    mobile: "hidden",
    ...options,
  });
}

/** A line of text; `nowrap` keeps it on one line, `digits` aligns numbers (phones), `muted` for secondary facts. */
export function textColumn<Row>(
  id: string,
  header: MessageKey,
  cell: (row: Row) => ReactNode,
  {
    nowrap = false,
    digits = false,
    muted = false,
    ...options
  }: KindOptions & {
    nowrap?: boolean;
    digits?: boolean;
    muted?: boolean;
  } = {},
): Column<Row> {
  const className = cn(
    nowrap && "whitespace-nowrap",
    muted ? "text-slate-600" : "text-slate-700",
    digits && "tabular-nums",
  );
  return kind(id, header, cell, className, options);
}

/** An amount: right-aligned on one line, its digits aligned; `muted` for a secondary amount. */
export function amountColumn<Row>(
  id: string,
  header: MessageKey,
  cell: (row: Row) => ReactNode,
  { muted = false, ...options }: KindOptions & { muted?: boolean } = {},
): Column<Row> {
  const tone = muted ? "text-slate-600" : "text-slate-900";
  return kind(id, header, cell, `text-right whitespace-nowrap tabular-nums ${tone}`, options);
}
