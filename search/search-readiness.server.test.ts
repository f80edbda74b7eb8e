import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { checkReadiness } from "#app/lib/readiness.server.ts";
import { loader as readyz } from "#app/routes/readyz.ts";
import { createMatchContact } from "#tests/factories/matching.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import { setSearchEngine } from "./engine-selection.server.ts";
import { stopSearchFollower } from "./feed-follower.server.ts";
import { ensureSearchReady } from "./reindex.server.ts";
import { resetSearchReadiness, searchReadiness, trackSearchWarmup } from "./search-readiness.server.ts";

// /readyz is not ready until the search index is loaded (snapshot or rebuild) and caught up with the
// change feed (issue #12 item 3, decision 055).

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const snapshotDir = mkdtempSync(join(tmpdir(), "relay-readiness-"));

afterEach(() => {
  resetSearchReadiness();
  setSearchEngine(undefined);
  delete process.env.SEARCH_SNAPSHOT_DIR;
});
afterAll(async () => {
  rmSync(snapshotDir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("search readiness", () => {
  it("answers 503 (search 'loading') until the warm-up settles, then 200", async () => {
    const warmup = deferred();
    trackSearchWarmup(warmup.promise, () => {});
    const before = await readyz();
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: "unavailable", search: "loading" });
    // The database answers; only search holds readiness back.
    expect(await checkReadiness({ timeoutMs: 10_000 })).toMatchObject({
      ready: false,
      checks: { database: "ok", search: "loading" },
    });
    warmup.resolve();
    await warmup.promise;
    await Promise.resolve();
    // A generous ping timer: this checks the answer, not the speed (a busy machine's pool is slow).
    expect(await checkReadiness({ timeoutMs: 10_000 })).toMatchObject({ ready: true, checks: { search: "ready" } });
  });

  it("stays not ready after a failed warm-up and starts it again from the probe", async () => {
    const warmup = deferred();
    const retry = vi.fn();
    trackSearchWarmup(warmup.promise, retry);
    warmup.reject(new Error("database down"));
    await warmup.promise.catch(() => undefined);
    await Promise.resolve();
    const response = await readyz();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ search: "failed" });
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it("follows the process engine's real warm-up: loading, then ready with the database's records", async () => {
    await resetDatabase();
    const contact = await createMatchContact(db, { name: "林毅", email: "linyi@xingchen.cn" });
    process.env.SEARCH_SNAPSHOT_DIR = snapshotDir;
    const engine = new EmbeddedSearchEngine();
    setSearchEngine(engine);
    const warm = ensureSearchReady(engine);
    expect(searchReadiness()).toEqual({ ready: false, state: "loading" });
    await warm;
    try {
      expect(searchReadiness()).toEqual({ ready: true, state: "ready" });
      expect((await engine.stats("contacts")).documents).toBe(1);
      const result = await engine.query("contacts", { q: "林毅" });
      expect(result.hits.map((h) => Number(h.id))).toEqual([contact.id]);
    } finally {
      await stopSearchFollower(engine);
    }
  });

  it("ignores warm-ups of engines other than the process's own (tests, scripts)", async () => {
    await resetDatabase();
    process.env.SEARCH_SNAPSHOT_DIR = "off";
    const other = new EmbeddedSearchEngine();
    await ensureSearchReady(other);
    await stopSearchFollower(other);
    expect(searchReadiness()).toEqual({ ready: true, state: "not-started" });
  });
});
