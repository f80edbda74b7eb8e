// Database rows → search documents. One place decides what a record looks like in search, so the
// job handlers (a few ids) and the reindex (everything, in id order) produce identical documents.
//
// Knowledge base: `knowledgeDocument(article)` builds the `knowledge` index document (HTML turned
// into plain text); the knowledge module keeps the index in step by calling
// `enqueueSearchSync(tx, "knowledge", [article.id])` (search/search-jobs.server.ts) in the
// transaction that creates, edits, publishes or deletes an article, and reads it with
// `searchKnowledge(...)` from search/search-jobs.server.ts or `engine.query("knowledge", …)` with
// filters on visibility / status / category.

import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { SearchIndexName } from "./indexes.ts";
import { selectName } from "#app/lib/prisma-selects.ts";
import { courseLessonTable, forumPostTable, forumThreadTable } from "./forum-documents.server.ts";

export interface ContactSearchDocument {
  [field: string]: unknown;
  id: number;
  number: string;
  fullName: string;
  email: string | null;
  mobile: string | null;
  phone: string | null;
  title: string | null;
  city: string | null;
  province: string | null;
  companyId: number | null;
  /** Denormalised: a company rename must re-sync its contacts (search-jobs does). */
  companyName: string | null;
  ownerId: number | null;
}

export interface CompanySearchDocument {
  [field: string]: unknown;
  id: number;
  number: string;
  name: string;
  phone: string | null;
  industry: string | null;
  city: string | null;
  province: string | null;
  ownerId: number | null;
}

const contactSelect = {
  id: true,
  number: true,
  fullName: true,
  email: true,
  mobile: true,
  phone: true,
  title: true,
  city: true,
  province: true,
  companyId: true,
  ownerId: true,
  company: selectName,
} satisfies Prisma.ContactSelect;

const companySelect = {
  id: true,
  number: true,
  name: true,
  phone: true,
  industry: true,
  city: true,
  province: true,
  ownerId: true,
} satisfies Prisma.CompanySelect;

export interface LeadSearchDocument {
  [field: string]: unknown;
  id: number;
  number: string;
  contactName: string | null;
  contactEmail: string | null;
  contactMobile: string | null;
  contactPhone: string | null;
  companyName: string | null;
  companyCity: string | null;
  requirement: string | null;
  status: string;
  categoryId: number | null;
  ownerId: number;
}

const leadSelect = {
  id: true,
  number: true,
  contactName: true,
  contactEmail: true,
  contactMobile: true,
  contactPhone: true,
  companyName: true,
  companyCity: true,
  requirement: true,
  status: true,
  categoryId: true,
  ownerId: true,
} satisfies Prisma.LeadSelect;

type LeadRow = Prisma.LeadGetPayload<{ select: typeof leadSelect }>;

export function leadDocument(row: LeadRow): LeadSearchDocument {
  // Requirements can be long; the first 500 characters carry what people search for.
  return { ...row, requirement: row.requirement?.slice(0, 500) ?? null };
}

type ContactRow = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;
type CompanyRow = Prisma.CompanyGetPayload<{ select: typeof companySelect }>;

export function contactDocument(row: ContactRow): ContactSearchDocument {
  return {
    id: row.id,
    number: row.number,
    fullName: row.fullName,
    email: row.email,
    mobile: row.mobile,
    phone: row.phone,
    title: row.title,
    city: row.city,
    province: row.province,
    companyId: row.companyId,
    companyName: row.company?.name ?? null,
    ownerId: row.ownerId,
  };
}

export function companyDocument(row: CompanyRow): CompanySearchDocument {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    phone: row.phone,
    industry: row.industry,
    city: row.city,
    province: row.province,
    ownerId: row.ownerId,
  };
}

export interface OpportunitySearchDocument {
  [field: string]: unknown;
  id: number;
  number: string;
  name: string;
  companyId: number | null;
  companyName: string | null;
  contactId: number | null;
  contactName: string | null;
  stage: string;
  ownerId: number;
}

const opportunitySelect = {
  id: true,
  number: true,
  name: true,
  companyId: true,
  contactId: true,
  stage: true,
  ownerId: true,
  company: selectName,
  contact: { select: { fullName: true } },
} satisfies Prisma.OpportunitySelect;

type OpportunityRow = Prisma.OpportunityGetPayload<{ select: typeof opportunitySelect }>;

export function opportunityDocument(row: OpportunityRow): OpportunitySearchDocument {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    companyId: row.companyId,
    companyName: row.company?.name ?? null,
    contactId: row.contactId,
    contactName: row.contact?.fullName ?? null,
    stage: row.stage,
    ownerId: row.ownerId,
  };
}

export interface KnowledgeSearchDocument {
  [field: string]: unknown;
  id: number;
  number: string;
  summary: string;
  /** Plain text of the sanitised description HTML (first KNOWLEDGE_TEXT_LIMIT characters). */
  description: string;
  solution: string;
  keywords: string | null;
  category: string | null;
  visibility: string;
  status: string;
}

/** Long articles: the first few thousand characters carry what people search for. */
export const KNOWLEDGE_TEXT_LIMIT = 4000;

export const knowledgeSelect = {
  id: true,
  number: true,
  summary: true,
  descriptionHtml: true,
  solutionHtml: true,
  keywords: true,
  category: true,
  visibility: true,
  status: true,
} satisfies Prisma.KnowledgeArticleSelect;

/** The article fields the knowledge document needs (a full KnowledgeArticle row also fits). */
export type KnowledgeArticleForSearch = Prisma.KnowledgeArticleGetPayload<{ select: typeof knowledgeSelect }>;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Plain text of (sanitised) HTML: tags dropped, block ends as spaces, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === "#") {
        const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : " ";
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** The `knowledge` index document of an article (for the knowledge module and the reindex). */
export function knowledgeDocument(article: KnowledgeArticleForSearch): KnowledgeSearchDocument {
  return {
    id: article.id,
    number: article.number,
    summary: article.summary,
    description: htmlToText(article.descriptionHtml).slice(0, KNOWLEDGE_TEXT_LIMIT),
    solution: htmlToText(article.solutionHtml).slice(0, KNOWLEDGE_TEXT_LIMIT),
    keywords: article.keywords,
    category: article.category,
    visibility: article.visibility,
    status: article.status,
  };
}

export interface DocumentSource {
  count(db: DbOrTx): Promise<number>;
  /** Documents for the rows that still exist; missing ids are simply absent. */
  load(db: DbOrTx, ids: readonly number[]): Promise<Array<{ id: number; [field: string]: unknown }>>;
  /** Every row in id order, `size` at a time (keyset pagination: no OFFSET scans). */
  batches(db: DbOrTx, size: number): AsyncGenerator<Array<{ id: number; [field: string]: unknown }>>;
}

/** The next `take` rows after an id, in id order. */
export interface KeysetWindow {
  where: { id: { gt: number } };
  orderBy: { id: "asc" };
  take: number;
}

/** Which rows one read takes: some ids, or the next batch (a `KeysetWindow`). */
interface RowWindow {
  where: { id: { in: number[] } | { gt: number } };
  orderBy?: { id: "asc" };
  take?: number;
}

/** Every row of a table in id order, `size` at a time (keyset pagination: no OFFSET scans). */
export async function* keysetBatches<Row extends { id: number }>(
  size: number,
  findRows: (window: KeysetWindow) => Promise<Row[]>,
): AsyncGenerator<Row[]> {
  let after = 0;
  for (;;) {
    const rows = await findRows({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: size });
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? after;
    if (rows.length < size) return;
  }
}

/** A source over one table: `findRows` reads a window of it with the table's select. */
function tableSource<Row extends { id: number }>(table: {
  count: (db: DbOrTx) => Promise<number>;
  findRows: (db: DbOrTx, window: RowWindow) => Promise<Row[]>;
  toDocument: (row: Row) => { id: number; [field: string]: unknown };
}): DocumentSource {
  return {
    count: table.count,
    async load(db, ids) {
      if (ids.length === 0) return [];
      const rows = await table.findRows(db, { where: { id: { in: [...ids] } } });
      return rows.map(table.toDocument);
    },
    async *batches(db, size) {
      for await (const rows of keysetBatches(size, (window) => table.findRows(db, window))) {
        yield rows.map(table.toDocument);
      }
    },
  };
}

export const documentSources: Record<SearchIndexName, DocumentSource> = {
  contacts: tableSource({
    // Binned records (recycle bin) are not searchable: the indexer drops them like deleted rows.
    count: (db) => db.contact.count({ where: { deletedAt: null } }),
    findRows: (db, window) =>
      db.contact.findMany({ ...window, where: { ...window.where, deletedAt: null }, select: contactSelect }),
    toDocument: contactDocument,
  }),
  companies: tableSource({
    count: (db) => db.company.count({ where: { deletedAt: null } }),
    findRows: (db, window) =>
      db.company.findMany({ ...window, where: { ...window.where, deletedAt: null }, select: companySelect }),
    toDocument: companyDocument,
  }),
  leads: tableSource({
    count: (db) => db.lead.count({ where: { deletedAt: null } }),
    findRows: (db, window) =>
      db.lead.findMany({ ...window, where: { ...window.where, deletedAt: null }, select: leadSelect }),
    toDocument: leadDocument,
  }),
  opportunities: tableSource({
    count: (db) => db.opportunity.count({ where: { deletedAt: null } }),
    findRows: (db, window) =>
      db.opportunity.findMany({ ...window, where: { ...window.where, deletedAt: null }, select: opportunitySelect }),
    toDocument: opportunityDocument,
  }),
  knowledge: tableSource({
    count: (db) => db.knowledgeArticle.count(),
    findRows: (db, window) => db.knowledgeArticle.findMany({ ...window, select: knowledgeSelect }),
    toDocument: knowledgeDocument,
  }),
  forumThreads: tableSource(forumThreadTable),
  forumPosts: tableSource(forumPostTable),
  courseLessons: tableSource(courseLessonTable),
};

/** Ids of opportunities linked to any of these companies or contacts (they show those names). */
export async function opportunityIdsLinkedTo(
  db: DbOrTx,
  link: { companyIds?: readonly number[]; contactIds?: readonly number[] },
): Promise<number[]> {
  const or: Prisma.OpportunityWhereInput[] = [];
  if (link.companyIds && link.companyIds.length > 0) or.push({ companyId: { in: [...link.companyIds] } });
  if (link.contactIds && link.contactIds.length > 0) or.push({ contactId: { in: [...link.contactIds] } });
  if (or.length === 0) return [];
  const rows = await db.opportunity.findMany({ where: { OR: or }, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.id);
}

/** Ids of contacts that belong to any of these companies (for re-syncing their companyName). */
export async function contactIdsOfCompanies(db: DbOrTx, companyIds: readonly number[]): Promise<number[]> {
  if (companyIds.length === 0) return [];
  const rows = await db.contact.findMany({
    where: { companyId: { in: [...companyIds] } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}
