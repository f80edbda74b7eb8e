import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { listNotificationPage, openNotification } from "./notification-inbox.server.ts";
import { countUnreadNotifications, markNotificationsRead, notifyStaff } from "./notifications.server.ts";

describe("notification inbox", () => {
  beforeEach(() => resetDatabase());

  it("pages newest first in both directions without gaps, showing only the staff member's own", async () => {
    const { staff: me } = await createTestStaff(db);
    const { staff: other } = await createTestStaff(db);
    for (let i = 1; i <= 7; i++) {
      await notifyStaff(db, { staffId: me.id, type: "lead-assigned", title: `新线索 ${i}`, link: `/crm/leads/${i}` });
    }
    await notifyStaff(db, { staffId: other.id, type: "lead-assigned", title: "别人的" });

    const p1 = await listNotificationPage(db, me.id, { take: 3 });
    const p2 = await listNotificationPage(db, me.id, { take: 3, after: p1.older });
    const p3 = await listNotificationPage(db, me.id, { take: 3, after: p2.older });
    const titles = [...p1.items, ...p2.items, ...p3.items].map((n) => n.title);
    expect(titles).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `新线索 ${i}`));
    expect(p1.newer).toBeNull();
    expect(p3.older).toBeNull();
    const back = await listNotificationPage(db, me.id, { take: 3, before: p3.newer });
    expect(back.items.map((n) => n.id)).toEqual(p2.items.map((n) => n.id));
    const top = await listNotificationPage(db, me.id, { take: 3, before: back.newer });
    expect(top.items.map((n) => n.id)).toEqual(p1.items.map((n) => n.id));
    expect(top.newer).toBeNull();
  });

  it("opening marks one read and returns its back-office link; someone else's is left alone", async () => {
    const { staff: me } = await createTestStaff(db);
    const { staff: other } = await createTestStaff(db);
    await notifyStaff(db, { staffId: me.id, type: "lead-assigned", title: "a", link: "/crm/leads/42" });
    await notifyStaff(db, { staffId: me.id, type: "x", title: "b", link: "https://evil.example/crm" });
    await notifyStaff(db, { staffId: other.id, type: "x", title: "c", link: "/crm/leads/1" });
    const [a, b, c] = await db.notification.findMany({ orderBy: { id: "asc" } });

    expect(await openNotification(db, me.id, a!.id)).toEqual({ link: "/crm/leads/42" });
    expect((await db.notification.findUniqueOrThrow({ where: { id: a!.id } })).readAt).not.toBeNull();
    // An outside link is never followed, but the notification still counts as read.
    expect(await openNotification(db, me.id, b!.id)).toEqual({ link: null });
    expect(await openNotification(db, me.id, c!.id)).toBeNull();
    expect((await db.notification.findUniqueOrThrow({ where: { id: c!.id } })).readAt).toBeNull();
    expect(await countUnreadNotifications(db, me.id)).toBe(0);
    expect(await countUnreadNotifications(db, other.id)).toBe(1);
  });

  it("marks all of one staff member's notifications read at once", async () => {
    const { staff: me } = await createTestStaff(db);
    const { staff: other } = await createTestStaff(db);
    for (let i = 0; i < 3; i++) await notifyStaff(db, { staffId: me.id, type: "x", title: `n${i}` });
    await notifyStaff(db, { staffId: other.id, type: "x", title: "theirs" });
    expect(await markNotificationsRead(db, me.id)).toBe(3);
    expect(await countUnreadNotifications(db, me.id)).toBe(0);
    expect(await countUnreadNotifications(db, other.id)).toBe(1);
  });
});
