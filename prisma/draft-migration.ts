import { introspectDatabase } from "./schema-drift/actual-schema.server.ts";
import { loadExpectedSchema } from "./schema-drift/expected-schema.server.ts";
import {
  isNumericType,
  quoteSqlString,
  type ColumnModel,
  type ForeignKeyModel,
  type IndexModel,
  type TableModel,
} from "./schema-drift/model.ts";

// `npx tsx prisma/draft-migration.ts > prisma/migrations/<ts>_<name>/migration.sql`: drafts the SQL that
// takes the database at DATABASE_URL to schema.prisma (new tables, columns, changed column types,
// indexes, foreign keys), in Prisma Migrate's spelling. Prisma's own `migrate diff` needs a schema
// engine we cannot download here (decision 002). The draft is a starting point: read it, add data
// moves by hand, and let check-drift.ts prove the result. It never drops anything.

const DEFAULT_URL = "mysql://relay:relay@127.0.0.1:3307/relay";
const q = (name: string) => `\`${name}\``;

function columnSql(c: ColumnModel): string {
  const type = c.type === "tinyint(1)" ? "BOOLEAN" : c.type.toUpperCase().replace(/,(?=\d)/g, ", ");
  let sql = `${q(c.name)} ${type}`;
  // Enum members keep their case.
  if (c.type.startsWith("enum(")) sql = `${q(c.name)} ENUM(${c.type.slice(5, -1).split(",").join(", ")})`;
  sql += c.nullable ? " NULL" : " NOT NULL";
  if (c.default?.kind === "value") {
    const v = c.default.value;
    sql += ` DEFAULT ${c.type === "tinyint(1)" ? (v === "1" ? "true" : "false") : isNumericType(c.type) ? v : quoteSqlString(v)}`;
  } else if (c.default?.kind === "expression") {
    sql += ` DEFAULT ${c.default.sql.toUpperCase()}`;
  }
  if (c.autoIncrement) sql += " AUTO_INCREMENT";
  return sql;
}

function indexSql(i: IndexModel): string {
  const kind = i.kind === "unique" ? "UNIQUE INDEX" : i.kind === "fulltext" ? "FULLTEXT INDEX" : "INDEX";
  return `${kind} ${q(i.name)}(${i.columns.map((c) => q(c)).join(", ")})`;
}

function foreignKeySql(table: string, fk: ForeignKeyModel): string {
  return (
    `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${fk.columns.map(q).join(", ")}) ` +
    `REFERENCES ${q(fk.referencedTable)}(${fk.referencedColumns.map(q).join(", ")}) ` +
    `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate};`
  );
}

function createTableSql(t: TableModel): string {
  const lines = t.columns.map((c) => `    ${columnSql(c)}`);
  const keys = t.indexes.map((i) => `    ${indexSql(i)}`);
  if (t.primaryKey) keys.push(`    PRIMARY KEY (${t.primaryKey.map(q).join(", ")})`);
  return (
    `-- CreateTable\nCREATE TABLE ${q(t.name)} (\n${lines.join(",\n")},\n\n${keys.join(",\n")}\n) ` +
    `DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n`
  );
}

async function main(): Promise<void> {
  const [expected, actual] = await Promise.all([
    loadExpectedSchema(),
    introspectDatabase(process.env.DATABASE_URL ?? DEFAULT_URL),
  ]);
  const actualTables = new Map(actual.tables.map((t) => [t.name, t]));
  const out: string[] = [];
  const fks: string[] = [];
  for (const table of expected.tables) {
    const existing = actualTables.get(table.name);
    if (!existing) {
      out.push(createTableSql(table));
      for (const fk of table.foreignKeys) fks.push(foreignKeySql(table.name, fk));
      continue;
    }
    const cols = new Map(existing.columns.map((c) => [c.name, c]));
    const alters: string[] = [];
    for (const c of table.columns) {
      const was = cols.get(c.name);
      if (!was) alters.push(`ADD COLUMN ${columnSql(c)}`);
      else if (was.type !== c.type || was.nullable !== c.nullable) alters.push(`MODIFY ${columnSql(c)}`);
    }
    const idx = new Set(existing.indexes.map((i) => i.name));
    for (const i of table.indexes) if (!idx.has(i.name)) alters.push(`ADD ${indexSql(i)}`);
    if (alters.length) out.push(`-- AlterTable\nALTER TABLE ${q(table.name)} ${alters.join(",\n    ")};\n`);
    const fkNames = new Set(existing.foreignKeys.map((f) => f.name));
    for (const fk of table.foreignKeys) if (!fkNames.has(fk.name)) fks.push(foreignKeySql(table.name, fk));
  }
  console.log([...out, ...fks.map((f) => `-- AddForeignKey\n${f}\n`)].join("\n"));
}

await main();
