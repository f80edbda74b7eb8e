import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { env } from "./env.server.ts";

/**
 * The client with its default extension arguments. (`InstanceType<typeof PrismaClient>` gives the
 * generic's constraint, InternalArgs, so every Db-to-transaction comparison had to unfold two
 * different client types — "excessive stack depth" once the schema passed ~80 models.)
 */
export type Db = PrismaClient;
/** The client handed to a callback of `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/**
 * Either the root client or a transaction: services accept both so callers choose the boundary.
 * Spelt as the transaction client, which the root client is assignable to: the union `Db | Tx`
 * made TypeScript compare the two clients member by member at every call, and past ~80 models
 * that comparison exceeds its stack ("excessive stack depth").
 */
export type DbOrTx = Tx;

export function createDb(url: string = env.DATABASE_URL, options: { acquireTimeoutMs?: number } = {}): Db {
  const u = new URL(url);
  // `?socket=/path/to/mariadb.sock`: talk to a local server over its Unix socket. Each query is a
  // write on the connection; on TCP loopback that write runs the whole TCP stack (decision 048).
  const socketPath = u.searchParams.get("socket") ?? undefined;
  const adapter = new PrismaMariaDb(
    {
      ...(socketPath ? { socketPath } : { host: u.hostname, port: Number(u.port || 3306) }),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: u.pathname.replace(/^\//, ""),
      connectionLimit: env.DATABASE_POOL_SIZE,
      acquireTimeout: options.acquireTimeoutMs ?? env.DATABASE_ACQUIRE_TIMEOUT_MS,
      // DATETIME columns hold UTC; keep the driver from shifting them to local time.
      timezone: "Z",
    },
    { useTextProtocol: env.DATABASE_TEXT_PROTOCOL === "1" },
  );
  return new PrismaClient({ adapter });
}

// One client per process; dev-server reloads reuse it instead of opening new pools.
const globalForDb = globalThis as unknown as { __relayDb?: Db };
export const db: Db = globalForDb.__relayDb ?? (globalForDb.__relayDb = createDb());
