import type { MessageKey } from "#app/lib/i18n/translate.ts";

// Bulk actions the company and contact lists offer on selected rows (seed: records are transferred
// and shared singly or in bulk). A list page renders one button per entry (posting the selected
// `ids` with the `intent`) and hands the post to `runBulkRecordAction` (bulk-actions.server.ts).

export interface RecordBulkAction {
  intent: "bulk-transfer" | "bulk-delete";
  label: MessageKey;
  /** The grant the list should check before showing the button (the server checks again per row). */
  action: "transfer" | "delete";
  /** Asks for a colleague (`toStaffId`) and the "also open leads/opportunities" box. */
  needsStaff: boolean;
  danger: boolean;
}

export const RECORD_BULK_ACTIONS: readonly RecordBulkAction[] = [
  { intent: "bulk-transfer", label: "recordAdmin.transfer.title", action: "transfer", needsStaff: true, danger: false },
  { intent: "bulk-delete", label: "recordAdmin.delete.title", action: "delete", needsStaff: false, danger: true },
];

export const BULK_MAX = 500;
