import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { AUDIT_ENTITY } from "./member-admin.server.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import type { MemberListQuery } from "./member-list-query.ts";
import { contactCardSelect } from "./member-linking.server.ts";
import { liftDueSuspensions } from "./member-moderation.server.ts";

// The back office's view of members: a filtered, paged list and one member's full record with its
// audit trail. Read-only; changes live in member-linking and member-moderation.

export const MEMBERS_PAGE_SIZE = 20;

export { parseMemberListQuery, type MemberListQuery } from "./member-list-query.ts";

function listWhere(query: MemberListQuery): Prisma.MemberWhereInput {
  const and: Prisma.MemberWhereInput[] = [];
  if (query.q) {
    const q = query.q.normalize("NFKC");
    const or: Prisma.MemberWhereInput[] = [
      { email: { contains: q.toLowerCase() } },
      { nickname: { contains: q } },
      { realName: { contains: q } },
    ];
    // Phone-looking input matches the digits-only key, so "138-0013" finds "13800138000".
    if (/^[\d\s+()-]+$/.test(q)) {
      const digits = q.replace(/\D+/g, "");
      if (digits.length >= 3) or.push({ phoneKey: { contains: phoneKey(q) ?? digits } });
    }
    and.push({ OR: or });
  }
  if (query.status) and.push({ status: query.status });
  if (query.level) and.push({ level: query.level });
  if (query.verified === "yes") and.push({ realNameVerifiedAt: { not: null } });
  if (query.verified === "no") and.push({ realNameVerifiedAt: null });
  if (query.linked === "yes") and.push({ OR: [{ contactId: { not: null } }, { companyId: { not: null } }] });
  if (query.linked === "no") and.push({ contactId: null, companyId: null });
  return and.length ? { AND: and } : {};
}

/** Sort keys of the list (member-list-query.ts) as Prisma orders; the id breaks ties so pages never overlap. */
function listOrder(query: MemberListQuery): Prisma.MemberOrderByWithRelationInput[] {
  const dir = query.dir;
  switch (query.sort) {
    case "nickname":
      return [{ nickname: dir }, { id: dir }];
    case "realName":
      return [{ realName: { sort: dir, nulls: "last" } }, { id: dir }];
    case "level":
      return [{ level: dir }, { createdAt: "desc" }, { id: "desc" }];
    default:
      return [{ createdAt: dir }, { id: dir }];
  }
}

export async function listMembers(db: Db, query: MemberListQuery, now = new Date()) {
  // Timed suspensions that ran out are lifted first, so the status filter tells the truth.
  await liftDueSuspensions(db, "all", now);
  const where = listWhere(query);
  // Exact up to the cap, "10,000+" beyond: an exact count of every member would be a full scan.
  const { rows: items, ...paging } = await findPage(
    query.page,
    MEMBERS_PAGE_SIZE,
    (take) => db.member.count({ where, take }),
    (window) =>
      db.member.findMany({
        where,
        orderBy: listOrder(query),
        ...window,
        select: {
          id: true,
          email: true,
          nickname: true,
          realName: true,
          level: true,
          status: true,
          realNameVerifiedAt: true,
          createdAt: true,
          contact: { select: { id: true, number: true, fullName: true } },
          company: { select: { id: true, number: true, name: true } },
        },
      }),
  );
  // Tells "no members yet" apart from "no member matches these filters".
  const filtered = Object.keys(where).length > 0;
  const anyMembers = paging.total.count > 0 || (filtered && (await db.member.count({ take: 1 })) > 0);
  return { items, ...paging, anyMembers };
}

export async function getMemberDetail(db: Db, memberId: number, now = new Date()) {
  await liftDueSuspensions(db, [memberId], now);
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: {
      id: true,
      email: true,
      nickname: true,
      realName: true,
      phone: true,
      title: true,
      companyName: true,
      province: true,
      city: true,
      address: true,
      level: true,
      status: true,
      resumeStatus: true,
      suspendedUntil: true,
      suspensionReason: true,
      realNameVerifiedAt: true,
      verifiedById: true,
      notifyByEmail: true,
      activatedAt: true,
      lastSignInAt: true,
      deregisteredAt: true,
      createdAt: true,
      contact: { select: contactCardSelect },
      company: { select: { id: true, number: true, name: true, city: true } },
    },
  });
  if (!member) return null;
  const verifiedBy = member.verifiedById
    ? await db.staff.findUnique({ where: { id: member.verifiedById }, select: { name: true } })
    : null;
  return { ...member, verifiedByName: verifiedBy?.name ?? null };
}

export type AuditValue = string | number | boolean | null;

export interface MemberAuditEntry {
  id: string;
  createdAt: Date;
  actorType: string;
  actorName: string | null;
  action: string;
  changes: Array<{ field: string; before: AuditValue; after: AuditValue }>;
}

function asRecord(value: Prisma.JsonValue | null): Record<string, Prisma.JsonValue> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, Prisma.JsonValue>) : {};
}

function plain(value: Prisma.JsonValue | undefined): AuditValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/**
 * The member's audit trail, newest first, with who acted and each changed field before → after.
 * Ids that have a readable sibling (contactId beside contact) are left out of the changes.
 */
export async function listMemberAudit(db: DbOrTx, memberId: number, limit = 100): Promise<MemberAuditEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { entityType: AUDIT_ENTITY, entityId: String(memberId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  const staffIds = [...new Set(rows.filter((r) => r.actorType === "staff" && r.actorId).map((r) => r.actorId!))];
  const memberIds = [...new Set(rows.filter((r) => r.actorType === "member" && r.actorId).map((r) => r.actorId!))];
  const [staff, members] = await Promise.all([
    staffIds.length ? db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } }) : [],
    memberIds.length
      ? db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, nickname: true } })
      : [],
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const memberName = new Map(members.map((m) => [m.id, m.nickname]));
  return rows.map((row) => {
    const before = asRecord(row.before);
    const after = asRecord(row.after);
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (field) => !(field.endsWith("Id") && (field.slice(0, -2) in before || field.slice(0, -2) in after)),
    );
    return {
      id: row.id.toString(),
      createdAt: row.createdAt,
      actorType: row.actorType,
      actorName:
        row.actorId === null
          ? null
          : ((row.actorType === "staff" ? staffName.get(row.actorId) : memberName.get(row.actorId)) ?? null),
      action: row.action,
      changes: fields.map((field) => ({ field, before: plain(before[field]), after: plain(after[field]) })),
    };
  });
}
