import { execFileSync } from "node:child_process";
import mysql from "mysql2/promise";
import { createDb, type Db } from "#app/lib/db.server.ts";

// The e2e server's database, named as scripts/e2e-server.sh names it: the dev server's URL with the
// database part replaced by E2E_DB (each engineer runs their own).

/** The URL of the database the e2e server runs on. */
export function e2eDatabaseUrl(): string {
  const base = process.env.DATABASE_URL ?? execFileSync("bash", ["scripts/db.sh", "url"], { encoding: "utf8" }).trim();
  const url = new URL(base);
  url.pathname = `/${process.env.E2E_DB ?? "relay_e2e"}`;
  return url.toString();
}

/** A Prisma client on the e2e database; the caller disconnects it (`await db.$disconnect()`) in afterAll. */
export function e2eDb(): Db {
  return createDb(e2eDatabaseUrl());
}

/** Runs `fn` on a plain mysql2 connection to the e2e database, closed afterwards. */
export async function withE2eConnection<T>(fn: (conn: mysql.Connection) => Promise<T>): Promise<T> {
  const conn = await mysql.createConnection(e2eDatabaseUrl());
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}
