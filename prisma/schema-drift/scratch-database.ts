import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";

// Throw-away databases for tests that must start from an empty schema (migrator, drift detection).
// Named uniquely per process and call so parallel workers never share one; callers drop them.

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Runs SQL (several statements allowed) in this database. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function serverUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.pathname = "/";
  return url.toString();
}

export async function createScratchDatabase(
  prefix: string,
  baseUrl: string = process.env.DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay",
): Promise<ScratchDatabase> {
  if (!/^[a-z0-9_]+$/.test(prefix)) throw new Error(`Unsafe scratch database prefix: ${prefix}`);
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = await mysql.createConnection(serverUrl(baseUrl));
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();

  const withConnection = async <R>(fn: (conn: mysql.Connection) => Promise<R>): Promise<R> => {
    const conn = await mysql.createConnection({ uri: dbUrl, multipleStatements: true });
    try {
      return await fn(conn);
    } finally {
      await conn.end();
    }
  };

  return {
    name,
    url: dbUrl,
    exec: (sql) => withConnection(async (conn) => void (await conn.query(sql))),
    query: <T>(sql: string, params: unknown[] = []) =>
      withConnection(async (conn) => (await conn.query(sql, params))[0] as T[]),
    async drop() {
      const conn = await mysql.createConnection(serverUrl(baseUrl));
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
