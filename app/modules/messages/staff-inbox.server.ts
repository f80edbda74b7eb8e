import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { countCappedBy } from "#app/modules/views/count-capped.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import type { StaffFilter } from "./message-input.ts";
import { isMemberAnonymised, PAGE_SIZE } from "./site-messages.server.ts";
import type { StaffInboxQuery, StaffInboxSort } from "./staff-inbox-query.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// The back office's 站内消息 list: every member conversation, by tab (all / unassigned / mine),
// searchable by subject and member, sortable by its columns, with a capped total and per-tab counts.

/** Member conversations only: forum notices (kind "forumNotice", decision 053) are not for the inbox. */
const CONVERSATIONS = { kind: "conversation" } satisfies Prisma.MessageThreadWhereInput;

function tabWhere(filter: StaffFilter, staffId: number): Prisma.MessageThreadWhereInput {
  if (filter === "unassigned") return { assignedStaffId: null };
  if (filter === "mine") return { assignedStaffId: staffId };
  return {};
}

function searchWhere(q: string): Prisma.MessageThreadWhereInput {
  if (!q) return {};
  return {
    OR: [
      { subject: { contains: q } },
      // Anonymised (deregistered) members are not findable by what they once were.
      {
        member: {
          status: { not: "deregistered" },
          OR: [{ nickname: { contains: q } }, { email: { contains: q.toLowerCase() } }],
        },
      },
    ],
  };
}

function orderOf(sort: StaffInboxSort, dir: "asc" | "desc"): Prisma.MessageThreadOrderByWithRelationInput[] {
  const then = [{ lastMessageAt: "desc" as const }, { id: "desc" as const }];
  if (sort === "unread") return [{ staffUnreadCount: dir }, ...then];
  if (sort === "subject") return [{ subject: dir }, { id: "desc" }];
  return [{ lastMessageAt: dir }, { id: dir }];
}

const rowSelect = {
  id: true,
  subject: true,
  lastMessageAt: true,
  staffUnreadCount: true,
  member: { select: { id: true, nickname: true, email: true, status: true } },
  assignedStaff: selectIdAndName,
  _count: { select: { messages: true } },
  messages: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { authorType: true } },
} satisfies Prisma.MessageThreadSelect;

export async function listStaffInbox(db: Db, actor: StaffActor, query: StaffInboxQuery) {
  if (!can(actor, "members", "browse")) return null;
  const where: Prisma.MessageThreadWhereInput = {
    AND: [CONVERSATIONS, tabWhere(query.filter, actor.staffId), searchWhere(query.q)],
  };
  const [total, all, unassigned, mine] = await Promise.all([
    countCappedBy((take) => db.messageThread.count({ where, take })),
    db.messageThread.count({ where: CONVERSATIONS }),
    db.messageThread.count({ where: { ...CONVERSATIONS, assignedStaffId: null } }),
    db.messageThread.count({ where: { ...CONVERSATIONS, assignedStaffId: actor.staffId } }),
  ]);
  const { page, pageCount, ...window } = pageWindow(total.count, query.page, PAGE_SIZE);
  const rows = await db.messageThread.findMany({
    where,
    orderBy: orderOf(query.sort, query.dir),
    ...window,
    select: rowSelect,
  });
  const items = rows.map((row) => {
    const anonymised = isMemberAnonymised(row.member.status);
    return {
      id: row.id,
      subject: row.subject,
      lastMessageAt: row.lastMessageAt,
      unread: row.staffUnreadCount,
      messageCount: row._count.messages,
      member: {
        id: row.member.id,
        anonymised,
        nickname: anonymised ? null : row.member.nickname,
        email: anonymised ? null : row.member.email,
      },
      assignee: row.assignedStaff,
      awaitingReply: row.messages[0]?.authorType === "member",
    };
  });
  return { items, total, page, pageCount, counts: { all, unassigned, mine } satisfies Record<StaffFilter, number> };
}

export type StaffInboxItem = NonNullable<Awaited<ReturnType<typeof listStaffInbox>>>["items"][number];
