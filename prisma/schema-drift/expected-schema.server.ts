import { readFile } from "node:fs/promises";
import path from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import {
  canonicalColumnType,
  canonicalExpression,
  quoteSqlString,
  sortTables,
  temporalPrecision,
  type ColumnModel,
  type ForeignKeyModel,
  type IndexModel,
  type ReferentialAction,
  type SchemaModel,
  type TableModel,
} from "./model.ts";

// Builds the schema Prisma Migrate would create on MySQL from schema.prisma. The schema is parsed by
// Prisma's own wasm parser (`@prisma/get-dmmf`, the getDMMF that `@prisma/internals` re-exports; it
// runs in-process and downloads nothing), so validation and attribute semantics match the CLI. What
// the DMMF leaves out (the MySQL column types, default constraint names, referential-action
// defaults, `@relation(map:)`) follows Prisma Migrate's MySQL conventions below.

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../schema.prisma");

/** MySQL's identifier limit, which Prisma's default constraint names are truncated to. */
const MAX_IDENTIFIER_BYTES = 64;

type DmmfResult = ReturnType<typeof getDMMF>;
type DmmfDocument = Extract<DmmfResult, { datamodel: unknown }>;
type Datamodel = DmmfDocument["datamodel"];
type DmmfModel = Datamodel["models"][number];
type DmmfField = DmmfModel["fields"][number];
type DmmfEnum = Datamodel["enums"][number];

export async function loadExpectedSchema(schemaPath: string = SCHEMA_PATH): Promise<SchemaModel> {
  return buildExpectedSchema(await readFile(schemaPath, "utf8"));
}

export function parseDatamodel(schemaText: string): Datamodel {
  const result = getDMMF({ datamodel: schemaText });
  if ("error" in result) {
    throw new Error(`schema.prisma could not be parsed ${result.reason}:\n${wasmErrorText(result.error)}`);
  }
  return result.datamodel;
}

/** The wasm parser throws a JSON envelope whose message carries terminal colours; keep the plain text. */
function wasmErrorText(error: unknown): string {
  let text = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === "string") text = parsed.message;
  } catch {
    // not JSON: use the text as it is
  }
  // eslint-disable-next-line no-control-regex -- ANSI escape sequences start with ESC
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

export function buildExpectedSchema(schemaText: string): SchemaModel {
  const dm = parseDatamodel(schemaText);
  const enums = new Map(dm.enums.map((e) => [e.name, e]));
  const models = new Map(dm.models.map((m) => [m.name, m]));
  const relationMaps = scanRelationMapNames(schemaText);
  const foreignKeysEnabled = !/relationMode\s*=\s*"prisma"/.test(datasourceBlock(schemaText));

  const tables: TableModel[] = [];
  for (const model of dm.models) {
    const table = tableName(model);
    const columns = model.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) => expectedColumn(f, enums));

    let primaryKey: string[] | null = null;
    const indexes: IndexModel[] = [];
    for (const index of dm.indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => columnName(fieldByName(model, f.name)));
      if (index.type === "id") {
        primaryKey = cols;
        continue;
      }
      const kind = index.type === "unique" ? "unique" : index.type === "fulltext" ? "fulltext" : "index";
      indexes.push({
        name: index.dbName ?? defaultIndexName(table, cols, kind === "unique" ? "_key" : "_idx"),
        kind,
        columns: index.fields.map((f, i) => keyPart(cols[i]!, f.length, f.sortOrder)),
      });
    }

    const foreignKeys: ForeignKeyModel[] = [];
    if (foreignKeysEnabled) {
      for (const field of model.fields) {
        if (field.kind !== "object" || !field.relationFromFields?.length) continue;
        const target = models.get(field.type);
        if (!target) throw new Error(`Relation ${model.name}.${field.name} points at unknown model ${field.type}`);
        const fkColumns = field.relationFromFields.map((n) => columnName(fieldByName(model, n)));
        foreignKeys.push({
          name: relationMaps.get(`${model.name}.${field.name}`) ?? defaultIndexName(table, fkColumns, "_fkey"),
          columns: fkColumns,
          referencedTable: tableName(target),
          referencedColumns: (field.relationToFields ?? []).map((n) => columnName(fieldByName(target, n))),
          // Prisma's defaults: an optional relation sets null on delete, a required one restricts.
          onDelete: sqlAction(field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")),
          onUpdate: sqlAction(field.relationOnUpdate ?? "Cascade"),
        });
      }
    }

    tables.push({ name: table, columns, primaryKey, indexes, foreignKeys });
  }

  tables.push(...implicitManyToManyTables(dm, models, enums, foreignKeysEnabled));
  return { tables: sortTables(tables) };
}

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function columnName(field: DmmfField): string {
  return field.dbName ?? field.name;
}

function fieldByName(model: DmmfModel, name: string): DmmfField {
  const field = model.fields.find((f) => f.name === name);
  if (!field) throw new Error(`Model ${model.name} has no field ${name}`);
  return field;
}

function keyPart(column: string, length: number | undefined, sortOrder: string | undefined): string {
  return `${column}${length ? `(${length})` : ""}${sortOrder === "desc" ? " DESC" : ""}`;
}

/**
 * Prisma's default constraint name: `{table}_{col1_col2}{suffix}`, the prefix cut to fit MySQL's
 * 64-byte identifier limit on a UTF-8 character boundary.
 */
export function defaultIndexName(table: string, columns: readonly string[], suffix: "_key" | "_idx" | "_fkey"): string {
  const prefix = `${table}_${columns.join("_")}`;
  const limit = MAX_IDENTIFIER_BYTES - suffix.length;
  const bytes = Buffer.from(prefix, "utf8");
  if (bytes.length < limit) return prefix + suffix;
  let cut = limit;
  while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--; // back up to a character boundary
  return bytes.subarray(0, cut).toString("utf8") + suffix;
}

function sqlAction(action: string): ReferentialAction {
  switch (action) {
    case "Cascade":
      return "CASCADE";
    case "Restrict":
      return "RESTRICT";
    case "NoAction":
      return "NO ACTION";
    case "SetNull":
      return "SET NULL";
    case "SetDefault":
      return "SET DEFAULT";
    default:
      throw new Error(`Unknown referential action ${action}`);
  }
}

/** Column types Prisma Migrate uses on MySQL when a field has no `@db.*` attribute. */
const SCALAR_TYPES: Record<string, string> = {
  String: "varchar(191)",
  Int: "int",
  BigInt: "bigint",
  Boolean: "tinyint(1)",
  DateTime: "datetime(3)",
  Float: "double",
  Decimal: "decimal(65,30)",
  Json: "json",
  Bytes: "longblob",
};

/** `@db.*` attributes of the MySQL connector → SQL type. */
function nativeColumnType(name: string, args: readonly string[]): string {
  const unsigned = /^Unsigned(.+)$/.exec(name);
  if (unsigned) return `${nativeColumnType(unsigned[1]!, args)} unsigned`;
  const sqlName = name === "Int" ? "int" : name.toLowerCase();
  return canonicalColumnType(args.length ? `${sqlName}(${args.join(",")})` : sqlName);
}

function columnType(field: DmmfField, enums: Map<string, DmmfEnum>): string {
  if (field.kind === "enum") {
    const e = enums.get(field.type);
    if (!e) throw new Error(`Unknown enum ${field.type}`);
    return `enum(${e.values.map((v) => quoteSqlString(v.dbName ?? v.name)).join(",")})`;
  }
  if (field.nativeType) return nativeColumnType(field.nativeType[0], field.nativeType[1]);
  const type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`No MySQL column type known for ${field.type} (field ${field.name})`);
  return type;
}

function expectedColumn(field: DmmfField, enums: Map<string, DmmfEnum>): ColumnModel {
  const type = columnType(field, enums);
  const column: ColumnModel = {
    name: columnName(field),
    type,
    nullable: !field.isRequired,
    default: null,
    autoIncrement: false,
    onUpdate: null,
  };
  const d = field.default;
  if (d === undefined) return column;
  if (typeof d === "object" && !Array.isArray(d)) {
    // A function default: `{ name: "now", args: [] }`.
    const fn = d as { name: string; args: ReadonlyArray<string | number> };
    switch (fn.name) {
      case "autoincrement":
        column.autoIncrement = true;
        break;
      case "now": {
        const p = temporalPrecision(type);
        column.default = { kind: "expression", sql: p ? `current_timestamp(${p})` : "current_timestamp" };
        break;
      }
      case "dbgenerated":
        column.default =
          typeof fn.args[0] === "string"
            ? { kind: "expression", sql: canonicalExpression(fn.args[0]) }
            : { kind: "any" };
        break;
      // uuid(), cuid(), nanoid(), ulid() and friends are filled in by the client: no database default.
      default:
        break;
    }
    return column;
  }
  if (Array.isArray(d)) throw new Error(`List defaults are not supported on MySQL (field ${field.name})`);
  column.default = { kind: "value", value: literalDefault(field, type, d as string | number | boolean, enums) };
  return column;
}

function literalDefault(
  field: DmmfField,
  type: string,
  value: string | number | boolean,
  enums: Map<string, DmmfEnum>,
): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  if (field.kind === "enum") {
    const member = enums.get(field.type)?.values.find((v) => v.name === value);
    return member?.dbName ?? String(value);
  }
  if (field.type === "DateTime" && typeof value === "string")
    return mysqlDateTimeLiteral(value, temporalPrecision(type));
  return String(value);
}

/** `2020-01-01T00:00:00+00:00` → `2020-01-01 00:00:00.000` (UTC, as Prisma renders the default). */
function mysqlDateTimeLiteral(iso: string, precision: number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const [day, time = ""] = date.toISOString().split("T");
  const [hms = "", frac = "000Z"] = time.split(".");
  const digits = frac.replace("Z", "").padEnd(6, "0").slice(0, precision);
  return precision ? `${day} ${hms}.${digits}` : `${day} ${hms}`;
}

/**
 * Implicit many-to-many relations get a join table `_{RelationName}` with columns A and B (A refers to
 * the model whose name sorts first), a unique index on (A, B), an index on B, and cascading FKs.
 */
function implicitManyToManyTables(
  dm: Datamodel,
  models: Map<string, DmmfModel>,
  enums: Map<string, DmmfEnum>,
  foreignKeysEnabled: boolean,
): TableModel[] {
  const seen = new Set<string>();
  const tables: TableModel[] = [];
  for (const model of dm.models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.isList || !field.relationName || seen.has(field.relationName)) continue;
      const target = models.get(field.type);
      const back = target?.fields.find(
        (f) => f.kind === "object" && f.relationName === field.relationName && f !== field,
      );
      if (!target || !back?.isList) continue;
      seen.add(field.relationName);
      const [a, b] = [model, target].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) as [
        DmmfModel,
        DmmfModel,
      ];
      const name = `_${field.relationName}`;
      const side = (letter: "A" | "B", m: DmmfModel): { column: ColumnModel; fk: ForeignKeyModel } => {
        const idFields = m.fields.filter((f) => f.isId);
        if (idFields.length !== 1)
          throw new Error(`Implicit m:n relation ${name} needs a single-field @id on ${m.name}`);
        const id = idFields[0]!;
        return {
          column: {
            name: letter,
            type: columnType(id, enums),
            nullable: false,
            default: null,
            autoIncrement: false,
            onUpdate: null,
          },
          fk: {
            name: `${name}_${letter}_fkey`,
            columns: [letter],
            referencedTable: tableName(m),
            referencedColumns: [columnName(id)],
            onDelete: "CASCADE",
            onUpdate: "CASCADE",
          },
        };
      };
      const sa = side("A", a);
      const sb = side("B", b);
      tables.push({
        name,
        columns: [sa.column, sb.column],
        primaryKey: null,
        indexes: [
          { name: `${name}_AB_unique`, kind: "unique", columns: ["A", "B"] },
          { name: `${name}_B_index`, kind: "index", columns: ["B"] },
        ],
        foreignKeys: foreignKeysEnabled ? [sa.fk, sb.fk] : [],
      });
    }
  }
  return tables;
}

function datasourceBlock(schemaText: string): string {
  return /^\s*datasource\s+\w+\s*\{([^}]*)\}/m.exec(schemaText)?.[1] ?? "";
}

/**
 * `@relation(..., map: "name")` per `Model.field`. The DMMF does not carry foreign-key constraint
 * names, so this reads them from the schema text: model blocks, then the `@relation(...)` argument
 * list of each field line.
 */
export function scanRelationMapNames(schemaText: string): Map<string, string> {
  const names = new Map<string, string>();
  const text = schemaText;
  const modelRe = /^\s*model\s+(\w+)\s*\{/gm;
  for (let m = modelRe.exec(text); m; m = modelRe.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const end = findBlockEnd(text, bodyStart);
    for (const line of text.slice(bodyStart, end).split("\n")) {
      if (line.trimStart().startsWith("//")) continue;
      const field = /^\s*(\w+)\s/.exec(line)?.[1];
      const at = line.indexOf("@relation(");
      if (!field || at < 0) continue;
      const args = balancedArgs(line, at + "@relation".length);
      const map = /(?:^|[,\s(])map\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(args)?.[1];
      if (map !== undefined) names.set(`${m[1]}.${field}`, map);
    }
  }
  return names;
}

/** Index of the `}` closing a block whose body starts at `from`, skipping strings and comments. */
function findBlockEnd(text: string, from: number): number {
  let depth = 1;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === "/" && text[i + 1] === "/") {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? text.length : eol; // comments may hold quotes or braces
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return text.length;
}

/** The text of a parenthesised argument list starting at `open` (which must be `(`), strings respected. */
function balancedArgs(line: string, open: number): string {
  let depth = 0;
  let inString = false;
  for (let i = open; i < line.length; i++) {
    const ch = line[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return line.slice(open, i + 1);
  }
  return line.slice(open);
}
