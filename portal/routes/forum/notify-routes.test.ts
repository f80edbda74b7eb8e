import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { replyToThread } from "#app/modules/forum/forum-posts.server.ts";
import { createThread } from "#app/modules/forum/forum-threads.server.ts";
import { createClassroom, memberViewer } from "#app/modules/forum/forum.test-helpers.ts";
import { deliverPostNotifications } from "#app/modules/forum/notify/delivery.server.ts";
import { mailPreferences, saveMailPreferences } from "#app/modules/forum/notify/preferences.server.ts";
import { unsubscribeToken } from "#app/modules/forum/notify/unsubscribe-token.server.ts";
import { get, memberCookieFor, outcome, post, statusOf } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import * as accountForum from "../account-forum.tsx";
import * as classroomPage from "./classroom.tsx";
import * as unsubscribe from "./unsubscribe.tsx";

// The notification routes (decision 042): one-click unsubscribe without signing in, the 我的账户 page
// (preferences and watches) and the classroom page's watch button. Odd input is a 4xx, never a 500.

describe("forum notification routes", () => {
  beforeEach(() => resetDatabase());

  it("unsubscribes by one-click POST without a session, cancelling queued forum mail; bad tokens are 404", async () => {
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const watcher = await memberViewer(db);
    const created = await createThread(db, asker, room.id, { title: "如何备份数据库", body: "<p>请教</p>" });
    if (created.status !== "ok") throw new Error("setup");
    const threadId = created.value.threadId;
    await db.forumWatch.create({ data: { threadId, memberId: watcher.memberId } });
    await saveMailPreferences(db, watcher.memberId, { reply: "immediate", thread: "digest", mention: "immediate" });
    const reply = await replyToThread(db, asker, threadId, { body: "<p>用 mysqldump</p>" });
    if (reply.status !== "ok") throw new Error("setup");
    await deliverPostNotifications(db, reply.value.postId);
    const [queued] = await db.emailOutbox.findMany({ where: { template: "forum-notification" } });
    expect(queued?.status).toBe("pending");

    const token = await unsubscribeToken(db, watcher.memberId);
    const path = `/forum/unsubscribe/${token}`;
    expect(await statusOf(() => unsubscribe.loader(get(path, null, { token })))).toBe(200);
    for (const bad of ["x", `${watcher.memberId}.${"A".repeat(43)}`, `99999.${token.split(".")[1]}`, "%00"]) {
      expect(await statusOf(() => unsubscribe.loader(get(`/forum/unsubscribe/${bad}`, null, { token: bad })))).toBe(
        404,
      );
      expect(
        await statusOf(() =>
          unsubscribe.action(
            post(`/forum/unsubscribe/${bad}`, null, { "List-Unsubscribe": "One-Click" }, { token: bad }),
          ),
        ),
      ).toBe(404);
    }
    expect(await mailPreferences(db, watcher.memberId)).toEqual({
      reply: "immediate",
      thread: "digest",
      mention: "immediate",
    });

    // What a mail provider sends (RFC 8058): a POST with List-Unsubscribe=One-Click, no cookies.
    const done = await outcome(() =>
      unsubscribe.action(post(path, null, { "List-Unsubscribe": "One-Click" }, { token })),
    );
    expect(done.status).toBe(200);
    expect(await mailPreferences(db, watcher.memberId)).toEqual({ reply: "off", thread: "off", mention: "off" });
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: queued!.id } })).status).toBe("failed");
  });

  it("saves preferences and unwatches in 我的账户; odd input changes nothing", async () => {
    const room = await createClassroom(db);
    const member = await memberViewer(db);
    const other = await memberViewer(db);
    const cookie = await memberCookieFor(member.memberId);
    expect((await outcome(() => accountForum.loader(get("/account/forum", null)))).status).toBe(302);

    const saved = await outcome(() =>
      accountForum.action(
        post("/account/forum", cookie, { intent: "save", reply: "off", thread: "immediate", mention: "digest" }),
      ),
    );
    expect(saved.status).toBe(302);
    expect(await mailPreferences(db, member.memberId)).toEqual({
      reply: "off",
      thread: "immediate",
      mention: "digest",
    });
    const oddForms: Array<Record<string, string>> = [
      { intent: "save", reply: "weekly", thread: "off", mention: "off" },
      { intent: "save" },
    ];
    for (const fields of oddForms) {
      expect(await statusOf(() => accountForum.action(post("/account/forum", cookie, fields)))).toBe(400);
    }
    expect(await mailPreferences(db, member.memberId)).toEqual({
      reply: "off",
      thread: "immediate",
      mention: "digest",
    });
    expect(await statusOf(() => accountForum.action(post("/account/forum", cookie, { intent: "nope" })))).toBe(400);

    // Watch the classroom from its page, see it in 我的账户, unwatch it there.
    const watch = post(`/forum/${room.id}`, cookie, { intent: "watchClassroom" }, { classroomId: String(room.id) });
    expect(await statusOf(() => classroomPage.action(watch))).toBe(302);
    const page = await outcome(() =>
      classroomPage.loader(get(`/forum/${room.id}`, cookie, { classroomId: String(room.id) })),
    );
    expect((page.body as { watching: boolean }).watching).toBe(true);
    const visitorWatch = post(
      `/forum/${room.id}`,
      null,
      { intent: "watchClassroom" },
      { classroomId: String(room.id) },
    );
    expect(await statusOf(() => classroomPage.action(visitorWatch))).toBe(404);
    const odd = post(`/forum/${room.id}`, cookie, { intent: "x" }, { classroomId: String(room.id) });
    expect(await statusOf(() => classroomPage.action(odd))).toBe(400);

    const listed = await outcome(() => accountForum.loader(get("/account/forum", cookie)));
    expect((listed.body as { classrooms: Array<{ id: number }> }).classrooms.map((c) => c.id)).toEqual([room.id]);
    // Another member's watch is not theirs to remove; bad ids are refused.
    await db.forumClassroomWatch.create({ data: { classroomId: room.id, memberId: other.memberId } });
    for (const id of ["abc", "-1", "99999999999"]) {
      expect(
        await statusOf(() => accountForum.action(post("/account/forum", cookie, { intent: "unwatchThread", id }))),
      ).toBe(400);
    }
    expect(
      await statusOf(() =>
        accountForum.action(post("/account/forum", cookie, { intent: "unwatchThread", id: "12345" })),
      ),
    ).toBe(404);
    expect(
      await statusOf(() =>
        accountForum.action(post("/account/forum", cookie, { intent: "unwatchClassroom", id: String(room.id) })),
      ),
    ).toBe(302);
    expect(await db.forumClassroomWatch.count({ where: { classroomId: room.id } })).toBe(1);
  });
});
