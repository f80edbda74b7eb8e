import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { errorFields, log } from "#app/lib/log.server.ts";

// Thread views (decision 065). A page view used to be an UPDATE of the thread's row: a write and a row
// lock per GET, and 20 clients reading one thread queued on that lock. Views are now counted in memory
// per process and added to the rows in one statement every few seconds and on shutdown. The count a
// thread shows is the stored count plus what this process has not written yet, so it is correct within
// one flush interval; an increment is never lost: the batch being written is swapped out first, and
// put back if the statement fails.

export const VIEW_FLUSH_MS = 5_000;
/** Threads per UPDATE: bounds the statement's size if a crawler walks thousands of threads at once. */
const FLUSH_CHUNK = 500;

export class ViewCounter {
  private pending = new Map<number, number>();
  private writing = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly flushMs = VIEW_FLUSH_MS,
  ) {}

  /** Counts one view; the row is written by the next flush. */
  record(threadId: number): void {
    this.pending.set(threadId, (this.pending.get(threadId) ?? 0) + 1);
    this.schedule();
  }

  private schedule(): void {
    if (!this.timer && this.flushMs > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.flushMs);
      // A pending flush must not keep a process (or a test run) alive; shutdown flushes explicitly.
      this.timer.unref();
    }
  }

  /** Views of this thread counted here and not yet in its row (being written included). */
  unwritten(threadId: number): number {
    return (this.pending.get(threadId) ?? 0) + (this.writing.get(threadId) ?? 0);
  }

  /** Writes the counted views; flushes run one after the other, so batches never overlap. */
  flush(): Promise<void> {
    this.running = this.running.then(() => this.writeBatch());
    return this.running;
  }

  private async writeBatch(): Promise<void> {
    if (this.pending.size === 0) return;
    this.writing = this.pending;
    this.pending = new Map();
    // Ascending ids: two processes flushing the same threads lock the rows in the same order.
    const rows = [...this.writing].sort(([a], [b]) => a - b);
    const failed: Array<[number, number]> = [];
    for (let i = 0; i < rows.length; i += FLUSH_CHUNK) {
      const chunk = rows.slice(i, i + FLUSH_CHUNK);
      try {
        await this.db.$executeRaw`UPDATE \`ForumThread\` SET \`viewCount\` = \`viewCount\` + CASE \`id\` ${Prisma.join(
          chunk.map(([id, n]) => Prisma.sql`WHEN ${id} THEN ${n}`),
          " ",
        )} ELSE 0 END WHERE \`id\` IN (${Prisma.join(chunk.map(([id]) => id))})`;
      } catch (error) {
        failed.push(...chunk);
        log.warn("forum.views.flush.failed", errorFields(error));
      }
    }
    // Not written: counted again with the next batch rather than lost.
    for (const [id, n] of failed) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
    this.writing = new Map();
    if (failed.length > 0) this.schedule();
  }

  /** Stops the timer and writes what is left (shutdown). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}

// One counter per process and database client (the app has one `db`; tests and benches may open more).
const counters = new Map<Db, ViewCounter>();

function counterFor(db: Db): ViewCounter {
  let counter = counters.get(db);
  if (!counter) {
    counter = new ViewCounter(db);
    counters.set(db, counter);
  }
  return counter;
}

/**
 * Counts a view of the thread (no statement) and returns the count to show: `stored` (the row's
 * viewCount as just read) plus the views this process has not written yet.
 */
export function recordView(db: Db, threadId: number, stored: number): number {
  const counter = counterFor(db);
  counter.record(threadId);
  return stored + counter.unwritten(threadId);
}

/** Writes every process-local view count now: on shutdown, before the pool closes. */
export async function flushForumViews(): Promise<void> {
  await Promise.all([...counters.values()].map((c) => c.close()));
}
