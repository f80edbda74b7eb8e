import { useCallback, useState } from "react";
import { useActionData, useFetcher } from "react-router";
import type { DistributionPreview } from "#app/modules/leads/record/lead-batches.server.ts";
import { useBulkSelection, type BulkSelection } from "#app/ui/list/bulk-selection.ts";
import type { UiError } from "#backoffice/components/rules-ui.tsx";

// The inbox's selection for batch operations: checked rows of this page (the list kit's bulk
// selection), or "every lead matching the filter", counted on the server through a fetcher; plus
// the distribution preview the action answers with.

/** What the inbox action answers a batch form with (other than a redirect). */
export type BatchActionData =
  | { intent: "count"; count: number; overLimit: boolean }
  | { intent: "preview"; preview: DistributionPreview; ruleIds: number[]; at: number }
  | { intent: "error"; error: UiError };

export interface BatchSelectionState extends BulkSelection<number> {
  enabled: boolean;
  /** The list's query string, for "every lead matching the filter". */
  filterQuery: string;
  matching: { count: number; overLimit: boolean } | null;
  counting: boolean;
  /** Selected leads: the checked ones, or the server's count of all matching. */
  total: number;
  preview: Extract<BatchActionData, { intent: "preview" }> | null;
  closePreview: () => void;
  error: UiError | null;
}

export function useBatchSelection(options: {
  enabled: boolean;
  pageIds: readonly number[];
  filterQuery: string;
}): BatchSelectionState {
  const bulk = useBulkSelection(options.pageIds);
  const actionData = useActionData<BatchActionData>();
  const counter = useFetcher<BatchActionData>();
  const [closedPreview, setClosedPreview] = useState<number | null>(null);
  const { filterQuery } = options;
  const { selectAllMatching: selectAll } = bulk;
  const submitCount = counter.submit;

  const selectAllMatching = useCallback(() => {
    selectAll();
    void submitCount({ intent: "count", selection: "filter", filterQuery }, { method: "post" });
  }, [selectAll, submitCount, filterQuery]);

  const counted = counter.data?.intent === "count" ? counter.data : null;
  const preview = actionData?.intent === "preview" && actionData.at !== closedPreview ? actionData : null;
  const matching = bulk.allMatching && counted ? { count: counted.count, overLimit: counted.overLimit } : null;

  return {
    ...bulk,
    selectAllMatching,
    enabled: options.enabled,
    filterQuery,
    matching,
    counting: bulk.allMatching && counter.state !== "idle",
    total: bulk.allMatching ? (matching?.count ?? bulk.count) : bulk.count,
    preview,
    closePreview: () => setClosedPreview(preview?.at ?? null),
    error: actionData?.intent === "error" ? actionData.error : null,
  };
}
