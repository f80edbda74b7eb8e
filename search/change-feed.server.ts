// The search change feed (issue #12 item 5, decision 047). Services record "record X of index I
// changed" as a SearchChange row inside their own transaction; every process that holds an embedded
// index tails the log from its own position and applies the rows to it, so every instance follows
// every change. Nobody consumes or deletes rows on the hot path: the worker prunes rows that every
// live consumer has passed (pruneSearchFeed).
//
// Ordering: ids come from AUTO_INCREMENT at insert time, but transactions commit in any order, so
// a reader can see id 12 before id 11 commits. The tailer therefore keeps two things: `position`,
// below which every id was applied (or is a gap older than `gapMs`: a rolled-back transaction or
// one longer than any we run), and the ids above it already applied. It reads new rows after the
// highest id seen and re-reads open gaps until they fill or expire. Applying is idempotent (the
// rows are reloaded from the database), so replaying from a safe position is always correct.

import { hostname } from "node:os";
import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";

export type SearchChangeOp = "upsert" | "delete";

export interface SearchChangeRow {
  id: bigint;
  index: string;
  entityId: number;
  op: string;
}

/** Rows per INSERT: keeps one statement's size bounded for large syncs. */
const INSERT_CHUNK = 1000;
/** Open gaps re-read per query (a burst with many rolled-back intakes can leave thousands). */
const GAP_RANGES_PER_QUERY = 200;
/** Watermark row of pruneSearchFeed: every id at or below it may be gone. */
export const PRUNED_CURSOR = "#pruned";

/** Records changes in the caller's transaction: the rows exist exactly when the change commits. */
export async function recordSearchChanges(
  tx: DbOrTx,
  index: string,
  ids: readonly number[],
  op: SearchChangeOp = "upsert",
): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
    const values = unique.slice(i, i + INSERT_CHUNK).map((id) => Prisma.sql`(${index}, ${id}, ${op})`);
    await tx.$executeRaw`INSERT INTO \`SearchChange\` (\`index\`, \`entityId\`, \`op\`) VALUES ${Prisma.join(values)}`;
  }
}

export interface FeedSettings {
  /** An id missing this long below the highest seen is given up (rolled back, or a longer transaction). */
  gapMs: number;
  /** Rows read per query. */
  batch: number;
}

function positiveEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function feedSettings(): FeedSettings {
  return { gapMs: positiveEnv("SEARCH_FEED_GAP_MS", 60_000), batch: positiveEnv("SEARCH_FEED_BATCH", 1000) };
}

export function makeConsumerId(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`.slice(0, 100);
}

/** The prune watermark: a consumer whose position is below it has lost rows and must rebuild. */
export async function prunedThrough(db: DbOrTx): Promise<bigint> {
  const row = await db.searchFeedCursor.findUnique({ where: { consumerId: PRUNED_CURSOR } });
  return row?.position ?? 0n;
}

/**
 * Where a consumer that rebuilds from the database starts tailing: the last id older than the gap
 * window (rows after it are replayed, which is harmless; rows of transactions still open are picked
 * up as gaps). Never below the prune watermark.
 */
export async function feedStartPosition(db: DbOrTx, settings: FeedSettings = feedSettings()): Promise<bigint> {
  const seconds = Math.ceil(settings.gapMs / 1000);
  const rows = await db.$queryRaw<Array<{ id: bigint | null }>>`SELECT MAX(\`id\`) AS id FROM \`SearchChange\`
    WHERE \`createdAt\` < NOW(3) - INTERVAL ${seconds} SECOND`;
  const old = rows[0]?.id ?? 0n;
  const watermark = await prunedThrough(db);
  return BigInt(old) > watermark ? BigInt(old) : watermark;
}

interface Gap {
  from: bigint;
  to: bigint;
  since: number;
}

export interface TailerOptions {
  db: Db;
  position: bigint;
  apply: (rows: SearchChangeRow[]) => Promise<void>;
  settings?: FeedSettings;
  now?: () => number;
}

/** Follows the feed from `position`, applying each row once per process (see the header). */
export class SearchFeedTailer {
  private positionValue: bigint;
  private maxSeen: bigint;
  private readonly seen = new Set<bigint>();
  private gaps: Gap[] = [];
  private readonly settings: FeedSettings;
  private readonly now: () => number;

  constructor(private readonly options: TailerOptions) {
    this.positionValue = options.position;
    this.maxSeen = options.position;
    this.settings = options.settings ?? feedSettings();
    this.now = options.now ?? Date.now;
  }

  /** Every row at or below it has been applied or given up: safe to restart from. */
  get position(): bigint {
    return this.positionValue;
  }

  get openGaps(): number {
    return this.gaps.length;
  }

  /** Reads and applies what is new; returns the number of rows applied (a full batch means more wait). */
  async step(): Promise<number> {
    const { db } = this.options;
    const fresh = await db.$queryRaw<SearchChangeRow[]>`SELECT \`id\`, \`index\`, \`entityId\`, \`op\`
      FROM \`SearchChange\` WHERE \`id\` > ${this.maxSeen} ORDER BY \`id\` LIMIT ${this.settings.batch}`;
    const filled = this.gaps.length > 0 ? await this.readGaps() : [];
    const rows = [...filled, ...fresh].map((r) => ({ ...r, id: BigInt(r.id), entityId: Number(r.entityId) }));
    // Applied first, marked after: a failed apply is retried on the next step.
    if (rows.length > 0) await this.options.apply(rows);
    for (const row of rows) {
      this.seen.add(row.id);
      if (row.id > this.maxSeen) this.maxSeen = row.id;
    }
    this.advance();
    return fresh.length;
  }

  /** Steps until the feed is drained (a step came back short). */
  async drain(): Promise<number> {
    let applied = 0;
    for (;;) {
      const n = await this.step();
      applied += n;
      if (n < this.settings.batch) return applied;
    }
  }

  /**
   * Re-reads only the missing ranges. (Reading everything from the first gap to the last, as before,
   * re-read every row applied since a gap opened, on every step, for as long as the gap stayed open:
   * up to the whole burst per step when an intake rolled back early in it.)
   */
  private async readGaps(): Promise<SearchChangeRow[]> {
    const rows: SearchChangeRow[] = [];
    for (let i = 0; i < this.gaps.length; i += GAP_RANGES_PER_QUERY) {
      const ranges = this.gaps
        .slice(i, i + GAP_RANGES_PER_QUERY)
        .map((gap) => Prisma.sql`\`id\` BETWEEN ${gap.from} AND ${gap.to}`);
      rows.push(
        ...(await this.options.db.$queryRaw<SearchChangeRow[]>`SELECT \`id\`, \`index\`, \`entityId\`, \`op\`
          FROM \`SearchChange\` WHERE ${Prisma.join(ranges, " OR ")} ORDER BY \`id\``),
      );
    }
    return rows.filter((r) => !this.seen.has(BigInt(r.id)));
  }

  /** Recomputes the missing ranges below the highest id seen and moves the position over what is settled. */
  private advance(): void {
    const now = this.now();
    const sorted = [...this.seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const gaps: Gap[] = [];
    let cursor = this.positionValue + 1n;
    for (const id of sorted) {
      if (id > cursor) gaps.push({ from: cursor, to: id - 1n, since: this.sinceOf(cursor, id - 1n, now) });
      cursor = id + 1n;
    }
    let position = this.positionValue;
    let g = 0;
    for (const id of sorted) {
      const gap = gaps[g];
      if (gap && gap.to < id) {
        if (now - gap.since < this.settings.gapMs) break;
        position = gap.to;
        g++;
      }
      position = id;
    }
    for (const id of sorted) if (id <= position) this.seen.delete(id);
    this.positionValue = position;
    this.gaps = gaps.filter((gap) => gap.from > position);
  }

  /** When a missing range was first noticed: the oldest overlapping known gap, else now. */
  private sinceOf(from: bigint, to: bigint, now: number): number {
    let since = now;
    for (const gap of this.gaps) if (gap.from <= to && gap.to >= from && gap.since < since) since = gap.since;
    return since;
  }
}

/** Records a consumer's position and that it is alive (pruning keeps what live consumers need). */
export async function heartbeatCursor(db: DbOrTx, consumerId: string, position: bigint): Promise<void> {
  await db.$executeRaw`INSERT INTO \`SearchFeedCursor\` (\`consumerId\`, \`position\`, \`heartbeatAt\`)
    VALUES (${consumerId}, ${position}, NOW(3))
    ON DUPLICATE KEY UPDATE \`position\` = VALUES(\`position\`), \`heartbeatAt\` = NOW(3)`;
}

export async function removeCursor(db: DbOrTx, consumerId: string): Promise<void> {
  await db.searchFeedCursor.deleteMany({ where: { consumerId } });
}

export interface PruneOptions {
  /** A consumer without a heartbeat this long is not waited for. */
  liveMs?: number;
  /** Rows stay at least this long, so a restart from a recent snapshot can catch up. */
  keepMs?: number;
  /** Rows older than this go whatever the consumers say (a stuck one rebuilds). */
  maxAgeMs?: number;
  /** Rows per DELETE, so pruning never holds locks for long. */
  chunk?: number;
}

/**
 * Deletes feed rows every live consumer has passed and that are older than `keepMs`, and any row
 * older than `maxAgeMs`; raises the watermark so a consumer starting from an older snapshot knows
 * it must rebuild. Safe on any number of workers (deletes of the same rows are idempotent).
 */
export async function pruneSearchFeed(db: Db, options: PruneOptions = {}): Promise<number> {
  const liveSeconds = Math.ceil((options.liveMs ?? positiveEnv("SEARCH_FEED_LIVE_MS", 120_000)) / 1000);
  const keepSeconds = Math.ceil((options.keepMs ?? positiveEnv("SEARCH_FEED_KEEP_MS", 30 * 60_000)) / 1000);
  const maxAgeSeconds = Math.ceil((options.maxAgeMs ?? positiveEnv("SEARCH_FEED_MAX_AGE_MS", 86_400_000)) / 1000);
  const chunk = options.chunk ?? 5000;
  const live = await db.$queryRaw<Array<{ position: bigint | null }>>`SELECT MIN(\`position\`) AS position
    FROM \`SearchFeedCursor\` WHERE \`consumerId\` <> ${PRUNED_CURSOR} AND \`heartbeatAt\` >= NOW(3) - INTERVAL ${liveSeconds} SECOND`;
  const passed = live[0]?.position === null || live[0]?.position === undefined ? null : BigInt(live[0].position);
  const bounds = await db.$queryRaw<Array<{ kept: bigint | null; aged: bigint | null }>>`SELECT
      (SELECT MAX(\`id\`) FROM \`SearchChange\` WHERE \`createdAt\` < NOW(3) - INTERVAL ${keepSeconds} SECOND) AS kept,
      (SELECT MAX(\`id\`) FROM \`SearchChange\` WHERE \`createdAt\` < NOW(3) - INTERVAL ${maxAgeSeconds} SECOND) AS aged`;
  const kept = bounds[0]?.kept === null || bounds[0]?.kept === undefined ? 0n : BigInt(bounds[0].kept);
  const aged = bounds[0]?.aged === null || bounds[0]?.aged === undefined ? 0n : BigInt(bounds[0].aged);
  // Without live consumers only the age limit applies: nobody is known to have passed anything.
  const byConsumers = passed === null ? 0n : passed < kept ? passed : kept;
  const upTo = byConsumers > aged ? byConsumers : aged;
  if (upTo <= 0n) return 0;
  // Watermark first: a consumer must never see rows missing without a watermark that says so.
  await db.$executeRaw`INSERT INTO \`SearchFeedCursor\` (\`consumerId\`, \`position\`, \`heartbeatAt\`)
    VALUES (${PRUNED_CURSOR}, ${upTo}, NOW(3))
    ON DUPLICATE KEY UPDATE \`position\` = GREATEST(\`position\`, VALUES(\`position\`)), \`heartbeatAt\` = NOW(3)`;
  let deleted = 0;
  for (;;) {
    const n = await db.$executeRaw`DELETE FROM \`SearchChange\` WHERE \`id\` <= ${upTo} ORDER BY \`id\` LIMIT ${chunk}`;
    deleted += n;
    if (n < chunk) break;
  }
  // Cursors of processes gone for a day are forgotten.
  await db.$executeRaw`DELETE FROM \`SearchFeedCursor\` WHERE \`consumerId\` <> ${PRUNED_CURSOR}
    AND \`heartbeatAt\` < NOW(3) - INTERVAL 1 DAY`;
  return deleted;
}
