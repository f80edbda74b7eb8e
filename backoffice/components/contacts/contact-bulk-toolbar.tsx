import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { BulkSelection } from "#app/ui/list/bulk-selection.ts";

// The bulk-selection slot of the contact list: shows how many rows are ticked and renders the bulk
// actions (transfer / delete / export / merge) that the ownership and recycle-bin work supplies as
// `children`. Nothing is shown until a row is ticked.

export function ContactBulkToolbar({
  selection,
  children,
}: {
  selection: BulkSelection<number>;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  if (selection.count === 0) return null;
  return (
    <div
      className="flex flex-wrap items-center gap-3 border-b border-slate-100 bg-blue-50/60 px-5 py-2 text-sm"
      data-slot="contact-bulk-actions"
    >
      <span className="font-medium text-blue-900">{t("list.total", { count: selection.count })}</span>
      {children}
    </div>
  );
}
