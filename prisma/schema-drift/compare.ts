import {
  describeDefault,
  isNumericType,
  isTemporalType,
  type ColumnDefault,
  type ColumnModel,
  type ForeignKeyModel,
  type IndexModel,
  type SchemaModel,
  type TableModel,
} from "./model.ts";

// Pure comparison of two normalised schema models: `expected` from schema.prisma, `actual` from the
// database. Column order and table options (engine, charset) are not compared: Prisma ignores them too.

export type {
  ColumnDefault,
  ColumnModel,
  ForeignKeyModel,
  IndexModel,
  ReferentialAction,
  SchemaModel,
  TableModel,
} from "./model.ts";

export type DriftKind =
  | "missing-table"
  | "extra-table"
  | "missing-column"
  | "extra-column"
  | "column-type"
  | "column-nullability"
  | "column-default"
  | "column-auto-increment"
  | "column-on-update"
  | "primary-key"
  | "missing-index"
  | "extra-index"
  | "index-renamed"
  | "index-definition"
  | "missing-foreign-key"
  | "extra-foreign-key"
  | "foreign-key-renamed"
  | "foreign-key-definition";

export interface DriftItem {
  kind: DriftKind;
  table: string;
  /** The column, index or constraint concerned, when there is one. */
  name?: string;
  message: string;
}

const SOURCE = "schema.prisma";

export function compareSchemas(expected: SchemaModel, actual: SchemaModel): DriftItem[] {
  const items: DriftItem[] = [];
  const actualTables = new Map(actual.tables.map((t) => [t.name, t]));
  const expectedNames = new Set(expected.tables.map((t) => t.name));

  for (const exp of expected.tables) {
    const act = actualTables.get(exp.name);
    if (!act) {
      items.push({
        kind: "missing-table",
        table: exp.name,
        message: `Table \`${exp.name}\` is in ${SOURCE} but missing from the database.`,
      });
      continue;
    }
    compareTable(exp, act, items);
  }
  for (const act of actual.tables) {
    if (!expectedNames.has(act.name)) {
      items.push({
        kind: "extra-table",
        table: act.name,
        message: `Table \`${act.name}\` exists in the database but not in ${SOURCE}.`,
      });
    }
  }
  return items;
}

function compareTable(exp: TableModel, act: TableModel, items: DriftItem[]): void {
  const t = exp.name;
  const actColumns = new Map(act.columns.map((c) => [c.name, c]));
  const expColumnNames = new Set(exp.columns.map((c) => c.name));

  for (const ec of exp.columns) {
    const ac = actColumns.get(ec.name);
    if (!ac) {
      items.push({
        kind: "missing-column",
        table: t,
        name: ec.name,
        message: `Column \`${t}\`.\`${ec.name}\` (${describeColumn(ec)}) is in ${SOURCE} but missing from the database.`,
      });
      continue;
    }
    compareColumn(t, ec, ac, items);
  }
  for (const ac of act.columns) {
    if (!expColumnNames.has(ac.name)) {
      items.push({
        kind: "extra-column",
        table: t,
        name: ac.name,
        message: `Column \`${t}\`.\`${ac.name}\` (${describeColumn(ac)}) exists in the database but not in ${SOURCE}.`,
      });
    }
  }

  if (!sameList(exp.primaryKey, act.primaryKey)) {
    items.push({
      kind: "primary-key",
      table: t,
      name: "PRIMARY",
      message: `Primary key of \`${t}\`: ${SOURCE} expects ${describeKey(exp.primaryKey)}, the database has ${describeKey(act.primaryKey)}.`,
    });
  }

  compareIndexes(t, exp.indexes, act.indexes, act.foreignKeys, items);
  compareForeignKeys(t, exp.foreignKeys, act.foreignKeys, items);
}

function compareColumn(t: string, ec: ColumnModel, ac: ColumnModel, items: DriftItem[]): void {
  const where = `Column \`${t}\`.\`${ec.name}\``;
  if (ec.type !== ac.type) {
    items.push({
      kind: "column-type",
      table: t,
      name: ec.name,
      message: `${where}: ${SOURCE} expects type ${ec.type}, the database has ${ac.type}.`,
    });
  }
  if (ec.nullable !== ac.nullable) {
    items.push({
      kind: "column-nullability",
      table: t,
      name: ec.name,
      message: `${where}: ${SOURCE} expects ${nullText(ec.nullable)}, the database has ${nullText(ac.nullable)}.`,
    });
  }
  if (!sameDefault(ec.default, ac.default, ec.type)) {
    items.push({
      kind: "column-default",
      table: t,
      name: ec.name,
      message: `${where}: ${SOURCE} expects ${describeDefault(ec.default, ec.type)}, the database has ${describeDefault(ac.default, ac.type)}.`,
    });
  }
  if (ec.autoIncrement !== ac.autoIncrement) {
    items.push({
      kind: "column-auto-increment",
      table: t,
      name: ec.name,
      message: `${where}: ${SOURCE} expects ${ec.autoIncrement ? "AUTO_INCREMENT" : "no AUTO_INCREMENT"}, the database has ${ac.autoIncrement ? "AUTO_INCREMENT" : "none"}.`,
    });
  }
  if (ec.onUpdate !== ac.onUpdate) {
    items.push({
      kind: "column-on-update",
      table: t,
      name: ec.name,
      message: `${where}: ${SOURCE} expects ${ec.onUpdate ? `ON UPDATE ${ec.onUpdate}` : "no ON UPDATE clause"}, the database has ${ac.onUpdate ? `ON UPDATE ${ac.onUpdate}` : "none"}.`,
    });
  }
}

/** Defaults are equal when they mean the same value: `2.5` = `2.500`, `…00:00.000` = `…00:00`. */
export function sameDefault(a: ColumnDefault | null, b: ColumnDefault | null, type: string): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === "any" || b.kind === "any") return true;
  if (a.kind === "expression" && b.kind === "expression") return a.sql === b.sql;
  if (a.kind === "value" && b.kind === "value") {
    if (a.value === b.value) return true;
    if (isNumericType(type)) {
      const x = Number(a.value);
      const y = Number(b.value);
      return Number.isFinite(x) && x === y;
    }
    if (isTemporalType(type)) return trimFraction(a.value) === trimFraction(b.value);
    return false;
  }
  return false;
}

function trimFraction(value: string): string {
  return value.replace(/\.0*$/, "");
}

function compareIndexes(
  t: string,
  expected: IndexModel[],
  actual: IndexModel[],
  actualFks: ForeignKeyModel[],
  items: DriftItem[],
): void {
  const actualByName = new Map(actual.map((i) => [i.name, i]));
  const expectedNames = new Set(expected.map((i) => i.name));
  // Indexes with no namesake on the other side; a same-shaped pair among them is a rename.
  const unmatchedActual = actual.filter((i) => !expectedNames.has(i.name) && !isImplicitForeignKeyIndex(i, actualFks));

  for (const ei of expected) {
    const ai = actualByName.get(ei.name);
    if (ai) {
      if (ei.kind !== ai.kind || !sameList(ei.columns, ai.columns)) {
        items.push({
          kind: "index-definition",
          table: t,
          name: ei.name,
          message: `Index \`${t}\`.\`${ei.name}\`: ${SOURCE} expects ${describeIndex(ei)}, the database has ${describeIndex(ai)}.`,
        });
      }
      continue;
    }
    const twin = unmatchedActual.findIndex((i) => i.kind === ei.kind && sameList(i.columns, ei.columns));
    if (twin >= 0) {
      const [renamed] = unmatchedActual.splice(twin, 1);
      items.push({
        kind: "index-renamed",
        table: t,
        name: ei.name,
        message: `Index \`${t}\`.\`${ei.name}\` (${describeIndex(ei)}) is named \`${renamed!.name}\` in the database.`,
      });
      continue;
    }
    items.push({
      kind: "missing-index",
      table: t,
      name: ei.name,
      message: `Index \`${t}\`.\`${ei.name}\` (${describeIndex(ei)}) is in ${SOURCE} but missing from the database.`,
    });
  }
  for (const ai of unmatchedActual) {
    items.push({
      kind: "extra-index",
      table: t,
      name: ai.name,
      message: `Index \`${t}\`.\`${ai.name}\` (${describeIndex(ai)}) exists in the database but not in ${SOURCE}.`,
    });
  }
}

/**
 * InnoDB creates an index for a foreign key whose columns no index starts with, named after the
 * constraint. Prisma does not declare it, so it is not drift unless the schema names an index so.
 */
function isImplicitForeignKeyIndex(index: IndexModel, fks: ForeignKeyModel[]): boolean {
  return index.kind === "index" && fks.some((fk) => fk.name === index.name && sameList(fk.columns, index.columns));
}

function compareForeignKeys(
  t: string,
  expected: ForeignKeyModel[],
  actual: ForeignKeyModel[],
  items: DriftItem[],
): void {
  const actualByName = new Map(actual.map((f) => [f.name, f]));
  const expectedNames = new Set(expected.map((f) => f.name));
  const unmatchedActual = actual.filter((f) => !expectedNames.has(f.name));

  for (const ef of expected) {
    const af = actualByName.get(ef.name);
    if (af) {
      const diffs = foreignKeyDifferences(ef, af);
      if (diffs.length) {
        items.push({
          kind: "foreign-key-definition",
          table: t,
          name: ef.name,
          message: `Foreign key \`${t}\`.\`${ef.name}\`: ${diffs.join("; ")}.`,
        });
      }
      continue;
    }
    const twin = unmatchedActual.findIndex((f) => foreignKeyDifferences(ef, f).length === 0);
    if (twin >= 0) {
      const [renamed] = unmatchedActual.splice(twin, 1);
      items.push({
        kind: "foreign-key-renamed",
        table: t,
        name: ef.name,
        message: `Foreign key \`${t}\`.\`${ef.name}\` (${describeForeignKey(ef)}) is named \`${renamed!.name}\` in the database.`,
      });
      continue;
    }
    items.push({
      kind: "missing-foreign-key",
      table: t,
      name: ef.name,
      message: `Foreign key \`${t}\`.\`${ef.name}\` (${describeForeignKey(ef)}) is in ${SOURCE} but missing from the database.`,
    });
  }
  for (const af of unmatchedActual) {
    items.push({
      kind: "extra-foreign-key",
      table: t,
      name: af.name,
      message: `Foreign key \`${t}\`.\`${af.name}\` (${describeForeignKey(af)}) exists in the database but not in ${SOURCE}.`,
    });
  }
}

function foreignKeyDifferences(e: ForeignKeyModel, a: ForeignKeyModel): string[] {
  const diffs: string[] = [];
  if (!sameList(e.columns, a.columns))
    diffs.push(`columns ${cols(e.columns)} expected, database has ${cols(a.columns)}`);
  if (e.referencedTable !== a.referencedTable || !sameList(e.referencedColumns, a.referencedColumns)) {
    diffs.push(
      `references \`${e.referencedTable}\`${cols(e.referencedColumns)} expected, database has \`${a.referencedTable}\`${cols(a.referencedColumns)}`,
    );
  }
  if (e.onDelete !== a.onDelete) diffs.push(`ON DELETE ${e.onDelete} expected, database has ON DELETE ${a.onDelete}`);
  if (e.onUpdate !== a.onUpdate) diffs.push(`ON UPDATE ${e.onUpdate} expected, database has ON UPDATE ${a.onUpdate}`);
  return diffs;
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function cols(columns: readonly string[]): string {
  return `(${columns.join(", ")})`;
}

function nullText(nullable: boolean): string {
  return nullable ? "NULL" : "NOT NULL";
}

function describeColumn(c: ColumnModel): string {
  const parts = [c.type, nullText(c.nullable)];
  if (c.default) parts.push(describeDefault(c.default, c.type));
  if (c.autoIncrement) parts.push("AUTO_INCREMENT");
  return parts.join(" ");
}

function describeKey(key: readonly string[] | null): string {
  return key ? `PRIMARY KEY ${cols(key)}` : "no primary key";
}

function describeIndex(i: IndexModel): string {
  const kind = i.kind === "unique" ? "UNIQUE " : i.kind === "fulltext" ? "FULLTEXT " : "";
  return `${kind}INDEX ${cols(i.columns)}`;
}

function describeForeignKey(f: ForeignKeyModel): string {
  return `${cols(f.columns)} → \`${f.referencedTable}\`${cols(f.referencedColumns)} ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;
}

/** A readable report: one line per difference, grouped by table. */
export function formatDrift(items: readonly DriftItem[]): string {
  if (items.length === 0) return `No schema drift: the database matches ${SOURCE}.`;
  const byTable = new Map<string, DriftItem[]>();
  for (const item of items) byTable.set(item.table, [...(byTable.get(item.table) ?? []), item]);
  const lines = [
    `Schema drift: ${items.length} difference${items.length === 1 ? "" : "s"} between ${SOURCE} and the database.`,
  ];
  for (const table of [...byTable.keys()].sort()) {
    lines.push(`  ${table}:`);
    for (const item of byTable.get(table)!) lines.push(`    - [${item.kind}] ${item.message}`);
  }
  return lines.join("\n");
}
