import type { Prisma } from "#app/generated/prisma/client.ts";
import { staffOptionRows, teamOptionRows } from "#app/modules/admin/staff-options.server.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere, teamReach } from "#app/modules/crm/access/record-scope.server.ts";
import { countCappedBy } from "#app/modules/views/count-capped.server.ts";
import { getSearchEngine } from "#search/engine-selection.server.ts";
import { SearchEngineError, type SearchEngine } from "#search/engine.ts";
import { ensureSearchReady } from "#search/reindex.server.ts";
import { cityNameForms, provinceNameForms } from "../regions/divisions.server.ts";
import { LEGACY_INDUSTRY_CODES, LEGACY_TYPE_CODES, storedValuesOf, type CompanyStatus } from "./company-codes.ts";
import type { CompanySortKey } from "./company-list-query.ts";

// 单位 list: the viewer's scope fragment (decision 026), filters, sort and bounded numbered pages.
// Free-text search goes through the companies search index (ids, then scope and filters in SQL).
// At 250k companies it stays cheap because every sort has an index to walk (name+id, number,
// updatedAt, province+city) or is a LIMITed filesort, the total is the capped count (decision 022)
// and pages stop where the capped count does (no OFFSET past 10,000 rows).

export const COMPANY_PAGE_SIZE = 25;

export interface CompanyFilters {
  q?: string | null;
  /** System-table codes (company_type, industry). */
  type?: string | null;
  industry?: string | null;
  status?: CompanyStatus | null;
  /** Division codes (2 digits: province, 4: city). */
  province?: string | null;
  city?: string | null;
  ownerId?: number | null;
  teamId?: number | null;
}

/** A company as its list row shows it; the workspace reads these fields and more. */
export const companyRowSelect = {
  id: true,
  number: true,
  name: true,
  shortName: true,
  type: true,
  industry: true,
  status: true,
  province: true,
  city: true,
  district: true,
  phone: true,
  updatedAt: true,
  owner: selectIdAndName,
} satisfies Prisma.CompanySelect;
export type CompanyRow = Prisma.CompanyGetPayload<{ select: typeof companyRowSelect }>;

function orderBy(sort: { key: CompanySortKey; dir: "asc" | "desc" } | undefined) {
  const dir = sort?.dir ?? "desc";
  const orders: Record<CompanySortKey, Prisma.CompanyOrderByWithRelationInput[]> = {
    updated: [{ updatedAt: dir }],
    name: [{ name: dir }],
    number: [{ number: dir }],
    type: [{ type: { sort: dir, nulls: "last" } }],
    industry: [{ industry: { sort: dir, nulls: "last" } }],
    region: [{ province: { sort: dir, nulls: "last" } }, { city: { sort: dir, nulls: "last" } }],
    owner: [{ owner: { name: dir } }],
  };
  return [...orders[sort?.key ?? "updated"], { id: dir }];
}

/** How many search-index hits a text query may bring into the list (then scope and filters apply). */
export const SEARCH_ID_LIMIT = 1000;

/**
 * Ids of companies whose text matches `q` in the search index (name, short name, pinyin, typos;
 * search/indexes.ts). The index may lag a just-saved company by one sync, so the list also matches
 * the name's prefix in the database (indexed). An engine that is down gives no ids, not an error.
 */
export async function companyTextSearchIds(q: string, engine?: SearchEngine): Promise<number[]> {
  try {
    const ready = await ensureSearchReady(engine ?? getSearchEngine());
    const result = await ready.query("companies", { q, limit: SEARCH_ID_LIMIT });
    return result.hits.map((hit) => Number(hit.id)).filter((id) => Number.isInteger(id) && id > 0);
  } catch (error) {
    if (error instanceof SearchEngineError) return [];
    throw error;
  }
}

/**
 * What `q` matches, every branch on an index: a record number (unique), phone digits (phoneKey
 * prefix), else the search index's hits and the name's prefix. No substring scan over 250k rows.
 */
async function searchWhere(q: string, engine?: SearchEngine): Promise<Prisma.CompanyWhereInput> {
  const compact = q.replace(/[\s\-+()]/g, "");
  if (/^[A-Za-z]{2,6}\d{4,}$/.test(compact)) return { number: compact.toUpperCase() };
  if (/^\d{5,}$/.test(compact)) return { phoneKey: { startsWith: compact } };
  const ids = await companyTextSearchIds(q, engine);
  return { OR: [{ name: { startsWith: q } }, ...(ids.length > 0 ? [{ id: { in: ids } }] : [])] };
}

/** The filters as one where (without scope). Exported for the list's tests. */
export async function companyFilterWhere(
  f: CompanyFilters,
  engine?: SearchEngine,
): Promise<Prisma.CompanyWhereInput[]> {
  const q = f.q?.trim();
  const parts: Prisma.CompanyWhereInput[] = [];
  if (q) parts.push(await searchWhere(q.slice(0, 100), engine));
  // Older rows hold the seed's free texts (最终用户, IT业): a code filter matches those too.
  if (f.type) parts.push({ type: { in: storedValuesOf<string>(f.type, LEGACY_TYPE_CODES) } });
  if (f.industry) parts.push({ industry: { in: storedValuesOf<string>(f.industry, LEGACY_INDUSTRY_CODES) } });
  if (f.status) parts.push({ status: f.status });
  // A city filter implies its province; older rows store short names (广东 / 深圳), so both forms match.
  if (f.city && (!f.province || f.city.startsWith(f.province))) {
    const forms = cityNameForms(f.city);
    parts.push(forms.length ? { city: { in: forms } } : { id: -1 });
  }
  if (f.province) {
    const forms = provinceNameForms(f.province);
    parts.push(forms.length ? { province: { in: forms } } : { id: -1 });
  }
  if (f.ownerId) parts.push({ ownerId: f.ownerId });
  if (f.teamId) parts.push({ teamId: f.teamId });
  return parts;
}

export async function listCompanies(
  db: DbOrTx,
  actor: StaffActor,
  options: {
    filters?: CompanyFilters;
    sort?: { key: CompanySortKey; dir: "asc" | "desc" };
    page?: number;
    take?: number;
    /** The search engine for `q` (tests); the app's engine otherwise. */
    engine?: SearchEngine;
  } = {},
) {
  const take = options.take ?? COMPANY_PAGE_SIZE;
  const scope = await recordScopeWhere(db, actor, "company", "browse");
  if (!scope) return { items: [] as CompanyRow[], total: { count: 0, capped: false }, page: 1, pageCount: 1 };
  const where: Prisma.CompanyWhereInput = {
    AND: [scope, ...(await companyFilterWhere(options.filters ?? {}, options.engine))],
  };
  const total = await countCappedBy((cap) => db.company.count({ where, take: cap }));
  const { page, pageCount, ...window } = pageWindow(total.count, options.page ?? 1, take);
  const items: CompanyRow[] = await db.company.findMany({
    where,
    orderBy: orderBy(options.sort),
    ...window,
    select: companyRowSelect,
  });
  return { items, total, page, pageCount };
}

/** Owners and teams the viewer may filter by: everyone for "all", the team reach for "team". */
export async function companyFilterOptions(db: DbOrTx, actor: StaffActor) {
  const scope = scopeFor(actor, "companies", "browse");
  const teams = teamReach(actor);
  if (scope !== "all" && !(scope === "team" && teams.length > 0)) return { owners: [], teams: [] };
  // The cached directories (decision 048): no query on most requests.
  const [staff, teamRows] = await Promise.all([staffOptionRows(db), teamOptionRows(db)]);
  const inReach = (teamId: number | null) => scope === "all" || (teamId !== null && teams.includes(teamId));
  return {
    owners: staff.filter((s) => inReach(s.teamId)).map(({ id, name }) => ({ id, name })),
    teams: teamRows.filter((t) => inReach(t.id)).map(({ id, name }) => ({ id, name })),
  };
}
