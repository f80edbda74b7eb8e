import { pageWindow } from "#app/lib/page-window.ts";
import { countCappedBy, type CappedCount } from "./count-capped.server.ts";

// A numbered page of a list whose total is capped (decision 022): the total, the requested page
// clamped into range, and the rows of that page.

export interface Page<Row> {
  total: CappedCount;
  page: number;
  pageCount: number;
  rows: Row[];
}

/**
 * One page of a list: `count` is the list's count with a `take` cap (see countCappedBy), `findRows`
 * its query over `{ skip, take }`.
 */
export async function findPage<Row>(
  requestedPage: number,
  pageSize: number,
  count: (take: number) => Promise<number>,
  findRows: (window: { skip: number; take: number }) => Promise<Row[]>,
): Promise<Page<Row>> {
  const total = await countCappedBy(count);
  const { page, pageCount, skip, take } = pageWindow(total.count, requestedPage, pageSize);
  return { total, page, pageCount, rows: await findRows({ skip, take }) };
}
