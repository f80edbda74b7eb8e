// The back office's global search: one query over contacts, companies, leads and opportunities,
// scoped by the viewer's permissions. A module the viewer may not browse is not searched at all;
// within a module the engine ranks and the pages' own scope (app/modules/crm/access/search-scope.server.ts) decides which
// hits the viewer may open, so search finds exactly what the pages open (decision 039) and totals
// count only visible records.

import type { DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { scopeFor, type Module, type PermissionSubject } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { LeadSearchDocument, OpportunitySearchDocument } from "./documents.server.ts";
import { getSearchEngine } from "./engine-selection.server.ts";
import type { SearchEngine, SearchHit } from "./engine.ts";
import { escapeHtml } from "./highlight.ts";
import {
  GLOBAL_SEARCH_KINDS,
  MAX_QUERY_LENGTH,
  type GlobalSearchGroup,
  type GlobalSearchItem,
  type GlobalSearchKind,
  type GlobalSearchResult,
} from "./global-search-shared.ts";
import { ensureSearchReady } from "./reindex.server.ts";
import { pageScopeCheck } from "#app/modules/crm/access/search-scope.server.ts";

const MODULE_OF: Record<GlobalSearchKind, Module> = {
  contacts: "contacts",
  companies: "companies",
  leads: "leads",
  opportunities: "opportunities",
};

/**
 * ownerId values the actor may see in a module: null = no restriction, [] = none. Team scope
 * without a team still covers one's own records (as the lead inbox does).
 */
export async function ownerIdsInScope(
  db: DbOrTx,
  actor: StaffActor,
  module: Module,
): Promise<number[] | null | undefined> {
  const scope = scopeFor(actor, module, "browse");
  if (scope === null) return undefined;
  if (scope === "all") return null;
  if (scope === "team" && actor.teamId !== null) {
    const team = await db.staff.findMany({ where: { teamId: actor.teamId }, select: { id: true } });
    return team.map((s) => s.id);
  }
  return [actor.staffId];
}

/** Kinds the viewer may browse, in display order. */
export function searchableKinds(subject: PermissionSubject): GlobalSearchKind[] {
  return GLOBAL_SEARCH_KINDS.filter((kind) => scopeFor(subject, MODULE_OF[kind], "browse") !== null);
}

// The 100 commonest surnames cover most people; enough to tell "王芳" from "北京".
const SURNAMES = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
]);

/** Does the query look like (part of) a person: an e-mail, a phone number, or a Chinese name? */
export function looksLikePerson(q: string): boolean {
  const text = q.trim();
  if (!text) return false;
  if (/[^\s@]+@[^\s@]+\.[^\s@]+/.test(text)) return true;
  if ((text.match(/\d/g) ?? []).length >= 7) return true;
  const words = text.split(/\s+/);
  const isName = (w: string) => /^\p{Script=Han}{2,4}$/u.test(w) && SURNAMES.has(w[0] ?? "");
  if (words.length >= 2 && words.some(isName)) return true;
  return words.length === 1 && /^\p{Script=Han}{2,3}$/u.test(text) && isName(text);
}

/**
 * Where a result row leads: every kind opens its record page.
 */
export function hrefFor(kind: GlobalSearchKind, doc: Record<string, unknown>): string {
  switch (kind) {
    case "leads":
      return `/crm/leads/${String(doc.id)}`;
    case "opportunities":
      return `/crm/opportunities/${String(doc.id)}`;
    case "contacts":
      return `/crm/contacts/${String(doc.id)}`;
    case "companies":
      return `/crm/companies/${String(doc.id)}`;
  }
}

/** Highlighted field, or the escaped value when the engine sent no highlight for it. */
function hl(hit: SearchHit, field: string): string {
  const marked = hit.highlights[field];
  if (marked !== undefined) return marked;
  const value = hit.doc[field];
  return typeof value === "string" || typeof value === "number" ? escapeHtml(String(value)) : "";
}

const SEP = " · ";
const join = (parts: string[]) => parts.filter((p) => p.length > 0).join(SEP);
/** Subtitle parts that matched first: the reason a row is in the list should be visible. */
const matchedFirst = (parts: string[]) => [
  ...parts.filter((p) => p.includes("<mark>")),
  ...parts.filter((p) => !p.includes("<mark>")),
];

function toItem(kind: GlobalSearchKind, hit: SearchHit): GlobalSearchItem {
  const base = { kind, id: hit.id, href: hrefFor(kind, hit.doc) };
  switch (kind) {
    case "contacts":
      return {
        ...base,
        title: hl(hit, "fullName"),
        subtitle: join(
          matchedFirst([
            hl(hit, "companyName"),
            hl(hit, "title"),
            hl(hit, "city"),
            hl(hit, "mobile"),
            hl(hit, "email"),
          ]).slice(0, 3),
        ),
        badge: null,
      };
    case "companies":
      return {
        ...base,
        title: hl(hit, "name"),
        subtitle: join(
          matchedFirst([hl(hit, "city"), hl(hit, "industry"), hl(hit, "phone"), hl(hit, "number")]).slice(0, 3),
        ),
        badge: null,
      };
    case "leads": {
      const doc = hit.doc as LeadSearchDocument;
      const title = hl(hit, "contactName") || hl(hit, "companyName") || hl(hit, "number");
      return {
        ...base,
        title,
        subtitle: join(
          matchedFirst([
            doc.contactName ? hl(hit, "companyName") : "",
            hl(hit, "number"),
            hl(hit, "contactMobile"),
            hl(hit, "contactEmail"),
            hl(hit, "companyCity"),
          ]).slice(0, 3),
        ),
        badge: `leads.status.${doc.status}` as MessageKey,
      };
    }
    case "opportunities": {
      const doc = hit.doc as OpportunitySearchDocument;
      return {
        ...base,
        title: hl(hit, "name"),
        subtitle: join(matchedFirst([hl(hit, "companyName"), hl(hit, "contactName"), hl(hit, "number")]).slice(0, 3)),
        badge: `sales.stage.${doc.stage}` as MessageKey,
      };
    }
  }
}

/**
 * Ranked candidates checked against the page scope per kind: more than anyone pages through, and
 * Meilisearch's default maxTotalHits. Totals are exact within it.
 */
export const SCOPE_WINDOW = 1000;

/**
 * One kind: the engine ranks (no owner filter), the page scope keeps what the actor may open
 * (app/modules/crm/access/search-scope.server.ts), then the page's rows are fetched again with highlights.
 */
async function searchKind(
  db: DbOrTx,
  actor: StaffActor,
  engine: SearchEngine,
  kind: GlobalSearchKind,
  q: string,
  page: { limit: number; offset: number },
): Promise<GlobalSearchGroup> {
  const check = await pageScopeCheck(db, actor, kind);
  if (!check) return { kind, total: 0, items: [] };
  const ranked = await engine.query(kind, { q, limit: SCOPE_WINDOW });
  const allowed = ranked.hits.length > 0 ? await check(ranked.hits.map((h) => Number(h.id))) : new Set<number>();
  const visible = ranked.hits.filter((h) => allowed.has(Number(h.id)));
  const rows = visible.slice(page.offset, page.offset + page.limit);
  if (rows.length === 0) return { kind, total: visible.length, items: [] };
  const marked = await engine.query(kind, {
    q,
    filters: { id: rows.map((h) => Number(h.id)) },
    limit: rows.length,
    highlight: true,
  });
  const byId = new Map(marked.hits.map((h) => [h.id, h]));
  return { kind, total: visible.length, items: rows.map((h) => toItem(kind, byId.get(h.id) ?? h)) };
}

export interface GlobalSearchOptions {
  /** Rows per group. Default 5 (the dropdown). */
  limit?: number;
  offset?: number;
  /** Search one kind only (the results page's "more" view). */
  only?: GlobalSearchKind;
  engine?: SearchEngine;
}

export async function globalSearch(
  db: DbOrTx,
  actor: StaffActor,
  rawQuery: string,
  options: GlobalSearchOptions = {},
): Promise<GlobalSearchResult> {
  const q = rawQuery.slice(0, MAX_QUERY_LENGTH);
  const kinds = searchableKinds(actor).filter((k) => !options.only || k === options.only);
  const result: GlobalSearchResult = { q, groups: [], personLike: looksLikePerson(q) };
  if (q.trim().length === 0 || kinds.length === 0) {
    result.groups = kinds.map((kind) => ({ kind, total: 0, items: [] }));
    return result;
  }
  const engine = await ensureSearchReady(options.engine ?? getSearchEngine());
  const page = { limit: options.limit ?? 5, offset: options.offset ?? 0 };
  result.groups = await Promise.all(kinds.map((kind) => searchKind(db, actor, engine, kind, q, page)));
  // A query that spelled a contact's whole name (e.g. its pinyin) is about a person too.
  const topContact = result.groups.find((g) => g.kind === "contacts")?.items[0];
  if (topContact && /^<mark>[^<]*<\/mark>$/.test(topContact.title)) result.personLike = true;
  return result;
}
