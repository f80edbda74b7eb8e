import type { DbOrTx } from "#app/lib/db.server.ts";

// In-app notifications for staff (the bell). Producers write them inside their own transaction.

export interface NewNotification {
  staffId: number;
  type: string;
  title: string;
  body?: string | null;
  /** A back-office path, e.g. /crm/leads/42. */
  link?: string | null;
}

export async function notifyStaff(tx: DbOrTx, notification: NewNotification): Promise<void> {
  // createMany: one INSERT (create reads the row back in a second statement; nobody needs it here).
  await tx.notification.createMany({
    data: {
      staffId: notification.staffId,
      type: notification.type,
      title: notification.title.slice(0, 200),
      body: notification.body?.slice(0, 1000) ?? null,
      link: notification.link ?? null,
    },
  });
}

export function countUnreadNotifications(db: DbOrTx, staffId: number): Promise<number> {
  return db.notification.count({ where: { staffId, readAt: null } });
}

export function listNotifications(db: DbOrTx, staffId: number, options: { take?: number; beforeId?: number } = {}) {
  return db.notification.findMany({
    where: { staffId, ...(options.beforeId ? { id: { lt: options.beforeId } } : {}) },
    orderBy: { id: "desc" },
    take: options.take ?? 20,
  });
}

/** Marks one (or, without an id, all) of the staff member's notifications read. */
export async function markNotificationsRead(db: DbOrTx, staffId: number, notificationId?: number): Promise<number> {
  const result = await db.notification.updateMany({
    where: { staffId, readAt: null, ...(notificationId ? { id: notificationId } : {}) },
    data: { readAt: new Date() },
  });
  return result.count;
}
