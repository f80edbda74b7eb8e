import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { introspectDatabase } from "./actual-schema.server.ts";
import { compareSchemas, formatDrift } from "./compare.ts";
import {
  buildExpectedSchema,
  defaultIndexName,
  loadExpectedSchema,
  scanRelationMapNames,
} from "./expected-schema.server.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";

// The expected model follows Prisma Migrate's MySQL conventions. A fixture schema using the features
// our real schema does not (yet) use — @map/@@map, map: names, native types, literal defaults of
// every scalar type, prefix/descending index parts, fulltext, implicit m:n, long names — is checked
// against the SQL Prisma Migrate writes for it, applied to a scratch database.

const FIXTURE_SCHEMA = `
datasource db {
  provider = "mysql"
}

enum Tier {
  basic
  premium @map("prem")
}

/// Comments may hold "quotes" and { braces }.
model Account {
  id        Int       @id @default(autoincrement()) @map("account_id")
  handle    String    @unique(map: "uq_handle") @db.VarChar(40)
  tier      Tier      @default(premium)
  ratio     Float     @default(1.5)
  balance   Decimal   @default(2.5)
  price     Decimal?  @db.Decimal(10, 2)
  settings  Json?
  avatar    Bytes?
  big       BigInt    @default(5)
  active    Boolean   @default(true)
  since     DateTime  @default("2020-01-01T00:00:00Z")
  motto     String    @default("it's")
  token     String    @default(uuid()) @db.Char(36)
  small     Int       @db.UnsignedSmallInt
  seen      DateTime? @db.Timestamp(0)
  touchedAt DateTime  @default(now()) @db.DateTime(0)
  posts     Post[]
  tags      Tag[]

  @@unique([tier, ratio], name: "tierRatio")
  @@index([handle(length: 10, sort: Desc), tier], map: "ix_handle_tier")
  @@map("accounts")
}

model Post {
  id       String  @id @db.VarChar(32)
  authorId Int     @map("author_id")
  author   Account @relation(fields: [authorId], references: [id], onUpdate: NoAction, map: "fk_post_author") // required: RESTRICT
  parentId String? @db.VarChar(32)
  parent   Post?   @relation("Thread", fields: [parentId], references: [id])
  replies  Post[]  @relation("Thread")
  title    String  @db.VarChar(200)
  body     String  @db.MediumText

  @@fulltext([title])
  @@index([parentId])
}

model Tag {
  id       Int       @id @default(autoincrement())
  name     String    @unique
  accounts Account[]
}

model SubscriptionRenewalReminderPreference {
  id                            Int    @id
  notificationChannelIdentifier String @unique @db.VarChar(50)
}
`;

// What \`prisma migrate diff --from-empty --to-schema-datamodel\` writes for FIXTURE_SCHEMA on MySQL.
// Post has no index on author_id: InnoDB adds one named after fk_post_author, which is not drift.
const FIXTURE_SQL = `
CREATE TABLE \`accounts\` (
    \`account_id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`handle\` VARCHAR(40) NOT NULL,
    \`tier\` ENUM('basic', 'prem') NOT NULL DEFAULT 'prem',
    \`ratio\` DOUBLE NOT NULL DEFAULT 1.5,
    \`balance\` DECIMAL(65, 30) NOT NULL DEFAULT 2.5,
    \`price\` DECIMAL(10, 2) NULL,
    \`settings\` JSON NULL,
    \`avatar\` LONGBLOB NULL,
    \`big\` BIGINT NOT NULL DEFAULT 5,
    \`active\` BOOLEAN NOT NULL DEFAULT true,
    \`since\` DATETIME(3) NOT NULL DEFAULT '2020-01-01 00:00:00.000',
    \`motto\` VARCHAR(191) NOT NULL DEFAULT 'it''s',
    \`token\` CHAR(36) NOT NULL,
    \`small\` SMALLINT UNSIGNED NOT NULL,
    \`seen\` TIMESTAMP(0) NULL,
    \`touchedAt\` DATETIME(0) NOT NULL DEFAULT CURRENT_TIMESTAMP(0),

    UNIQUE INDEX \`uq_handle\`(\`handle\`),
    INDEX \`ix_handle_tier\`(\`handle\`(10) DESC, \`tier\`),
    UNIQUE INDEX \`accounts_tier_ratio_key\`(\`tier\`, \`ratio\`),
    PRIMARY KEY (\`account_id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE \`Post\` (
    \`id\` VARCHAR(32) NOT NULL,
    \`author_id\` INTEGER NOT NULL,
    \`parentId\` VARCHAR(32) NULL,
    \`title\` VARCHAR(200) NOT NULL,
    \`body\` MEDIUMTEXT NOT NULL,

    INDEX \`Post_parentId_idx\`(\`parentId\`),
    FULLTEXT INDEX \`Post_title_idx\`(\`title\`),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE \`Tag\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`name\` VARCHAR(191) NOT NULL,

    UNIQUE INDEX \`Tag_name_key\`(\`name\`),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE \`SubscriptionRenewalReminderPreference\` (
    \`id\` INTEGER NOT NULL,
    \`notificationChannelIdentifier\` VARCHAR(50) NOT NULL,

    UNIQUE INDEX \`SubscriptionRenewalReminderPreference_notificationChannelIde_key\`(\`notificationChannelIdentifier\`),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE \`_AccountToTag\` (
    \`A\` INTEGER NOT NULL,
    \`B\` INTEGER NOT NULL,

    UNIQUE INDEX \`_AccountToTag_AB_unique\`(\`A\`, \`B\`),
    INDEX \`_AccountToTag_B_index\`(\`B\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE \`Post\` ADD CONSTRAINT \`fk_post_author\` FOREIGN KEY (\`author_id\`) REFERENCES \`accounts\`(\`account_id\`) ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE \`Post\` ADD CONSTRAINT \`Post_parentId_fkey\` FOREIGN KEY (\`parentId\`) REFERENCES \`Post\`(\`id\`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE \`_AccountToTag\` ADD CONSTRAINT \`_AccountToTag_A_fkey\` FOREIGN KEY (\`A\`) REFERENCES \`accounts\`(\`account_id\`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE \`_AccountToTag\` ADD CONSTRAINT \`_AccountToTag_B_fkey\` FOREIGN KEY (\`B\`) REFERENCES \`Tag\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE;
`;

const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const db of scratch) await db.drop();
});

describe("buildExpectedSchema", () => {
  it("maps schema.prisma to the tables, types, defaults and keys of the first migration", async () => {
    const model = await loadExpectedSchema();
    const staff = model.tables.find((t) => t.name === "Staff")!;
    expect(staff.columns.find((c) => c.name === "status")).toEqual({
      name: "status",
      type: "enum('active','away','inactive')",
      nullable: false,
      default: { kind: "value", value: "active" },
      autoIncrement: false,
      onUpdate: null,
    });
    expect(staff.columns.find((c) => c.name === "updatedAt")).toMatchObject({ type: "datetime(3)", default: null });
    expect(staff.indexes).toEqual([
      { name: "Staff_email_key", kind: "unique", columns: ["email"] },
      { name: "Staff_teamId_idx", kind: "index", columns: ["teamId"] },
      { name: "Staff_status_idx", kind: "index", columns: ["status"] },
    ]);
    expect(staff.foreignKeys).toEqual([
      {
        name: "Staff_teamId_fkey",
        columns: ["teamId"],
        referencedTable: "Team",
        referencedColumns: ["id"],
        onDelete: "SET NULL",
        onUpdate: "CASCADE",
      },
    ]);
    const role = model.tables.find((t) => t.name === "Role")!;
    expect(role.columns.find((c) => c.name === "isAdmin")).toMatchObject({
      type: "tinyint(1)",
      default: { kind: "value", value: "0" },
    });
    expect(model.tables.find((t) => t.name === "StaffRole")!.primaryKey).toEqual(["staffId", "roleId"]);
    expect(model.tables.find((t) => t.name === "AuditLog")!.columns[0]).toMatchObject({
      name: "id",
      type: "bigint",
      autoIncrement: true,
    });
    expect(model.tables.find((t) => t.name === "EmailOutbox")!.columns.find((c) => c.name === "html")!.type).toBe(
      "mediumtext",
    );
  });

  it("uses the fixture's @map, map:, native types and defaults as Prisma Migrate does", () => {
    const model = buildExpectedSchema(FIXTURE_SCHEMA);
    expect(model.tables.map((t) => t.name)).toEqual([
      "Post",
      "SubscriptionRenewalReminderPreference",
      "Tag",
      "_AccountToTag",
      "accounts",
    ]);
    const accounts = model.tables.find((t) => t.name === "accounts")!;
    const col = (name: string) => accounts.columns.find((c) => c.name === name);
    expect(col("account_id")).toMatchObject({ type: "int", autoIncrement: true, default: null });
    expect(col("tier")).toMatchObject({ type: "enum('basic','prem')", default: { kind: "value", value: "prem" } });
    expect(col("balance")).toMatchObject({ type: "decimal(65,30)", default: { kind: "value", value: "2.5" } });
    expect(col("active")?.default).toEqual({ kind: "value", value: "1" });
    expect(col("since")?.default).toEqual({ kind: "value", value: "2020-01-01 00:00:00.000" });
    expect(col("token")).toMatchObject({ type: "char(36)", default: null });
    expect(col("small")?.type).toBe("smallint unsigned");
    expect(col("seen")?.type).toBe("timestamp");
    expect(col("touchedAt")).toMatchObject({
      type: "datetime",
      default: { kind: "expression", sql: "current_timestamp" },
    });
    expect(col("settings")?.type).toBe("json");
    expect(col("avatar")?.type).toBe("longblob");
    expect(accounts.indexes).toContainEqual({
      name: "ix_handle_tier",
      kind: "index",
      columns: ["handle(10) DESC", "tier"],
    });
    const post = model.tables.find((t) => t.name === "Post")!;
    expect(post.foreignKeys.map((f) => [f.name, f.onDelete, f.onUpdate])).toEqual([
      ["fk_post_author", "RESTRICT", "NO ACTION"],
      ["Post_parentId_fkey", "SET NULL", "CASCADE"],
    ]);
    expect(post.indexes).toContainEqual({ name: "Post_title_idx", kind: "fulltext", columns: ["title"] });
  });

  it("matches the SQL Prisma Migrate writes for the fixture, applied to a real database", async () => {
    const db = await createScratchDatabase("relay_drift_fixture");
    scratch.push(db);
    await db.exec(FIXTURE_SQL);
    const drift = compareSchemas(buildExpectedSchema(FIXTURE_SCHEMA), await introspectDatabase(db.url));
    expect(drift, formatDrift(drift)).toEqual([]);
  });

  it("truncates default names to MySQL's 64 bytes on a character boundary, as Prisma does", () => {
    expect(defaultIndexName("Staff", ["email"], "_key")).toBe("Staff_email_key");
    const long = defaultIndexName("SubscriptionRenewalReminderPreference", ["notificationChannelIdentifier"], "_key");
    expect(long).toBe("SubscriptionRenewalReminderPreference_notificationChannelIde_key");
    expect(Buffer.byteLength(long)).toBe(64);
    const wide = defaultIndexName("Tb", ["é".repeat(40)], "_idx");
    expect(wide).toBe(`Tb_${"é".repeat(28)}_idx`);
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(64);
  });

  it("finds @relation map names, which the DMMF leaves out", () => {
    expect([...scanRelationMapNames(FIXTURE_SCHEMA)]).toEqual([["Post.author", "fk_post_author"]]);
  });

  it("rejects an invalid schema with Prisma's own message", () => {
    expect(() =>
      buildExpectedSchema(`datasource db {\n  provider = "mysql"\n}\nmodel A {\n  id Int @id\n  b Nope\n}\n`),
    ).toThrow(/Type "Nope" is neither a built-in type/);
  });

  it("parses with the wasm build of the installed Prisma CLI's version", async () => {
    const version = async (pkg: string) =>
      (
        JSON.parse(
          await readFile(path.resolve(import.meta.dirname, "../../node_modules", pkg, "package.json"), "utf8"),
        ) as { version: string }
      ).version;
    // A Prisma upgrade must bump @prisma/get-dmmf too, or the drift check parses with an older PSL.
    expect(await version("@prisma/get-dmmf")).toBe(await version("prisma"));
  });
});
