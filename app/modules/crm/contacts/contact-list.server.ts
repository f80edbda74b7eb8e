import { Prisma } from "#app/generated/prisma/client.ts";
import { staffOptionRows, teamOptionRows } from "#app/modules/admin/staff-options.server.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  recordScopeBranches,
  recordScopeWhere,
  teamReach,
  type RecordScopeBranches,
} from "#app/modules/crm/access/record-scope.server.ts";
import { countCappedUnion, type CappedCount } from "#app/modules/views/count-capped.server.ts";
import { ownerLookup, type OwnerRef } from "./contact-owners.server.ts";
import { CONTACT_PAGE_SIZE, type ContactListQuery, type ContactSortKey } from "./contact-list-query.ts";

// The contact list at a million rows: keyset paging (no OFFSET: the last page costs what the first
// does, read backwards), every sort on an index ending in the id, a total counted up to a cap.
// Cursors are opaque: "a.<key>" rows after a row, "b.<key>" rows before it, "last" the final page.
// A sort is one or more columns (region: province, city, district) and the id as the tie-break.

type SortColumn =
  | "updatedAt"
  | "fullName"
  | "number"
  | "companyId"
  | "phoneKey"
  | "emailKey"
  | "ownerId"
  | "title"
  | "province"
  | "city"
  | "district";
type Dir = "asc" | "desc";
type KeyValue = string | number | null;

const SORT_COLUMNS: Record<ContactSortKey, readonly SortColumn[]> = {
  updated: ["updatedAt"],
  name: ["fullName"],
  number: ["number"],
  company: ["companyId"],
  mobile: ["phoneKey"],
  email: ["emailKey"],
  owner: ["ownerId"],
  title: ["title"],
  region: ["province", "city", "district"],
};

/** A contact as a row of people shows it (the contact list, a company's contacts tab). */
export const contactSummarySelect = {
  id: true,
  number: true,
  fullName: true,
  title: true,
  department: true,
  mobile: true,
  phone: true,
  email: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.ContactSelect;

// The owner's name comes from the cached staff directory (contact-owners.server.ts), not a join.
const { owner: _owner, ...summaryColumns } = contactSummarySelect;

const ROW_SELECT = {
  ...summaryColumns,
  province: true,
  city: true,
  district: true,
  optOutEmail: true,
  optOutSms: true,
  optOutCall: true,
  updatedAt: true,
  phoneKey: true,
  emailKey: true,
  companyId: true,
  ownerId: true,
  noCompany: true,
  company: { select: { id: true, name: true } },
} satisfies Prisma.ContactSelect;

export type ContactListRow = Prisma.ContactGetPayload<{ select: typeof ROW_SELECT }> & { owner: OwnerRef | null };

export interface ContactListPage {
  rows: ContactListRow[];
  total: CappedCount;
  /** Cursors of the neighbouring pages; null where there is none. */
  prevCursor: string | null;
  nextCursor: string | null;
  /** The final page ("last"), unless this is it. */
  lastCursor: string | null;
  /** A cursor past the end (a stale link): the page offers "back to the first page". */
  pastEnd: boolean;
}

interface Cursor {
  forward: boolean;
  /** The sort columns' values of the row the page starts after (or before), then its id. */
  key: { values: KeyValue[]; id: number } | null;
}

function encodeKey(row: ContactListRow, columns: readonly SortColumn[]): string {
  const values = columns.map((column) => {
    const raw = row[column];
    return raw instanceof Date ? raw.toISOString() : (raw ?? null);
  });
  return Buffer.from(JSON.stringify([...values, row.id])).toString("base64url");
}

const isKeyValue = (v: unknown): v is KeyValue => v === null || typeof v === "string" || typeof v === "number";

/** Parses a cursor for a sort of `width` columns; anything malformed reads as the first page. */
export function parseCursor(cursor: string | null, width = 1): Cursor {
  if (cursor === "last") return { forward: false, key: null };
  const m = cursor ? /^([ab])\.([\w-]{1,1000})$/.exec(cursor) : null;
  if (!m) return { forward: true, key: null };
  try {
    const decoded: unknown = JSON.parse(Buffer.from(m[2]!, "base64url").toString("utf8"));
    if (!Array.isArray(decoded) || decoded.length !== width + 1) return { forward: true, key: null };
    const values = decoded.slice(0, width);
    const id: unknown = decoded[width];
    if (!values.every(isKeyValue) || typeof id !== "number" || !Number.isInteger(id)) {
      return { forward: true, key: null };
    }
    return { forward: m[1] === "a", key: { values, id } };
  } catch {
    return { forward: true, key: null };
  }
}

function flip(dir: Dir): Dir {
  return dir === "asc" ? "desc" : "asc";
}

const NOT_NULLABLE = new Set<SortColumn>(["updatedAt", "fullName", "number"]);

/** `column` equal to `v` (NULL matches NULL, as the ORDER BY groups them). */
function equalTo(column: SortColumn, v: KeyValue | Date): Prisma.ContactWhereInput {
  return { [column]: v };
}

/** `column` strictly after `v` in `dir` order (MariaDB: NULLs first ascending, last descending). */
function afterValue(column: SortColumn, dir: Dir, v: KeyValue | Date): Prisma.ContactWhereInput | null {
  if (v === null) return dir === "asc" ? { NOT: { [column]: null } } : null;
  const cmp = { [column]: dir === "asc" ? { gt: v } : { lt: v } };
  return dir === "desc" && !NOT_NULLABLE.has(column) ? { OR: [cmp, { [column]: null }] } : cmp;
}

/** Rows strictly beyond (values…, id) in `dir` order: the lexicographic "after" of the sort key. */
function beyond(
  columns: readonly SortColumn[],
  dir: Dir,
  key: { values: KeyValue[]; id: number },
): Prisma.ContactWhereInput {
  const values = columns.map((column, i) => {
    const v = key.values[i] ?? null;
    return column === "updatedAt" && typeof v === "string" ? new Date(v) : v;
  });
  const branches: Prisma.ContactWhereInput[] = [];
  for (let i = 0; i <= columns.length; i++) {
    const equal = columns.slice(0, i).map((column, j) => equalTo(column, values[j]!));
    const after =
      i < columns.length
        ? afterValue(columns[i]!, dir, values[i]!)
        : { id: dir === "asc" ? { gt: key.id } : { lt: key.id } };
    if (after) branches.push(equal.length > 0 ? { AND: [...equal, after] } : after);
  }
  return { OR: branches };
}

/** One condition of the list's filter, as Prisma `where` (the page) and as SQL (the capped count). */
interface Condition {
  where: Prisma.ContactWhereInput;
  sql: Prisma.Sql;
}

/**
 * `LIKE 'text%'` with the wildcards in `text` taken literally. Prisma's startsWith passes `%` and
 * `_` through as wildcards, so both forms get the escaped text.
 */
function startsWith(column: "emailKey" | "phoneKey" | "number" | "fullName", text: string): Condition {
  const literal = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return {
    where: { [column]: { startsWith: literal } },
    sql: Prisma.sql`${Prisma.raw(`\`${column}\``)} LIKE ${`${literal}%`}`,
  };
}

/** The search box: an e-mail, a phone number, a record number (CONT…) or the start of a name. */
function contactSearch(q: string): Condition | null {
  const text = q.normalize("NFKC").trim();
  if (!text) return null;
  if (text.includes("@")) return startsWith("emailKey", text.toLowerCase());
  const digits = text.replace(/[\s\-+()]/g, "");
  if (/^\d{3,}$/.test(digits)) {
    return startsWith("phoneKey", digits.startsWith("86") && digits.length === 13 ? digits.slice(2) : digits);
  }
  // A record number (CONT…) is letters and digits; anything else is the start of a name. One
  // condition each, so either is a range read on its own index (an OR of the two scans the table).
  if (/^CONT\d*$/i.test(text)) return startsWith("number", text.toUpperCase());
  return startsWith("fullName", text);
}

export function contactSearchWhere(q: string): Prisma.ContactWhereInput | null {
  return contactSearch(q)?.where ?? null;
}

const OPT_OUT_COLUMN = { email: "optOutEmail", sms: "optOutSms", call: "optOutCall" } as const;

/** The list's filters, each in both forms side by side so the page and its count cannot disagree. */
function contactConditions(query: ContactListQuery): Condition[] {
  const and: Condition[] = [];
  const search = contactSearch(query.q);
  if (search) and.push(search);
  if (query.company) and.push({ where: { companyId: query.company }, sql: Prisma.sql`companyId = ${query.company}` });
  if (query.owner) and.push({ where: { ownerId: query.owner }, sql: Prisma.sql`ownerId = ${query.owner}` });
  if (query.team) {
    and.push({
      where: { owner: { teamId: query.team } },
      sql: Prisma.sql`ownerId IN (SELECT s.id FROM \`Staff\` s WHERE s.teamId = ${query.team})`,
    });
  }
  if (query.province) and.push({ where: { province: query.province }, sql: Prisma.sql`province = ${query.province}` });
  if (query.city) and.push({ where: { city: query.city }, sql: Prisma.sql`city = ${query.city}` });
  if (query.optOut) {
    const column = OPT_OUT_COLUMN[query.optOut];
    and.push({ where: { [column]: true }, sql: Prisma.sql`${Prisma.raw(column)} = TRUE` });
  }
  return and;
}

export function contactFilterWhere(query: ContactListQuery): Prisma.ContactWhereInput[] {
  return contactConditions(query).map((c) => c.where);
}

/**
 * The scope as separate branches (decision 054): all, the owners it reaches, the ids shared with
 * the actor. Each branch is a range on its own index ((ownerId, deletedAt, updatedAt), the primary
 * key); one OR of them made MariaDB intersect or union indexes and sort the whole result.
 */
function scopeConditions(scope: RecordScopeBranches): Condition[] {
  if (scope.all) return [{ where: {}, sql: Prisma.sql`TRUE` }];
  const branches: Condition[] = [];
  const { ownerIds, sharedIds } = scope;
  if (ownerIds.length > 0) {
    branches.push({ where: { ownerId: { in: ownerIds } }, sql: Prisma.sql`ownerId IN (${Prisma.join(ownerIds)})` });
  }
  if (sharedIds.length > 0) {
    branches.push({ where: { id: { in: sharedIds } }, sql: Prisma.sql`id IN (${Prisma.join(sharedIds)})` });
  }
  return branches;
}

/** One page of the contacts the actor may browse (scope in the query), with a capped total. */
export async function listContacts(
  db: DbOrTx,
  actor: StaffActor,
  query: ContactListQuery,
  pageSize = CONTACT_PAGE_SIZE,
): Promise<ContactListPage> {
  const scope = await recordScopeBranches(db, actor, "contact", "browse");
  const empty = { rows: [], total: { count: 0, capped: false }, prevCursor: null, nextCursor: null, lastCursor: null };
  const branches = scope ? scopeConditions(scope) : [];
  if (branches.length === 0) return { ...empty, pastEnd: false };
  const filters = contactConditions(query);
  const columns = SORT_COLUMNS[query.sort];
  const cursor = parseCursor(query.cursor, columns.length);
  const isLast = query.cursor === "last";
  const readDir = cursor.forward ? query.dir : flip(query.dir);
  const where: Prisma.ContactWhereInput[] = [
    { deletedAt: null },
    ...filters.map((f) => f.where),
    ...(cursor.key ? [beyond(columns, readDir, cursor.key)] : []),
  ];
  // The number is unique: a tie-break on the id would stop its unique index from giving the order.
  const orderBy: Prisma.ContactOrderByWithRelationInput[] = [
    ...columns.map((column) => ({ [column]: readDir })),
    ...(query.sort === "number" ? [] : [{ id: readDir }]),
  ];
  const take = pageSize + 1;
  const page = async () => {
    if (branches.length === 1) {
      return db.contact.findMany({ where: { AND: [branches[0]!.where, ...where] }, orderBy, take, select: ROW_SELECT });
    }
    // Several branches: the page's candidates from each on its own index, then one ordered read
    // of at most take × branches ids (the database's collation orders the names, not ours).
    const ids = await Promise.all(
      branches.map((b) =>
        db.contact.findMany({ where: { AND: [b.where, ...where] }, orderBy, take, select: { id: true } }),
      ),
    );
    const union = [...new Set(ids.flat().map((r) => r.id))];
    if (union.length === 0) return [];
    return db.contact.findMany({ where: { id: { in: union } }, orderBy, take, select: ROW_SELECT });
  };
  const filterSql = filters.map((f) => f.sql);
  const [found, total, withOwner] = await Promise.all([
    page(),
    countCappedUnion(
      db,
      "Contact",
      branches.map((b) => Prisma.join([Prisma.sql`deletedAt IS NULL`, b.sql, ...filterSql], " AND ")),
    ),
    ownerLookup(db),
  ]);
  const more = found.length > pageSize;
  const rows: ContactListRow[] = found.slice(0, pageSize).map(withOwner);
  if (!cursor.forward) rows.reverse();
  if (rows.length === 0) return { ...empty, total, pastEnd: cursor.key !== null };

  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  // Forward: a previous page exists iff we came from a cursor; backward: iff more rows lie before.
  const hasPrev = cursor.forward ? cursor.key !== null : more;
  const hasNext = cursor.forward ? more : cursor.key !== null;
  return {
    rows,
    total,
    prevCursor: hasPrev ? `b.${encodeKey(first, columns)}` : null,
    nextCursor: hasNext ? `a.${encodeKey(last, columns)}` : null,
    lastCursor: hasNext && !isLast ? "last" : null,
    pastEnd: false,
  };
}

export interface Option {
  id: number;
  name: string;
}

/** Owner and team filter options: the people (and teams) whose contacts the actor's scope reaches. */
export async function contactFilterOptions(
  db: DbOrTx,
  actor: StaffActor,
): Promise<{ owners: Option[]; teams: Option[] }> {
  const scope = scopeFor(actor, "contacts", "browse");
  if (scope === null || scope === "own") return { owners: [], teams: [] };
  const teamIds = teamReach(actor);
  // The cached directories (decision 048): no query on most requests.
  const [staff, teams] = await Promise.all([staffOptionRows(db), scope === "all" ? teamOptionRows(db) : []]);
  const owners = staff
    .filter((s) => (scope === "all" ? s.status !== "inactive" : s.teamId !== null && teamIds.includes(s.teamId)))
    .slice(0, 500)
    .map(({ id, name }) => ({ id, name }));
  return { owners, teams: teams.slice(0, 200).map(({ id, name }) => ({ id, name })) };
}

/** The name of the company a list is filtered by, if the actor may see that company. */
export async function contactListCompanyName(db: DbOrTx, actor: StaffActor, companyId: number | undefined) {
  if (!companyId) return null;
  const scope = await recordScopeWhere(db, actor, "company", "browse");
  if (!scope) return null;
  const company = await db.company.findFirst({ where: { AND: [scope, { id: companyId }] }, select: { name: true } });
  return company?.name ?? null;
}
