import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import mysql from "mysql2/promise";

// Applies prisma/migrations/*/migration.sql in order and records them in a table compatible with
// Prisma's `_prisma_migrations`, so `prisma migrate deploy|status` on a connected machine accepts the
// same database. See docs/decisions/002-offline-prisma-migrations.md.

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "migrations");

export interface MigrationFile {
  name: string;
  sql: string;
  /** SHA-256 hex of the file's bytes, as Prisma computes it. */
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

export class MigrationChecksumError extends Error {
  constructor(public readonly migrationName: string) {
    super(
      `Migration ${migrationName} was modified after it was applied (checksum differs). ` +
        `Never edit an applied migration: add a new one instead.`,
    );
    this.name = "MigrationChecksumError";
  }
}

export class MigrationFailedError extends Error {
  constructor(
    public readonly migrationName: string,
    cause: unknown,
  ) {
    super(`Migration ${migrationName} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "MigrationFailedError";
  }
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const buf = await readFile(path.join(dir, name, "migration.sql"));
    files.push({ name, sql: buf.toString("utf8"), checksum: createHash("sha256").update(buf).digest("hex") });
  }
  return files;
}

const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
  \`id\` VARCHAR(36) NOT NULL,
  \`checksum\` VARCHAR(64) NOT NULL,
  \`finished_at\` DATETIME(3) NULL,
  \`migration_name\` VARCHAR(255) NOT NULL,
  \`logs\` TEXT NULL,
  \`rolled_back_at\` DATETIME(3) NULL,
  \`started_at\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  \`applied_steps_count\` INTEGER UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Creates the database named in the URL if it does not exist (local and test setups). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.replace(/^\//, "");
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  url.pathname = "/";
  const conn = await mysql.createConnection(url.toString());
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

export async function migrate(
  databaseUrl: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const conn = await mysql.createConnection({ uri: databaseUrl, multipleStatements: true });
  const result: MigrateResult = { applied: [], skipped: [] };
  try {
    // One migrator at a time per database (several app instances may start together). GET_LOCK is
    // server-wide, so the lock name carries the database name.
    const lockName = `relay_migrate:${new URL(databaseUrl).pathname.replace(/^\//, "")}`;
    const [lockRows] = await conn.query("SELECT GET_LOCK(?, 60) AS got", [lockName]);
    if ((lockRows as Array<{ got: number }>)[0]?.got !== 1) throw new Error("Could not take the migration lock");
    await conn.query(CREATE_HISTORY_TABLE);
    const [rows] = await conn.query(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM `_prisma_migrations` ORDER BY started_at",
    );
    const history = new Map<string, HistoryRow>();
    for (const row of rows as HistoryRow[]) {
      if (row.rolled_back_at === null) history.set(row.migration_name, row);
    }

    // Refuse before changing anything if any applied migration was edited or left half-applied.
    for (const m of migrations) {
      const done = history.get(m.name);
      if (!done) continue;
      if (done.finished_at === null) {
        throw new Error(
          `Migration ${m.name} started but never finished. Repair the database by hand, then mark it ` +
            `rolled back (UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE migration_name = '${m.name}').`,
        );
      }
      if (done.checksum !== m.checksum) throw new MigrationChecksumError(m.name);
    }

    for (const m of migrations) {
      if (history.has(m.name)) {
        result.skipped.push(m.name);
        continue;
      }
      const id = randomUUID();
      await conn.query(
        "INSERT INTO `_prisma_migrations` (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)",
        [id, m.checksum, m.name],
      );
      try {
        // MySQL DDL is not transactional: a failure leaves the row unfinished, which blocks later runs.
        await conn.query(m.sql);
      } catch (error) {
        await conn.query("UPDATE `_prisma_migrations` SET logs = ? WHERE id = ?", [String(error), id]);
        throw new MigrationFailedError(m.name, error);
      }
      await conn.query("UPDATE `_prisma_migrations` SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?", [
        id,
      ]);
      result.applied.push(m.name);
      log(`applied ${m.name}`);
    }
    await conn.query("SELECT RELEASE_LOCK(?)", [lockName]);
    return result;
  } finally {
    await conn.end();
  }
}
