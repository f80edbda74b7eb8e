import type { KnowledgeStatus, KnowledgeVisibility, Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { richTextToPlain } from "#app/lib/rich-text.server.ts";
import { ensureSearchReady } from "#search/reindex.server.ts";
import type { SearchFilters } from "#search/engine.ts";
import type { KnowledgeSortKey } from "./knowledge-list-query.ts";
import { visibleStatuses, visibleTiers, type KnowledgeReader } from "./knowledge-visibility.ts";

// Finding solutions. A text query goes through the `knowledge` search index with the reader's
// visibility and status as engine filters, so a result page never holds (or counts) what the reader
// may not see; the rows are then loaded from the database under the same conditions. Without a
// query (browsing a category, the newest first) the database answers directly.

export const KNOWLEDGE_PAGE_SIZE = 10;
const SNIPPET_LENGTH = 160;

export interface KnowledgeSearchInput {
  q?: string;
  category?: string | null;
  /** Staff filters (ignored unless the reader may see those values anyway). */
  visibility?: KnowledgeVisibility | null;
  status?: KnowledgeStatus | null;
  /** Order when browsing (no text query); a text query is answered in relevance order. */
  sort?: { key: KnowledgeSortKey; dir: "asc" | "desc" };
  page?: number;
  pageSize?: number;
}

export interface KnowledgeListItem {
  id: number;
  number: string;
  summary: string;
  category: string | null;
  keywords: string | null;
  visibility: KnowledgeVisibility;
  status: KnowledgeStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  /** Plain-text start of the solution. */
  snippet: string;
  /** HTML-safe summary with `<mark>` around matches (search results only). */
  summaryHighlight: string | null;
}

export interface KnowledgeSearchResult {
  items: KnowledgeListItem[];
  total: number;
  page: number;
  pageCount: number;
  /** Where the hits came from: the search index, or the database (browsing, or engine unavailable). */
  source: "index" | "database";
}

/** An article as a list row shows it (with the solution its snippet comes from); the reader reads more. */
export const articleListSelect = {
  id: true,
  number: true,
  summary: true,
  category: true,
  keywords: true,
  visibility: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  solutionHtml: true,
} satisfies Prisma.KnowledgeArticleSelect;

type ListRow = Prisma.KnowledgeArticleGetPayload<{ select: typeof articleListSelect }>;

function toItem(row: ListRow, summaryHighlight: string | null = null): KnowledgeListItem {
  const { solutionHtml, ...rest } = row;
  const plain = richTextToPlain(solutionHtml).replace(/\s+/g, " ");
  return {
    ...rest,
    snippet: plain.length > SNIPPET_LENGTH ? `${plain.slice(0, SNIPPET_LENGTH)}…` : plain,
    summaryHighlight,
  };
}

/** The reader's conditions, narrowed by optional filters (a filter can only narrow, never widen). */
function readerScope(reader: KnowledgeReader, input: KnowledgeSearchInput) {
  let tiers = visibleTiers(reader);
  let statuses = visibleStatuses(reader);
  if (input.visibility) tiers = tiers.filter((t) => t === input.visibility);
  if (input.status) statuses = statuses.filter((s) => s === input.status);
  return { tiers, statuses, category: input.category?.trim() || null };
}

function pageOf(input: KnowledgeSearchInput) {
  const pageSize = Math.min(Math.max(input.pageSize ?? KNOWLEDGE_PAGE_SIZE, 1), 100);
  const page = Math.min(Math.max(Math.trunc(input.page ?? 1) || 1, 1), 1000);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

function browseOrder(sort: KnowledgeSearchInput["sort"]): Prisma.KnowledgeArticleOrderByWithRelationInput[] {
  const dir = sort?.dir ?? "desc";
  switch (sort?.key) {
    case "updated":
      return [{ updatedAt: dir }, { id: dir }];
    case "summary":
      return [{ summary: dir }, { id: dir }];
    default:
      // Drafts (never published) first when newest first: they are the ones being worked on.
      return [{ publishedAt: { sort: dir, nulls: dir === "desc" ? "first" : "last" } }, { id: dir }];
  }
}

/** Whether any article exists at all: tells "none yet" from "none match" on the staff list. */
export async function anyKnowledgeArticles(db: DbOrTx): Promise<boolean> {
  return (await db.knowledgeArticle.count({ take: 1 })) > 0;
}

export async function searchKnowledge(
  db: DbOrTx,
  reader: KnowledgeReader,
  input: KnowledgeSearchInput = {},
): Promise<KnowledgeSearchResult> {
  const q = (input.q ?? "").trim().slice(0, 100);
  const scope = readerScope(reader, input);
  const { page, pageSize, offset } = pageOf(input);
  if (scope.tiers.length === 0 || scope.statuses.length === 0) {
    return { items: [], total: 0, page, pageCount: 0, source: "database" };
  }
  const where: Prisma.KnowledgeArticleWhereInput = {
    visibility: { in: scope.tiers },
    status: { in: scope.statuses },
    ...(scope.category ? { category: scope.category } : {}),
  };

  if (q) {
    const filters: SearchFilters = { visibility: scope.tiers, status: scope.statuses };
    if (scope.category) filters.category = scope.category;
    const engine = await ensureSearchReady();
    const result = await engine.query("knowledge", { q, filters, limit: pageSize, offset, highlight: true });
    const ids = result.hits.map((h) => Number(h.id));
    // Same conditions again in SQL: an index lagging behind a just-unpublished article shows nothing.
    const rows =
      ids.length > 0
        ? await db.knowledgeArticle.findMany({ where: { ...where, id: { in: ids } }, select: articleListSelect })
        : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items: KnowledgeListItem[] = [];
    for (const hit of result.hits) {
      const row = byId.get(Number(hit.id));
      if (row) items.push(toItem(row, hit.highlights.summary ?? null));
    }
    return { items, total: result.total, page, pageCount: Math.ceil(result.total / pageSize), source: "index" };
  }

  const [total, rows] = await Promise.all([
    db.knowledgeArticle.count({ where }),
    db.knowledgeArticle.findMany({
      where,
      orderBy: browseOrder(input.sort),
      skip: offset,
      take: pageSize,
      select: articleListSelect,
    }),
  ]);
  return { items: rows.map((r) => toItem(r)), total, page, pageCount: Math.ceil(total / pageSize), source: "database" };
}

/** Categories among the articles this reader may see, with counts (for category browsing). */
export async function knowledgeCategories(
  db: DbOrTx,
  reader: KnowledgeReader,
): Promise<Array<{ category: string; count: number }>> {
  const rows = await db.knowledgeArticle.groupBy({
    by: ["category"],
    where: {
      visibility: { in: visibleTiers(reader) },
      status: { in: visibleStatuses(reader) },
      category: { not: null },
    },
    _count: { _all: true },
    orderBy: { category: "asc" },
  });
  return rows.flatMap((r) => (r.category ? [{ category: r.category, count: r._count._all }] : []));
}
