import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { BatchSelectionState } from "./batch-selection.ts";

// With the whole page checked and more pages behind it: offer every lead matching the filter
// (counted on the server), or back to this page only.

export function SelectAllBanner({
  selection,
  pageSize,
  more,
}: {
  selection: BatchSelectionState;
  pageSize: number;
  more: boolean;
}) {
  const { t } = useI18n();
  if (!selection.allOnPage || !more) return null;
  const status = !selection.allMatching
    ? t("distribution.inbox.pageSelected", { count: pageSize })
    : selection.counting || !selection.matching
      ? t("distribution.inbox.allMatching.counting")
      : selection.matching.overLimit
        ? t("distribution.inbox.allMatching.overLimit", { count: selection.matching.count })
        : t("distribution.inbox.allMatching.selected", { count: selection.matching.count });
  // All matching leads are chosen: offer to go back to this page only, and the other way round.
  const [action, actionLabel] = selection.allMatching
    ? [selection.selectPageOnly, t("distribution.inbox.allMatching.pageOnly")]
    : [selection.selectAllMatching, t("distribution.inbox.allMatching.select")];
  return (
    <p className="flex flex-wrap items-center justify-center gap-x-2 gap-y-1 border-b border-slate-100 bg-slate-50 px-5 py-2 text-sm text-slate-700">
      <span aria-live="polite">{status}</span>
      <button type="button" onClick={action} className="font-medium text-blue-700 hover:underline">
        {actionLabel}
      </button>
    </p>
  );
}
