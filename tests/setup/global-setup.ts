import mysql from "mysql2/promise";
import { baseDatabaseUrl } from "./test-database.ts";

// Fail fast with a clear message when the database is not running, instead of N timeouts.
export default async function globalSetup(): Promise<void> {
  const url = new URL(baseDatabaseUrl());
  url.pathname = "/";
  try {
    const conn = await mysql.createConnection(url.toString());
    await conn.query("SELECT 1");
    await conn.end();
  } catch (error) {
    throw new Error(
      `Tests need MariaDB/MySQL at ${url.host} (start it with \`npm run db:start\`): ${String(error)}`,
    );
  }
}
