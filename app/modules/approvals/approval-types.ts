import type { ApprovalRequestStatus, ApprovalStepMode } from "#app/generated/prisma/enums.ts";

// 审核管理 (seed §2.P.4): the item types that can require approval, and the shape of a flow's steps
// as copied onto each request.

export const APPROVAL_ITEM_TYPES = [
  "price_scheme",
  "quote",
  "contract",
  "service_contract",
  "proposal",
  "expense",
] as const;
export type ApprovalItemType = (typeof APPROVAL_ITEM_TYPES)[number];

export function isApprovalItemType(value: string): value is ApprovalItemType {
  return (APPROVAL_ITEM_TYPES as readonly string[]).includes(value);
}

/** The intents the approval panel and the queue post. */
export const APPROVAL_INTENTS = {
  approve: "approval-approve",
  reject: "approval-reject",
  submit: "approval-submit",
  withdraw: "approval-withdraw",
} as const;

export const APPROVAL_STEP_MODES = ["and", "or"] as const satisfies readonly ApprovalStepMode[];
export const APPROVAL_REQUEST_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "withdrawn",
] as const satisfies readonly ApprovalRequestStatus[];

/** One step as stored on a request: AND = every listed approver (a role counts once, by any holder). */
export interface StepSnapshot {
  mode: ApprovalStepMode;
  staffIds: number[];
  roleIds: number[];
}

export function parseSteps(value: unknown): StepSnapshot[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((s: unknown) => {
    if (typeof s !== "object" || s === null) return [];
    const o = s as Record<string, unknown>;
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((n): n is number => Number.isInteger(n)) : []);
    return [{ mode: o.mode === "or" ? "or" : "and", staffIds: ids(o.staffIds), roleIds: ids(o.roleIds) }];
  });
}

/** Is the step decided in favour, given who approved it and which roles each approver holds? */
export function stepSatisfied(step: StepSnapshot, approvals: Array<{ staffId: number; roleIds: number[] }>): boolean {
  const approvedBy = (staffId: number) => approvals.some((a) => a.staffId === staffId);
  const approvedByRole = (roleId: number) => approvals.some((a) => a.roleIds.includes(roleId));
  if (step.mode === "or") return step.staffIds.some(approvedBy) || step.roleIds.some(approvedByRole);
  return step.staffIds.every(approvedBy) && step.roleIds.every(approvedByRole);
}

export function isApproverOf(step: StepSnapshot, staffId: number, roleIds: number[]): boolean {
  return step.staffIds.includes(staffId) || step.roleIds.some((r) => roleIds.includes(r));
}

/** Most steps a flow may have (the editor shows one empty slot after the last step, up to this). */
export const MAX_STEPS = 10;
