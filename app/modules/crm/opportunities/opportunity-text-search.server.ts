import { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor, teamScopeIds } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { getSearchEngine } from "#search/engine-selection.server.ts";
import { MAX_LIMIT, SearchEngineError, type SearchEngine, type SearchFilters } from "#search/engine.ts";
import { ensureSearchReady } from "#search/reindex.server.ts";
import type { OpportunityFilters } from "./opportunity-list-query.ts";

// The list's and board's text search `q` without reading every row (decision 057): the
// opportunities search index (name, number, company and contact names, pinyin, typos) gives the
// matching ids (narrowed to the owners the actor may see when the text matches more than one page
// of the index); the database adds what the index
// may not know yet (an exact record number, rows changed in the last minutes) through indexes.
// Callers then filter `id IN (…)` together with the scope and the other filters in one query, so
// the scope is applied by the database as for every other view.

/** Most ids one text search brings into a view (the engine's largest page). */
export const TEXT_SEARCH_ID_LIMIT = MAX_LIMIT;

/**
 * The search index follows the change feed within a fraction of a second; rows changed this
 * recently are also matched by substring in the database (an updatedAt range, a handful of rows).
 */
export const FRESH_ROWS_WINDOW_MS = 5 * 60_000;

const MAX_QUERY_CHARS = 100;

export interface TextMatch {
  /** Opportunity ids the text matches (the scope and the other filters still apply). */
  ids: number[];
  /** More opportunities matched than TEXT_SEARCH_ID_LIMIT: the view shows the best-ranked ones. */
  truncated: boolean;
}

/** `%text%` with LIKE's own wildcards escaped: "_" and "%" match themselves. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Owner ids the index may return for this actor and owner filter: null = any owner. The same
 * reach as opportunityScopeWhere (own = one's own; team = the teams' staff and oneself).
 */
async function ownerFilter(db: DbOrTx, actor: StaffActor, owner: number | null | undefined): Promise<number[] | null> {
  const scope = scopeFor(actor, "opportunities", "browse");
  if (scope === null) return [];
  let owners: number[] | null = null;
  const teams = teamScopeIds(actor);
  if (scope === "own" || (scope === "team" && teams.length === 0)) owners = [actor.staffId];
  else if (scope === "team") {
    const staff = await db.staff.findMany({ where: { teamId: { in: teams } }, select: { id: true } });
    owners = [actor.staffId, ...staff.map((s) => s.id)];
  }
  if (!owner) return owners;
  return owners === null || owners.includes(owner) ? [owner] : [];
}

async function indexIds(
  q: string,
  filters: SearchFilters,
  engine: SearchEngine | undefined,
): Promise<{ ids: number[]; total: number }> {
  try {
    const ready = await ensureSearchReady(engine ?? getSearchEngine());
    const result = await ready.query("opportunities", { q, filters, limit: TEXT_SEARCH_ID_LIMIT });
    const ids = result.hits.map((hit) => Number(hit.id)).filter((id) => Number.isInteger(id) && id > 0);
    return { ids, total: result.total };
  } catch (error) {
    // An engine that is down gives no ids (the database branches still answer), not an error page.
    if (error instanceof SearchEngineError) return { ids: [], total: 0 };
    throw error;
  }
}

/** The database's share: the exact number (unique index) and recently changed rows (updatedAt index). */
async function databaseIds(db: DbOrTx, q: string, now: Date): Promise<number[]> {
  const since = new Date(now.getTime() - FRESH_ROWS_WINDOW_MS);
  const pattern = containsPattern(q);
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    SELECT id FROM \`Opportunity\` WHERE number = ${q.toUpperCase()}
    UNION
    SELECT id FROM (
      SELECT o.id FROM \`Opportunity\` o LEFT JOIN \`Company\` c ON c.id = o.companyId
      WHERE o.deletedAt IS NULL AND o.updatedAt >= ${since}
        AND (o.name LIKE ${pattern} OR c.name LIKE ${pattern})
      LIMIT ${TEXT_SEARCH_ID_LIMIT}
    ) AS fresh`;
  return rows.map((r) => Number(r.id));
}

/**
 * What `filters.q` matches for this actor, or null when there is no text. Empty `ids`: nothing
 * matches (the view is empty).
 */
export async function opportunityTextMatch(
  db: DbOrTx,
  actor: StaffActor,
  filters: OpportunityFilters,
  options: { engine?: SearchEngine; now?: Date } = {},
): Promise<TextMatch | null> {
  const q = filters.q?.trim().slice(0, MAX_QUERY_CHARS);
  if (!q) return null;
  // A record number (OPPT000000001234) is one exact, indexed lookup; the index would also return
  // loose matches of its letters.
  if (/^[A-Za-z]{2,6}\d{4,}$/.test(q))
    return { ids: await databaseIds(db, q, options.now ?? new Date()), truncated: false };
  const owners = await ownerFilter(db, actor, filters.owner);
  if (owners?.length === 0) return { ids: [], truncated: false };
  const [first, direct] = await Promise.all([
    indexIds(q, {}, options.engine),
    databaseIds(db, q, options.now ?? new Date()),
  ]);
  // Below the engine's page every match came back and the SQL applies scope and filters to them.
  // Only a broader text is asked again with the actor's owners (and company) as index filters, so
  // the 1,000 handed over are ones the view can show: an index filter costs ~25–50 ms of CPU per
  // query at 200k opportunities, the unfiltered query of a specific text ~2 ms.
  const engineFilters: SearchFilters = {};
  if (owners) engineFilters.ownerId = owners;
  if (filters.company) engineFilters.companyId = filters.company;
  const narrow = first.total > first.ids.length && Object.keys(engineFilters).length > 0;
  const found = narrow ? await indexIds(q, engineFilters, options.engine) : first;
  const ids = [...new Set([...found.ids, ...direct])];
  return { ids, truncated: found.total > found.ids.length };
}

/** The match as a condition on `Opportunity o` (raw SQL spelling of textWhere). */
export function textSql(text: TextMatch): Prisma.Sql {
  return text.ids.length > 0 ? Prisma.sql`o.id IN (${Prisma.join(text.ids)})` : Prisma.sql`1 = 0`;
}

/** The match as a Prisma where. */
export function textWhere(text: TextMatch): Prisma.OpportunityWhereInput {
  return { id: { in: text.ids } };
}
