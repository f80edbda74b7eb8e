import type { MessageKey } from "#app/lib/i18n/translate.ts";

// Bulk actions the company and contact lists offer on selected rows (seed: records are transferred
// and shared singly or in bulk; deleting moves them to the recycle bin). A list page renders one
// form per entry (posting the selected `ids` with the `intent`) and hands the post to
// `runBulkRecordAction` (bulk-actions.server.ts), which applies the actor's scope per record: rows
// outside it are skipped and counted, never an error for the whole selection.

export type BulkIntent = "bulk-transfer" | "bulk-share" | "bulk-delete";

export interface RecordBulkAction {
  intent: BulkIntent;
  label: MessageKey;
  /** The grant the list checks before showing the form (the server checks again per row). */
  action: "transfer" | "delete";
  danger: boolean;
}

export const RECORD_BULK_ACTIONS: readonly RecordBulkAction[] = [
  { intent: "bulk-transfer", label: "recordAdmin.transfer.title", action: "transfer", danger: false },
  { intent: "bulk-share", label: "recordAdmin.share.title", action: "transfer", danger: false },
  { intent: "bulk-delete", label: "recordAdmin.delete.title", action: "delete", danger: true },
];

export const BULK_INTENTS: readonly BulkIntent[] = RECORD_BULK_ACTIONS.map((a) => a.intent);

export function isBulkIntent(value: unknown): value is BulkIntent {
  return typeof value === "string" && (BULK_INTENTS as readonly string[]).includes(value);
}

/** What a bulk post did: rows changed and rows skipped (outside the actor's rights, gone meanwhile). */
export interface BulkOutcome {
  intent: BulkIntent;
  done: number;
  skipped: number;
}

export const BULK_MAX = 500;
