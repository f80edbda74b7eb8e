// Numbered list pages (Pager in app/ui/list): which slice of a list a page shows.

export interface PageWindow {
  page: number;
  pageCount: number;
  skip: number;
  take: number;
}

/**
 * The page a list of `rowCount` rows shows: the requested one clamped into 1…pageCount, so a page
 * past the end (e.g. after a filter narrowed the list) shows the last page; an empty list has page 1.
 */
export function pageWindow(rowCount: number, requestedPage: number, pageSize: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(rowCount / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  return { page, pageCount, skip: (page - 1) * pageSize, take: pageSize };
}
