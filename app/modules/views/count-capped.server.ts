import { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";

// List totals that stay cheap at a million rows: count exactly up to a cap and stop there, as
// `SELECT COUNT(*) FROM (SELECT 1 … LIMIT cap + 1)`. The inner LIMIT ends the index range scan
// after cap + 1 rows, so a broad filter costs at most cap + 1 index entries, never a full scan.
// The page shows "10,000+" (TotalCount in app/ui/list). Decision 022.

export const COUNT_CAP = 10_000;

/** `count` is exact unless `capped`; then it is the cap. */
export interface CappedCount {
  count: number;
  capped: boolean;
}

function capped(n: number, cap: number): CappedCount {
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}

/**
 * Rows of `FROM <table> WHERE <where>`, capped. `table` is a trusted identifier (our own code),
 * `where` a Prisma.Sql built from bound values.
 */
export async function countCapped(
  db: DbOrTx,
  table: string,
  where: Prisma.Sql,
  cap: number = COUNT_CAP,
): Promise<CappedCount> {
  const from = Prisma.raw(`\`${table.replace(/`/g, "")}\``);
  const rows = await db.$queryRaw<Array<{ n: bigint | number }>>`
    SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${cap + 1}) AS capped`;
  return capped(Number(rows[0]?.n ?? 0), cap);
}

/**
 * Distinct ids over several alternative conditions on one table (a row may match more than one):
 * each branch stops at cap + 1 on its own index, the UNION drops duplicates.
 */
export async function countCappedUnion(
  db: DbOrTx,
  table: string,
  alternatives: Prisma.Sql[],
  cap: number = COUNT_CAP,
): Promise<CappedCount> {
  if (alternatives.length === 0) return { count: 0, capped: false };
  if (alternatives.length === 1) return countCapped(db, table, alternatives[0]!, cap);
  const from = Prisma.raw(`\`${table.replace(/`/g, "")}\``);
  const branches = alternatives.map(
    (where) => Prisma.sql`(SELECT \`id\` FROM ${from} WHERE ${where} LIMIT ${cap + 1})`,
  );
  const rows = await db.$queryRaw<Array<{ n: bigint | number }>>`
    SELECT COUNT(*) AS n FROM (SELECT \`id\` FROM (${Prisma.join(branches, " UNION ")}) AS u LIMIT ${cap + 1}) AS capped`;
  return capped(Number(rows[0]?.n ?? 0), cap);
}

/**
 * The same through a Prisma delegate: `countCappedBy((take) => db.member.count({ where, take }))`.
 * Prisma writes a count with `take` as `SELECT COUNT(*) FROM (SELECT … LIMIT take) AS sub`.
 */
export async function countCappedBy(
  count: (take: number) => Promise<number>,
  cap: number = COUNT_CAP,
): Promise<CappedCount> {
  return capped(await count(cap + 1), cap);
}
