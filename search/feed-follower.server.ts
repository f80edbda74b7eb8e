// Keeps this process's search engine following the change feed (decision 047).
// Embedded engine: every process has its own consumer (cursor row, position, heartbeat) and its own
// snapshot on disk; startEmbeddedSearch() loads the snapshot or rebuilds, catches up, then follows.
// Meilisearch: one shared index, so one shared consumer ("meilisearch"); whichever worker holds its
// cursor row lock applies the next rows (followSharedSearchFeed, called by the worker loop).

import { db as defaultDb, type Db } from "#app/lib/db.server.ts";
import { errorFields, log, type LogFields } from "#app/lib/log.server.ts";
import {
  SearchFeedTailer,
  feedStartPosition,
  heartbeatCursor,
  makeConsumerId,
  prunedThrough,
  removeCursor,
  type SearchChangeRow,
} from "./change-feed.server.ts";
import { type EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import type { SearchEngine } from "./engine.ts";
import { isSearchIndexName, ensureSearchIndexes } from "./indexes.ts";
import { reindexAll } from "./reindex.server.ts";
import { syncSearchDocuments } from "./search-jobs.server.ts";
import { databaseSnapshotIdentity, loadSnapshot, snapshotPath, writeSnapshot } from "./snapshot.server.ts";

/** Applies feed rows to an engine: per index, the distinct ids, reconciled with the database. */
export async function applySearchChanges(
  engine: SearchEngine,
  rows: readonly SearchChangeRow[],
  db: Db,
): Promise<void> {
  const byIndex = new Map<string, Set<number>>();
  for (const row of rows) {
    let ids = byIndex.get(row.index);
    if (!ids) byIndex.set(row.index, (ids = new Set()));
    ids.add(row.entityId);
  }
  for (const [index, ids] of byIndex) {
    // An index this build does not know (written by a newer version during a rolling upgrade).
    if (!isSearchIndexName(index)) continue;
    await syncSearchDocuments(index, [...ids], { engine, db });
  }
}

function numberEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * Why the feed cannot bring a snapshot at `position` up to date, or null: rows after it were pruned,
 * or the feed never got that far (the database was reset or restored from an older backup).
 */
async function snapshotUnusable(db: Db, position: bigint): Promise<string | null> {
  const watermark = await prunedThrough(db);
  if (position < watermark) return "feed pruned past the snapshot";
  const rows = await db.$queryRaw<Array<{ id: bigint | null }>>`SELECT MAX(\`id\`) AS id FROM \`SearchChange\``;
  const last = BigInt(rows[0]?.id ?? 0n);
  if (position > last && position > watermark) return "snapshot ahead of the feed (database reset or restored)";
  return null;
}

interface Follower {
  consumerId: string;
  tailer: SearchFeedTailer;
  /** Whose snapshot this is (`databaseSnapshotIdentity`). */
  database: string;
  /** Serialises steps, snapshots and stop: the index is never written by two of them at once. */
  chain: Promise<unknown>;
  stop?: () => Promise<void>;
}

const followers = new WeakMap<SearchEngine, Follower>();

function serial<T>(follower: Follower, run: () => Promise<T>): Promise<T> {
  const next = follower.chain.then(run, run);
  follower.chain = next.catch(() => undefined);
  return next;
}

export interface StartOptions {
  db?: Db;
  /** Snapshot file, or null for none. Default: SEARCH_SNAPSHOT_DIR (off under tests). */
  snapshot?: string | null;
  /** Poll the feed in the background (default: not under tests). */
  follow?: boolean;
  log?: (event: string, fields: LogFields) => void;
  /** Called after each batch of feed rows is applied (benchmarks measure the lag with it). */
  onApplied?: (rows: readonly SearchChangeRow[]) => void;
  /**
   * Resolve as soon as the snapshot is loaded and catch up from the feed in the background (the
   * default when following): searches are served seconds earlier, from an index that is behind
   * by at most what changed while the process was down, for as long as catching up takes.
   */
  readyBeforeCatchUp?: boolean;
}

/**
 * Fills an embedded engine (snapshot, else a rebuild from the database), catches up from the feed
 * and, unless told otherwise, keeps following it. Resolves when the index can answer: after a
 * rebuild once it is caught up, after a snapshot load at once (see `readyBeforeCatchUp`).
 */
export async function startEmbeddedSearch(engine: EmbeddedSearchEngine, options: StartOptions = {}): Promise<void> {
  const db = options.db ?? defaultDb;
  const underTest = process.env.NODE_ENV === "test";
  const path = options.snapshot !== undefined ? options.snapshot : underTest ? null : snapshotPath();
  const note = options.log ?? ((event, fields) => log.info(event, fields));
  const started = performance.now();
  let position: bigint | null = null;
  const database = path ? await databaseSnapshotIdentity(db) : "";
  if (path) {
    const loaded = await loadSnapshot(engine, path, database);
    const reason = loaded.ok ? await snapshotUnusable(db, loaded.position) : loaded.reason;
    if (loaded.ok && reason === null) {
      position = loaded.position;
      note("search.snapshot.loaded", { docs: loaded.docs, ms: loaded.ms, position: String(position) });
    } else {
      engine.reset();
      note("search.snapshot.skipped", { reason });
    }
  }
  let rebuilt = false;
  if (position === null) {
    position = await feedStartPosition(db);
    await reindexAll({ engine, db, clear: false, log: () => {} });
    rebuilt = true;
  } else {
    await ensureSearchIndexes(engine);
  }
  const follower: Follower = {
    consumerId: makeConsumerId(),
    database,
    tailer: new SearchFeedTailer({
      db,
      position,
      apply: async (rows) => {
        await applySearchChanges(engine, rows, db);
        options.onApplied?.(rows);
      },
    }),
    chain: Promise.resolve(),
  };
  followers.set(engine, follower);
  const follow = options.follow ?? !underTest;
  const source = rebuilt ? "database" : "snapshot";
  const catchUp = () => serial(follower, () => follower.tailer.drain());
  if (!rebuilt && (options.readyBeforeCatchUp ?? follow)) {
    note("search.ready", { ms: Math.round(performance.now() - started), source, position: String(position) });
    // The follower's steps queue behind this one, so nothing is applied twice at once.
    catchUp().then(
      (caughtUp) =>
        note("search.caught-up", {
          ms: Math.round(performance.now() - started),
          caughtUp,
          position: String(follower.tailer.position),
        }),
      (error: unknown) => log.error("search.feed.failed", errorFields(error)),
    );
  } else {
    const caughtUp = await catchUp();
    note("search.ready", {
      ms: Math.round(performance.now() - started),
      source,
      caughtUp,
      position: String(follower.tailer.position),
    });
  }
  if (follow) follower.stop = followInBackground(engine, follower, db, path, rebuilt);
}

/** Applies what the feed holds now to this engine (tests, and reads that must see their own writes). */
export async function catchUpSearchFeed(engine: SearchEngine, db: Db = defaultDb): Promise<number> {
  let follower = followers.get(engine);
  if (!follower) {
    // An engine filled some other way (tests): follow from the start of what the feed holds.
    follower = {
      consumerId: makeConsumerId(),
      database: "",
      tailer: new SearchFeedTailer({
        db,
        position: await prunedThrough(db),
        apply: (rows) => applySearchChanges(engine, rows, db),
      }),
      chain: Promise.resolve(),
    };
    followers.set(engine, follower);
  }
  const current = follower;
  return serial(current, () => current.tailer.drain());
}

/** Stops this engine's background following (writes a last snapshot when it has one). */
export async function stopSearchFollower(engine: SearchEngine): Promise<void> {
  await followers.get(engine)?.stop?.();
}

function followInBackground(
  engine: EmbeddedSearchEngine,
  follower: Follower,
  db: Db,
  path: string | null,
  snapshotNow: boolean,
): () => Promise<void> {
  const pollMs = numberEnv("SEARCH_FEED_POLL_MS", 200);
  const heartbeatMs = numberEnv("SEARCH_FEED_HEARTBEAT_MS", 5_000);
  const snapshotMs = numberEnv("SEARCH_SNAPSHOT_INTERVAL_MS", 10 * 60_000);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastBeat = 0;
  let snapshotAt = snapshotNow ? 0 : Date.now();
  let snapshotPosition = snapshotNow ? -1n : follower.tailer.position;

  const snapshot = async () => {
    if (!path || follower.tailer.position === snapshotPosition) return;
    const position = follower.tailer.position;
    const written = await writeSnapshot(engine, position, path, follower.database);
    snapshotPosition = position;
    log.info("search.snapshot.written", { docs: written.docs, bytes: written.bytes, ms: written.ms });
  };
  const tick = async () => {
    let busy = false;
    try {
      busy = (await serial(follower, () => follower.tailer.step())) >= 1;
      if (Date.now() - lastBeat >= heartbeatMs) {
        lastBeat = Date.now();
        await heartbeatCursor(db, follower.consumerId, follower.tailer.position);
      }
      if (path && Date.now() - snapshotAt >= snapshotMs) {
        snapshotAt = Date.now();
        await serial(follower, snapshot);
      }
    } catch (error) {
      log.error("search.feed.failed", errorFields(error));
    }
    if (!stopped) {
      // Straight on while rows keep coming; otherwise poll.
      timer = setTimeout(() => void tick(), busy ? 0 : pollMs);
      timer.unref();
    }
  };
  timer = setTimeout(() => void tick(), 0);
  timer.unref();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await serial(follower, snapshot).catch((error: unknown) => log.error("search.snapshot.failed", errorFields(error)));
    await removeCursor(db, follower.consumerId).catch(() => undefined);
  };
}

// --- Meilisearch: one shared consumer ---------------------------------------------------------

export const SHARED_CONSUMER = "meilisearch";
const shared: { tailer?: SearchFeedTailer; engine?: SearchEngine } = {};

/**
 * One step of the shared consumer, for a worker. Holds the cursor row's lock while it applies, so
 * workers take turns; a worker that finds it locked skips. Returns the rows applied.
 */
export async function followSharedSearchFeed(db: Db, engine: SearchEngine): Promise<number> {
  if (engine.kind !== "meilisearch") return 0;
  await db.$executeRaw`INSERT INTO \`SearchFeedCursor\` (\`consumerId\`, \`position\`, \`heartbeatAt\`)
    VALUES (${SHARED_CONSUMER}, 0, NOW(3)) ON DUPLICATE KEY UPDATE \`consumerId\` = \`consumerId\``;
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Array<{ position: bigint }>>`SELECT \`position\` FROM \`SearchFeedCursor\`
        WHERE \`consumerId\` = ${SHARED_CONSUMER} FOR UPDATE SKIP LOCKED`;
      const row = rows[0];
      if (!row) return 0;
      const stored = BigInt(row.position);
      // Another worker moved the cursor since our last turn: continue from where it left off.
      if (!shared.tailer || shared.engine !== engine || shared.tailer.position !== stored) {
        shared.engine = engine;
        shared.tailer = new SearchFeedTailer({ db, position: stored, apply: (r) => applySearchChanges(engine, r, db) });
      }
      const applied = await shared.tailer.step();
      await heartbeatCursor(tx, SHARED_CONSUMER, shared.tailer.position);
      return applied;
    },
    { timeout: 60_000, maxWait: 5_000 },
  );
}
