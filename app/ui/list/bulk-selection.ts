import { useCallback, useMemo, useState } from "react";

// Row selection for bulk actions. Only ids on the current page count, so paging or filtering needs
// no reset; "all matching the filter" belongs to the page it was chosen on and drops on another.
// DataTable renders the checkboxes from this object and a toolbar reads it.

export interface BulkSelection<Id extends string | number = number> {
  /** Checked ids on this page, in page order. */
  ids: Id[];
  count: number;
  has(id: Id): boolean;
  toggle(id: Id, on: boolean): void;
  togglePage(on: boolean): void;
  clear(): void;
  allOnPage: boolean;
  someOnPage: boolean;
  /** The user chose "every row matching the filter", beyond this page. */
  allMatching: boolean;
  selectAllMatching(): void;
  selectPageOnly(): void;
}

export function useBulkSelection<Id extends string | number>(pageIds: readonly Id[]): BulkSelection<Id> {
  const pageKey = pageIds.join(",");
  const [checked, setChecked] = useState<Set<Id>>(() => new Set());
  const [allMatchingOn, setAllMatchingOn] = useState<string | null>(null);
  const allMatching = allMatchingOn === pageKey;

  const toggle = useCallback((id: Id, on: boolean) => {
    setAllMatchingOn(null);
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const togglePage = useCallback(
    (on: boolean) => {
      setAllMatchingOn(null);
      setChecked(on ? new Set(pageIds) : new Set());
    },
    [pageIds],
  );
  const clear = useCallback(() => {
    setAllMatchingOn(null);
    setChecked(new Set());
  }, []);
  const selectAllMatching = useCallback(() => {
    setAllMatchingOn(pageKey);
    setChecked(new Set(pageIds));
  }, [pageIds, pageKey]);
  const selectPageOnly = useCallback(() => setAllMatchingOn(null), []);

  return useMemo(() => {
    const ids = pageIds.filter((id) => allMatching || checked.has(id));
    return {
      ids,
      count: ids.length,
      has: (id: Id) => allMatching || checked.has(id),
      toggle,
      togglePage,
      clear,
      allOnPage: ids.length > 0 && ids.length === pageIds.length,
      someOnPage: ids.length > 0 && ids.length < pageIds.length,
      allMatching,
      selectAllMatching,
      selectPageOnly,
    };
  }, [pageIds, checked, allMatching, toggle, togglePage, clear, selectAllMatching, selectPageOnly]);
}
