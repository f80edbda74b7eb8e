import { Prisma, type ApprovalRequestStatus, type ApprovalVote } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { conflict, forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { applyApprovalOutcome, describeApprovalItem } from "./approval-items.server.ts";
import { isApproverOf, parseSteps, stepSatisfied, type ApprovalItemType, type StepSnapshot } from "./approval-types.ts";

// The generic approval service (seed §2.P.4). A request copies its flow's steps at submission; each
// step is an AND or OR set of people and roles; one rejection anywhere returns the item to its author
// (一票否决). Deciding locks the request row, so two approvers voting at once on an OR step advance it
// exactly once, and the unique (request, step, staff) key refuses a second vote by the same person.
// Callers check the actor's rights on the item itself before submitting.

export type SubmitOutcome = { requestId: number; status: "pending" } | { requestId: null; status: "no-flow" };

export async function submitForApproval(
  tx: DbOrTx,
  actor: StaffActor,
  item: { itemType: ApprovalItemType; itemId: number },
): Promise<ServiceResult<SubmitOutcome>> {
  const flow = await tx.approvalFlow.findUnique({
    where: { itemType: item.itemType },
    include: { steps: { orderBy: { position: "asc" }, include: { approvers: true } } },
  });
  const steps: StepSnapshot[] = (flow?.active ? flow.steps : [])
    .map((s) => ({
      mode: s.mode,
      staffIds: s.approvers.flatMap((a) => (a.staffId ? [a.staffId] : [])),
      roleIds: s.approvers.flatMap((a) => (a.roleId ? [a.roleId] : [])),
    }))
    .filter((s) => s.staffIds.length + s.roleIds.length > 0);
  if (!flow || steps.length === 0) return ok({ requestId: null, status: "no-flow" });
  const info = await describeApprovalItem(tx, item.itemType, item.itemId);
  if (!info) return notFound();
  let requestId: number;
  try {
    const created = await tx.approvalRequest.create({
      data: {
        flowId: flow.id,
        itemType: item.itemType,
        itemId: item.itemId,
        authorId: actor.staffId,
        steps: steps as unknown as Prisma.InputJsonValue,
        openKey: `${item.itemType}:${item.itemId}`,
      },
    });
    requestId = created.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return conflict("adminSystem.approvals.alreadyPending");
    throw error;
  }
  await recordStaffAudit(tx, actor, {
    action: "approval.submitted",
    entityType: item.itemType,
    entityId: item.itemId,
    after: { requestId },
  });
  await notifyApprovers(tx, steps[0]!, [], "adminSystem.approvals.notify.pending", info, requestId);
  return ok({ requestId, status: "pending" });
}

interface LockedRequest {
  id: number;
  itemType: string;
  itemId: number;
  authorId: number;
  status: ApprovalRequestStatus;
  currentStep: number;
  steps: unknown;
}

export type DecideOutcome = { status: ApprovalRequestStatus; currentStep: number };

export async function decide(
  tx: DbOrTx,
  actor: StaffActor,
  requestId: number,
  vote: ApprovalVote,
  comment: string | null,
): Promise<ServiceResult<DecideOutcome, "comment">> {
  const text = comment?.trim() || null;
  if (text && text.length > 1000) return invalid({ comment: ["adminSystem.approvals.commentTooLong"] });
  // The locking read serialises deciders and returns the latest committed state.
  const [req] = await tx.$queryRaw<LockedRequest[]>`
    SELECT id, itemType, itemId, authorId, status, currentStep, steps FROM \`ApprovalRequest\`
    WHERE id = ${requestId} FOR UPDATE`;
  if (!req) return notFound();
  const steps = parseSteps(typeof req.steps === "string" ? JSON.parse(req.steps) : req.steps);
  const step = steps[req.currentStep];
  const myRoles = await roleIdsOf(tx, actor.staffId);
  if (req.status !== "pending") {
    // Whoever was never an approver learns nothing about the request's state.
    const involved = steps.some((s) => isApproverOf(s, actor.staffId, myRoles));
    return involved ? conflict("adminSystem.approvals.alreadyDecided") : notFound();
  }
  if (!step || !isApproverOf(step, actor.staffId, myRoles)) return forbidden("adminSystem.approvals.notApprover");
  const votes = await tx.$queryRaw<Array<{ staffId: number; vote: ApprovalVote }>>`
    SELECT staffId, vote FROM \`ApprovalDecision\` WHERE requestId = ${req.id} AND step = ${req.currentStep} FOR UPDATE`;
  if (votes.some((v) => v.staffId === actor.staffId)) return conflict("adminSystem.approvals.alreadyVoted");
  await tx.approvalDecision.create({
    data: { requestId: req.id, step: req.currentStep, staffId: actor.staffId, vote, comment: text },
  });
  const itemType = req.itemType as ApprovalItemType;
  const info = (await describeApprovalItem(tx, itemType, req.itemId)) ?? { title: `#${req.itemId}`, link: null };
  let status: ApprovalRequestStatus = "pending";
  let currentStep = req.currentStep;
  if (vote === "reject") {
    status = "rejected";
  } else {
    const approvers = [...votes.filter((v) => v.vote === "approve").map((v) => v.staffId), actor.staffId];
    const approvals = await Promise.all(
      approvers.map(async (staffId) => ({
        staffId,
        roleIds: staffId === actor.staffId ? myRoles : await roleIdsOf(tx, staffId),
      })),
    );
    if (stepSatisfied(step, approvals)) {
      if (req.currentStep + 1 >= steps.length) status = "approved";
      else currentStep = req.currentStep + 1;
    }
  }
  const done = status !== "pending";
  await tx.approvalRequest.update({
    where: { id: req.id },
    data: {
      status,
      currentStep,
      // A new step restarts the reminder clock (approval-reminders.server.ts).
      ...(currentStep !== req.currentStep ? { stepStartedAt: new Date() } : {}),
      ...(done ? { openKey: null, decidedAt: new Date() } : {}),
    },
  });
  await recordStaffAudit(tx, actor, {
    action: `approval.${vote}d`,
    entityType: itemType,
    entityId: req.itemId,
    after: { requestId: req.id, step: req.currentStep, status, comment: text },
  });
  if (done) {
    await applyApprovalOutcome(tx, itemType, req.itemId, status);
    await notifyAuthor(tx, req.authorId, status, info, actor.name, text);
  } else if (currentStep !== req.currentStep) {
    await notifyApprovers(tx, steps[currentStep]!, [], "adminSystem.approvals.notify.pending", info, req.id);
  }
  return ok({ status, currentStep });
}

/**
 * 撤回: the author takes a pending request back (to edit the item and submit again). Nobody votes on it
 * any more; the item's adapter treats it like a return to the author.
 */
export async function withdraw(
  tx: DbOrTx,
  actor: StaffActor,
  requestId: number,
): Promise<ServiceResult<{ status: "withdrawn" }>> {
  const [req] = await tx.$queryRaw<LockedRequest[]>`
    SELECT id, itemType, itemId, authorId, status, currentStep, steps FROM \`ApprovalRequest\`
    WHERE id = ${requestId} FOR UPDATE`;
  // Someone else's request: as if it did not exist (its existence is not theirs to learn).
  if (!req || req.authorId !== actor.staffId) return notFound();
  if (req.status !== "pending") return conflict("adminSystem.approvals.alreadyDecided");
  await tx.approvalRequest.update({
    where: { id: req.id },
    data: { status: "withdrawn", openKey: null, decidedAt: new Date() },
  });
  const itemType = req.itemType as ApprovalItemType;
  await recordStaffAudit(tx, actor, {
    action: "approval.withdrawn",
    entityType: itemType,
    entityId: req.itemId,
    after: { requestId: req.id, step: req.currentStep, status: "withdrawn" },
  });
  await applyApprovalOutcome(tx, itemType, req.itemId, "withdrawn");
  return ok({ status: "withdrawn" });
}

/** `withdraw` in its own transaction, for routes. */
export function withdrawApproval(db: Db, actor: StaffActor, requestId: number) {
  return db.$transaction((tx) => withdraw(tx, actor, requestId));
}

export interface AwaitingRow {
  requestId: number;
  itemType: ApprovalItemType;
  itemId: number;
  title: string;
  link: string | null;
  authorName: string;
  submittedAt: Date;
  step: number;
  stepCount: number;
  mode: StepSnapshot["mode"];
}

/** Pending requests whose current step names the actor (in person or by role), not yet voted on by them. */
async function pendingForMe(db: DbOrTx, actor: Pick<StaffActor, "staffId">) {
  const myRoles = await roleIdsOf(db, actor.staffId);
  const pending = await db.approvalRequest.findMany({
    where: { status: "pending" },
    orderBy: { submittedAt: "asc" },
    include: { author: { select: { name: true } }, decisions: { where: { staffId: actor.staffId } } },
  });
  return pending.filter((r) => {
    const step = parseSteps(r.steps)[r.currentStep];
    return step && isApproverOf(step, actor.staffId, myRoles) && !r.decisions.some((d) => d.step === r.currentStep);
  });
}

/**
 * The count beside 待我审核 in the navigation, on every back-office page: one round trip (the pending
 * requests this person has not voted on at their current step, with their role ids), the step's
 * approvers matched in memory as in `pendingForMe`.
 */
export async function countAwaitingMyApproval(db: DbOrTx, actor: Pick<StaffActor, "staffId">): Promise<number> {
  const rows = await db.$queryRaw<Array<{ steps: unknown; currentStep: number; roles: string | null }>>`
    SELECT r.steps, r.currentStep,
      (SELECT GROUP_CONCAT(sr.roleId) FROM \`StaffRole\` sr WHERE sr.staffId = ${actor.staffId}) AS roles
    FROM \`ApprovalRequest\` r
    WHERE r.status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM \`ApprovalDecision\` d
                      WHERE d.requestId = r.id AND d.staffId = ${actor.staffId} AND d.step = r.currentStep)`;
  if (rows.length === 0) return 0;
  const roleIds = (rows[0]!.roles ?? "").split(",").filter(Boolean).map(Number);
  return rows.filter((r) => {
    const steps = parseSteps(typeof r.steps === "string" ? JSON.parse(r.steps) : r.steps);
    const step = steps[Number(r.currentStep)];
    return step !== undefined && isApproverOf(step, actor.staffId, roleIds);
  }).length;
}

/** Pending requests whose current step lists the actor (in person or by role) and that they have not voted on. */
export async function awaitingMyApproval(db: DbOrTx, actor: StaffActor, take = 200): Promise<AwaitingRow[]> {
  const mine = await pendingForMe(db, actor);
  return Promise.all(
    mine.slice(0, take).map(async (r) => {
      const steps = parseSteps(r.steps);
      const itemType = r.itemType as ApprovalItemType;
      const info = (await describeApprovalItem(db, itemType, r.itemId)) ?? { title: `#${r.itemId}`, link: null };
      return {
        requestId: r.id,
        itemType,
        itemId: r.itemId,
        ...info,
        authorName: r.author.name,
        submittedAt: r.submittedAt,
        step: r.currentStep,
        stepCount: steps.length,
        mode: steps[r.currentStep]!.mode,
      };
    }),
  );
}

export interface MySubmissionRow {
  requestId: number;
  itemType: ApprovalItemType;
  title: string;
  link: string | null;
  submittedAt: Date;
  step: number;
  stepCount: number;
}

/** The actor's own requests still pending (the queue page lists them, each with 撤回). */
export async function myPendingSubmissions(db: DbOrTx, actor: StaffActor, take = 100): Promise<MySubmissionRow[]> {
  const rows = await db.approvalRequest.findMany({
    where: { authorId: actor.staffId, status: "pending" },
    orderBy: { submittedAt: "desc" },
    take,
  });
  return Promise.all(
    rows.map(async (r) => {
      const itemType = r.itemType as ApprovalItemType;
      const info = (await describeApprovalItem(db, itemType, r.itemId)) ?? { title: `#${r.itemId}`, link: null };
      return {
        requestId: r.id,
        itemType,
        ...info,
        submittedAt: r.submittedAt,
        step: r.currentStep,
        stepCount: parseSteps(r.steps).length,
      };
    }),
  );
}

export interface ItemApproval {
  requestId: number;
  status: ApprovalRequestStatus;
  step: number;
  stepCount: number;
  authorName: string;
  submittedAt: Date;
  decisions: Array<{ staffName: string; vote: ApprovalVote; comment: string | null; step: number; at: Date }>;
  /** The actor may vote on the current step now. */
  mayDecide: boolean;
  /** The actor submitted this request and it is still pending: they may take it back (撤回). */
  mayWithdraw: boolean;
}

/** The latest request of an item with its decisions (for the approval panel on record pages). */
export async function latestApprovalFor(
  db: DbOrTx,
  actor: StaffActor,
  itemType: ApprovalItemType,
  itemId: number,
): Promise<ItemApproval | null> {
  const r = await db.approvalRequest.findFirst({
    where: { itemType, itemId },
    orderBy: { id: "desc" },
    include: {
      author: { select: { name: true } },
      decisions: { orderBy: { id: "asc" }, include: { staff: { select: { name: true } } } },
    },
  });
  if (!r) return null;
  const steps = parseSteps(r.steps);
  const step = steps[r.currentStep];
  const myRoles = await roleIdsOf(db, actor.staffId);
  const mayDecide =
    r.status === "pending" &&
    !!step &&
    isApproverOf(step, actor.staffId, myRoles) &&
    !r.decisions.some((d) => d.step === r.currentStep && d.staffId === actor.staffId);
  return {
    requestId: r.id,
    status: r.status,
    step: r.currentStep,
    stepCount: steps.length,
    authorName: r.author.name,
    submittedAt: r.submittedAt,
    decisions: r.decisions.map((d) => ({
      staffName: d.staff.name,
      vote: d.vote,
      comment: d.comment,
      step: d.step,
      at: d.createdAt,
    })),
    mayDecide,
    mayWithdraw: r.status === "pending" && r.authorId === actor.staffId,
  };
}

/** Latest approval status per item, for lists (e.g. the campaign expense ledger). */
export async function approvalStatuses(
  db: DbOrTx,
  itemType: ApprovalItemType,
  itemIds: number[],
): Promise<Map<number, ApprovalRequestStatus>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.approvalRequest.findMany({
    where: { itemType, itemId: { in: itemIds } },
    orderBy: { id: "asc" },
    select: { itemId: true, status: true },
  });
  return new Map(rows.map((r) => [r.itemId, r.status]));
}

export async function hasOpenApproval(db: DbOrTx, itemType: ApprovalItemType, itemId: number): Promise<boolean> {
  return (await db.approvalRequest.count({ where: { openKey: `${itemType}:${itemId}` } })) > 0;
}

async function roleIdsOf(db: DbOrTx, staffId: number): Promise<number[]> {
  const rows = await db.staffRole.findMany({ where: { staffId }, select: { roleId: true } });
  return rows.map((r) => r.roleId);
}

/** Active staff who may vote on a step now: the named people and every holder of a named role. */
export async function approversOfStep(db: DbOrTx, step: StepSnapshot): Promise<number[]> {
  const holders = step.roleIds.length
    ? await db.staffRole.findMany({ where: { roleId: { in: step.roleIds } }, select: { staffId: true } })
    : [];
  const ids = [...new Set([...step.staffIds, ...holders.map((h) => h.staffId)])];
  const active = await db.staff.findMany({
    where: { id: { in: ids }, status: { not: "inactive" } },
    select: { id: true },
  });
  return active.map((s) => s.id);
}

export async function notifyApprovers(
  tx: DbOrTx,
  step: StepSnapshot,
  skipStaffIds: number[],
  key: "adminSystem.approvals.notify.pending" | "adminSystem.approvals.notify.reminder",
  info: { title: string; link: string | null },
  requestId: number,
): Promise<number> {
  const ids = (await approversOfStep(tx, step)).filter((id) => !skipStaffIds.includes(id));
  const staff = await tx.staff.findMany({ where: { id: { in: ids } }, select: { id: true, locale: true } });
  for (const s of staff) {
    const t = createTranslator(isLocale(s.locale) ? s.locale : DEFAULT_LOCALE);
    await notifyStaff(tx, {
      staffId: s.id,
      type: "approval.pending",
      title: t(key, { title: info.title }),
      link: `/crm/approvals#request-${requestId}`,
    });
  }
  return staff.length;
}

async function notifyAuthor(
  tx: DbOrTx,
  authorId: number,
  status: ApprovalRequestStatus,
  info: { title: string; link: string | null },
  deciderName: string,
  comment: string | null,
): Promise<void> {
  const author = await tx.staff.findUnique({ where: { id: authorId }, select: { locale: true } });
  const t = createTranslator(isLocale(author?.locale) ? author.locale : DEFAULT_LOCALE);
  await notifyStaff(tx, {
    staffId: authorId,
    type: status === "approved" ? "approval.approved" : "approval.rejected",
    title: t(
      status === "approved" ? "adminSystem.approvals.notify.approved" : "adminSystem.approvals.notify.rejected",
      {
        title: info.title,
        name: deciderName,
      },
    ),
    body: comment,
    link: info.link,
  });
}

/** `decide` in its own transaction, for routes. */
export function decideApproval(
  db: Db,
  actor: StaffActor,
  requestId: number,
  vote: ApprovalVote,
  comment: string | null,
): Promise<ServiceResult<DecideOutcome, "comment">> {
  return db.$transaction((tx) => decide(tx, actor, requestId, vote, comment));
}

/** Does submitting an item of this type start an approval (an active flow with at least one step)? */
export async function hasActiveFlow(db: DbOrTx, itemType: ApprovalItemType): Promise<boolean> {
  const flow = await db.approvalFlow.findUnique({
    where: { itemType },
    select: { active: true, _count: { select: { steps: true } } },
  });
  return !!flow && flow.active && flow._count.steps > 0;
}
