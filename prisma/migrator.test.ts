import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  MIGRATIONS_DIR,
  MigrationChecksumError,
  MigrationFailedError,
  migrate,
  readMigrations,
} from "./migrator.server.ts";
import { introspectDatabase } from "./schema-drift/actual-schema.server.ts";
import { compareSchemas } from "./schema-drift/compare.ts";
import { createScratchDatabase, type ScratchDatabase } from "./schema-drift/scratch-database.ts";

// The migrator on empty scratch databases and a temporary copy of prisma/migrations, so tests can
// add, edit and break migrations without touching the real folder.

const databases: ScratchDatabase[] = [];
const folders: string[] = [];

afterAll(async () => {
  for (const db of databases) await db.drop();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

interface Fixture {
  db: ScratchDatabase;
  dir: string;
  /** Names of the project's real migrations, in order. */
  real: string[];
}

async function fixture(): Promise<Fixture> {
  const db = await createScratchDatabase("relay_migrator");
  databases.push(db);
  const dir = await mkdtemp(path.join(os.tmpdir(), "relay-migrations-"));
  folders.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  const real = (await readMigrations(dir)).map((m) => m.name);
  expect(real.length).toBeGreaterThan(0);
  return { db, dir, real };
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

function history(db: ScratchDatabase): Promise<HistoryRow[]> {
  return db.query<HistoryRow>(
    "SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at, applied_steps_count, logs FROM `_prisma_migrations` ORDER BY started_at, migration_name",
  );
}

async function tableNames(db: ScratchDatabase): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
  );
  return rows.map((r) => r.name);
}

describe("migrate", () => {
  it("applies every migration in name order and records each with its checksum and finish time", async () => {
    const { db, dir, real } = await fixture();
    // Written to disk out of order, and each depends on the one before: only name order works.
    await addMigration(dir, "20990102000000_index_team_code", "CREATE INDEX `Team_code_idx` ON `Team`(`code`);\n");
    await addMigration(dir, "20990101000000_add_team_code", "ALTER TABLE `Team` ADD COLUMN `code` VARCHAR(20) NULL;\n");
    const expectedOrder = [...real, "20990101000000_add_team_code", "20990102000000_index_team_code"];

    const logged: string[] = [];
    const result = await migrate(db.url, { dir, log: (line) => logged.push(line) });

    expect(result).toEqual({ applied: expectedOrder, skipped: [] });
    expect(logged).toEqual(expectedOrder.map((name) => `applied ${name}`));
    const rows = await history(db);
    expect(rows.map((r) => r.migration_name)).toEqual(expectedOrder);
    for (const row of rows) {
      expect(row.checksum).toBe(await sha256(path.join(dir, row.migration_name, "migration.sql")));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const indexes = await db.query<{ name: string }>(
      "SELECT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'Team' AND COLUMN_NAME = 'code'",
    );
    expect(indexes.map((i) => i.name)).toEqual(["Team_code_idx"]);
  });

  it("does nothing on a second run", async () => {
    const { db, dir, real } = await fixture();
    await migrate(db.url, { dir });
    const rowsBefore = await history(db);
    const schemaBefore = await introspectDatabase(db.url);

    const second = await migrate(db.url, { dir });

    expect(second).toEqual({ applied: [], skipped: real });
    expect(await history(db)).toEqual(rowsBefore);
    expect(compareSchemas(schemaBefore, await introspectDatabase(db.url))).toEqual([]);
  });

  it("refuses to run when an applied migration was edited, and applies nothing new", async () => {
    const { db, dir, real } = await fixture();
    await migrate(db.url, { dir });
    const rowsBefore = await history(db);
    const edited = real[0]!;
    await appendFile(path.join(dir, edited, "migration.sql"), "\n-- an innocent-looking edit\n");
    await addMigration(
      dir,
      "20990103000000_later",
      "CREATE TABLE `Later` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\n",
    );

    const error = await migrate(db.url, { dir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect((error as MigrationChecksumError).migrationName).toBe(edited);
    expect((error as Error).message).toContain(`Migration ${edited} was modified after it was applied`);
    expect(await tableNames(db)).not.toContain("Later");
    expect(await history(db)).toEqual(rowsBefore);
  });

  it("applies a migration added later on its own", async () => {
    const { db, dir, real } = await fixture();
    await migrate(db.url, { dir });
    const [firstBefore] = await history(db);
    await addMigration(
      dir,
      "20990103000000_later",
      "CREATE TABLE `Later` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\n",
    );

    const result = await migrate(db.url, { dir });

    expect(result).toEqual({ applied: ["20990103000000_later"], skipped: real });
    const rows = await history(db);
    expect(rows.map((r) => r.migration_name)).toEqual([...real, "20990103000000_later"]);
    expect(rows[0]).toEqual(firstBefore);
    expect(rows.at(-1)!.finished_at).toBeInstanceOf(Date);
    expect(await tableNames(db)).toContain("Later");
  });

  it("records a failing migration as unfinished and blocks later runs until it is repaired", async () => {
    const { db, dir, real } = await fixture();
    await migrate(db.url, { dir });
    const broken = "20990104000000_broken";
    // MySQL DDL is not transactional: the first statement stays applied when the second fails.
    await addMigration(
      dir,
      broken,
      "CREATE TABLE `Half` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\nINSERT INTO `NoSuchTable` VALUES (1);\n",
    );

    const failure = await migrate(db.url, { dir }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect((failure as MigrationFailedError).migrationName).toBe(broken);
    expect((failure as Error).message).toMatch(new RegExp(`Migration ${broken} failed: .*NoSuchTable`));
    const row = (await history(db)).find((r) => r.migration_name === broken)!;
    expect(row.finished_at).toBeNull();
    expect(row.applied_steps_count).toBe(0);
    expect(row.logs).toContain("NoSuchTable");
    expect(await tableNames(db)).toContain("Half");

    // Any later run stops at the unfinished migration, with instructions, before applying anything.
    await addMigration(
      dir,
      "20990105000000_after",
      "CREATE TABLE `After` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\n",
    );
    const blocked = await migrate(db.url, { dir }).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(Error);
    expect((blocked as Error).message).toContain(`Migration ${broken} started but never finished`);
    expect((blocked as Error).message).toContain("rolled_back_at");
    expect(await tableNames(db)).not.toContain("After");
    expect((await history(db)).map((r) => r.migration_name)).toEqual([...real, broken]);

    // The documented repair: undo by hand, fix the file, mark the attempt rolled back, run again.
    await db.exec("DROP TABLE `Half`");
    await writeFile(
      path.join(dir, broken, "migration.sql"),
      "CREATE TABLE `Half` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\n",
    );
    await db.exec(`UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE migration_name = '${broken}'`);
    const repaired = await migrate(db.url, { dir });
    expect(repaired).toEqual({ applied: [broken, "20990105000000_after"], skipped: real });
    expect(await tableNames(db)).toEqual(expect.arrayContaining(["Half", "After"]));
  });
});
