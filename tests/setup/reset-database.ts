import mysql from "mysql2/promise";

// Empties every application table (not the migration history) so a test file starts clean.
// Uses one dedicated connection: FOREIGN_KEY_CHECKS is per connection, and Prisma pools them.
export async function resetDatabase(databaseUrl: string = process.env.DATABASE_URL ?? ""): Promise<void> {
  const conn = await mysql.createConnection(databaseUrl);
  try {
    const [rows] = await conn.query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '_prisma_migrations'",
    );
    await conn.query("SET FOREIGN_KEY_CHECKS = 0");
    for (const { name } of rows as Array<{ name: string }>) await conn.query(`TRUNCATE TABLE \`${name}\``);
    await conn.query("SET FOREIGN_KEY_CHECKS = 1");
  } finally {
    await conn.end();
  }
}
