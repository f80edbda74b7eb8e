import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  APPROVAL_ITEM_TYPES,
  APPROVAL_STEP_MODES,
  MAX_STEPS,
  type ApprovalItemType,
  type StepSnapshot,
} from "./approval-types.ts";

// Flow configuration (审核管理): which item types need approval, in which ordered steps, by whom.
// Saving replaces the flow's steps; requests already under way keep the steps they were submitted with.

const StepSchema = z.object({
  mode: z.enum(APPROVAL_STEP_MODES),
  staffIds: z.array(z.number().int().positive()).max(50),
  roleIds: z.array(z.number().int().positive()).max(50),
});

export const FlowInputSchema = z.object({
  itemType: z.enum(APPROVAL_ITEM_TYPES),
  active: z.boolean(),
  steps: z.array(StepSchema).max(MAX_STEPS),
});
export type FlowInput = z.infer<typeof FlowInputSchema>;

export interface FlowView {
  itemType: ApprovalItemType;
  active: boolean;
  steps: Array<StepSnapshot & { staffNames: string[]; roleNames: string[] }>;
  pendingCount: number;
}

export async function listApprovalFlows(db: DbOrTx): Promise<FlowView[]> {
  const flows = await db.approvalFlow.findMany({
    include: {
      steps: {
        orderBy: { position: "asc" },
        include: { approvers: { include: { staff: { select: { name: true } }, role: { select: { name: true } } } } },
      },
    },
  });
  const pending = await db.approvalRequest.groupBy({ by: ["itemType"], where: { status: "pending" }, _count: true });
  return APPROVAL_ITEM_TYPES.map((itemType) => {
    const flow = flows.find((f) => f.itemType === itemType);
    return {
      itemType,
      active: flow?.active ?? false,
      steps: (flow?.steps ?? []).map((s) => ({
        mode: s.mode,
        staffIds: s.approvers.flatMap((a) => (a.staffId ? [a.staffId] : [])),
        roleIds: s.approvers.flatMap((a) => (a.roleId ? [a.roleId] : [])),
        staffNames: s.approvers.flatMap((a) => (a.staff ? [a.staff.name] : [])),
        roleNames: s.approvers.flatMap((a) => (a.role ? [a.role.name] : [])),
      })),
      pendingCount: pending.find((p) => p.itemType === itemType)?._count ?? 0,
    };
  });
}

/** Who can be picked as an approver. */
export async function approverChoices(db: DbOrTx) {
  const [staff, roles] = await Promise.all([
    db.staff.findMany({
      where: { status: { not: "inactive" } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.role.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { staff, roles };
}

export async function saveApprovalFlow(
  db: Db,
  actor: StaffActor,
  raw: unknown,
): Promise<ServiceResult<{ itemType: ApprovalItemType }, "steps" | "itemType">> {
  const parsed = FlowInputSchema.safeParse(raw);
  if (!parsed.success) return invalid({ steps: ["adminSystem.approvals.flowInvalid"] });
  const input = parsed.data;
  const steps = input.steps.filter((s) => s.staffIds.length + s.roleIds.length > 0);
  if (input.active && steps.length === 0) return invalid({ steps: ["adminSystem.approvals.flowEmpty"] });
  // Every id must exist: a stale form must not save a step nobody can decide.
  const staffIds = [...new Set(steps.flatMap((s) => s.staffIds))];
  const roleIds = [...new Set(steps.flatMap((s) => s.roleIds))];
  const [staffFound, rolesFound] = await Promise.all([
    db.staff.count({ where: { id: { in: staffIds }, status: { not: "inactive" } } }),
    db.role.count({ where: { id: { in: roleIds } } }),
  ]);
  if (staffFound !== staffIds.length || rolesFound !== roleIds.length)
    return invalid({ steps: ["adminSystem.approvals.approverUnknown"] });
  await db.$transaction(async (tx) => {
    const flow = await tx.approvalFlow.upsert({
      where: { itemType: input.itemType },
      create: { itemType: input.itemType, active: input.active },
      update: { active: input.active },
    });
    await tx.approvalStep.deleteMany({ where: { flowId: flow.id } });
    for (const [position, step] of steps.entries()) {
      await tx.approvalStep.create({
        data: {
          flowId: flow.id,
          position,
          mode: step.mode,
          approvers: {
            create: [...step.staffIds.map((staffId) => ({ staffId })), ...step.roleIds.map((roleId) => ({ roleId }))],
          },
        },
      });
    }
    await recordStaffAudit(tx, actor, {
      action: "approvalFlow.saved",
      entityType: "ApprovalFlow",
      entityId: flow.id,
      after: { itemType: input.itemType, active: input.active, steps },
    });
  });
  return ok({ itemType: input.itemType });
}

/** The flow editor's form (`steps.<i>.mode`, `steps.<i>.staffIds`, `steps.<i>.roleIds`) as saveApprovalFlow input. */
export function flowInputFromForm(formData: FormData): unknown {
  const ids = (name: string) =>
    formData
      .getAll(name)
      .filter((v): v is string => typeof v === "string" && v !== "")
      .map((v) => (/^\d{1,9}$/.test(v) ? Number(v) : -1));
  const steps = Array.from({ length: MAX_STEPS }, (_, i) => ({
    mode: formData.get(`steps.${i}.mode`) ?? "and",
    staffIds: ids(`steps.${i}.staffIds`),
    roleIds: ids(`steps.${i}.roleIds`),
  })).filter((s) => s.staffIds.length + s.roleIds.length > 0);
  return { itemType: formData.get("itemType"), active: formData.get("active") === "on", steps };
}
