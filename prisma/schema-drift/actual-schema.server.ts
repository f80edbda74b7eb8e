import mysql from "mysql2/promise";
import {
  canonicalColumnType,
  canonicalExpression,
  isNumericType,
  isTemporalType,
  sortTables,
  unescapeSqlString,
  type ColumnDefault,
  type ColumnModel,
  type ForeignKeyModel,
  type IndexKind,
  type ReferentialAction,
  type SchemaModel,
  type TableModel,
} from "./model.ts";

// Reads the live schema of the connection's current database through information_schema into the
// normalised model. Works on MariaDB (10.5+) and MySQL 8; their differences are handled here so the
// comparator sees one spelling.

/** Tables that belong to the tooling, not to schema.prisma. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

export async function introspectDatabase(databaseUrl: string): Promise<SchemaModel> {
  const conn = await mysql.createConnection(databaseUrl);
  try {
    return await introspectConnection(conn);
  } finally {
    await conn.end();
  }
}

interface ColumnRow {
  tableName: string;
  columnName: string;
  columnType: string;
  dataType: string;
  isNullable: string;
  columnDefault: string | null;
  extra: string | null;
}

interface IndexRow {
  tableName: string;
  indexName: string;
  nonUnique: number | string;
  columnName: string | null;
  subPart: number | string | null;
  collation: string | null;
  indexType: string;
}

interface ForeignKeyRow {
  tableName: string;
  constraintName: string;
  columnName: string;
  referencedTable: string;
  referencedColumn: string;
  updateRule: string;
  deleteRule: string;
}

interface CheckRow {
  tableName: string;
  checkClause: string;
}

async function rows<T>(conn: mysql.Connection, sql: string): Promise<T[]> {
  const [result] = await conn.query(sql);
  return result as T[];
}

export async function introspectConnection(conn: mysql.Connection): Promise<SchemaModel> {
  const [versionRow] = await rows<{ version: string }>(conn, "SELECT VERSION() AS version");
  const mariadb = /mariadb/i.test(versionRow?.version ?? "");

  // Aliases everywhere: MySQL 8 returns information_schema column names in upper case, MariaDB as
  // written, and row keys must not depend on that.
  const tableRows = await rows<{ tableName: string }>(
    conn,
    `SELECT TABLE_NAME AS tableName FROM information_schema.TABLES
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
  );
  const columnRows = await rows<ColumnRow>(
    conn,
    `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, COLUMN_TYPE AS columnType,
            DATA_TYPE AS dataType, IS_NULLABLE AS isNullable, COLUMN_DEFAULT AS columnDefault, EXTRA AS extra
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const indexRows = await rows<IndexRow>(
    conn,
    `SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, NON_UNIQUE AS nonUnique, COLUMN_NAME AS columnName,
            SUB_PART AS subPart, COLLATION AS collation, INDEX_TYPE AS indexType
     FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
     ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  const fkRows = await rows<ForeignKeyRow>(
    conn,
    `SELECT k.TABLE_NAME AS tableName, k.CONSTRAINT_NAME AS constraintName, k.COLUMN_NAME AS columnName,
            k.REFERENCED_TABLE_NAME AS referencedTable, k.REFERENCED_COLUMN_NAME AS referencedColumn,
            r.UPDATE_RULE AS updateRule, r.DELETE_RULE AS deleteRule
     FROM information_schema.KEY_COLUMN_USAGE k
     JOIN information_schema.REFERENTIAL_CONSTRAINTS r
       ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
     WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
     ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
  );
  // MariaDB stores JSON as LONGTEXT plus a `json_valid(col)` CHECK; only MariaDB's CHECK_CONSTRAINTS has TABLE_NAME.
  const checkRows = mariadb
    ? await rows<CheckRow>(
        conn,
        `SELECT TABLE_NAME AS tableName, CHECK_CLAUSE AS checkClause
         FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()`,
      )
    : [];
  const jsonColumns = new Set<string>();
  for (const c of checkRows) {
    const col = /^\s*json_valid\(\s*`?([^`)]+)`?\s*\)\s*$/i.exec(c.checkClause)?.[1];
    if (col) jsonColumns.add(`${c.tableName}.${col}`);
  }

  const tables = new Map<string, TableModel>();
  for (const { tableName } of tableRows) {
    if (IGNORED_TABLES.has(tableName)) continue;
    tables.set(tableName, { name: tableName, columns: [], primaryKey: null, indexes: [], foreignKeys: [] });
  }

  for (const r of columnRows) {
    const table = tables.get(r.tableName);
    if (!table) continue;
    let type = canonicalColumnType(r.columnType);
    if (mariadb && r.dataType.toLowerCase() === "longtext" && jsonColumns.has(`${r.tableName}.${r.columnName}`)) {
      type = "json";
    }
    const extra = (r.extra ?? "").toLowerCase();
    const onUpdate = /on update (.+)$/i.exec(r.extra ?? "")?.[1];
    table.columns.push({
      name: r.columnName,
      type,
      nullable: r.isNullable === "YES",
      default: parseDefault(r.columnDefault, extra, type, mariadb),
      autoIncrement: extra.includes("auto_increment"),
      onUpdate: onUpdate ? canonicalExpression(onUpdate) : null,
    } satisfies ColumnModel);
  }

  const indexParts = new Map<string, { table: string; name: string; kind: IndexKind; columns: string[] }>();
  for (const r of indexRows) {
    const table = tables.get(r.tableName);
    if (!table) continue;
    const key = `${r.tableName}\u0000${r.indexName}`;
    let index = indexParts.get(key);
    if (!index) {
      const kind: IndexKind =
        r.indexType.toUpperCase() === "FULLTEXT" ? "fulltext" : Number(r.nonUnique) === 0 ? "unique" : "index";
      index = { table: r.tableName, name: r.indexName, kind, columns: [] };
      indexParts.set(key, index);
    }
    // A MySQL 8 functional key part has no column name.
    const column = r.columnName ?? "(expression)";
    const length = r.subPart === null ? "" : `(${Number(r.subPart)})`;
    index.columns.push(`${column}${length}${r.collation === "D" ? " DESC" : ""}`);
  }
  for (const index of indexParts.values()) {
    const table = tables.get(index.table)!;
    if (index.name === "PRIMARY") table.primaryKey = index.columns;
    else table.indexes.push({ name: index.name, kind: index.kind, columns: index.columns });
  }

  const fks = new Map<string, ForeignKeyModel & { table: string }>();
  for (const r of fkRows) {
    if (!tables.has(r.tableName)) continue;
    const key = `${r.tableName}\u0000${r.constraintName}`;
    let fk = fks.get(key);
    if (!fk) {
      fk = {
        table: r.tableName,
        name: r.constraintName,
        columns: [],
        referencedTable: r.referencedTable,
        referencedColumns: [],
        onDelete: referentialAction(r.deleteRule),
        onUpdate: referentialAction(r.updateRule),
      };
      fks.set(key, fk);
    }
    fk.columns.push(r.columnName);
    fk.referencedColumns.push(r.referencedColumn);
  }
  for (const { table, ...fk } of fks.values()) tables.get(table)!.foreignKeys.push(fk);

  return { tables: sortTables([...tables.values()]) };
}

function referentialAction(rule: string): ReferentialAction {
  const action = rule.toUpperCase().replace(/\s+/g, " ").trim();
  if (["CASCADE", "RESTRICT", "NO ACTION", "SET NULL", "SET DEFAULT"].includes(action))
    return action as ReferentialAction;
  throw new Error(`Unknown referential action ${rule}`);
}

/**
 * information_schema.COLUMNS.COLUMN_DEFAULT differs by server:
 * - MariaDB (10.2.7+) quotes string literals (`'active'`), leaves numbers and expressions bare
 *   (`0`, `current_timestamp(3)`, `uuid()`), and reports the absent default of a nullable column as
 *   the bare word `NULL`.
 * - MySQL 8 reports literals unquoted (`active`) and marks expression defaults with
 *   EXTRA = DEFAULT_GENERATED (older versions: only CURRENT_TIMESTAMP, recognised by name).
 */
export function parseDefault(raw: string | null, extra: string, type: string, mariadb: boolean): ColumnDefault | null {
  if (raw === null) return null;
  if (mariadb) {
    if (raw === "NULL") return null;
    const quoted = /^'([\s\S]*)'$/.exec(raw);
    if (quoted) return { kind: "value", value: unescapeSqlString(quoted[1] ?? "") };
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw)) return { kind: "value", value: raw };
    return { kind: "expression", sql: canonicalExpression(raw) };
  }
  const looksLikeNow = isTemporalType(type) && /^(current_timestamp|now|localtimestamp)(\(\d*\))?$/i.test(raw.trim());
  if (extra.includes("default_generated") || looksLikeNow) {
    // `(_utf8mb4'{}')`: a string literal written as an expression (needed for TEXT/JSON on MySQL 8).
    const introduced = /^\(?_[a-z0-9]+\\?'([\s\S]*?)\\?'\)?$/i.exec(raw.trim());
    if (introduced) return { kind: "value", value: unescapeSqlString(introduced[1] ?? "") };
    return { kind: "expression", sql: canonicalExpression(raw) };
  }
  if (isNumericType(type)) return { kind: "value", value: raw.trim() };
  return { kind: "value", value: raw };
}
