import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { notificationList } from "./notification-list-query.ts";
import { listNotificationList } from "./notification-list.server.ts";
import { markNotificationsRead, notifyStaff } from "./notifications.server.ts";

const query = (search: string) => notificationList.parse(new URLSearchParams(search));

describe("notification list", () => {
  beforeEach(() => resetDatabase());

  it("pages by keyset in both directions and both orders, only over the actor's own notifications", async () => {
    const { staff } = await createTestStaff(db);
    const { staff: other } = await createTestStaff(db);
    const me = staffActorFor(staff);
    for (let i = 1; i <= 7; i++) await notifyStaff(db, { staffId: staff.id, type: "x", title: `通知 ${i}` });
    await notifyStaff(db, { staffId: other.id, type: "x", title: "别人的" });
    const titles = (page: { items: Array<{ title: string }> }) => page.items.map((n) => n.title.replace("通知 ", ""));

    const p1 = await listNotificationList(db, me, query(""), 3);
    expect(titles(p1)).toEqual(["7", "6", "5"]);
    expect(p1).toMatchObject({ prev: null, total: { count: 7, capped: false }, pastEnd: false });
    const p2 = await listNotificationList(db, me, query(`cursor=${p1.next}`), 3);
    const p3 = await listNotificationList(db, me, query(`cursor=${p2.next}`), 3);
    expect([titles(p2), titles(p3)]).toEqual([["4", "3", "2"], ["1"]]);
    expect(p3.next).toBeNull();
    const back = await listNotificationList(db, me, query(`cursor=${p3.prev}`), 3);
    expect(titles(back)).toEqual(["4", "3", "2"]);
    const top = await listNotificationList(db, me, query(`cursor=${back.prev}`), 3);
    expect(titles(top)).toEqual(["7", "6", "5"]);
    expect(top.prev).toBeNull();

    const oldest = await listNotificationList(db, me, query("dir=asc"), 3);
    expect(titles(oldest)).toEqual(["1", "2", "3"]);
    const later = await listNotificationList(db, me, query(`dir=asc&cursor=${oldest.next}`), 3);
    expect(titles(later)).toEqual(["4", "5", "6"]);

    const past = await listNotificationList(db, me, query("cursor=n1"), 3);
    expect(past).toMatchObject({ items: [], pastEnd: true });
  });

  it("filters to unread and counts what the filter keeps", async () => {
    const { staff } = await createTestStaff(db);
    const me = staffActorFor(staff);
    await notifyStaff(db, { staffId: staff.id, type: "x", title: "已读的" });
    await markNotificationsRead(db, staff.id);
    await notifyStaff(db, { staffId: staff.id, type: "x", title: "未读的" });

    const unread = await listNotificationList(db, me, query("state=unread"));
    expect(unread.items.map((n) => n.title)).toEqual(["未读的"]);
    expect(unread.total).toEqual({ count: 1, capped: false });
    expect((await listNotificationList(db, me, query(""))).total.count).toBe(2);
    expect(notificationList.isFiltered(query("state=unread"))).toBe(true);
  });
});
