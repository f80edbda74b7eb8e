import { db as defaultDb, type Db } from "#app/lib/db.server.ts";
import { matchIndexReadiness } from "#app/modules/crm/matching/index-readiness.server.ts";
import { workerHeartbeat } from "#app/modules/jobs/worker-heartbeat.ts";
import { searchReadiness } from "#search/search-readiness.server.ts";

// What /readyz reports (#12 item 3): ready when the database answers within a second, the search
// index is loaded (snapshot or rebuild) and caught up with the change feed, and the fuzzy index
// built at start-up is there. A load balancer's probe must get an answer within 1.5 s even
// while the database is down, so the ping races a timer instead of waiting for the driver's own
// connect timeout (10 s and more). The worker's heartbeat is reported, not judged: a slow worker
// must not take the web process out of rotation.

export const DATABASE_PING_TIMEOUT_MS = 1_000;

export interface Readiness {
  ready: boolean;
  checks: { database: "ok" | "unavailable" | "timeout"; search: string; matchIndex: string; worker: string };
}

async function pingDatabase(db: Db, timeoutMs: number): Promise<Readiness["checks"]["database"]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([
      db.$queryRawUnsafe("SELECT 1").then(
        () => "ok" as const,
        () => "unavailable" as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(options: { db?: Db; timeoutMs?: number; now?: Date } = {}): Promise<Readiness> {
  const index = matchIndexReadiness();
  const search = searchReadiness();
  const database = await pingDatabase(options.db ?? defaultDb, options.timeoutMs ?? DATABASE_PING_TIMEOUT_MS);
  const beat = workerHeartbeat(options.now);
  return {
    ready: database === "ok" && search.ready && index.ready,
    checks: { database, search: search.state, matchIndex: index.state, worker: beat },
  };
}
