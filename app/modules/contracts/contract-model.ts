import type { ContractImplementation, SalesContractStatus } from "#app/generated/prisma/enums.ts";

// The pure rules of sales contracts (seed 000 §2.L.8, decision 045): which status change is allowed
// from where, what a payment plan must satisfy, an instalment's state on a given day and which due
// reminder it is owed. No database here: the services, the pages and the tests share it.

export const CONTRACT_STATUSES = [
  "drafting",
  "approval",
  "in_execution",
  "completed",
  "terminated",
] as const satisfies readonly SalesContractStatus[];

export const IMPLEMENTATION_STATES = [
  "not_started",
  "in_progress",
  "delivered",
  "accepted",
] as const satisfies readonly ContractImplementation[];

/** What a person may ask of a contract; approve/reject are the built-in decision without a flow. */
export const CONTRACT_TRANSITIONS = ["submit", "approve", "reject", "complete", "terminate"] as const;
export type ContractTransition = (typeof CONTRACT_TRANSITIONS)[number];

const FROM: Record<ContractTransition, readonly SalesContractStatus[]> = {
  submit: ["drafting"],
  approve: ["approval"],
  reject: ["approval"],
  complete: ["in_execution"],
  // An approval under way is withdrawn (撤回) first, so a voter never decides a terminated contract.
  terminate: ["drafting", "in_execution"],
};

const TO: Record<ContractTransition, SalesContractStatus> = {
  submit: "approval",
  approve: "in_execution",
  reject: "drafting",
  complete: "completed",
  terminate: "terminated",
};

export function transitionAllowed(from: SalesContractStatus, transition: ContractTransition): boolean {
  return FROM[transition].includes(from);
}

export function transitionTarget(transition: ContractTransition): SalesContractStatus {
  return TO[transition];
}

/** The transitions a page offers for a status (rights are checked by the service). */
export function transitionsFrom(status: SalesContractStatus): ContractTransition[] {
  return CONTRACT_TRANSITIONS.filter((t) => transitionAllowed(status, t));
}

/** Only a draft's terms, product list, plan and document may change: the approved contract is fixed. */
export function isEditable(status: SalesContractStatus): boolean {
  return status === "drafting";
}

// ───────────── payment plan ─────────────

export const MAX_INSTALMENTS = 24;
/** Largest amount one instalment or contract may carry: ¥99,999,999,999.99 (fits the DECIMAL(13) of the UI). */
export const MAX_AMOUNT_FEN = 9_999_999_999_999;

export interface PlanInstalment {
  label: string;
  /** "YYYY-MM-DD" */
  dueDate: string;
  amountFen: number;
}

export type PlanIssue =
  | { code: "empty" }
  | { code: "too-many" }
  | { code: "amount"; index: number }
  | { code: "date"; index: number }
  | { code: "label"; index: number }
  | { code: "order"; index: number }
  | { code: "sum"; planFen: number; contractFen: number };

/** A real calendar day "YYYY-MM-DD" (2027-02-30 is not). */
function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** Why a plan cannot stand for a contract of `contractFen` (empty list = it can). */
export function planIssues(contractFen: number, plan: readonly PlanInstalment[]): PlanIssue[] {
  if (plan.length === 0) return [{ code: "empty" }];
  if (plan.length > MAX_INSTALMENTS) return [{ code: "too-many" }];
  const issues: PlanIssue[] = [];
  plan.forEach((p, index) => {
    if (!Number.isSafeInteger(p.amountFen) || p.amountFen <= 0 || p.amountFen > MAX_AMOUNT_FEN)
      issues.push({ code: "amount", index });
    if (!isDay(p.dueDate)) issues.push({ code: "date", index });
    else if (index > 0 && p.dueDate < plan[index - 1]!.dueDate) issues.push({ code: "order", index });
    if (p.label.trim() === "" || p.label.length > 100) issues.push({ code: "label", index });
  });
  const planFen = plan.reduce((sum, p) => sum + (Number.isSafeInteger(p.amountFen) ? p.amountFen : 0), 0);
  if (planFen !== contractFen) issues.push({ code: "sum", planFen, contractFen });
  return issues;
}

/** `count` instalments that sum to `totalFen` exactly: equal shares, the odd fen on the last one. */
export function splitEvenly(totalFen: number, count: number): number[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) throw new RangeError("total must be a non-negative integer");
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSTALMENTS) throw new RangeError("count out of range");
  const share = Math.floor(totalFen / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? totalFen - share * (count - 1) : share));
}

export type InstalmentState = "paid" | "partial" | "overdue" | "due" | "open";

const DAY_MS = 86_400_000;

/** Whole days from `today` to `dueDate` (both "YYYY-MM-DD"); negative once the due date is past. */
export function daysBetween(today: string, dueDate: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** The state of an instalment on business day `today`: overdue wins over partial while money is owed. */
export function instalmentState(
  i: { dueDate: string; amountFen: number; receivedFen: number },
  today: string,
): InstalmentState {
  if (i.receivedFen >= i.amountFen) return "paid";
  const left = daysBetween(today, i.dueDate);
  if (left < 0) return "overdue";
  if (i.receivedFen > 0) return "partial";
  return left === 0 ? "due" : "open";
}

/** Reminder kinds, in the order they fall due. */
export const REMINDER_KINDS = ["upcoming", "due", "overdue"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** The "upcoming" reminder goes out this many days before the due date. */
export const UPCOMING_DAYS = 7;

/** The reminder an instalment still owing money is due for on `today`, or null (too early, or paid). */
export function reminderKindFor(
  i: { dueDate: string; amountFen: number; receivedFen: number },
  today: string,
): ReminderKind | null {
  if (i.receivedFen >= i.amountFen) return null;
  const left = daysBetween(today, i.dueDate);
  if (left < 0) return "overdue";
  if (left === 0) return "due";
  return left <= UPCOMING_DAYS ? "upcoming" : null;
}
