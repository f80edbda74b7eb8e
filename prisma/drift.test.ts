import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "./migrator.server.ts";
import { introspectDatabase } from "./schema-drift/actual-schema.server.ts";
import { compareSchemas, formatDrift } from "./schema-drift/compare.ts";
import { loadExpectedSchema } from "./schema-drift/expected-schema.server.ts";
import { createScratchDatabase, type ScratchDatabase } from "./schema-drift/scratch-database.ts";

// `prisma migrate` cannot run on this machine, so migrations are written by hand. This test keeps
// them honest: the database they produce must be exactly what Prisma Migrate would make of
// schema.prisma. On failure the message lists every difference.

const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of scratch) await db.drop();
});

describe("schema drift", () => {
  it("the migrated test database matches schema.prisma exactly", async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set by tests/setup/db-per-worker.ts");
    const drift = compareSchemas(await loadExpectedSchema(), await introspectDatabase(url));
    expect(drift, `\n${formatDrift(drift)}\nAdd a migration (or fix schema.prisma) so both agree.`).toEqual([]);
  });

  it("reports changes made to a migrated database behind the migrations' back", async () => {
    const db = await createScratchDatabase("relay_drift");
    scratch.push(db);
    await migrate(db.url);
    expect(compareSchemas(await loadExpectedSchema(), await introspectDatabase(db.url))).toEqual([]);

    await db.exec(`
      ALTER TABLE \`Staff\` MODIFY \`name\` VARCHAR(120) NOT NULL;
      ALTER TABLE \`Staff\` MODIFY \`status\` ENUM('active', 'away', 'inactive', 'retired') NOT NULL DEFAULT 'active';
      ALTER TABLE \`Staff\` DROP FOREIGN KEY \`Staff_teamId_fkey\`;
      ALTER TABLE \`Company\` MODIFY \`city\` VARCHAR(50) NOT NULL;
      ALTER TABLE \`Company\` DROP INDEX \`Company_city_idx\`;
      ALTER TABLE \`Role\` ALTER COLUMN \`isAdmin\` SET DEFAULT true;
      ALTER TABLE \`Job\` MODIFY \`payload\` LONGTEXT NOT NULL;
      ALTER TABLE \`AuditLog\` MODIFY \`id\` BIGINT NOT NULL;
      ALTER TABLE \`AuditLog\` RENAME INDEX \`AuditLog_createdAt_idx\` TO \`audit_created\`;
      ALTER TABLE \`Staff\` MODIFY \`lastSignInAt\` DATETIME(3) NULL ON UPDATE CURRENT_TIMESTAMP(3);
      ALTER TABLE \`Contact\` DROP COLUMN \`fax\`, ADD COLUMN \`wechat\` VARCHAR(50) NULL;
      ALTER TABLE \`Contact\` DROP FOREIGN KEY \`Contact_companyId_fkey\`;
      ALTER TABLE \`Contact\` ADD CONSTRAINT \`Contact_companyId_fkey\` FOREIGN KEY (\`companyId\`) REFERENCES \`Company\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE;
      ALTER TABLE \`Setting\` DROP PRIMARY KEY;
      ALTER TABLE \`Setting\` ADD CONSTRAINT \`Setting_updatedById_fkey\` FOREIGN KEY (\`updatedById\`) REFERENCES \`Staff\`(\`id\`) ON DELETE SET NULL ON UPDATE CASCADE;
      CREATE TABLE \`Leftover\` (\`id\` INTEGER NOT NULL, PRIMARY KEY (\`id\`));
    `);

    const drift = compareSchemas(await loadExpectedSchema(), await introspectDatabase(db.url));
    const found = drift.map((d) => `${d.kind} ${d.table}${d.name ? `.${d.name}` : ""}`).sort();
    expect(found, formatDrift(drift)).toEqual(
      [
        "column-type Staff.name",
        "column-type Staff.status",
        "missing-foreign-key Staff.Staff_teamId_fkey",
        "column-nullability Company.city",
        "missing-index Company.Company_city_idx",
        "column-default Role.isAdmin",
        // MariaDB keeps JSON as LONGTEXT + CHECK (json_valid); without the check it is plain text.
        "column-type Job.payload",
        "column-auto-increment AuditLog.id",
        "index-renamed AuditLog.AuditLog_createdAt_idx",
        "column-on-update Staff.lastSignInAt",
        "missing-column Contact.fax",
        "extra-column Contact.wechat",
        "foreign-key-definition Contact.Contact_companyId_fkey",
        "primary-key Setting.PRIMARY",
        // The index InnoDB adds for this foreign key is not reported on its own.
        "extra-foreign-key Setting.Setting_updatedById_fkey",
        "extra-table Leftover",
      ].sort(),
    );
    const report = formatDrift(drift);
    expect(report).toContain(
      "Column `Staff`.`name`: schema.prisma expects type varchar(100), the database has varchar(120).",
    );
    expect(report).toContain("Column `Job`.`payload`: schema.prisma expects type json, the database has longtext.");
    expect(report).toContain("ON DELETE SET NULL expected, database has ON DELETE CASCADE");
  }, 90_000); // a scratch database migrated from nothing: every migration runs
});
