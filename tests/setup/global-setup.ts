import mysql from "mysql2/promise";
import { baseDatabaseUrl } from "./test-database.ts";

// Runs once per vitest run, before workers start (they inherit RELAY_TEST_RUN). Fails fast with a
// clear message when the database is down, and drops this run's databases at the end.
export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env.RELAY_TEST_RUN ??= `${process.pid}`;
  const url = new URL(baseDatabaseUrl());
  url.pathname = "/";
  let conn: mysql.Connection;
  try {
    conn = await mysql.createConnection(url.toString());
    await conn.query("SELECT 1");
  } catch (error) {
    throw new Error(`Tests need MariaDB/MySQL at ${url.host} (start it with \`npm run db:start\`): ${String(error)}`);
  }
  await conn.end();

  return async () => {
    const c = await mysql.createConnection(url.toString());
    try {
      const [rows] = await c.query(
        "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?",
        [`relay\\_test\\_${process.env.RELAY_TEST_RUN}\\_%`],
      );
      for (const { name } of rows as Array<{ name: string }>) await c.query(`DROP DATABASE \`${name}\``);
    } finally {
      await c.end();
    }
  };
}
