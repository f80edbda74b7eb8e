import type { NumberDatePart } from "#app/generated/prisma/enums.ts";

// Pure part of the record-number service (no database), shared by the service, the admin page's live
// preview and tests.

/** Every numbered record kind. The first eight reproduce today's numbers (prefix + 12-digit sequence). */
export const RECORD_NUMBER_KINDS = [
  "company",
  "contact",
  "lead",
  "opportunity",
  "asset",
  "serviceContract",
  "serviceRequest",
  "knowledge",
  "quote",
  "contract",
  "salesOrder",
] as const;
export type RecordNumberKind = (typeof RECORD_NUMBER_KINDS)[number];

export const NUMBER_DATE_PARTS = ["none", "yyyy", "yyyymm", "yyyymmdd"] as const satisfies readonly NumberDatePart[];

export interface NumberFormatSpec {
  prefix: string;
  datePart: NumberDatePart;
  width: number;
}

export const DEFAULT_NUMBER_FORMATS: Record<RecordNumberKind, NumberFormatSpec> = {
  company: { prefix: "ACNT", datePart: "none", width: 12 },
  contact: { prefix: "CONT", datePart: "none", width: 12 },
  lead: { prefix: "LEAD", datePart: "none", width: 12 },
  opportunity: { prefix: "OPPT", datePart: "none", width: 12 },
  asset: { prefix: "ASST", datePart: "none", width: 12 },
  serviceContract: { prefix: "SCON", datePart: "none", width: 12 },
  serviceRequest: { prefix: "SREQ", datePart: "none", width: 12 },
  knowledge: { prefix: "SOLN", datePart: "none", width: 12 },
  quote: { prefix: "QUOT", datePart: "yyyymmdd", width: 4 },
  contract: { prefix: "CTRT", datePart: "yyyymmdd", width: 4 },
  salesOrder: { prefix: "SO", datePart: "yyyymmdd", width: 4 },
};

/** Number columns are VARCHAR(20). */
export const MAX_NUMBER_LENGTH = 20;

export function isRecordNumberKind(value: string): value is RecordNumberKind {
  return (RECORD_NUMBER_KINDS as readonly string[]).includes(value);
}

/** The date part as the business sees the day (Asia/Shanghai unless told otherwise). */
export function periodFor(datePart: NumberDatePart, now: Date, timeZone = "Asia/Shanghai"): string {
  if (datePart === "none") return "";
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const ymd = `${parts.year}${parts.month}${parts.day}`;
  return datePart === "yyyy" ? ymd.slice(0, 4) : datePart === "yyyymm" ? ymd.slice(0, 6) : ymd;
}

export function formatRecordNumber(spec: NumberFormatSpec, period: string, sequence: number): string {
  return `${spec.prefix}${period}${String(sequence).padStart(spec.width, "0")}`;
}

export function datePartLength(datePart: NumberDatePart): number {
  return datePart === "none" ? 0 : datePart.length;
}

/** Longest number the format makes while the sequence fits its width. */
export function formatLength(spec: NumberFormatSpec): number {
  return spec.prefix.length + datePartLength(spec.datePart) + spec.width;
}
