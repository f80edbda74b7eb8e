import type { DbOrTx } from "#app/lib/db.server.ts";
import { listNotifications, markNotificationsRead } from "./notifications.server.ts";

// The back-office notifications page: newest first, keyset pages on id in both directions, and
// "open" = mark read + follow the link.

export const NOTIFICATION_PAGE_SIZE = 20;

export interface NotificationPage {
  items: Awaited<ReturnType<typeof listNotifications>>;
  /** Cursor for older notifications (`?after=`), or null on the last page. */
  older: number | null;
  /** Cursor for newer notifications (`?before=`), or null on the first page. */
  newer: number | null;
}

export async function listNotificationPage(
  db: DbOrTx,
  staffId: number,
  options: { after?: number | null; before?: number | null; take?: number } = {},
): Promise<NotificationPage> {
  const take = options.take ?? NOTIFICATION_PAGE_SIZE;
  if (options.before) {
    const rows = await db.notification.findMany({
      where: { staffId, id: { gt: options.before } },
      orderBy: { id: "asc" },
      take: take + 1,
    });
    const hasNewer = rows.length > take;
    const items = rows.slice(0, take).reverse();
    return {
      items,
      newer: hasNewer && items[0] ? items[0].id : null,
      older: items.length ? items[items.length - 1]!.id : null,
    };
  }
  const rows = await listNotifications(db, staffId, { take: take + 1, beforeId: options.after ?? undefined });
  const hasOlder = rows.length > take;
  const items = rows.slice(0, take);
  return {
    items,
    older: hasOlder && items.length ? items[items.length - 1]!.id : null,
    newer: options.after && items[0] ? items[0].id : null,
  };
}

/** Only back-office paths are followed; anything else stays on the notifications page. */
function safeLink(link: string | null): string | null {
  if (!link || !link.startsWith("/crm") || link.startsWith("//")) return null;
  return /^\/crm(\/|\?|$)/.test(link) ? link : null;
}

/**
 * Marks one of the staff member's notifications read and says where it points. Null when the
 * notification does not exist or belongs to someone else (nothing is changed then).
 */
export async function openNotification(
  db: DbOrTx,
  staffId: number,
  notificationId: number,
): Promise<{ link: string | null } | null> {
  const notification = await db.notification.findFirst({
    where: { id: notificationId, staffId },
    select: { link: true },
  });
  if (!notification) return null;
  await markNotificationsRead(db, staffId, notificationId);
  return { link: safeLink(notification.link) };
}
