import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "#app/lib/db.server.ts";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { VISITOR } from "./forum-access.ts";
import { openThread } from "./forum-thread-page.server.ts";
import { createThread } from "./forum-threads.server.ts";
import { flushForumViews, recordView, ViewCounter } from "./forum-view-counter.server.ts";
import { createClassroom, memberViewer } from "./forum.test-helpers.ts";

async function twoThreads() {
  const room = await createClassroom(db);
  const asker = await memberViewer(db);
  const ids: number[] = [];
  for (const title of ["第一个问题的标题", "第二个问题的标题"]) {
    const result = await createThread(db, asker, room.id, { title, body: "<p>内容</p>" });
    if (result.status !== "ok") throw new Error(JSON.stringify(result));
    ids.push(result.value.threadId);
  }
  return ids as [number, number];
}

const stored = async (id: number) => (await db.forumThread.findUniqueOrThrow({ where: { id } })).viewCount;

describe("thread views counted in memory", () => {
  beforeEach(() => resetDatabase());

  it("writes nothing per view and adds every view once, across flushes and two processes", async () => {
    const [a, b] = await twoThreads();
    // Two server processes: each its own counter (no timer here; the test decides when they flush).
    const one = new ViewCounter(db, 0);
    const two = new ViewCounter(db, 0);
    one.record(a);
    expect(await stored(a)).toBe(0);
    const flushes: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      one.record(a);
      two.record(i % 2 === 0 ? a : b);
      // Flushes start while views keep arriving: what comes in during a write goes into the next batch.
      if (i % 7 === 0) flushes.push(one.flush(), two.flush());
    }
    expect(one.unwritten(a) + two.unwritten(a)).toBeGreaterThan(0);
    await Promise.all([...flushes, one.flush(), two.flush()]);
    expect(await stored(a)).toBe(1 + 60 + 30);
    expect(await stored(b)).toBe(30);
    expect(one.unwritten(a) + two.unwritten(a) + two.unwritten(b)).toBe(0);
    await one.flush(); // nothing left: no double count
    expect(await stored(a)).toBe(91);
  });

  it("keeps the views of a failed write for the next flush", async () => {
    const [a] = await twoThreads();
    let fail = true;
    const flaky = {
      $executeRaw: (...args: Parameters<Db["$executeRaw"]>) => {
        if (fail) return Promise.reject(new Error("connection lost"));
        return db.$executeRaw(...args);
      },
    } as unknown as Db;
    const counter = new ViewCounter(flaky, 0);
    counter.record(a);
    counter.record(a);
    await counter.flush();
    expect(await stored(a)).toBe(0);
    expect(counter.unwritten(a)).toBe(2);
    fail = false;
    counter.record(a);
    await counter.close();
    expect(await stored(a)).toBe(3);
  });

  it("shows the stored count plus this process's unwritten views, and flushes on shutdown", async () => {
    const [a] = await twoThreads();
    const page = await openThread(db, VISITOR, a);
    expect(recordView(db, a, page!.thread.viewCount)).toBe(1);
    expect(recordView(db, a, page!.thread.viewCount)).toBe(2);
    expect(await stored(a)).toBe(0);
    await flushForumViews();
    expect(await stored(a)).toBe(2);
    expect(recordView(db, a, await stored(a))).toBe(3);
    await flushForumViews();
    expect(await stored(a)).toBe(3);
  });
});
