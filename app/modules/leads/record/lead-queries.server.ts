import { Prisma, type LeadRoutedBy, type LeadStatus } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { emailKey } from "#app/modules/crm/match-keys.ts";
import { visibleCampaignsWhere } from "#app/modules/campaigns/campaign-access.server.ts";
import { visibleLeadsWhere } from "#app/modules/campaigns/campaign-stats.server.ts";
import {
  conflictStrategyFor,
  inScope,
  resolveConflict,
  scopeFor,
  teamScopeIds,
  type Scope,
} from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { COUNT_CAP, countCappedUnion, type CappedCount } from "#app/modules/views/count-capped.server.ts";
import { selectIdAndName, selectName } from "#app/lib/prisma-selects.ts";

// Read side of the back-office lead inbox: the list (permission scope, filters, sort, keyset
// pagination on (sort column, id)) and the detail page. Keyset pagination never counts or skips
// rows, so page 40 000 costs the same as page 1 at a million leads (bench/lead-inbox measures it);
// the total is counted separately and capped (countLeads).

export const LEAD_PAGE_SIZE = 25;

/** The actor's leads × `action` scope, as the queries below read it (derived once per call). */
interface LeadScope {
  staffId: number;
  teamId: number | null;
  /** The team and its sub-teams (teamScopeIds). */
  teamIds: number[];
  scope: Scope | null;
  /**
   * Does a distribution grant alone let the viewer see a lead their role scope does not cover? The
   * leads conflict strategy decides (seed §2.P.5, decision 031): yes for "business" and "either".
   */
  distributionAllows: boolean;
}

function leadScope(actor: StaffActor, action: "browse" | "modify" | "add" = "browse"): LeadScope {
  return {
    staffId: actor.staffId,
    teamId: actor.teamId,
    teamIds: teamScopeIds(actor),
    scope: scopeFor(actor, "leads", action),
    distributionAllows: resolveConflict(conflictStrategyFor(actor, "leads"), false, true),
  };
}

function othersVisible(viewer: LeadScope): boolean {
  return viewer.scope === "team" || viewer.scope === "all";
}

/** Team and all scopes see other people's leads; they get the 全部线索 tab and the owner filter. */
export function seesOthersLeads(actor: StaffActor): boolean {
  return othersVisible(leadScope(actor));
}

/**
 * mine: the owner's new leads; all: everything in scope (for own scope also the leads distributed to
 * the viewer); assigned: leads distributed to the viewer (active assignments), whoever owns them.
 */
/** mine = 我的新线索; toClaim = 分发给我、待认领 (nobody has claimed it yet); assigned = distributed to me. */
export type LeadTab = "mine" | "all" | "assigned" | "toClaim";

export interface LeadListFilters {
  categoryId?: number | null;
  campaignId?: number | null;
  /** 线索来源 code (Lead.sourceCode). */
  sourceCode?: string | null;
  status?: LeadStatus | null;
  /** Inclusive lower bound. */
  createdFrom?: Date | null;
  /** Exclusive upper bound (the route passes the day after the chosen end date). */
  createdBefore?: Date | null;
  ownerId?: number | null;
  q?: string | null;
}

/**
 * A position in the list. The 我的新线索 tab shows unseen leads first, so its order is
 * (unseen, id) descending and the cursor carries which of the two parts the row was in.
 */
export interface LeadCursor {
  id: number;
  seen: boolean;
  /** The row's sort column value, when the list is sorted by a column (company / contact). */
  key?: string | null;
}

function cursorOf(p: { id: number; seen: boolean; key?: string | null }, column: string | null): LeadCursor {
  return column ? { id: p.id, seen: p.seen, key: p.key ?? null } : { id: p.id, seen: p.seen };
}

export interface LeadListRow {
  id: number;
  number: string;
  contactName: string | null;
  companyName: string | null;
  categoryName: string | null;
  campaignName: string | null;
  routedBy: LeadRoutedBy;
  tokenGroupName: string | null;
  routedPosition: number | null;
  owner: { id: number; name: string };
  status: LeadStatus;
  source: string;
  createdAt: Date;
  ownerSeenAt: Date | null;
  /** Salespeople the lead is distributed to (active assignments), in the order they got it. */
  assignees: Array<{ id: number; name: string }>;
  /** Who said 我处理, if anyone. */
  claimedBy: { id: number; name: string } | null;
  claimedAt: Date | null;
  /** A recent lead this one probably repeats (fuzzy matcher at intake), if it is still live. */
  possibleDuplicateOf: { id: number; number: string } | null;
}

export interface LeadListPage {
  items: LeadListRow[];
  /** Cursor for the older page (`?after=`), or null on the last page. */
  next: LeadCursor | null;
  /** Cursor for the newer page (`?before=`), or null on the first page. */
  prev: LeadCursor | null;
}

/** Owner ids the viewer may see, or null for "no restriction" (scope all). */
async function scopeOwnerIds(db: DbOrTx, viewer: LeadScope): Promise<number[] | null> {
  if (viewer.scope === "all") return null;
  if (viewer.scope === "team" && viewer.teamId !== null) {
    // Teams are small: an IN list keeps the (ownerId, status, id) index usable, a join would not.
    const team = await db.staff.findMany({ where: { teamId: { in: viewer.teamIds } }, select: { id: true } });
    return team.map((s) => s.id);
  }
  if (viewer.scope === null) return [];
  return [viewer.staffId];
}

/** `col = v` written as a closed range: see the note on MariaDB above `pageIds`. */
function point(column: string, value: string | number): Prisma.Sql {
  const col = Prisma.raw(`\`${column}\``);
  return Prisma.sql`${col} >= ${value} AND ${col} <= ${value}`;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchCondition(raw: string): Prisma.Sql | null {
  const q = raw.trim();
  if (!q) return null;
  const contains = `%${likeEscape(q)}%`;
  const or: Prisma.Sql[] = [
    Prisma.sql`\`number\` = ${q.toUpperCase()}`,
    Prisma.sql`\`contactName\` LIKE ${contains}`,
    Prisma.sql`\`companyName\` LIKE ${contains}`,
  ];
  // E-mail keys are stored lower-cased: a prefix LIKE uses their index.
  const email = emailKey(q.includes("@") ? q : null);
  if (email) or.push(Prisma.sql`\`emailKey\` LIKE ${`${likeEscape(email)}%`}`);
  else if (/^[\w.+-]{3,}$/.test(q) && !/^\d+$/.test(q)) {
    or.push(Prisma.sql`\`emailKey\` LIKE ${`${likeEscape(q.toLowerCase())}%`}`);
  }
  // Phone keys are digits only; people search by any part of a number ("8000").
  const digits = q.replace(/\D+/g, "");
  if (digits.length >= 4 && digits.length >= q.replace(/[\s()+-]/g, "").length) {
    or.push(Prisma.sql`\`phoneKey\` LIKE ${`%${digits}%`}`);
  }
  return Prisma.sql`(${Prisma.join(or, " OR ")})`;
}

/** Leads with an active (not recalled) assignment to the staff member. */
function assignedTo(staffId: number): Prisma.Sql {
  return Prisma.sql`\`id\` IN (SELECT \`leadId\` FROM \`LeadAssignment\` WHERE ${point("staffId", staffId)} AND \`recalledAt\` IS NULL)`;
}

/**
 * Scope + filters of a tab as alternative SQL condition lists (a row matches if it matches any list),
 * or null when the viewer can see nothing. Alternatives rather than one OR: each list keeps its own
 * index range (owner's leads; leads distributed to the viewer) and pageIds merges the two slices.
 */
async function baseConditions(
  db: DbOrTx,
  viewer: LeadScope,
  tab: LeadTab,
  filters: LeadListFilters,
): Promise<Prisma.Sql[][] | null> {
  // Leads in the recycle bin are out of every list.
  const common: Prisma.Sql[] = [Prisma.sql`\`deletedAt\` IS NULL`];
  if (filters.categoryId) common.push(point("categoryId", filters.categoryId));
  if (filters.campaignId) common.push(point("campaignId", filters.campaignId));
  if (filters.sourceCode) common.push(point("sourceCode", filters.sourceCode));
  if (filters.createdFrom) common.push(Prisma.sql`\`createdAt\` >= ${filters.createdFrom}`);
  if (filters.createdBefore) common.push(Prisma.sql`\`createdAt\` < ${filters.createdBefore}`);
  const search = filters.q ? searchCondition(filters.q) : null;
  if (search) common.push(search);

  if (tab === "mine") return [[point("ownerId", viewer.staffId), point("status", "new"), ...common]];
  const status = filters.status ? [point("status", filters.status)] : [];
  if (tab === "assigned" || tab === "toClaim") {
    const and = [assignedTo(viewer.staffId), ...status, ...common];
    // The claim queue (#14 item 17): open leads distributed to me that nobody has said 我处理 to yet.
    if (tab === "toClaim") and.push(Prisma.sql`\`claimedById\` IS NULL AND \`status\` IN ('new', 'assigned')`);
    if (!viewer.distributionAllows) {
      // The role scope must cover the lead as well (administrative-first or both strategies).
      const owners = await scopeOwnerIds(db, viewer);
      if (owners !== null)
        and.push(owners.length ? Prisma.sql`\`ownerId\` IN (${Prisma.join(owners)})` : Prisma.sql`FALSE`);
    }
    return [and];
  }

  const owners = await scopeOwnerIds(db, viewer);
  if (owners === null) {
    const and = [...status, ...common];
    // The owner filter is for managers; for own scope it could only narrow to oneself anyway.
    if (filters.ownerId) and.push(point("ownerId", filters.ownerId));
    return [and];
  }
  const alternatives: Prisma.Sql[][] = [];
  if (owners.length > 0) {
    const and = [
      owners.length === 1 ? point("ownerId", owners[0]!) : Prisma.sql`\`ownerId\` IN (${Prisma.join(owners)})`,
      ...status,
      ...common,
    ];
    if (filters.ownerId && othersVisible(viewer)) and.push(point("ownerId", filters.ownerId));
    alternatives.push(and);
  }
  // A salesperson also sees the leads distributed to them (decision 013), unless the leads conflict
  // strategy lets the role scope alone decide (decision 031).
  if (viewer.scope !== null && viewer.distributionAllows) {
    const and = [assignedTo(viewer.staffId), ...status, ...common];
    if (filters.ownerId && othersVisible(viewer)) and.push(point("ownerId", filters.ownerId));
    alternatives.push(and);
  }
  return alternatives.length ? alternatives : null;
}

const LIST_SELECT = {
  id: true,
  number: true,
  contactName: true,
  companyName: true,
  routedBy: true,
  routedTokenGroupId: true,
  routedPosition: true,
  status: true,
  source: true,
  createdAt: true,
  ownerSeenAt: true,
  category: selectName,
  campaign: selectName,
  owner: selectIdAndName,
  claimedAt: true,
  claimedBy: selectIdAndName,
  possibleDuplicateOfId: true,
  assignments: {
    where: { recalledAt: null },
    select: { staff: selectIdAndName },
    orderBy: { id: "asc" },
  },
} satisfies Prisma.LeadSelect;

interface Segment {
  seen: boolean;
  /** A row belongs to the segment when it matches any of these condition lists. */
  alternatives: Prisma.Sql[][];
}

/** Sort orders of the lead list. `created` is the id (ids grow with time); the others are indexed (col, id). */
export type LeadSortKey = "created" | "company" | "contact";
export interface LeadSort {
  key: LeadSortKey;
  dir: "asc" | "desc";
}
const SORT_COLUMN: Record<LeadSortKey, string | null> = {
  created: null,
  company: "companyName",
  contact: "contactName",
};
const DEFAULT_SORT: LeadSort = { key: "created", dir: "desc" };

/** A row's place in the order: its id, and its sort column's value when sorting by a column. */
interface Position {
  id: number;
  key?: string | null;
}

/**
 * "Comes after `from` in the order (column dir, id dir)". MariaDB puts NULLs first ascending and
 * last descending, so a NULL key has its own branch. Written as OR of ranges on the (column, id)
 * index rather than a row comparison, which MariaDB does not turn into a range.
 */
function afterPosition(column: string | null, dir: "asc" | "desc", from: Position): Prisma.Sql {
  const idCmp = dir === "desc" ? Prisma.sql`\`id\` < ${from.id}` : Prisma.sql`\`id\` > ${from.id}`;
  if (!column) return idCmp;
  const col = Prisma.raw(`\`${column}\``);
  const key = from.key ?? null;
  if (dir === "desc") {
    return key === null
      ? Prisma.sql`(${col} IS NULL AND ${idCmp})`
      : Prisma.sql`(${col} < ${key} OR (${col} = ${key} AND ${idCmp}) OR ${col} IS NULL)`;
  }
  return key === null
    ? Prisma.sql`((${col} IS NULL AND ${idCmp}) OR ${col} IS NOT NULL)`
    : Prisma.sql`(${col} > ${key} OR (${col} = ${key} AND ${idCmp}))`;
}

/**
 * Ids of one page slice in the order (column dir, id dir), after `from`. Hand-written SQL rather
 * than Prisma's query builder for one reason: MariaDB answers `categoryId = 3 AND id < ? ORDER BY id
 * DESC LIMIT 26` with a `ref` scan on the first index column only, filtering `id` row by row
 * (0.4-1 s deep in a million leads), but uses the (categoryId, id) range when the equality is
 * written as `categoryId >= 3 AND categoryId <= 3` (10 ms). Prisma cannot express that for enums.
 */
async function pageIds(
  db: DbOrTx,
  conditions: Prisma.Sql[],
  from: Position | null,
  column: string | null,
  dir: "desc" | "asc",
  take: number,
): Promise<Position[]> {
  const all = [...conditions];
  if (from) all.push(afterPosition(column, dir, from));
  const where = all.length ? Prisma.join(all, " AND ") : Prisma.sql`1 = 1`;
  const direction = Prisma.raw(dir === "desc" ? "DESC" : "ASC");
  if (!column) {
    const rows = await db.$queryRaw<Array<{ id: number }>>`
      SELECT \`id\` FROM \`Lead\` WHERE ${where} ORDER BY \`id\` ${direction} LIMIT ${take}`;
    return rows.map((r) => ({ id: Number(r.id) }));
  }
  const col = Prisma.raw(`\`${column}\``);
  const rows = await db.$queryRaw<Array<{ id: number; k: string | null }>>`
    SELECT \`id\`, ${col} AS k FROM \`Lead\` WHERE ${where} ORDER BY ${col} ${direction}, \`id\` ${direction} LIMIT ${take}`;
  return rows.map((r) => ({ id: Number(r.id), key: r.k }));
}

/** pageIds over several alternative condition lists: each slice read on its own index, then merged. */
async function pageIdsAny(
  db: DbOrTx,
  alternatives: Prisma.Sql[][],
  from: Position | null,
  column: string | null,
  dir: "desc" | "asc",
  take: number,
): Promise<Position[]> {
  if (alternatives.length === 1) return pageIds(db, alternatives[0]!, from, column, dir, take);
  const slices: Position[][] = [];
  // Sequential: the caller may be inside a transaction (one connection).
  for (const conditions of alternatives) slices.push(await pageIds(db, conditions, from, column, dir, take));
  const byId = new Map(slices.flat().map((p) => [p.id, p]));
  if (!column) {
    return [...byId.values()].sort((a, b) => (dir === "desc" ? b.id - a.id : a.id - b.id)).slice(0, take);
  }
  if (byId.size === 0) return [];
  // Text compares by the column's collation, which JavaScript does not know: let MariaDB merge.
  const col = Prisma.raw(`\`${column}\``);
  const direction = Prisma.raw(dir === "desc" ? "DESC" : "ASC");
  const rows = await db.$queryRaw<Array<{ id: number; k: string | null }>>`
    SELECT \`id\`, ${col} AS k FROM \`Lead\` WHERE \`id\` IN (${Prisma.join([...byId.keys()])})
    ORDER BY ${col} ${direction}, \`id\` ${direction} LIMIT ${take}`;
  return rows.map((r) => ({ id: Number(r.id), key: r.k }));
}

/** The tab a viewer actually gets: without a browse scope only 我的新线索. */
function effectiveTab(viewer: LeadScope, tab: LeadTab): LeadTab {
  return (tab === "all" || tab === "assigned" || tab === "toClaim") && viewer.scope !== null ? tab : "mine";
}

/**
 * One page of leads. `after` pages forward in the list's order (older leads by default), `before`
 * backward; without either, the first page. `sort` orders by creation (default, newest first) or by
 * company / contact name, with the id breaking ties. Reads at most `take + 1` ids per segment; no
 * OFFSET, no COUNT.
 */
export async function listLeads(
  db: DbOrTx,
  actor: StaffActor,
  options: {
    tab: LeadTab;
    filters?: LeadListFilters;
    after?: LeadCursor | null;
    before?: LeadCursor | null;
    sort?: LeadSort;
    take?: number;
  },
): Promise<LeadListPage> {
  const viewer = leadScope(actor);
  const take = options.take ?? LEAD_PAGE_SIZE;
  const tab = effectiveTab(viewer, options.tab);
  const sort = options.sort ?? DEFAULT_SORT;
  const column = SORT_COLUMN[sort.key];
  const base = await baseConditions(db, viewer, tab, options.filters ?? {});
  if (!base) return { items: [], next: null, prev: null };

  // The 我的新线索 tab is two segments, unseen then seen, each in the sort order; 全部线索 is one.
  const segments: Segment[] =
    tab === "mine"
      ? [
          { seen: false, alternatives: base.map((and) => [...and, Prisma.sql`\`ownerSeenAt\` IS NULL`]) },
          { seen: true, alternatives: base.map((and) => [...and, Prisma.sql`\`ownerSeenAt\` IS NOT NULL`]) },
        ]
      : [{ seen: false, alternatives: base }];
  const segmentOf = (cursor: LeadCursor) => (tab === "mine" && cursor.seen ? 1 : 0);
  const reverse = sort.dir === "desc" ? "asc" : "desc";

  const collected: Array<Position & { seen: boolean }> = [];
  let hasNewer = false;
  let hasOlder = false;

  if (options.before) {
    // Walk backwards (the reverse order), then flip.
    const start = segmentOf(options.before);
    for (let s = start; s >= 0 && collected.length <= take; s--) {
      const segment = segments[s]!;
      const from = s === start ? options.before : null;
      const ids = await pageIdsAny(db, segment.alternatives, from, column, reverse, take + 1 - collected.length);
      for (const p of ids) collected.push({ ...p, seen: segment.seen });
    }
    hasNewer = collected.length > take;
    collected.splice(take);
    collected.reverse();
    hasOlder = true;
  } else {
    const start = options.after ? segmentOf(options.after) : 0;
    for (let s = start; s < segments.length && collected.length <= take; s++) {
      const segment = segments[s]!;
      const from = options.after && s === start ? options.after : null;
      const ids = await pageIdsAny(db, segment.alternatives, from, column, sort.dir, take + 1 - collected.length);
      for (const p of ids) collected.push({ ...p, seen: segment.seen });
    }
    hasOlder = collected.length > take;
    collected.splice(take);
    hasNewer = Boolean(options.after);
  }

  const rows = collected.length
    ? await db.lead.findMany({ where: { id: { in: collected.map((c) => c.id) } }, select: LIST_SELECT })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  // A row deleted between the two reads simply drops out of this page.
  const present = collected.filter((c) => byId.has(c.id));

  const groupIds = [...new Set(rows.map((r) => r.routedTokenGroupId).filter((id): id is number => !!id))];
  const groups = groupIds.length
    ? await db.tokenGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } })
    : [];
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  // The "possible duplicate" flag computed at intake, with the candidate's number for the link.
  const duplicateIds = [...new Set(rows.map((r) => r.possibleDuplicateOfId).filter((id): id is number => !!id))];
  const duplicates = duplicateIds.length
    ? await db.lead.findMany({
        where: { id: { in: duplicateIds }, deletedAt: null },
        select: { id: true, number: true },
      })
    : [];
  const duplicateOf = new Map(duplicates.map((d) => [d.id, d]));

  const items = present.map(({ id }) => {
    const row = byId.get(id)!;
    return {
      id: row.id,
      number: row.number,
      contactName: row.contactName,
      companyName: row.companyName,
      categoryName: row.category?.name ?? null,
      campaignName: row.campaign?.name ?? null,
      routedBy: row.routedBy,
      tokenGroupName: row.routedTokenGroupId ? (groupName.get(row.routedTokenGroupId) ?? null) : null,
      routedPosition: row.routedPosition,
      owner: row.owner,
      status: row.status,
      source: row.source,
      createdAt: row.createdAt,
      ownerSeenAt: row.ownerSeenAt,
      assignees: row.assignments.map((a) => a.staff),
      claimedBy: row.claimedBy,
      claimedAt: row.claimedAt,
      possibleDuplicateOf: row.possibleDuplicateOfId ? (duplicateOf.get(row.possibleDuplicateOfId) ?? null) : null,
    };
  });
  // Cursors come from the id list, so a vanished row cannot make the next page skip or repeat.
  const first = collected[0];
  const last = collected[collected.length - 1];
  return {
    items,
    prev: hasNewer && first ? cursorOf(first, column) : null,
    next: hasOlder && last ? cursorOf(last, column) : null,
  };
}

/**
 * How many leads the list holds for this tab and filters: exact up to COUNT_CAP, then "10,000+".
 * Each alternative stops after cap + 1 index entries (countCappedUnion), so the total never scans
 * a million rows for a broad filter.
 */
export async function countLeads(
  db: DbOrTx,
  actor: StaffActor,
  options: { tab: LeadTab; filters?: LeadListFilters },
  cap: number = COUNT_CAP,
): Promise<CappedCount> {
  const viewer = leadScope(actor);
  const base = await baseConditions(db, viewer, effectiveTab(viewer, options.tab), options.filters ?? {});
  if (!base) return { count: 0, capped: false };
  const where = base.map((and) => (and.length ? Prisma.join(and, " AND ") : Prisma.sql`1 = 1`));
  return countCappedUnion(db, "Lead", where, cap);
}

/** A list cursor as a URL-safe string: direction, segment, id and (for column sorts) the key. */
export function encodeLeadCursor(direction: "after" | "before", cursor: LeadCursor): string {
  const head = `${direction === "after" ? "a" : "b"}${cursor.seen ? 1 : 0}.${cursor.id}`;
  if (cursor.key === undefined) return head;
  return `${head}.${cursor.key === null ? "~" : Buffer.from(cursor.key, "utf8").toString("base64url")}`;
}

/** The cursor of a URL, or null when it does not parse (a hand-edited link starts at the first page). */
export function decodeLeadCursor(
  value: string | null | undefined,
): { direction: "after" | "before"; cursor: LeadCursor } | null {
  const match = value ? /^([ab])([01])\.(\d{1,10})(?:\.(~|[\w-]{1,1000}))?$/.exec(value) : null;
  if (!match) return null;
  const id = Number(match[3]);
  if (id < 1 || id > 2_147_483_647) return null;
  const cursor: LeadCursor = { id, seen: match[2] === "1" };
  if (match[4] !== undefined)
    cursor.key = match[4] === "~" ? null : Buffer.from(match[4], "base64url").toString("utf8");
  return { direction: match[1] === "a" ? "after" : "before", cursor };
}

/** Unseen new leads of one owner: the badge on the 我的新线索 tab. Bounded by the owner's index range. */
export function countUnseenNewLeads(db: DbOrTx, staffId: number): Promise<number> {
  return db.lead.count({ where: { ownerId: staffId, status: "new", ownerSeenAt: null, deletedAt: null } });
}

/** Choices for the filter bar: categories, campaigns and (for managers) the owners in scope. */
export async function leadFilterOptions(db: DbOrTx, actor: StaffActor) {
  const viewer = leadScope(actor);
  // Campaigns by name only where the actor may see the campaign or has leads in it (issue #13 sweep).
  const [visibleCampaigns, visibleLeads] = await Promise.all([
    visibleCampaignsWhere(db, actor),
    visibleLeadsWhere(db, actor),
  ]);
  const [categories, campaigns] = await Promise.all([
    db.registrationCategory.findMany({ select: { id: true, name: true, code: true }, orderBy: { code: "asc" } }),
    db.campaign.findMany({
      // `{}` (every campaign) must not go inside OR: Prisma drops an empty branch there.
      where:
        Object.keys(visibleCampaigns).length === 0
          ? {}
          : { OR: [visibleCampaigns, { leads: { some: { deletedAt: null, ...visibleLeads } } }] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  let owners: Array<{ id: number; name: string; status: string }> = [];
  if (othersVisible(viewer)) {
    const ids = await scopeOwnerIds(db, viewer);
    owners = await db.staff.findMany({
      where: ids === null ? {} : { id: { in: ids } },
      select: { id: true, name: true, status: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
  }
  return { categories, campaigns, owners };
}

/**
 * Active staff a new lead may be given to by this actor (leads × add scope): all → anyone active,
 * team → active members of the actor's team, own → only the actor.
 */
export async function assignableOwners(db: DbOrTx, actor: StaffActor) {
  const viewer = leadScope(actor, "add");
  if (viewer.scope === null) return [];
  const where: Prisma.StaffWhereInput =
    viewer.scope === "all"
      ? { status: "active" }
      : viewer.scope === "team" && viewer.teamId !== null
        ? { status: "active", teamId: { in: viewer.teamIds } }
        : { id: viewer.staffId };
  const staff = await db.staff.findMany({
    where: { OR: [where, { id: viewer.staffId }] },
    select: { id: true, name: true, title: true, team: selectName },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return staff.map((s) => ({ id: s.id, name: s.name, title: s.title, teamName: s.team?.name ?? null }));
}

// ───────────────────────────── Detail ─────────────────────────────

const DETAIL_INCLUDE = {
  category: { select: { id: true, name: true, code: true, kind: true } },
  campaign: selectIdAndName,
  member: { select: { id: true, nickname: true, email: true } },
  owner: { select: { id: true, name: true, email: true, teamId: true } },
  items: { orderBy: { id: "asc" } },
  events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  claimedBy: { select: { id: true, name: true, teamId: true } },
  assignments: {
    orderBy: { id: "asc" },
    include: { staff: { select: { id: true, name: true, status: true, title: true } } },
  },
} satisfies Prisma.LeadInclude;

export interface LeadMatch {
  type: "contact" | "company";
  id: number;
  score: number;
  number: string | null;
  name: string | null;
  /** Contact's company, for "王芳 @ 北京星辰科技". */
  companyName: string | null;
  email: string | null;
  phone: string | null;
}

export interface LeadEventView {
  id: string;
  type: string;
  createdAt: Date;
  actorType: string;
  actorName: string | null;
  detail: Record<string, unknown>;
  /** Names looked up for ids the detail mentions (staff, token group). */
  names: { staff: Record<string, string>; tokenGroup: string | null };
}

function parseMatches(value: unknown): Array<{ type: "contact" | "company"; id: number; score: number }> {
  if (!Array.isArray(value)) return [];
  const out: Array<{ type: "contact" | "company"; id: number; score: number }> = [];
  for (const entry of value as unknown[]) {
    if (!entry || typeof entry !== "object") continue;
    const { type, id, score } = entry as Record<string, unknown>;
    if ((type === "contact" || type === "company") && typeof id === "number") {
      out.push({ type, id, score: typeof score === "number" ? score : 0 });
    }
  }
  return out;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Numbers mentioned anywhere in an event detail under keys that name staff. */
function staffIdsIn(detail: Record<string, unknown>): number[] {
  const ids: number[] = [];
  const visit = (key: string, value: unknown) => {
    if (typeof value === "number" && /staff|owner|actor|assignee|from|to/i.test(key)) ids.push(value);
    else if (Array.isArray(value)) for (const v of value) visit(key, v);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(k, v);
  };
  for (const [k, v] of Object.entries(detail)) visit(k, v);
  return ids;
}

/**
 * A lead with everything the detail page shows, or null. `scope` narrows the query to the leads a
 * viewer may see (lead-workspace.server.ts passes it), so an out-of-scope id reads as missing.
 */
export async function getLeadDetail(db: DbOrTx, leadId: number, scope: Prisma.LeadWhereInput = {}) {
  const lead = await db.lead.findUnique({
    where: { id: leadId, deletedAt: null, AND: [scope] },
    include: DETAIL_INCLUDE,
  });
  if (!lead) return null;

  const rawMatches = parseMatches(lead.matches);
  const contactIds = rawMatches.filter((m) => m.type === "contact").map((m) => m.id);
  const companyIds = rawMatches.filter((m) => m.type === "company").map((m) => m.id);
  const [contacts, companies] = await Promise.all([
    contactIds.length
      ? db.contact.findMany({
          where: { id: { in: contactIds }, deletedAt: null },
          select: {
            id: true,
            number: true,
            fullName: true,
            email: true,
            mobile: true,
            phone: true,
            company: selectName,
          },
        })
      : [],
    companyIds.length
      ? db.company.findMany({
          where: { id: { in: companyIds }, deletedAt: null },
          select: { id: true, number: true, name: true, email: true, phone: true },
        })
      : [],
  ]);
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  const companyById = new Map(companies.map((c) => [c.id, c]));
  const matches: LeadMatch[] = rawMatches
    .map((m): LeadMatch | null => {
      if (m.type === "contact") {
        const c = contactById.get(m.id);
        if (!c) return null;
        return {
          ...m,
          number: c.number,
          name: c.fullName,
          companyName: c.company?.name ?? null,
          email: c.email,
          phone: c.mobile ?? c.phone,
        };
      }
      const c = companyById.get(m.id);
      if (!c) return null;
      return { ...m, number: c.number, name: c.name, companyName: null, email: c.email, phone: c.phone };
    })
    .filter((m): m is LeadMatch => m !== null)
    .sort((a, b) => b.score - a.score);

  // Resolve every staff id and token group the history mentions in two queries.
  const details = lead.events.map((e) => asRecord(e.detail));
  const staffIds = new Set<number>();
  for (const [i, e] of lead.events.entries()) {
    if (e.actorType === "staff" && e.actorId) staffIds.add(e.actorId);
    for (const id of staffIdsIn(details[i]!)) staffIds.add(id);
  }
  const groupIds = new Set<number>();
  if (lead.routedTokenGroupId) groupIds.add(lead.routedTokenGroupId);
  for (const d of details) {
    const g = d.tokenGroupId ?? d.groupId;
    if (typeof g === "number") groupIds.add(g);
  }
  const [staff, groups] = await Promise.all([
    staffIds.size ? db.staff.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, name: true } }) : [],
    groupIds.size
      ? db.tokenGroup.findMany({ where: { id: { in: [...groupIds] } }, select: { id: true, name: true } })
      : [],
  ]);
  const staffNames = Object.fromEntries(staff.map((s) => [String(s.id), s.name]));
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));

  const events: LeadEventView[] = lead.events.map((e, i) => {
    const detail = details[i]!;
    const g = detail.tokenGroupId ?? detail.groupId ?? (e.type.includes("rout") ? lead.routedTokenGroupId : null);
    return {
      id: e.id.toString(),
      type: e.type,
      createdAt: e.createdAt,
      actorType: e.actorType,
      actorName: e.actorType === "staff" && e.actorId ? (staffNames[String(e.actorId)] ?? null) : null,
      detail,
      names: { staff: staffNames, tokenGroup: typeof g === "number" ? (groupNames.get(g) ?? null) : null },
    };
  });

  const { events: _events, matches: _matches, ...rest } = lead;
  // The intake's "possible duplicate" flag, shown with a link when that lead is still live and visible.
  const possibleDuplicateOf = lead.possibleDuplicateOfId
    ? await db.lead.findFirst({
        where: { id: lead.possibleDuplicateOfId, deletedAt: null, AND: [scope] },
        select: { id: true, number: true, contactName: true, companyName: true },
      })
    : null;
  return {
    ...rest,
    tokenGroupName: lead.routedTokenGroupId ? (groupNames.get(lead.routedTokenGroupId) ?? null) : null,
    matches,
    events,
    possibleDuplicateOf,
  };
}

export type LeadDetail = NonNullable<Awaited<ReturnType<typeof getLeadDetail>>>;

/**
 * May this actor see (`browse`) or change (`modify`) this lead? Pass the lead's `assignments` to let
 * a browser see a lead distributed to them (an active assignment); what an assignee may change is
 * decided per field group by lead-edit-rights.server.ts, not here.
 */
export function canAccessLead(
  actor: StaffActor,
  lead: {
    ownerId: number;
    owner: { teamId: number | null };
    assignments?: ReadonlyArray<{ staffId: number; recalledAt: Date | null }>;
  },
  action: "browse" | "modify" = "browse",
): boolean {
  const viewer = leadScope(actor, action);
  if (viewer.scope === null) return false;
  // Team scope without a team still covers one's own leads.
  if (lead.ownerId === viewer.staffId) return true;
  const roleAllows = inScope(
    viewer.scope,
    { id: viewer.staffId, teamId: viewer.teamId, teamIds: viewer.teamIds },
    { ownerId: lead.ownerId, ownerTeamId: lead.owner.teamId },
  );
  const assigned = lead.assignments?.some((a) => a.staffId === viewer.staffId && a.recalledAt === null) ?? false;
  // A distribution grant exists: the leads conflict strategy weighs it against the role (seed §2.P.5).
  return assigned ? resolveConflict(conflictStrategyFor(actor, "leads"), roleAllows, true) : roleAllows;
}

/** The owner opening their lead marks it seen (once; later visits keep the first time). */
export async function markLeadSeen(db: DbOrTx, leadId: number, staffId: number): Promise<boolean> {
  const result = await db.lead.updateMany({
    where: { id: leadId, ownerId: staffId, ownerSeenAt: null },
    data: { ownerSeenAt: new Date() },
  });
  return result.count > 0;
}
