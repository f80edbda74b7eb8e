import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { countCappedBy } from "#app/modules/views/count-capped.server.ts";
import type { NotificationListQuery } from "./notification-list-query.ts";
import { NOTIFICATION_PAGE_SIZE } from "./notification-inbox.server.ts";

// The staff member's own notifications as a list page: all or unread only, newest or oldest first,
// keyset pages on id in both directions (cursor "n<id>": the page after that row in the chosen
// order, "p<id>": the page before it), with a capped total. Only ever the actor's own rows.

export type NotificationRow = Prisma.NotificationGetPayload<{
  select: { id: true; title: true; body: true; link: true; readAt: true; createdAt: true };
}>;

export interface NotificationListPage {
  items: NotificationRow[];
  /** Cursor of the next page in the chosen order, or null on the last one. */
  next: string | null;
  /** Cursor of the previous page, or null on the first one. */
  prev: string | null;
  total: { count: number; capped: boolean };
  /** The cursor pointed past the end (the rows went away): the page offers the first page. */
  pastEnd: boolean;
}

const CURSOR = /^([np])(\d{1,10})$/;

export async function listNotificationList(
  db: DbOrTx,
  actor: StaffActor,
  query: NotificationListQuery,
  take = NOTIFICATION_PAGE_SIZE,
): Promise<NotificationListPage> {
  const where: Prisma.NotificationWhereInput = {
    staffId: actor.staffId,
    ...(query.state === "unread" ? { readAt: null } : {}),
  };
  const cursor = query.cursor ? CURSOR.exec(query.cursor) : null;
  const forward = !cursor || cursor[1] === "n";
  const edge = cursor ? Number(cursor[2]) : null;
  // Reading backwards flips the order, then the page is turned round again.
  const desc = query.dir === "desc";
  const order: Prisma.SortOrder = desc === forward ? "desc" : "asc";
  const beyond = edge === null ? {} : { id: order === "desc" ? { lt: edge } : { gt: edge } };

  const [rows, total] = await Promise.all([
    db.notification.findMany({
      where: { ...where, ...beyond },
      orderBy: { id: order },
      take: take + 1,
      select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    countCappedBy((cap) => db.notification.count({ where, take: cap })),
  ]);
  const more = rows.length > take;
  const page = rows.slice(0, take);
  const items = forward ? page : page.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    next: last && (forward ? more : edge !== null) ? `n${last.id}` : null,
    prev: first && (forward ? edge !== null : more) ? `p${first.id}` : null,
    total,
    pastEnd: items.length === 0 && edge !== null,
  };
}
