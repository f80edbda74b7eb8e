import { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { invalid, notFound, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  decideApproval,
  submitForApproval,
  withdrawApproval,
  type DecideOutcome,
  type SubmitOutcome,
} from "./approvals.server.ts";
import { APPROVAL_INTENTS, type ApprovalItemType } from "./approval-types.ts";

// What the approval panel (app/ui/records/approval-panel.tsx) posts, for any route that shows it:
// intents "approval-approve" / "approval-reject" with `requestId` and `comment`; the author's
// "approval-withdraw" posts to the queue page (/crm/approvals), which every staff member may use. Rights to vote are
// the approval's own (the current step's approvers); submitting is for routes to authorise first.

export { APPROVAL_INTENTS };

const DecisionForm = z.object({
  requestId: z.coerce.number().int().positive().max(2_147_483_647),
  comment: z.string().max(5000).optional(),
});

export async function decideFromForm(
  db: Db,
  actor: StaffActor,
  form: FormData | Record<string, string>,
): Promise<ServiceResult<DecideOutcome, "comment" | "requestId">> {
  const get = (name: string) => (form instanceof FormData ? form.get(name) : form[name]) ?? undefined;
  const vote = get("intent") === APPROVAL_INTENTS.reject ? "reject" : "approve";
  const parsed = DecisionForm.safeParse({ requestId: get("requestId"), comment: get("comment") });
  if (!parsed.success) {
    const badId = parsed.error.issues.some((i) => i.path[0] === "requestId");
    return badId ? notFound() : invalid({ comment: ["adminSystem.approvals.commentTooLong"] });
  }
  return decideApproval(db, actor, parsed.data.requestId, vote, parsed.data.comment ?? null);
}

const RequestIdForm = z.object({ requestId: z.coerce.number().int().positive().max(2_147_483_647) });

/** 撤回 ("approval-withdraw" with `requestId`): only the request's author, only while it is pending. */
export async function withdrawFromForm(
  db: Db,
  actor: StaffActor,
  form: FormData | Record<string, string>,
): Promise<ServiceResult<{ status: "withdrawn" }>> {
  const raw = form instanceof FormData ? form.get("requestId") : form.requestId;
  const parsed = RequestIdForm.safeParse({ requestId: raw ?? undefined });
  if (!parsed.success) return notFound();
  return withdrawApproval(db, actor, parsed.data.requestId);
}

/** Submits an item the caller has already authorised the actor for. */
export function submitItem(
  db: Db,
  actor: StaffActor,
  item: { itemType: ApprovalItemType; itemId: number },
): Promise<ServiceResult<SubmitOutcome>> {
  return db.$transaction((tx) => submitForApproval(tx, actor, item));
}
