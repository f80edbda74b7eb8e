import { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { AuditFilters, AuditListQuery } from "./audit-log-query.ts";

// 审计日志 viewer (#16 item 5): who did what to which record, with a readable before/after diff.
// Paging is keyset on the id (ids grow with time, so "newest first" is "id descending"): a page costs
// the same on the millionth row as on the first, and every filter rides an existing index
// (actor → actorType+actorId, record → entityType+entityId, dates → createdAt).

export const AUDIT_PAGE_SIZE = 50;

export { auditList, type AuditFilters, type AuditListQuery } from "./audit-log-query.ts";

/** A calendar day as the business sees it (Asia/Shanghai, UTC+8, no DST). */
function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function nextDay(day: string): Date {
  return new Date(dayStart(day).getTime() + 24 * 60 * 60 * 1000);
}

/** The filters as SQL conditions; an impossible filter (e.g. "to" before "from") simply finds nothing. */
export function auditConditions(filters: AuditFilters): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (filters.actor) and.push(Prisma.sql`a.actorType = 'staff' AND a.actorId = ${filters.actor}`);
  if (filters.entityType) and.push(Prisma.sql`a.entityType = ${filters.entityType}`);
  if (filters.entityId) and.push(Prisma.sql`a.entityId = ${filters.entityId}`);
  if (filters.action) and.push(Prisma.sql`a.action = ${filters.action}`);
  if (filters.from) and.push(Prisma.sql`a.createdAt >= ${dayStart(filters.from)}`);
  if (filters.to) and.push(Prisma.sql`a.createdAt < ${nextDay(filters.to)}`);
  return and;
}

/** The first id written at or after `at` (ids grow with time), read off the createdAt index. */
async function firstIdFrom(db: DbOrTx, at: Date): Promise<bigint | null> {
  const rows = await db.$queryRaw<Array<{ id: bigint | number }>>`
    SELECT id FROM \`AuditLog\` WHERE createdAt >= ${at} ORDER BY createdAt, id LIMIT 1`;
  return rows[0] ? BigInt(rows[0].id) : null;
}

/**
 * The conditions of `auditConditions` with the date range turned into an id range: ids grow with
 * time (both are set by the insert), so the page walks the primary key — or the person's / record's
 * index — in id order instead of sorting a whole range of days. The bounds are read off the createdAt
 * index once per page. null when nothing can match.
 */
export async function auditWhere(db: DbOrTx, filters: AuditFilters): Promise<Prisma.Sql[] | null> {
  const and = auditConditions({ ...filters, from: undefined, to: undefined });
  if (filters.from) {
    const low = await firstIdFrom(db, dayStart(filters.from));
    if (low === null) return null;
    and.push(Prisma.sql`a.id >= ${low}`);
  }
  if (filters.to) {
    const high = await firstIdFrom(db, nextDay(filters.to));
    if (high !== null) and.push(Prisma.sql`a.id < ${high}`);
  }
  return and;
}

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorType: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ipAddress: string | null;
  before: unknown;
  after: unknown;
}

interface RawAuditRow extends Omit<AuditRow, "id" | "actorId" | "before" | "after"> {
  id: bigint | number;
  actorId: number | bigint | null;
  before: string | object | null;
  after: string | object | null;
}

function json(value: string | object | null): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function toRow(raw: RawAuditRow): AuditRow {
  return {
    ...raw,
    id: String(raw.id),
    actorId: raw.actorId === null ? null : Number(raw.actorId),
    before: json(raw.before),
    after: json(raw.after),
  };
}

/** Cursor "a<id>": the page after id (further in the sort order); "b<id>": the page before id. */
function parseCursor(cursor: string | null): { dir: "after" | "before"; id: bigint } | null {
  const m = cursor ? /^([ab])(\d{1,19})$/.exec(cursor) : null;
  return m ? { dir: m[1] === "a" ? "after" : "before", id: BigInt(m[2]!) } : null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Cursor of the next and previous pages, null at either end. */
  next: string | null;
  prev: string | null;
}

/** One page of the log, newest first by default (`dir: "asc"` for oldest first). */
export async function listAuditLog(
  db: DbOrTx,
  query: Pick<AuditListQuery, keyof AuditFilters | "dir" | "cursor">,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const desc = query.dir === "desc";
  const cursor = parseCursor(query.cursor);
  const and = await auditWhere(db, query);
  if (!and) return { rows: [], next: null, prev: null };
  // Walking backwards (a "previous" link) reads in the opposite order, then flips the page.
  const backwards = cursor?.dir === "before";
  const readDesc = backwards ? !desc : desc;
  if (cursor) and.push(readDesc ? Prisma.sql`a.id < ${cursor.id}` : Prisma.sql`a.id > ${cursor.id}`);
  const where = and.length ? Prisma.sql`WHERE ${Prisma.join(and, " AND ")}` : Prisma.empty;
  const order = readDesc ? Prisma.sql`ORDER BY a.id DESC` : Prisma.sql`ORDER BY a.id ASC`;
  const raw = await db.$queryRaw<RawAuditRow[]>`
    SELECT a.id, a.createdAt, a.actorType, a.actorId, a.action, a.entityType, a.entityId, a.ipAddress,
           a.before, a.after,
           CASE WHEN a.actorType = 'staff' THEN s.name WHEN a.actorType = 'member' THEN m.nickname END AS actorName
    FROM \`AuditLog\` a
    LEFT JOIN \`Staff\` s ON a.actorType = 'staff' AND s.id = a.actorId
    LEFT JOIN \`Member\` m ON a.actorType = 'member' AND m.id = a.actorId
    ${where} ${order} LIMIT ${pageSize + 1}`;
  const more = raw.length > pageSize;
  const page = raw.slice(0, pageSize).map(toRow);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  // Going forwards there is a previous page iff we came from a cursor; backwards, iff more rows exist.
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : cursor !== null;
  return {
    rows: page,
    next: hasNext && last ? `a${last.id}` : null,
    prev: hasPrev && first ? `b${first.id}` : null,
  };
}

/** Filter choices: the staff who appear in the log, and the record types. */
export async function auditFilterOptions(db: DbOrTx) {
  const [staff, types] = await Promise.all([
    db.staff.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<Array<{ entityType: string }>>`SELECT DISTINCT entityType FROM \`AuditLog\` ORDER BY entityType`,
  ]);
  return { staff, entityTypes: types.map((t) => t.entityType) };
}

// ───────────────────────────── The readable diff ─────────────────────────────

export interface DiffLine {
  field: string;
  before: string | null;
  after: string | null;
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Field-by-field old → new of one audit row. Objects are compared key by key (only keys that differ,
 * or that appear on one side only); anything else is one line under "value".
 */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  if (!isPlainObject(before) && !isPlainObject(after)) {
    if (before == null && after == null) return [];
    return [{ field: "value", before: show(before), after: show(after) }];
  }
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const lines: DiffLine[] = [];
  for (const field of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    const old = show(b[field]);
    const now = show(a[field]);
    if (old !== now || !(field in b) || !(field in a)) lines.push({ field, before: old, after: now });
  }
  return lines;
}

/** Where the audited record can be opened, if it has a page. */
export function auditRecordHref(entityType: string, entityId: string | null): string | null {
  if (!entityId || !/^\d+$/.test(entityId)) return null;
  const base: Record<string, string> = {
    Lead: "/crm/leads",
    Campaign: "/crm/campaigns",
    Opportunity: "/crm/opportunities",
    Member: "/crm/members",
    MessageThread: "/crm/messages",
    ServiceRequest: "/crm/service",
    KnowledgeArticle: "/crm/knowledge",
    LeadBatch: "/crm/leads/batches",
    RegistrationCategory: "/crm/rules/categories",
    TokenGroup: "/crm/rules/token-groups",
    zone: "/crm/zones",
    asset: "/crm/assets",
    serviceContract: "/crm/service-contracts",
    Role: "/crm/admin/roles",
    Staff: "/crm/admin/staff",
    Company: "/crm/companies",
    Contact: "/crm/contacts",
  };
  const path = base[entityType];
  return path ? `${path}/${entityId}` : null;
}
