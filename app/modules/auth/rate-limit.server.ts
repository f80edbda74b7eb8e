import { createHash } from "node:crypto";
import type { Db } from "#app/lib/db.server.ts";

// Fixed-window counters in the database, so every app instance sees the same counts (no in-memory
// store that a second instance or a restart would reset). Keys are hashed: no e-mail or IP in clear.

export interface RateLimitRule {
  /** What is limited, e.g. "staff-login:account". */
  scope: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  count: number;
  limited: boolean;
  retryAfterSeconds: number;
}

function bucketKey(scope: string, subject: string): string {
  return createHash("sha256").update(`${scope}\u0000${subject}`).digest("hex");
}

/**
 * Counts one event and returns the count in the current window. The counter moves in one
 * auto-committed statement, so no transaction holds the hot row (or a pooled connection) while a
 * burst queues behind it; the read after it may include other requests' hits that landed in
 * between, which errs on the side of limiting.
 */
export async function hitRateLimit(
  db: Db,
  rule: RateLimitRule,
  subject: string,
  now = new Date(),
): Promise<RateLimitState> {
  const key = bucketKey(rule.scope, subject);
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  const expiresAt = new Date(now.getTime() + rule.windowMs);
  // Assignments run left to right: `count` is decided before `windowStart` moves.
  await db.$executeRaw`INSERT INTO \`RateLimitBucket\` (\`key\`, count, windowStart, expiresAt)
    VALUES (${key}, 1, ${now}, ${expiresAt})
    ON DUPLICATE KEY UPDATE
      count = IF(windowStart <= ${windowFloor}, 1, count + 1),
      expiresAt = IF(windowStart <= ${windowFloor}, ${expiresAt}, expiresAt),
      windowStart = IF(windowStart <= ${windowFloor}, ${now}, windowStart)`;
  const row = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
  return toState(row, rule, now);
}

/** The current count without counting anything. */
export async function peekRateLimit(
  db: Db,
  rule: RateLimitRule,
  subject: string,
  now = new Date(),
): Promise<RateLimitState> {
  const row = await db.rateLimitBucket.findUnique({ where: { key: bucketKey(rule.scope, subject) } });
  if (!row || row.windowStart.getTime() <= now.getTime() - rule.windowMs) {
    return { count: 0, limited: false, retryAfterSeconds: 0 };
  }
  return toState(row, rule, now);
}

export async function resetRateLimit(db: Db, rule: RateLimitRule, subject: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: bucketKey(rule.scope, subject) } });
}

/** Housekeeping for the worker: expired buckets carry no information. */
export async function purgeExpiredRateLimits(db: Db, now = new Date()): Promise<number> {
  const result = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
  return result.count;
}

function toState(row: { count: number; windowStart: Date }, rule: RateLimitRule, now: Date): RateLimitState {
  const resetAt = row.windowStart.getTime() + rule.windowMs;
  return {
    count: row.count,
    limited: row.count >= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)),
  };
}
