import type { DbOrTx } from "#app/lib/db.server.ts";
import type { CappedCount } from "#app/modules/views/count-capped.server.ts";
import { listRegistrationCategories } from "./registration-categories.server.ts";
import type { CategoryListQuery, TokenGroupListQuery } from "./rules-list-query.ts";
import { listTokenGroups } from "./token-groups.server.ts";

// The 营销规则 list pages: registration categories and token groups, searched, filtered, sorted and paged
// as their URL says. Both are configuration (a company has tens of channels and rotations, not
// thousands), read whole by their services; filtering and sorting here keeps one order for every
// column, including the counted ones (leads, keys, members) that SQL would have to aggregate first.

export const RULES_PAGE_SIZE = 25;

export interface ListPage<Row> {
  rows: Row[];
  total: CappedCount;
  page: number;
  pageCount: number;
}

function paged<Row>(rows: Row[], requested: number): ListPage<Row> {
  const pageCount = Math.max(1, Math.ceil(rows.length / RULES_PAGE_SIZE));
  const page = Math.min(requested, pageCount);
  const start = (page - 1) * RULES_PAGE_SIZE;
  return {
    rows: rows.slice(start, start + RULES_PAGE_SIZE),
    total: { count: rows.length, capped: false },
    page,
    pageCount,
  };
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

function ordered<Row>(rows: Row[], dir: "asc" | "desc", key: (row: Row) => string | number, tie: (row: Row) => string) {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const by = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return by * sign || collator.compare(tie(a), tie(b));
  });
}

function matches(q: string, ...texts: Array<string | null | undefined>): boolean {
  const needle = q.toLowerCase();
  return texts.some((t) => t?.toLowerCase().includes(needle));
}

export async function listCategoryPage(db: DbOrTx, query: CategoryListQuery) {
  const all = await listRegistrationCategories(db);
  const kept = all.filter(
    (c) =>
      (!query.q || matches(query.q, c.code, c.name, c.tokenGroup?.name, c.campaign?.name, c.designatedStaff.name)) &&
      (!query.kind || c.kind === query.kind) &&
      (!query.active || c.active === (query.active === "yes")),
  );
  const key = {
    code: (c: (typeof all)[number]) => c.code,
    name: (c: (typeof all)[number]) => c.name,
    leads: (c: (typeof all)[number]) => c.leadCount,
    keys: (c: (typeof all)[number]) => c.activeKeys,
  }[query.sort];
  return paged(
    ordered(kept, query.dir, key, (c) => c.code),
    query.page,
  );
}

export type CategoryListRow = Awaited<ReturnType<typeof listCategoryPage>>["rows"][number];

export async function listTokenGroupPage(db: DbOrTx, query: TokenGroupListQuery) {
  const all = await listTokenGroups(db);
  const kept = all.filter(
    (g) =>
      (!query.q || matches(query.q, g.name, g.next?.name, ...g.categories.map((c) => c.name))) &&
      (!query.used || g.categories.length > 0 === (query.used === "yes")),
  );
  const key = {
    name: (g: (typeof all)[number]) => g.name,
    members: (g: (typeof all)[number]) => g.memberCount,
    updated: (g: (typeof all)[number]) => new Date(g.updatedAt).getTime(),
  }[query.sort];
  return paged(
    ordered(kept, query.dir, key, (g) => g.name),
    query.page,
  );
}

export type TokenGroupListRow = Awaited<ReturnType<typeof listTokenGroupPage>>["rows"][number];
