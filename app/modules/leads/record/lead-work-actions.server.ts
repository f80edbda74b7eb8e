import { z } from "zod";
import type { LeadStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { IdParam } from "#app/lib/schemas.ts";
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  ok,
  refusal,
  type FieldErrors,
  type ServiceResult,
} from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { claimLead } from "../distribution/lead-claim.server.ts";
import {
  distributeLeadByHand,
  recallLeadByHand,
  transferLeadByHand,
  type AssigneeRights,
  type ManualResult,
} from "../distribution/lead-distribution.server.ts";
import {
  LeadEditForbiddenError,
  LeadNotFoundError,
  updateLeadGroup,
  type FieldGroup,
  type UpdateGroupResult,
} from "./lead-edit-rights.server.ts";
import { identifyLead, type IdentificationInput } from "./lead-identification.server.ts";
import { changeLeadStatus } from "./lead-status.server.ts";
import { getLeadAccess, type LeadCapabilities } from "./lead-workspace.server.ts";

// The lead page's work (#5) as one answer shape: each use case calls the service that does the work
// (they check the actor's rights again under the row lock) and says how it went as a ServiceResult,
// so the routes only parse, dispatch and respond. `changed: false` means nothing needed saving.

export type Changed = { changed: boolean };
type Options = { ipAddress?: string | null };

/**
 * Asks the lead page's one rule set (getLeadAccess) before a use case runs: out of the actor's scope
 * is not found, a capability the page would not offer is forbidden. The service then checks again
 * under the row lock, where a claim landing meanwhile is seen.
 */
async function withAccess<T>(
  db: Db,
  actor: StaffActor,
  leadId: number,
  allowed: (capabilities: LeadCapabilities) => boolean,
  run: () => Promise<ServiceResult<T>>,
): Promise<ServiceResult<T>> {
  const access = await getLeadAccess(db, actor, leadId);
  if (!access) return notFound();
  if (!allowed(access.capabilities)) return forbidden();
  return run();
}

// ───────────────────────────── 我处理 ─────────────────────────────

export function claimLeadAs(db: Db, actor: StaffActor, leadId: number): Promise<ServiceResult<Changed>> {
  // Anyone who sees the lead may try: the claim itself says why it did not go through.
  return withAccess(
    db,
    actor,
    leadId,
    () => true,
    () => claim(db, actor, leadId),
  );
}

async function claim(db: Db, actor: StaffActor, leadId: number): Promise<ServiceResult<Changed>> {
  const result = await claimLead(db, leadId, actor.staffId);
  switch (result.kind) {
    case "claimed":
      return ok({ changed: true });
    case "already-yours":
      return ok({ changed: false });
    case "already-claimed":
      return conflict("leadWork.claim.lost", { name: result.by.name });
    case "not-assignee":
      return forbidden("leadWork.claim.notAssignee");
    case "not-found":
      return notFound();
  }
}

// ───────────────────────────── Distribute, recall, transfer ─────────────────────────────

/** The ticked people of the distribution form, each with the rights ticked on their row. */
export function assigneesFromForm(form: FormData): AssigneeRights[] {
  const ids = new Set<number>();
  for (const value of form.getAll("assignee")) {
    const id = IdParam.safeParse(value);
    if (id.success) ids.add(id.data);
  }
  const ticked = (name: string) => form.get(name) === "on" || form.get(name) === "true";
  return [...ids].map((staffId) => ({
    staffId,
    canEditNeed: ticked(`need:${staffId}`),
    canEditContact: ticked(`contact:${staffId}`),
    canEditCompany: ticked(`company:${staffId}`),
    canEditStatus: ticked(`status:${staffId}`),
  }));
}

function manual(result: ManualResult, field: string): ServiceResult<Changed> {
  switch (result.kind) {
    case "done":
      return ok({ changed: result.changed });
    case "forbidden":
    case "not-found":
      return refusal(result.kind);
    case "invalid-staff":
      return invalid({
        [field]: [result.staffIds.length ? "leadWork.error.staffUnavailable" : "leadWork.error.pickSomeone"],
      });
  }
}

const managing = (c: LeadCapabilities) => c.canManage;

export function distributeLeadAs(
  db: Db,
  actor: StaffActor,
  leadId: number,
  assignees: AssigneeRights[],
): Promise<ServiceResult<Changed>> {
  return withAccess(db, actor, leadId, managing, async () =>
    manual(await distributeLeadByHand(db, actor, leadId, assignees), "assignee"),
  );
}

/** `staffId` is one person's id or "all". */
export function recallLeadAs(
  db: Db,
  actor: StaffActor,
  leadId: number,
  staffId: unknown,
): Promise<ServiceResult<Changed>> {
  return withAccess(db, actor, leadId, managing, async () => {
    const one = IdParam.safeParse(staffId);
    const from = staffId === "all" ? ("all" as const) : one.success ? [one.data] : null;
    if (!from) return invalid({ staffId: ["leadWork.error.invalidChoice"] });
    return manual(await recallLeadByHand(db, actor, leadId, from), "staffId");
  });
}

export function transferLeadAs(
  db: Db,
  actor: StaffActor,
  leadId: number,
  toStaffId: unknown,
): Promise<ServiceResult<Changed>> {
  return withAccess(db, actor, leadId, managing, async () => {
    const to = IdParam.safeParse(toStaffId);
    if (!to.success) return invalid({ toStaffId: ["leadWork.error.invalidChoice"] });
    return manual(await transferLeadByHand(db, actor, leadId, to.data), "toStaffId");
  });
}

// ───────────────────────────── Field groups and identification ─────────────────────────────

async function groupUpdate(run: () => Promise<UpdateGroupResult>): Promise<ServiceResult<Changed>> {
  try {
    const result = await run();
    if (result.ok) return ok({ changed: result.changed.length > 0 });
    const fieldErrors: FieldErrors = {};
    for (const [field, key] of Object.entries(result.fieldErrors)) if (key) fieldErrors[field] = [key];
    return invalid(fieldErrors);
  } catch (error) {
    if (error instanceof LeadEditForbiddenError) return forbidden();
    if (error instanceof LeadNotFoundError) return notFound();
    throw error;
  }
}

export function editLeadGroupAs(
  db: Db,
  actor: StaffActor,
  leadId: number,
  group: Exclude<FieldGroup, "status">,
  values: Record<string, unknown>,
  options: Options = {},
): Promise<ServiceResult<Changed>> {
  return withAccess(
    db,
    actor,
    leadId,
    (c) => c.edit[group],
    () => groupUpdate(() => updateLeadGroup(db, actor, leadId, group, values, options)),
  );
}

export function identifyLeadAs(
  db: Db,
  actor: StaffActor,
  leadId: number,
  input: IdentificationInput,
  options: Options = {},
): Promise<ServiceResult<Changed>> {
  return withAccess(
    db,
    actor,
    leadId,
    (c) => c.edit.status,
    () => groupUpdate(() => identifyLead(db, actor, leadId, input, options)),
  );
}

// ───────────────────────────── Status flow ─────────────────────────────

const LEAD_STATUSES = ["new", "assigned", "contacted", "qualified", "converted", "closed"] as const;
const StatusChange = z.object({ from: z.enum(LEAD_STATUSES), to: z.enum(LEAD_STATUSES) });

/** Moves the status from what the page showed (`from`) to `to`; a change made meanwhile is a conflict. */
export function changeLeadStatusAs(
  db: Db,
  actor: StaffActor,
  leadId: number,
  input: { from: unknown; to: unknown },
  options: Options = {},
): Promise<ServiceResult<{ status: LeadStatus }>> {
  return withAccess(
    db,
    actor,
    leadId,
    (c) => c.canModify,
    () => changeStatus(db, actor, leadId, input, options),
  );
}

async function changeStatus(
  db: Db,
  actor: StaffActor,
  leadId: number,
  input: { from: unknown; to: unknown },
  options: Options,
): Promise<ServiceResult<{ status: LeadStatus }>> {
  const parsed = StatusChange.safeParse(input);
  if (!parsed.success) return invalid({}, ["leadInbox.detail.status.invalid"]);
  const result = await changeLeadStatus(db, {
    leadId,
    from: parsed.data.from,
    to: parsed.data.to,
    actor,
    ipAddress: options.ipAddress ?? null,
  });
  switch (result.kind) {
    case "changed":
      return ok({ status: result.to });
    case "forbidden":
    case "not-found":
      return refusal(result.kind);
    case "conflict":
      return conflict("leadInbox.detail.status.conflict", { status: result.current });
    case "invalid-transition":
      return invalid({}, ["leadInbox.detail.status.invalid"]);
  }
}
