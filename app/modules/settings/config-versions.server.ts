import type { DbOrTx } from "#app/lib/db.server.ts";
import { currentRequestContext, oncePerRequest } from "#app/lib/request-context.server.ts";

// Versions of the small, rarely edited tables that every page reads (system tables, settings, the
// staff and team directories), in one index-only query per page request instead of one per table
// and per loader. A process caches those tables' rows next to the version it read them at and
// re-reads them only when the version moved, so an edit on any instance is seen by every instance on
// its next request (no TTL window, no message bus). Decision 048.

/** `lookup:<tableKey>` → "count:newest", `setting:<key>` → "newest", `staff` / `team` → "count:newest". */
export type ConfigVersions = ReadonlyMap<string, string>;

async function readConfigVersions(db: DbOrTx): Promise<ConfigVersions> {
  const rows = await db.$queryRaw<Array<{ k: string; c: bigint | number; m: Date | null }>>`
    SELECT CONCAT('lookup:', tableKey) AS k, COUNT(*) AS c, MAX(updatedAt) AS m FROM \`LookupValue\` GROUP BY tableKey
    UNION ALL SELECT CONCAT('setting:', \`key\`), 1, updatedAt FROM \`Setting\`
    UNION ALL SELECT 'staff', COUNT(*), MAX(updatedAt) FROM \`Staff\`
    UNION ALL SELECT 'team', COUNT(*), MAX(updatedAt) FROM \`Team\``;
  return new Map(rows.map((r) => [r.k, `${Number(r.c)}:${r.m ? new Date(r.m).getTime() : 0}`]));
}

function isRootClient(db: DbOrTx): boolean {
  // A transaction client has no $transaction: its reads must see its own uncommitted writes.
  return typeof (db as { $transaction?: unknown }).$transaction === "function";
}

/**
 * The versions shared by the loaders of this page request, or null where caching is not safe: in a
 * transaction, outside a request (jobs, tests), or in a request that writes (an action may change a
 * table and read it back in the same request).
 */
export function sharedConfigVersions(db: DbOrTx): Promise<ConfigVersions> | null {
  const context = currentRequestContext();
  if (!context || (context.method !== "GET" && context.method !== "HEAD") || !isRootClient(db)) return null;
  return oncePerRequest("configVersions", () => readConfigVersions(db));
}

/**
 * A process-wide cache of one derived value per key, refreshed when its table's version moves.
 * Outside a cacheable request it reads straight through.
 */
export function versionedCache<T>(versionKey: (key: string) => string) {
  const entries = new Map<string, { version: string; value: Promise<T> }>();
  return async function cached(db: DbOrTx, key: string, read: () => Promise<T>): Promise<T> {
    const shared = sharedConfigVersions(db);
    if (!shared) return read();
    const version = (await shared).get(versionKey(key)) ?? "absent";
    const hit = entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = read();
    entries.set(key, { version, value });
    // A failed read is not cached.
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    return value;
  };
}
