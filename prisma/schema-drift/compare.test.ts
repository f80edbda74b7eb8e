import { beforeAll, describe, expect, it } from "vitest";
import {
  compareSchemas,
  formatDrift,
  sameDefault,
  type DriftItem,
  type SchemaModel,
  type TableModel,
} from "./compare.ts";
import { loadExpectedSchema } from "./expected-schema.server.ts";

// The comparator against mutated copies of the model built from the real schema.prisma: every kind
// of drift is reported once, with a message naming the object, and identical models report nothing.

let base: SchemaModel;

beforeAll(async () => {
  base = await loadExpectedSchema();
});

/** A deep copy of the real model, changed by `mutate`, compared with the original. */
function driftAfter(mutate: (actual: SchemaModel) => void): DriftItem[] {
  const actual = structuredClone(base);
  mutate(actual);
  return compareSchemas(base, actual);
}

function table(model: SchemaModel, name: string): TableModel {
  const t = model.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

function column(model: SchemaModel, tableName: string, name: string) {
  const c = table(model, tableName).columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${tableName}.${name}`);
  return c;
}

function kinds(items: DriftItem[]): Array<[string, string, string | undefined]> {
  return items.map((i) => [i.kind, i.table, i.name]);
}

describe("compareSchemas", () => {
  it("reports nothing for identical models", () => {
    expect(base.tables.length).toBeGreaterThan(10);
    expect(compareSchemas(base, structuredClone(base))).toEqual([]);
    expect(formatDrift([])).toMatch(/No schema drift/);
  });

  it("reports a missing table and an extra table", () => {
    const items = driftAfter((m) => {
      m.tables = m.tables.filter((t) => t.name !== "AuditLog");
      m.tables.push({ name: "Leftover", columns: [], primaryKey: null, indexes: [], foreignKeys: [] });
    });
    expect(kinds(items)).toEqual([
      ["missing-table", "AuditLog", undefined],
      ["extra-table", "Leftover", undefined],
    ]);
    expect(items[0]!.message).toContain("`AuditLog`");
  });

  it("reports a changed column type", () => {
    const items = driftAfter((m) => {
      column(m, "Staff", "name").type = "varchar(120)";
    });
    expect(kinds(items)).toEqual([["column-type", "Staff", "name"]]);
    expect(items[0]!.message).toBe(
      "Column `Staff`.`name`: schema.prisma expects type varchar(100), the database has varchar(120).",
    );
  });

  it("reports a JSON column stored as plain text and an enum with other members", () => {
    const items = driftAfter((m) => {
      column(m, "Job", "payload").type = "longtext";
      column(m, "Staff", "status").type = "enum('active','inactive')";
    });
    expect(kinds(items)).toEqual([
      ["column-type", "Job", "payload"],
      ["column-type", "Staff", "status"],
    ]);
  });

  it("reports a dropped column and an extra column", () => {
    const items = driftAfter((m) => {
      const t = table(m, "Contact");
      t.columns = t.columns.filter((c) => c.name !== "mobile");
      t.columns.push({
        name: "legacyCode",
        type: "varchar(10)",
        nullable: true,
        default: null,
        autoIncrement: false,
        onUpdate: null,
      });
    });
    expect(kinds(items)).toEqual([
      ["missing-column", "Contact", "mobile"],
      ["extra-column", "Contact", "legacyCode"],
    ]);
    expect(items[0]!.message).toContain("varchar(50) NULL");
  });

  it("reports flipped nullability both ways", () => {
    const items = driftAfter((m) => {
      column(m, "Company", "name").nullable = true;
      column(m, "Company", "city").nullable = false;
    });
    expect(kinds(items)).toEqual([
      ["column-nullability", "Company", "name"],
      ["column-nullability", "Company", "city"],
    ]);
    expect(items[0]!.message).toContain("expects NOT NULL, the database has NULL");
  });

  it("reports changed, dropped and added defaults", () => {
    const items = driftAfter((m) => {
      column(m, "Staff", "status").default = { kind: "value", value: "away" };
      column(m, "Role", "isAdmin").default = null;
      column(m, "Company", "name").default = { kind: "value", value: "" };
      column(m, "Job", "runAt").default = { kind: "expression", sql: "current_timestamp" };
    });
    expect(kinds(items)).toEqual([
      ["column-default", "Company", "name"],
      ["column-default", "Job", "runAt"],
      ["column-default", "Role", "isAdmin"],
      ["column-default", "Staff", "status"],
    ]);
    expect(items.find((i) => i.table === "Staff")!.message).toBe(
      "Column `Staff`.`status`: schema.prisma expects DEFAULT 'active', the database has DEFAULT 'away'.",
    );
  });

  it("treats equal values in another spelling as the same default", () => {
    expect(
      sameDefault(
        { kind: "value", value: "2.5" },
        { kind: "value", value: "2.500000000000000000000000000000" },
        "decimal(65,30)",
      ),
    ).toBe(true);
    expect(sameDefault({ kind: "value", value: "2.5" }, { kind: "value", value: "2.6" }, "decimal(65,30)")).toBe(false);
    expect(sameDefault({ kind: "value", value: "1" }, { kind: "value", value: "01" }, "varchar(5)")).toBe(false);
    expect(
      sameDefault(
        { kind: "value", value: "2020-01-01 00:00:00" },
        { kind: "value", value: "2020-01-01 00:00:00.000" },
        "datetime(3)",
      ),
    ).toBe(true);
    expect(sameDefault({ kind: "any" }, { kind: "expression", sql: "uuid()" }, "varchar(36)")).toBe(true);
    expect(sameDefault({ kind: "any" }, null, "varchar(36)")).toBe(false);
    expect(sameDefault({ kind: "value", value: "0" }, { kind: "expression", sql: "0" }, "varchar(5)")).toBe(false);
  });

  it("reports auto-increment and ON UPDATE differences", () => {
    const items = driftAfter((m) => {
      column(m, "Team", "id").autoIncrement = false;
      column(m, "Team", "updatedAt").onUpdate = "current_timestamp(3)";
    });
    expect(kinds(items)).toEqual([
      ["column-auto-increment", "Team", "id"],
      ["column-on-update", "Team", "updatedAt"],
    ]);
  });

  it("reports a different or missing primary key", () => {
    const items = driftAfter((m) => {
      table(m, "StaffRole").primaryKey = ["roleId", "staffId"];
      table(m, "Setting").primaryKey = null;
    });
    expect(kinds(items)).toEqual([
      ["primary-key", "Setting", "PRIMARY"],
      ["primary-key", "StaffRole", "PRIMARY"],
    ]);
    expect(items[1]!.message).toBe(
      "Primary key of `StaffRole`: schema.prisma expects PRIMARY KEY (staffId, roleId), the database has PRIMARY KEY (roleId, staffId).",
    );
  });

  it("reports a dropped index, an extra index and a renamed one", () => {
    const items = driftAfter((m) => {
      const company = table(m, "Company");
      company.indexes = company.indexes.filter((i) => i.name !== "Company_city_idx");
      company.indexes.push({ name: "Company_website_idx", kind: "index", columns: ["website"] });
      const staff = table(m, "Staff");
      staff.indexes.find((i) => i.name === "Staff_status_idx")!.name = "status_idx";
    });
    expect(kinds(items)).toEqual([
      ["missing-index", "Company", "Company_city_idx"],
      ["extra-index", "Company", "Company_website_idx"],
      ["index-renamed", "Staff", "Staff_status_idx"],
    ]);
    expect(items[2]!.message).toContain("is named `status_idx` in the database");
  });

  it("reports index columns in another order, lost uniqueness and a prefix length", () => {
    const items = driftAfter((m) => {
      const audit = table(m, "AuditLog");
      audit.indexes.find((i) => i.name === "AuditLog_entityType_entityId_idx")!.columns = ["entityId", "entityType"];
      table(m, "Staff").indexes.find((i) => i.name === "Staff_email_key")!.kind = "index";
      table(m, "Company").indexes.find((i) => i.name === "Company_nameKey_idx")!.columns = ["nameKey(20)"];
    });
    expect(kinds(items)).toEqual([
      ["index-definition", "AuditLog", "AuditLog_entityType_entityId_idx"],
      ["index-definition", "Company", "Company_nameKey_idx"],
      ["index-definition", "Staff", "Staff_email_key"],
    ]);
    expect(items[2]!.message).toBe(
      "Index `Staff`.`Staff_email_key`: schema.prisma expects UNIQUE INDEX (email), the database has INDEX (email).",
    );
  });

  it("ignores the index InnoDB creates for a foreign key, but not one with another name", () => {
    const items = driftAfter((m) => {
      const setting = table(m, "Setting");
      setting.foreignKeys.push({
        name: "Setting_updatedById_fkey",
        columns: ["updatedById"],
        referencedTable: "Staff",
        referencedColumns: ["id"],
        onDelete: "SET NULL",
        onUpdate: "CASCADE",
      });
      setting.indexes.push({ name: "Setting_updatedById_fkey", kind: "index", columns: ["updatedById"] });
      setting.indexes.push({ name: "by_updater", kind: "index", columns: ["updatedById"] });
    });
    expect(kinds(items)).toEqual([
      ["extra-index", "Setting", "by_updater"],
      ["extra-foreign-key", "Setting", "Setting_updatedById_fkey"],
    ]);
  });

  it("reports a changed foreign-key action, target and columns", () => {
    const items = driftAfter((m) => {
      const contact = table(m, "Contact");
      contact.foreignKeys.find((f) => f.name === "Contact_companyId_fkey")!.onDelete = "CASCADE";
      const owner = contact.foreignKeys.find((f) => f.name === "Contact_ownerId_fkey")!;
      owner.onUpdate = "NO ACTION";
      owner.referencedTable = "Team";
      table(m, "Staff").foreignKeys[0]!.columns = ["title"];
    });
    expect(kinds(items)).toEqual([
      ["foreign-key-definition", "Contact", "Contact_companyId_fkey"],
      ["foreign-key-definition", "Contact", "Contact_ownerId_fkey"],
      ["foreign-key-definition", "Staff", "Staff_teamId_fkey"],
    ]);
    expect(items[0]!.message).toBe(
      "Foreign key `Contact`.`Contact_companyId_fkey`: ON DELETE SET NULL expected, database has ON DELETE CASCADE.",
    );
    expect(items[1]!.message).toContain("references `Staff`(id) expected, database has `Team`(id)");
    expect(items[1]!.message).toContain("ON UPDATE CASCADE expected, database has ON UPDATE NO ACTION");
  });

  it("reports a dropped, a renamed and an extra foreign key", () => {
    const items = driftAfter((m) => {
      const rp = table(m, "RolePermission");
      rp.foreignKeys = [];
      table(m, "StaffSession").foreignKeys[0]!.name = "fk_session_staff";
      table(m, "AuditLog").foreignKeys.push({
        name: "AuditLog_actorId_fkey",
        columns: ["actorId"],
        referencedTable: "Staff",
        referencedColumns: ["id"],
        onDelete: "RESTRICT",
        onUpdate: "CASCADE",
      });
    });
    expect(kinds(items)).toEqual([
      ["extra-foreign-key", "AuditLog", "AuditLog_actorId_fkey"],
      ["missing-foreign-key", "RolePermission", "RolePermission_roleId_fkey"],
      ["foreign-key-renamed", "StaffSession", "StaffSession_staffId_fkey"],
    ]);
  });

  it("formats a report grouped by table with one line per difference", () => {
    const items = driftAfter((m) => {
      column(m, "Staff", "name").type = "varchar(120)";
      column(m, "Staff", "locale").nullable = true;
      m.tables = m.tables.filter((t) => t.name !== "Job");
    });
    const report = formatDrift(items);
    expect(report.split("\n")).toEqual([
      "Schema drift: 3 differences between schema.prisma and the database.",
      "  Job:",
      "    - [missing-table] Table `Job` is in schema.prisma but missing from the database.",
      "  Staff:",
      "    - [column-type] Column `Staff`.`name`: schema.prisma expects type varchar(100), the database has varchar(120).",
      "    - [column-nullability] Column `Staff`.`locale`: schema.prisma expects NOT NULL, the database has NULL.",
    ]);
  });
});
