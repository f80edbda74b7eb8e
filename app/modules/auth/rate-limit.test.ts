import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { hitRateLimit, peekRateLimit, purgeExpiredRateLimits, resetRateLimit } from "./rate-limit.server.ts";

const RULE = { scope: "test", limit: 5, windowMs: 60_000 };

describe("database rate limits", () => {
  beforeEach(() => resetDatabase());

  it("counts hits and reports the limit once reached", async () => {
    const states = [];
    for (let i = 0; i < 5; i++) states.push(await hitRateLimit(db, RULE, "a"));
    expect(states.map((s) => s.count)).toEqual([1, 2, 3, 4, 5]);
    expect(states.map((s) => s.limited)).toEqual([false, false, false, false, true]);
    expect((await peekRateLimit(db, RULE, "a")).limited).toBe(true);
    expect((await peekRateLimit(db, RULE, "b")).count).toBe(0);
  });

  it("counts every one of many concurrent hits exactly once", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(db, RULE, "burst")));
    // No increment is lost; each caller reads a count at least as high as its own hit (never lower,
    // so a burst cannot slip under the limit), and the last read sees them all.
    expect((await peekRateLimit(db, RULE, "burst")).count).toBe(25);
    expect(results.every((r) => r.count >= 1 && r.count <= 25 && r.limited === r.count >= RULE.limit)).toBe(true);
    expect(Math.max(...results.map((r) => r.count))).toBe(25);
  });

  it("finishes 40 concurrent hits on one bucket with a pool of 10, none lost", async () => {
    // A hit is one auto-committed statement; it waits only for the row, never for a pooled
    // transaction slot, so 40 concurrent hits with a pool of 10 all finish.
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(db, RULE, "pool")));
    expect(results).toHaveLength(40);
    expect((await peekRateLimit(db, RULE, "pool")).count).toBe(40);
  });

  it("starts a new window after the old one ends", async () => {
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) await hitRateLimit(db, RULE, "w", t0);
    const later = new Date(t0.getTime() + RULE.windowMs + 1);
    expect((await peekRateLimit(db, RULE, "w", later)).limited).toBe(false);
    expect((await hitRateLimit(db, RULE, "w", later)).count).toBe(1);
  });

  it("reports when to retry, and resets and purges buckets", async () => {
    const t0 = new Date("2026-11-22T10:00:00Z");
    const state = await hitRateLimit(db, RULE, "r", t0);
    expect(state.retryAfterSeconds).toBe(60);
    await resetRateLimit(db, RULE, "r");
    expect((await peekRateLimit(db, RULE, "r", t0)).count).toBe(0);
    await hitRateLimit(db, RULE, "old", t0);
    expect(await purgeExpiredRateLimits(db, new Date(t0.getTime() + 2 * RULE.windowMs))).toBe(1);
  });
});
