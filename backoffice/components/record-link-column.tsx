import type { ReactNode } from "react";
import type { RecordColumn } from "#app/ui/records/record-table.tsx";
import { RecordLinkCell } from "./companies/company-tab-ui.tsx";

// The first column of most record tables on a record page's tabs and the small admin lists: the
// record's name linking to its own page, with its number (or e-mail) in small type beneath.

export function linkColumn<Row>(
  key: string,
  header: ReactNode,
  link: (row: Row) => { to: string; label: ReactNode; sub?: ReactNode },
): RecordColumn<Row> {
  return {
    key,
    header,
    cell: (row) => {
      const { to, label, sub } = link(row);
      return (
        <RecordLinkCell to={to} sub={sub}>
          {label}
        </RecordLinkCell>
      );
    },
  };
}
