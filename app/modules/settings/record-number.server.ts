import type { DbOrTx, Tx } from "#app/lib/db.server.ts";
import { invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  DEFAULT_NUMBER_FORMATS,
  formatLength,
  formatRecordNumber,
  MAX_NUMBER_LENGTH,
  NUMBER_DATE_PARTS,
  periodFor,
  RECORD_NUMBER_KINDS,
  type NumberFormatSpec,
  type RecordNumberKind,
} from "./record-number-format.ts";

// 编号前缀 (seed §2.P.6): every numbered record takes its number from here, inside the transaction that
// inserts the record. The counter row is bumped with INSERT … ON DUPLICATE KEY UPDATE, which holds the
// row's exclusive lock until the caller commits: concurrent creates queue on it (unique numbers), and
// a rolled-back create rolls the counter back with it (no gaps).

/** Tables of the numbered kinds: a new counter starts after the highest number already stored there
 * (records numbered before counters existed were prefix + id). */
const LEGACY_TABLE: Partial<Record<RecordNumberKind, string>> = {
  company: "Company",
  contact: "Contact",
  lead: "Lead",
  opportunity: "Opportunity",
  asset: "Asset",
  serviceContract: "ServiceContract",
  serviceRequest: "ServiceRequest",
  knowledge: "KnowledgeArticle",
  salesOrder: "SalesOrder",
};

export async function numberFormatFor(db: DbOrTx, kind: RecordNumberKind): Promise<NumberFormatSpec> {
  const row = await db.numberFormat.findUnique({ where: { kind } });
  return row ? { prefix: row.prefix, datePart: row.datePart, width: row.width } : DEFAULT_NUMBER_FORMATS[kind];
}

/** The next number of `kind`. Call it inside the transaction that inserts the record. */
export async function nextRecordNumber(tx: Tx, kind: RecordNumberKind, now: Date = new Date()): Promise<string> {
  const spec = await numberFormatFor(tx, kind);
  const period = periodFor(spec.datePart, now);
  const table = LEGACY_TABLE[kind];
  // 1 = a new counter row was inserted, 2 = an existing one was bumped (MySQL's IODKU row count).
  const affected = await tx.$executeRaw`
    INSERT INTO \`NumberCounter\` (\`kind\`, \`period\`, \`value\`) VALUES (${kind}, ${period}, 1)
    ON DUPLICATE KEY UPDATE \`value\` = \`value\` + 1`;
  if (affected === 1 && table && period === "") await raiseCounterTo(tx, kind, period, table, spec);
  // We hold the row's lock now; the locking read returns our own increment.
  const read = async () => {
    const [row] = await tx.$queryRaw<Array<{ value: number }>>`
      SELECT \`value\` FROM \`NumberCounter\` WHERE \`kind\` = ${kind} AND \`period\` = ${period} FOR UPDATE`;
    return formatRecordNumber(spec, period, Number(row!.value));
  };
  let number = await read();
  if (!table) return number;
  // Numbers written without the counter (older code, seeds, imports) are stepped over, so the counter
  // never hands out a number that is already taken; the first collision jumps past the highest one.
  for (let attempt = 0; attempt < 50 && (await numberTaken(tx, table, number)); attempt++) {
    if (attempt === 0) await raiseCounterTo(tx, kind, period, table, spec);
    else
      await tx.$executeRaw`
        UPDATE \`NumberCounter\` SET \`value\` = \`value\` + 1 WHERE \`kind\` = ${kind} AND \`period\` = ${period}`;
    number = await read();
  }
  return number;
}

/** Sets the counter just past the highest number of this format already stored (index-only read). */
async function raiseCounterTo(tx: Tx, kind: string, period: string, table: string, spec: NumberFormatSpec) {
  const head = `${spec.prefix}${period}`;
  const [row] = await tx.$queryRawUnsafe<Array<{ m: string | null }>>(
    `SELECT MAX(\`number\`) AS m FROM \`${table}\` WHERE \`number\` LIKE ? AND CHAR_LENGTH(\`number\`) = ?`,
    `${head.replace(/[\\%_]/g, "\\$&")}%`,
    head.length + spec.width,
  );
  const tail = row?.m?.slice(head.length) ?? "";
  const highest = /^\d+$/.test(tail) ? Number(tail) : 0;
  await tx.$executeRaw`
    UPDATE \`NumberCounter\` SET \`value\` = GREATEST(\`value\`, ${highest + 1})
    WHERE \`kind\` = ${kind} AND \`period\` = ${period}`;
}

async function numberTaken(tx: Tx, table: string, number: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM \`${table}\` WHERE \`number\` = ? LIMIT 1`, number);
  return rows.length > 0;
}

export interface NumberFormatRow extends NumberFormatSpec {
  kind: RecordNumberKind;
  /** What the next number would look like today (without taking it). */
  preview: string;
}

export async function listNumberFormats(db: DbOrTx, now: Date = new Date()): Promise<NumberFormatRow[]> {
  const rows = await db.numberFormat.findMany();
  const counters = await db.numberCounter.findMany();
  return RECORD_NUMBER_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    const spec = row ? { prefix: row.prefix, datePart: row.datePart, width: row.width } : DEFAULT_NUMBER_FORMATS[kind];
    const period = periodFor(spec.datePart, now);
    const last = counters.find((c) => c.kind === kind && c.period === period)?.value ?? 0;
    return { kind, ...spec, preview: formatRecordNumber(spec, period, last + 1) };
  });
}

export interface NumberFormatInput {
  kind: string;
  prefix: string;
  datePart: string;
  width: number;
}

type NumberFormatField = "kind" | "prefix" | "datePart" | "width";

export async function updateNumberFormat(
  db: DbOrTx,
  actor: StaffActor,
  input: NumberFormatInput,
): Promise<ServiceResult<NumberFormatSpec, NumberFormatField>> {
  const kind = RECORD_NUMBER_KINDS.find((k) => k === input.kind);
  if (!kind) return invalid({ kind: ["adminSystem.numbers.kindUnknown"] });
  const prefix = input.prefix.trim().toUpperCase();
  if (!/^[A-Z0-9-]{1,8}$/.test(prefix)) return invalid({ prefix: ["adminSystem.numbers.prefixInvalid"] });
  const datePart = NUMBER_DATE_PARTS.find((d) => d === input.datePart);
  if (!datePart) return invalid({ datePart: ["adminSystem.numbers.datePartInvalid"] });
  if (!Number.isInteger(input.width) || input.width < 3 || input.width > 16)
    return invalid({ width: ["adminSystem.numbers.widthInvalid"] });
  const spec: NumberFormatSpec = { prefix, datePart, width: input.width };
  if (formatLength(spec) > MAX_NUMBER_LENGTH) return invalid({ width: ["adminSystem.numbers.tooLong"] });
  const before = await numberFormatFor(db, kind);
  await db.numberFormat.upsert({ where: { kind }, create: { kind, ...spec }, update: spec });
  await recordStaffAudit(db, actor, {
    action: "numberFormat.updated",
    entityType: "NumberFormat",
    entityId: null,
    before: { kind, ...before },
    after: { kind, ...spec },
  });
  return ok(spec);
}
