import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { registerJobHandler } from "./job-handlers.server.ts";
import { enqueueJob } from "./job-queue.server.ts";
import { DRAIN_BATCH, drainOnce, startWorker } from "./worker.server.ts";

const ran: number[] = [];
registerJobHandler("test.count", async (payload) => {
  ran.push((payload as { n: number }).n);
});

async function enqueue(count: number) {
  for (let n = 0; n < count; n++) await enqueueJob(db, { type: "test.count", payload: { n } });
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

describe("worker", () => {
  beforeEach(async () => {
    await resetDatabase();
    ran.length = 0;
  });

  it("says more work waits when a batch comes back full, and not when it drained the queue", async () => {
    await enqueue(DRAIN_BATCH + 3);
    const first = await drainOnce(db, "w1");
    expect(first).toMatchObject({ jobsDone: DRAIN_BATCH, more: true });
    const second = await drainOnce(db, "w1");
    expect(second).toMatchObject({ jobsDone: 3, more: false });
    expect(new Set(ran).size).toBe(DRAIN_BATCH + 3);
  });

  it("drains a backlog batch after batch without waiting the idle interval in between", async () => {
    await enqueue(DRAIN_BATCH * 4);
    // An idle interval of a minute: finishing four batches in seconds proves it did not wait.
    const stop = startWorker({ db, intervalMs: 60_000 });
    try {
      // Only this test's jobs: the worker's own housekeeping (hourly sweeps) may add jobs of other types.
      await until(
        async () => (await db.job.count({ where: { status: "done", type: "test.count" } })) === DRAIN_BATCH * 4,
        50_000,
      );
    } finally {
      await stop();
    }
    expect(new Set(ran).size).toBe(DRAIN_BATCH * 4);
  }, 60_000);
});
