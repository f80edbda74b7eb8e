import type { ReactNode } from "react";
import { cn } from "../cn.ts";

// A small read-only table inside a record page (line items, covered assets): a header row and a row
// per item, driven by a column config. Lists with sorting, column choice and phone cards use
// DataTable (app/ui/list) instead.

export interface RecordColumn<Row> {
  /** Column key (React key). */
  key: string;
  /** Header text; empty for an actions column. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** Extra classes of the body cells. */
  className?: string;
}

export function RecordTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  footer,
  empty,
}: {
  columns: ReadonlyArray<RecordColumn<Row> | false>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** The table's name for screen readers. */
  caption?: string;
  /** A `<tfoot>` row or rows (sums). */
  footer?: ReactNode;
  /** Shown in place of the table when there are no rows (e.g. "no lines yet"). */
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <p className="px-5 pb-5 text-sm text-slate-400">{empty}</p>;
  const shown = columns.filter((c): c is RecordColumn<Row> => c !== false);
  // The outer columns get the card's own padding, so the table lines up with the card header.
  const pad = (i: number) => (i === 0 ? "pl-5 pr-3" : i === shown.length - 1 ? "pl-3 pr-5" : "px-3");
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium text-slate-500">
          <tr>
            {shown.map((c, i) => (
              <th key={c.key} scope="col" className={cn("py-2.5 font-medium", pad(i), c.numeric && "text-right")}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {shown.map((c, i) => (
                <td key={c.key} className={cn("py-3", pad(i), c.numeric && "text-right tabular-nums", c.className)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot className="border-t border-slate-200">{footer}</tfoot> : null}
      </table>
    </div>
  );
}
