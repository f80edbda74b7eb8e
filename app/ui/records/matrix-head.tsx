import type { ReactNode } from "react";
import { cn } from "../cn.ts";

/**
 * The header row of a grid of choices (a role's rights per module, a person's rights on a lead):
 * the row label's column, then one centred column per choice. The paddings follow the body's cells,
 * so the caller passes the first column's and the choice columns' padding.
 */
export function MatrixHead({
  rowHeader,
  columns,
  className,
  firstPad = "px-4 py-2",
  cellPad = "px-2 py-2",
  trailing = null,
}: {
  rowHeader: ReactNode;
  columns: ReadonlyArray<{ key: string; label: ReactNode }>;
  /** The `<thead>`'s own classes (border, background, sticky). */
  className?: string;
  firstPad?: string;
  cellPad?: string;
  /** Cells after the choices (an actions column). */
  trailing?: ReactNode;
}) {
  return (
    <thead className={cn("text-xs text-slate-500", className)}>
      <tr>
        <th scope="col" className={cn("text-left font-medium", firstPad)}>
          {rowHeader}
        </th>
        {columns.map((c) => (
          <th key={c.key} scope="col" className={cn("text-center font-medium", cellPad)}>
            {c.label}
          </th>
        ))}
        {trailing}
      </tr>
    </thead>
  );
}
