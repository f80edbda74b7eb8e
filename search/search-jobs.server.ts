// Keeps the search indexes in step with the database through the search change feed (decision
// 047). A service that changes a searchable record calls enqueueSearchSync(tx, index, ids) inside its
// own transaction, so the change rows exist exactly when the change committed; every process then
// applies them to its own embedded index (feed-follower.server.ts), or one worker to Meilisearch.
// Indexes: contacts, companies, leads, opportunities, knowledge, forum. For example the knowledge
// base, on create / edit / publish / delete:
//
//   await enqueueSearchSync(tx, "knowledge", [article.id]);            // in the same db.$transaction
//   const r = await searchKnowledge({ q, visibility: ["public", "members"], status: "published" });
//
// (`knowledgeDocument(article)` in documents.server.ts defines what the index holds.)
//
// Applying never trusts the row's intent blindly: it reloads the rows, indexes those that exist
// and removes those that do not. Rows can be applied late or twice (replays after a restart), and
// the result is still the database's current state.

import { z } from "zod";
import { db, type DbOrTx } from "#app/lib/db.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { recordSearchChanges } from "./change-feed.server.ts";
import {
  contactIdsOfCompanies,
  documentSources,
  opportunityIdsLinkedTo,
  type KnowledgeSearchDocument,
} from "./documents.server.ts";
import { getSearchEngine } from "./engine-selection.server.ts";
import type { SearchEngine, SearchFilters, SearchResult } from "./engine.ts";
import { ensureSearchReady } from "./reindex.server.ts";
import { SEARCH_INDEX_NAMES, ensureSearchIndexes, type SearchIndexName } from "./indexes.ts";

/** Job types of the former search queue: jobs still queued at an upgrade become feed rows. */
export const SEARCH_UPSERT_JOB = "search.upsert";
export const SEARCH_DELETE_JOB = "search.delete";
/** Ids per load: keeps `IN (…)` lists small. */
export const SEARCH_JOB_BATCH = 500;

export type SearchSyncOp = "upsert" | "delete";

const payloadSchema = z.object({
  index: z.enum(SEARCH_INDEX_NAMES),
  ids: z.array(z.number().int().positive()).min(1).max(SEARCH_JOB_BATCH),
});
export type SearchSyncPayload = z.infer<typeof payloadSchema>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Records that these rows changed, in the caller's transaction (search change feed). `op` records
 * intent ("delete" after removing rows); both reconcile with the database when applied.
 */
export async function enqueueSearchSync(
  tx: DbOrTx,
  index: SearchIndexName,
  ids: readonly number[],
  op: SearchSyncOp = "upsert",
): Promise<void> {
  const valid = z.array(z.number().int().positive()).parse(ids);
  if (valid.length > 0) await recordSearchChanges(tx, z.enum(SEARCH_INDEX_NAMES).parse(index), valid, op);
}

export interface SyncResult {
  upserted: number;
  deleted: number;
}

/** Makes the engine match the database for these ids: present rows indexed, missing ones removed. */
export async function syncSearchDocuments(
  index: SearchIndexName,
  ids: readonly number[],
  deps: { engine?: SearchEngine; db?: DbOrTx } = {},
): Promise<SyncResult> {
  const engine = deps.engine ?? getSearchEngine();
  const client = deps.db ?? db;
  await ensureSearchIndexes(engine);
  const result = await replaceDocuments(index, ids, engine, client);
  if (index === "companies") {
    await refreshContactsOfCompanies(ids, engine, client);
    await refreshLinked("companyId", ids, engine, client);
  }
  if (index === "contacts") await refreshLinked("contactId", ids, engine, client);
  return result;
}

/** Indexes the documents of the rows that exist and removes those of the rows that are gone. */
async function replaceDocuments(
  index: SearchIndexName,
  ids: readonly number[],
  engine: SearchEngine,
  client: DbOrTx,
): Promise<SyncResult> {
  const result: SyncResult = { upserted: 0, deleted: 0 };
  for (const part of chunks([...new Set(ids)], SEARCH_JOB_BATCH)) {
    const docs = await documentSources[index].load(client, part);
    const present = new Set(docs.map((d) => d.id));
    const missing = part.filter((id) => !present.has(id));
    if (docs.length > 0) await engine.upsert(index, docs);
    if (missing.length > 0) await engine.delete(index, missing);
    result.upserted += docs.length;
    result.deleted += missing.length;
  }
  return result;
}

/**
 * Ids of the documents whose `field` is one of `values` in the index's own view (it still links
 * records the database has already unlinked). Bounded so one huge company cannot stall the worker.
 */
async function idsLinkedInIndex(
  engine: SearchEngine,
  index: SearchIndexName,
  field: string,
  values: readonly number[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks([...new Set(values)], SEARCH_JOB_BATCH)) {
    for (let offset = 0; offset < 10_000; offset += 1000) {
      const page = await engine.query(index, { filters: { [field]: part }, limit: 1000, offset });
      for (const hit of page.hits) ids.push(Number(hit.id));
      if (page.hits.length < 1000) break;
    }
  }
  return ids;
}

/**
 * Opportunities show their company's and contact's names: re-sync those linked in the database
 * and those the index still links (after a delete the database link is already NULL).
 */
async function refreshLinked(
  link: "companyId" | "contactId",
  linkedIds: readonly number[],
  engine: SearchEngine,
  client: DbOrTx,
): Promise<void> {
  const unique = [...new Set(linkedIds)];
  if (unique.length === 0) return;
  const linkedInDb = await opportunityIdsLinkedTo(
    client,
    link === "companyId" ? { companyIds: unique } : { contactIds: unique },
  );
  const linkedInIndex = await idsLinkedInIndex(engine, "opportunities", link, unique);
  await replaceDocuments("opportunities", [...linkedInDb, ...linkedInIndex], engine, client);
}

export interface KnowledgeSearchOptions {
  q?: string;
  /** One value or a list (IN), e.g. ["public", "members"] for a signed-in member. */
  visibility?: string | readonly string[];
  status?: string | readonly string[];
  category?: string | readonly string[];
  limit?: number;
  offset?: number;
  highlight?: boolean;
}

/**
 * Full-text search over knowledge articles (summary, keywords, number, category, description,
 * solution) with the filters the portal and the back office need. Hits carry the index document
 * (`KnowledgeSearchDocument`) and, when asked, `<mark>` highlights; load the article by `hit.id`
 * for anything more. Fills the embedded index from the database on first use in a process.
 */
export async function searchKnowledge(
  options: KnowledgeSearchOptions,
  deps: { engine?: SearchEngine } = {},
): Promise<SearchResult<KnowledgeSearchDocument>> {
  const engine = await ensureSearchReady(deps.engine ?? getSearchEngine());
  const filters: SearchFilters = {};
  if (options.visibility !== undefined) filters.visibility = options.visibility;
  if (options.status !== undefined) filters.status = options.status;
  if (options.category !== undefined) filters.category = options.category;
  return engine.query<KnowledgeSearchDocument>("knowledge", {
    q: options.q,
    filters,
    limit: options.limit,
    offset: options.offset,
    highlight: options.highlight,
  });
}

/**
 * Contacts carry their company's name, so a company change re-syncs them: those linked in the
 * database now, and those the index still links (after a company is deleted the database has
 * already set their companyId to NULL, so only the index remembers them).
 */
async function refreshContactsOfCompanies(
  companyIds: readonly number[],
  engine: SearchEngine,
  client: DbOrTx,
): Promise<void> {
  const linkedInDb = await contactIdsOfCompanies(client, companyIds);
  const linkedInIndex = await idsLinkedInIndex(engine, "contacts", "companyId", companyIds);
  await replaceDocuments("contacts", [...linkedInDb, ...linkedInIndex], engine, client);
}

/** A job of the former queue (still queued at an upgrade): its ids go onto the feed. */
async function handle(payload: unknown, op: SearchSyncOp): Promise<void> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    // Retrying cannot fix a malformed payload, but failing loudly leaves it visible in the Job table.
    throw new Error(`Invalid search sync payload ${JSON.stringify(payload)}: ${parsed.error.message}`);
  }
  await recordSearchChanges(db, parsed.data.index, parsed.data.ids, op);
}

registerJobHandler(SEARCH_UPSERT_JOB, (payload) => handle(payload, "upsert"));
registerJobHandler(SEARCH_DELETE_JOB, (payload) => handle(payload, "delete"));
