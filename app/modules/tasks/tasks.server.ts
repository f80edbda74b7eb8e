import { z } from "zod";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import { isLookupCode } from "#app/modules/settings/lookup-values.server.ts";

// Tasks with due dates on a lead, campaign, opportunity or service request. Generic over the owner
// record; callers check that the actor may work on that record before calling.

export type TaskTarget =
  | { leadId: number }
  | { campaignId: number }
  | { opportunityId: number }
  | { serviceRequestId: number }
  | { companyId: number }
  | { contactId: number };

export type TaskErrorKey = Extract<MessageKey, `leadWork.error.${string}`>;
export type TaskField = "title" | "dueAt" | "assigneeId" | "kind";

function targetWhere(target: TaskTarget) {
  if ("leadId" in target) return { leadId: target.leadId };
  if ("campaignId" in target) return { campaignId: target.campaignId };
  if ("opportunityId" in target) return { opportunityId: target.opportunityId };
  if ("companyId" in target) return { companyId: target.companyId };
  if ("contactId" in target) return { contactId: target.contactId };
  return { serviceRequestId: target.serviceRequestId };
}

/** A date (YYYY-MM-DD, due at the end of that day in China time) or a date-time; blank is "no due date". */
function parseDue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value !== "string") return value;
  const v = value.trim();
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T23:59:59+08:00`);
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? "invalid" : d;
}

export const TaskInputSchema = z.object({
  title: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "leadWork.error.required" satisfies TaskErrorKey })
      .min(1, { error: "leadWork.error.required" satisfies TaskErrorKey })
      .max(200, { error: "leadWork.error.tooLong" satisfies TaskErrorKey }),
  ),
  dueAt: z.preprocess(parseDue, z.date({ error: "leadWork.error.invalidDate" satisfies TaskErrorKey }).nullable()),
  assigneeId: z.coerce
    .number({ error: "leadWork.error.invalidChoice" satisfies TaskErrorKey })
    .int()
    .positive({
      error: "leadWork.error.invalidChoice" satisfies TaskErrorKey,
    }),
});

export type CreateTaskResult =
  { ok: true; task: { id: number } } | { ok: false; fieldErrors: Partial<Record<TaskField, TaskErrorKey>> };

export async function createTask(
  db: DbOrTx,
  input: {
    createdById: number;
    title: unknown;
    dueAt?: unknown;
    assigneeId?: unknown;
    /** 任务类型: an active task_kind code; blank for none. */
    kind?: unknown;
    target: TaskTarget;
  },
): Promise<CreateTaskResult> {
  const parsed = TaskInputSchema.safeParse({
    title: input.title,
    dueAt: input.dueAt,
    assigneeId: input.assigneeId ?? input.createdById,
  });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<TaskField, TaskErrorKey>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TaskField;
      fieldErrors[field] ??= issue.message.startsWith("leadWork.error.")
        ? (issue.message as TaskErrorKey)
        : "leadWork.error.invalid";
    }
    return { ok: false, fieldErrors };
  }
  const kind = await taskKindOf(db, input.kind, null);
  if (kind === "invalid") return { ok: false, fieldErrors: { kind: "leadWork.error.invalidChoice" } };
  const assignee = await db.staff.findUnique({ where: { id: parsed.data.assigneeId }, select: { status: true } });
  if (!assignee || assignee.status === "inactive") {
    return { ok: false, fieldErrors: { assigneeId: "leadWork.error.invalidChoice" } };
  }
  const task = await db.task.create({
    data: {
      title: parsed.data.title,
      kind,
      dueAt: parsed.data.dueAt,
      assigneeId: parsed.data.assigneeId,
      createdById: input.createdById,
      ...targetWhere(input.target),
    },
    select: { id: true },
  });
  return { ok: true, task };
}

const TASK_SELECT = {
  id: true,
  title: true,
  kind: true,
  dueAt: true,
  doneAt: true,
  createdAt: true,
  createdById: true,
  assignee: selectIdAndName,
} satisfies Prisma.TaskSelect;

export type TaskView = Prisma.TaskGetPayload<{ select: typeof TASK_SELECT }> & { overdue: boolean };

/** Tasks of one record: open ones first by due date (no date last), then done ones newest first. */
export async function listTasks(db: DbOrTx, target: TaskTarget, now = new Date()): Promise<TaskView[]> {
  const rows = await db.task.findMany({ where: targetWhere(target), select: TASK_SELECT, take: 200 });
  const open = rows
    .filter((t) => !t.doneAt)
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || a.id - b.id);
  const done = rows.filter((t) => t.doneAt).sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime());
  return [...open, ...done].map((t) => ({ ...t, overdue: !t.doneAt && !!t.dueAt && t.dueAt < now }));
}

/**
 * Marks a task done (or open again with `done: false`). Only changes a task of the given target, so a
 * route cannot complete another record's task through a forged id. Returns false when nothing matched
 * or it already was in that state.
 */
export async function completeTask(
  db: DbOrTx,
  input: { taskId: number; target: TaskTarget; done?: boolean },
): Promise<boolean> {
  const done = input.done ?? true;
  const result = await db.task.updateMany({
    where: { id: input.taskId, ...targetWhere(input.target), doneAt: done ? null : { not: null } },
    data: { doneAt: done ? new Date() : null },
  });
  return result.count > 0;
}

/**
 * A submitted task kind: null for blank, the code when it is an active task_kind value or the one
 * the task already carries (a deactivated kind stays on its tasks), else "invalid".
 */
async function taskKindOf(db: DbOrTx, raw: unknown, current: string | null): Promise<string | null | "invalid"> {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== "string") return "invalid";
  const code = raw.trim();
  if (code === "") return null;
  if (code.length > 40) return "invalid";
  return (await isLookupCode(db, "task_kind", code, current)) ? code : "invalid";
}

/**
 * Changes a task's kind. Only a task of the given target (a forged id of another record's task
 * changes nothing → "not-found"); an unknown or deactivated kind the task does not carry → "invalid".
 */
export async function setTaskKind(
  db: DbOrTx,
  input: { taskId: number; target: TaskTarget; kind: unknown },
): Promise<"changed" | "unchanged" | "invalid" | "not-found"> {
  const task = await db.task.findFirst({
    where: { id: input.taskId, ...targetWhere(input.target) },
    select: { id: true, kind: true },
  });
  if (!task) return "not-found";
  const kind = await taskKindOf(db, input.kind, task.kind);
  if (kind === "invalid") return "invalid";
  if (kind === task.kind) return "unchanged";
  await db.task.update({ where: { id: task.id }, data: { kind } });
  return "changed";
}
