// The normalised schema model shared by the expected side (schema.prisma) and the actual side (a live
// MySQL/MariaDB database). Both builders emit canonical spellings so the comparator can compare strings.

export type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

/**
 * A column default. `value` is a literal as the database stores it (strings unquoted, booleans as 0/1,
 * enum members by their database name); `expression` is canonical SQL (see canonicalExpression);
 * `any` (from `dbgenerated()` without an argument) matches whatever default the database has.
 */
export type ColumnDefault = { kind: "value"; value: string } | { kind: "expression"; sql: string } | { kind: "any" };

export interface ColumnModel {
  name: string;
  /** Canonical column type, e.g. `varchar(191)`, `int`, `int unsigned`, `tinyint(1)`, `enum('a','b')`, `json`. */
  type: string;
  nullable: boolean;
  default: ColumnDefault | null;
  autoIncrement: boolean;
  /** `ON UPDATE` expression (canonical), which Prisma never creates: `@updatedAt` is set by the client. */
  onUpdate: string | null;
}

export type IndexKind = "index" | "unique" | "fulltext";

export interface IndexModel {
  name: string;
  kind: IndexKind;
  /** Key parts in order: `col`, `col(10)` for a prefix length, `col DESC` for descending. */
  columns: string[];
}

export interface ForeignKeyModel {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface TableModel {
  name: string;
  columns: ColumnModel[];
  /** Primary key columns in order; null when the table has none. */
  primaryKey: string[] | null;
  /** Secondary indexes and unique constraints (never PRIMARY). */
  indexes: IndexModel[];
  foreignKeys: ForeignKeyModel[];
}

export interface SchemaModel {
  /** Sorted by name. */
  tables: TableModel[];
}

const INTEGER_TYPES = new Set(["tinyint", "smallint", "mediumint", "int", "integer", "bigint"]);
const NUMERIC_TYPES = new Set([...INTEGER_TYPES, "decimal", "numeric", "float", "double", "real", "bit", "year"]);

/** The base name of a canonical type: `varchar(191)` → `varchar`, `int unsigned` → `int`. */
export function baseType(type: string): string {
  return /^[a-z]+/.exec(type)?.[0] ?? type;
}

export function isNumericType(type: string): boolean {
  return NUMERIC_TYPES.has(baseType(type));
}

export function isTemporalType(type: string): boolean {
  return ["datetime", "timestamp", "date", "time"].includes(baseType(type));
}

/**
 * Canonical spelling of a column type as either server reports it. Display widths are dropped from
 * integer types (MariaDB and MySQL 5.7 print `int(11)`, MySQL 8 prints `int`) except `tinyint(1)`,
 * which is how both spell BOOLEAN; a zero fractional-seconds precision is dropped (`datetime(0)` is
 * `datetime`); `year(4)` is `year`.
 */
export function canonicalColumnType(raw: string): string {
  let type = raw.trim().replace(/\s+/g, " ");
  const enumLike = /^(enum|set)\s*\(/i.exec(type);
  if (enumLike) {
    // Keep member spelling (case matters for enum values); only normalise the keyword and separators.
    const members = splitEnumMembers(type.slice(type.indexOf("(") + 1, type.lastIndexOf(")")));
    return `${enumLike[1]!.toLowerCase()}(${members.map(quoteSqlString).join(",")})`;
  }
  type = type.toLowerCase().replace(/\s*zerofill\b/, "");
  type = type
    .replace(/\s*\(\s*/g, "(")
    .replace(/\s*,\s*/g, ",")
    .replace(/\s*\)/g, ")");
  const m = /^([a-z]+)(?:\((\d+)\))?(.*)$/.exec(type);
  if (!m) return type;
  const [, base = "", width, rest = ""] = m;
  if (base === "integer") return `int${rest}`;
  if (INTEGER_TYPES.has(base)) {
    if (base === "tinyint" && width === "1" && rest === "") return "tinyint(1)";
    return `${base}${rest}`;
  }
  if (base === "year") return "year";
  if ((base === "datetime" || base === "timestamp" || base === "time") && width === "0") return `${base}${rest}`;
  return type;
}

/** Splits the inside of `enum('a','it''s')` into its members, unescaped. */
export function splitEnumMembers(inner: string): string[] {
  const members: string[] = [];
  const re = /'((?:[^'\\]|''|\\.)*)'/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) members.push(unescapeSqlString(m[1] ?? ""));
  return members;
}

export function quoteSqlString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

export function unescapeSqlString(body: string): string {
  return body.replace(/''/g, "'").replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

/**
 * Canonical SQL for a default or ON UPDATE expression: lower case, no whitespace or backticks, one
 * level of enclosing parentheses removed (MySQL 8 requires `DEFAULT (uuid())`, MariaDB reports
 * `uuid()`), and the CURRENT_TIMESTAMP synonyms folded together.
 */
export function canonicalExpression(sql: string): string {
  let s = sql.trim().replace(/`/g, "").replace(/\s+/g, "").toLowerCase();
  while (s.startsWith("(") && s.endsWith(")") && balanced(s.slice(1, -1))) s = s.slice(1, -1);
  s = s.replace(/^(?:now|localtimestamp|localtime|current_timestamp)(?:\((\d*)\))?$/, (_, p: string | undefined) =>
    p && p !== "0" ? `current_timestamp(${p})` : "current_timestamp",
  );
  return s;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Fractional-seconds precision of a datetime/timestamp/time type (0 when none is given). */
export function temporalPrecision(type: string): number {
  const m = /^(?:datetime|timestamp|time)\((\d+)\)/.exec(type);
  return m ? Number(m[1]) : 0;
}

export function describeDefault(d: ColumnDefault | null, type = ""): string {
  if (d === null) return "no default";
  if (d.kind === "value") return `DEFAULT ${isNumericType(type) ? d.value : quoteSqlString(d.value)}`;
  if (d.kind === "expression") return `DEFAULT ${d.sql}`;
  return "some database default (dbgenerated())";
}

export function sortTables(tables: TableModel[]): TableModel[] {
  return [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
