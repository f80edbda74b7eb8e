import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { loader as readyz } from "#app/routes/readyz.ts";
import { matchIndex } from "#search/fuzzy/contact-index.server.ts";
import { createMatchContact } from "#tests/factories/matching.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { matchIndexReadiness, resetMatchIndexReadiness, startMatchIndexWarmup } from "./index-readiness.server.ts";

// The fuzzy-match index is built at start-up and /readyz is not ready until it is (issue #15 item 8).

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => resetMatchIndexReadiness());
afterAll(async () => {
  await db.$disconnect();
});

describe("match index readiness", () => {
  it("is not ready (readyz 503, index 'building') until the build finishes, then ready (200 ok)", async () => {
    const build = deferred();
    const warm = startMatchIndexWarmup(db, { build: () => build.promise, log: quiet });
    expect(matchIndexReadiness()).toEqual({ ready: false, state: "building" });
    const before = await readyz();
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: "unavailable", matchIndex: "building", database: "ok" });
    build.resolve();
    await warm;
    expect(matchIndexReadiness()).toEqual({ ready: true, state: "ready" });
    const after = await readyz();
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: "ok", matchIndex: "ready", database: "ok" });
  });

  it("builds the real index from the database before reporting ready", async () => {
    await resetDatabase();
    const contact = await createMatchContact(db, { name: "林毅", email: "linyi@xingchen.cn" });
    matchIndex().contacts.clear();
    const warm = startMatchIndexWarmup(db, { log: quiet });
    expect(matchIndexReadiness().ready).toBe(false);
    await warm;
    expect(matchIndexReadiness().ready).toBe(true);
    expect(matchIndex().contacts.has(contact.id)).toBe(true);
  });

  it("is bounded: a build that outlasts the bound or fails is logged and the server reports ready", async () => {
    const warned: string[] = [];
    const log = { ...quiet, warn: (m: string) => warned.push(m) };
    const slow = deferred();
    await startMatchIndexWarmup(db, { build: () => slow.promise, timeoutMs: 20, log });
    expect(matchIndexReadiness()).toEqual({ ready: true, state: "timed-out" });
    expect(warned[0]).toMatch(/still building after 20 ms/);
    slow.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(matchIndexReadiness().state).toBe("ready");

    resetMatchIndexReadiness();
    const errors: unknown[] = [];
    await startMatchIndexWarmup(db, {
      build: () => Promise.reject(new Error("db down")),
      log: { ...quiet, error: (_m: string, e: unknown) => errors.push(e) },
    });
    expect(matchIndexReadiness()).toEqual({ ready: true, state: "failed" });
    expect(errors).toHaveLength(1);
  });

  it("starts once per process", async () => {
    let builds = 0;
    const build = async () => {
      builds++;
    };
    await Promise.all([
      startMatchIndexWarmup(db, { build, log: quiet }),
      startMatchIndexWarmup(db, { build, log: quiet }),
    ]);
    expect(builds).toBe(1);
  });
});
