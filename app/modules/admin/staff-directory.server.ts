import type { Prisma, StaffStatus } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import { countCappedBy } from "#app/modules/views/count-capped.server.ts";
import type { StaffSortKey } from "./staff-list-query.ts";
import { teamAndDescendantIds } from "./teams.server.ts";

// The staff list and detail of 用户管理. Admin-only pages (the route's guard), so no row scope.

export const STAFF_PAGE_SIZE = 25;

export interface StaffFilters {
  q?: string;
  status?: StaffStatus;
  /** A team: its members and those of its sub-teams. */
  teamId?: number;
  roleId?: number;
}

function staffOrder(sort?: { key: StaffSortKey; dir: "asc" | "desc" }): Prisma.StaffOrderByWithRelationInput[] {
  const dir = sort?.dir ?? "asc";
  switch (sort?.key) {
    case "team":
      return [{ team: { name: dir } }, { name: "asc" }, { id: "asc" }];
    case "lastSignIn":
      return [{ lastSignInAt: { sort: dir, nulls: "last" } }, { id: "asc" }];
    case "created":
      return [{ createdAt: dir }, { id: dir }];
    default:
      return [{ name: dir }, { id: dir }];
  }
}

export async function listStaff(
  db: DbOrTx,
  options: {
    filters?: StaffFilters;
    sort?: { key: StaffSortKey; dir: "asc" | "desc" };
    page?: number;
    take?: number;
  } = {},
) {
  const f = options.filters ?? {};
  const q = f.q?.trim();
  const teamIds = f.teamId ? await teamAndDescendantIds(db, f.teamId) : null;
  const where: Prisma.StaffWhereInput = {
    AND: [
      f.status ? { status: f.status } : {},
      teamIds ? { teamId: { in: teamIds } } : {},
      f.roleId ? { roles: { some: { roleId: f.roleId } } } : {},
      q
        ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }, { title: { contains: q } }] }
        : {},
    ],
  };
  const take = options.take ?? STAFF_PAGE_SIZE;
  const total = await countCappedBy((cap) => db.staff.count({ where, take: cap }));
  const { page, pageCount, ...window } = pageWindow(total.count, options.page ?? 1, take);
  const rows = await db.staff.findMany({
    where,
    orderBy: staffOrder(options.sort),
    ...window,
    select: {
      id: true,
      name: true,
      email: true,
      title: true,
      status: true,
      awayUntil: true,
      invitedAt: true,
      passwordHash: true,
      lastSignInAt: true,
      createdAt: true,
      team: { select: { id: true, name: true } },
      roles: { select: { role: { select: { id: true, name: true } } } },
    },
  });
  const items = rows.map(({ passwordHash, roles, ...row }) => ({
    ...row,
    // Invited and the link not used yet: the account has no password.
    invitationPending: passwordHash === "",
    roles: roles.map((r) => r.role),
  }));
  return { items, total, page, pageCount };
}

/** Options for the list's filters and the edit forms. */
export async function staffFormOptions(db: DbOrTx) {
  const [teams, roles] = await Promise.all([
    db.team.findMany({ select: { id: true, name: true }, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    db.role.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { teams, roles };
}

/** Active colleagues to hand work to (everyone but the given person and deactivated accounts). */
export function handOverCandidates(db: DbOrTx, exceptId: number) {
  return db.staff.findMany({
    where: { id: { not: exceptId }, status: { not: "inactive" } },
    select: { id: true, name: true, team: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
}

/** The profile fields an administrator edits on a staff account (and the detail page shows). */
export const staffProfileSelect = {
  id: true,
  name: true,
  email: true,
  title: true,
  phone: true,
  locale: true,
} satisfies Prisma.StaffSelect;

export async function getStaffDetail(db: DbOrTx, staffId: number, now = new Date()) {
  const staff = await db.staff.findUnique({
    where: { id: staffId },
    select: {
      ...staffProfileSelect,
      status: true,
      awayUntil: true,
      invitedAt: true,
      passwordSetAt: true,
      deactivatedAt: true,
      passwordHash: true,
      lastSignInAt: true,
      createdAt: true,
      team: { select: { id: true, name: true } },
      roles: { select: { role: { select: { id: true, name: true, isAdmin: true } } } },
      sessions: {
        where: { expiresAt: { gt: now } },
        select: { id: true, createdAt: true, lastVerifiedAt: true, ipAddress: true, userAgent: true },
        orderBy: { lastVerifiedAt: "desc" },
        take: 20,
      },
      tokenGroups: { select: { active: true, position: true, group: { select: { id: true, name: true } } } },
    },
  });
  if (!staff) return null;
  const { passwordHash, roles, sessions, ...rest } = staff;
  return {
    ...rest,
    invitationPending: passwordHash === "",
    roles: roles.map((r) => r.role),
    // Session ids are half of a credential: the page gets a short prefix to tell rows apart, never the id.
    sessions: sessions.map(({ id, ...s }) => ({ ...s, key: id.slice(0, 6) })),
  };
}

/** Name and status of one person (the hand-over page's subject). */
export function getStaffSummary(db: DbOrTx, staffId: number) {
  return db.staff.findUnique({ where: { id: staffId }, select: { id: true, name: true, status: true } });
}
