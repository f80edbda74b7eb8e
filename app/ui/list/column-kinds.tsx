import type { ReactNode } from "react";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { Column } from "./data-table.tsx";

// Column kinds every list has, so a list's column config names what each column is and the kinds
// look the same in every list. Anything particular to one list stays a plain Column object.

/**
 * The record itself: never hidden, the card's title on phones. `render(row, card)` draws it, `card`
 * telling the phone card (where the link covers the card) from the table cell.
 */
export function titleColumn<Row>(
  id: string,
  header: MessageKey,
  render: (row: Row, card: boolean) => ReactNode,
  options: { sortKey?: string; className?: string } = {},
): Column<Row> {
  return {
    id,
    header,
    ...options,
    hideable: false,
    mobile: "title",
    cell: (row) => render(row, false),
    card: (row) => render(row, true),
  };
}

/** A status badge; phone cards show it beside the title (`cardAside`), so it is left out there. */
export function badgeColumn<Row>(id: string, header: MessageKey, badge: (row: Row) => ReactNode): Column<Row> {
  return { id, header, mobile: "hidden", cell: badge };
}

/** A person's name (owner, assignee) on one line. */
export function personColumn<Row>(id: string, header: MessageKey, name: (row: Row) => ReactNode): Column<Row> {
  return { id, header, mobile: "meta", className: "whitespace-nowrap text-slate-700", cell: name };
}

/** A date or time, muted, its digits aligned. */
export function dateColumn<Row>(
  id: string,
  header: MessageKey,
  date: (row: Row) => ReactNode,
  sortKey?: string,
): Column<Row> {
  return {
    id,
    header,
    sortKey,
    mobile: "meta",
    className: "whitespace-nowrap text-slate-500 tabular-nums",
    cell: date,
  };
}
