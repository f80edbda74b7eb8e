import { z } from "zod";
import { isMessageKey } from "#app/lib/i18n/translate.ts";
import type { CampaignStatus, CampaignType, Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from "#app/modules/crm/sales-constants.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import { ownerChoices } from "#app/modules/auth/owner-choices.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { addNote } from "#app/modules/notes/notes.server.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { isLookupCode } from "#app/modules/settings/lookup-values.server.ts";
import { completeTask, createTask } from "#app/modules/tasks/tasks.server.ts";
import { campaignAccess, visibleCampaignsWhere, type CampaignAccess } from "./campaign-access.server.ts";
import { campaignActuals, statsScope, type CampaignActuals } from "./campaign-stats.server.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import type { CampaignSortKey } from "./campaign-list-query.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// 营销战役: the record, its hard targets, expenses, work logs, tasks and notes. Actuals are computed
// (campaign-stats.server.ts); participants live in campaign-participants.server.ts.

export { CAMPAIGN_STATUSES, CAMPAIGN_TYPES };

export const CAMPAIGN_PAGE_SIZE = 12;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "sales.error.tooLong")
    .transform((v) => (v === "" ? null : v))
    .nullish();

/** An optional number typed into the form ("" is none): it must match `pattern` and `fits`. */
function optionalNumber<T>(rule: {
  pattern: RegExp;
  fits: (n: number) => boolean;
  error: string;
  /** Thousands separators are allowed (money). */
  dropCommas?: boolean;
  toValue: (typed: string) => T;
}) {
  return z
    .union([z.string(), z.number()])
    .transform((v) => (rule.dropCommas ? String(v).trim().replace(/,/g, "") : String(v).trim()))
    .refine((v) => v === "" || (rule.pattern.test(v) && rule.fits(Number(v))), rule.error)
    .transform((v) => (v === "" ? null : rule.toValue(v)))
    .nullish();
}

const optionalMoney = optionalNumber({
  pattern: /^\d{1,14}(\.\d{1,2})?$/,
  fits: (n) => n >= 0,
  error: "sales.error.money",
  dropCommas: true,
  toValue: (v) => v,
});

const optionalHours = optionalNumber({
  pattern: /^\d{1,8}(\.\d{1,2})?$/,
  fits: (n) => n >= 0,
  error: "sales.error.hours",
  toValue: (v) => v,
});

const optionalCount = optionalNumber({
  pattern: /^\d{1,9}$/,
  fits: (n) => n <= 2_000_000_000,
  error: "sales.error.count",
  toValue: Number,
});

const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "sales.error.date")
  .transform((v) => (v === "" ? null : new Date(`${v}T00:00:00Z`)))
  .nullish();

export const CampaignInputSchema = z
  .object({
    name: z.string().trim().min(1, "common.required").max(200, "sales.error.tooLong"),
    type: z.enum(CAMPAIGN_TYPES),
    status: z.enum(CAMPAIGN_STATUSES).default("planning"),
    intent: optionalText(5000),
    plan: optionalText(10000),
    summary: optionalText(5000),
    startDate: optionalDate,
    endDate: optionalDate,
    targetSalesAmount: optionalMoney,
    targetLeadCount: optionalCount,
    targetCost: optionalMoney,
    targetWorkload: optionalHours,
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    path: ["endDate"],
    message: "sales.error.endBeforeStart",
  });
export type CampaignInput = z.input<typeof CampaignInputSchema>;

export type FieldErrors = Record<string, string[]>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    (out[key] ??= []).push(isMessageKey(issue.message) ? issue.message : "sales.error.invalid");
  }
  return out;
}

export type Mutation<T = object> =
  ({ kind: "ok" } & T) | { kind: "invalid"; errors: FieldErrors } | { kind: "forbidden" } | { kind: "not-found" };

// ───────────────────────────── Create / update ─────────────────────────────

/**
 * Whom the actor may make the owner (主控者) of a new campaign: active staff their campaigns × add
 * scope reaches (all / their teams / themselves), themselves always first choice (#14 item 18).
 */
export function campaignOwnerChoices(db: DbOrTx, actor: StaffActor): Promise<Array<{ id: number; name: string }>> {
  return ownerChoices(db, actor, "campaigns");
}

export async function createCampaign(
  db: Db,
  actor: StaffActor,
  input: unknown,
  options: { ownerId?: number | null; ipAddress?: string | null } = {},
): Promise<Mutation<{ id: number }>> {
  if (!actor.isAdmin && scopeFor(actor, "campaigns", "add") === null) return { kind: "forbidden" };
  const parsed = CampaignInputSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };
  const ownerId = options.ownerId ?? actor.staffId;
  const choices = await campaignOwnerChoices(db, actor);
  if (!choices.some((c) => c.id === ownerId))
    return { kind: "invalid", errors: { ownerId: ["sales.error.campaignOwner"] } };
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({ data: { ...parsed.data, ownerId }, select: { id: true } });
    await recordStaffAudit(tx, actor, {
      action: "campaign.created",
      entityType: "Campaign",
      entityId: campaign.id,
      after: { name: parsed.data.name, type: parsed.data.type, ownerId },
      ipAddress: options.ipAddress,
    });
    return { kind: "ok" as const, id: campaign.id };
  });
}

const AUDITED_FIELDS = [
  "name",
  "type",
  "status",
  "intent",
  "plan",
  "summary",
  "startDate",
  "endDate",
  "targetSalesAmount",
  "targetLeadCount",
  "targetCost",
  "targetWorkload",
] as const;

function plain(value: unknown): Prisma.InputJsonValue | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "toFixed" in value) return String(value);
  return value as Prisma.InputJsonValue;
}

/** Changes the campaign (owner, admin, modify scope, or a participant with modify rights). Audited field by field. */
export async function updateCampaign(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  input: unknown,
  options: { ipAddress?: string | null } = {},
): Promise<Mutation> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canView) return { kind: "not-found" };
  if (!access.canModify) return { kind: "forbidden" };
  const parsed = CampaignInputSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };
  return db.$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id: campaignId } });
    if (!before) return { kind: "not-found" as const };
    await tx.campaign.update({ where: { id: campaignId }, data: parsed.data });
    const changedBefore: Record<string, Prisma.InputJsonValue | null> = {};
    const changedAfter: Record<string, Prisma.InputJsonValue | null> = {};
    for (const field of AUDITED_FIELDS) {
      const a = plain(before[field]);
      const b = plain(parsed.data[field]);
      if (String(a ?? "") !== String(b ?? "") && !(a !== null && b !== null && Number(a) === Number(b))) {
        changedBefore[field] = a;
        changedAfter[field] = b;
      }
    }
    if (Object.keys(changedAfter).length > 0) {
      await recordStaffAudit(tx, actor, {
        action: "campaign.updated",
        entityType: "Campaign",
        entityId: campaignId,
        before: changedBefore,
        after: changedAfter,
        ipAddress: options.ipAddress,
      });
    }
    return { kind: "ok" as const };
  });
}

// ───────────────────────────── Read ─────────────────────────────

export interface CampaignListFilters {
  status?: CampaignStatus | null;
  type?: CampaignType | null;
  q?: string | null;
}

export interface CampaignCard {
  id: number;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  owner: { id: number; name: string };
  startDate: Date | null;
  endDate: Date | null;
  targets: {
    salesAmount: string | null;
    leadCount: number | null;
    cost: string | null;
    workload: string | null;
  };
  actuals: CampaignActuals;
  participantCount: number;
}

function targetsOf(c: {
  targetSalesAmount: Prisma.Decimal | null;
  targetLeadCount: number | null;
  targetCost: Prisma.Decimal | null;
  targetWorkload: Prisma.Decimal | null;
}) {
  return {
    salesAmount: c.targetSalesAmount?.toFixed(2) ?? null,
    leadCount: c.targetLeadCount,
    cost: c.targetCost?.toFixed(2) ?? null,
    workload: c.targetWorkload?.toFixed(2) ?? null,
  };
}

/** Sort keys of the list (campaign-list-query.ts) as Prisma orders; the id breaks ties. */
function campaignOrder(sort: { key: CampaignSortKey; dir: "asc" | "desc" } | undefined) {
  const dir = sort?.dir ?? "desc";
  switch (sort?.key) {
    case "name":
      return [{ name: dir }, { id: dir }] satisfies Prisma.CampaignOrderByWithRelationInput[];
    case "end":
      return [
        { endDate: { sort: dir, nulls: "last" } },
        { id: dir },
      ] satisfies Prisma.CampaignOrderByWithRelationInput[];
    default:
      return [
        { startDate: { sort: dir, nulls: "last" } },
        { id: dir },
      ] satisfies Prisma.CampaignOrderByWithRelationInput[];
  }
}

export async function listCampaigns(
  db: DbOrTx,
  actor: StaffActor,
  options: {
    filters?: CampaignListFilters;
    sort?: { key: CampaignSortKey; dir: "asc" | "desc" };
    page?: number;
    take?: number;
  } = {},
) {
  const take = options.take ?? CAMPAIGN_PAGE_SIZE;
  const f = options.filters ?? {};
  const where: Prisma.CampaignWhereInput = {
    AND: [
      await visibleCampaignsWhere(db, actor),
      f.status ? { status: f.status } : {},
      f.type ? { type: f.type } : {},
      f.q?.trim() ? { name: { contains: f.q.trim() } } : {},
    ],
  };
  const { rows, ...paging } = await findPage(
    options.page ?? 1,
    take,
    (cap) => db.campaign.count({ where, take: cap }),
    (window) =>
      db.campaign.findMany({
        where,
        orderBy: campaignOrder(options.sort),
        ...window,
        include: { owner: selectIdAndName, _count: { select: { participants: true } } },
      }),
  );
  const actuals = await campaignActuals(
    db,
    actor,
    rows.map((r) => r.id),
  );
  const items: CampaignCard[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    status: r.status,
    owner: r.owner,
    startDate: r.startDate,
    endDate: r.endDate,
    targets: targetsOf(r),
    actuals: actuals.get(r.id)!,
    participantCount: r._count.participants,
  }));
  return { items, ...paging, scope: statsScope(actor) };
}

// ───────────────────────────── Expenses, work logs, tasks, notes ─────────────────────────────

// The fields expenses and work logs share: what was done, and on which day (YYYY-MM-DD).
const descriptionField = z.string().trim().min(1, "common.required").max(255, "sales.error.tooLong");
const dayField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "sales.error.date");

/** A day of the form as the date it stands for (midnight UTC). */
const dayOf = (day: string) => new Date(`${day}T00:00:00Z`);

const ExpenseSchema = z.object({
  amount: z
    .string()
    .trim()
    .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(v) && Number(v) > 0, "sales.error.money"),
  description: descriptionField,
  spentOn: dayField,
  /** 费用类型 from the system table; optional (older lines have none). */
  expenseType: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || null),
});

/** Records a campaign expense (费用): needs modify rights on the campaign. */
export async function addCampaignExpense(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  input: unknown,
): Promise<Mutation<{ id: number }>> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canView) return { kind: "not-found" };
  if (!access.canModify) return { kind: "forbidden" };
  const parsed = ExpenseSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };
  const { expenseType } = parsed.data;
  if (expenseType && !(await isLookupCode(db, "expense_type", expenseType)))
    return { kind: "invalid", errors: { expenseType: ["adminSystem.tables.unknownValue"] } };
  return db.$transaction(async (tx) => {
    const row = await tx.campaignExpense.create({
      data: {
        campaignId,
        amount: parsed.data.amount,
        description: parsed.data.description,
        expenseType,
        spentOn: dayOf(parsed.data.spentOn),
        recordedById: actor.staffId,
      },
    });
    await recordStaffAudit(tx, actor, {
      action: "campaign.expense_added",
      entityType: "Campaign",
      entityId: campaignId,
      after: { expenseId: row.id, amount: parsed.data.amount, description: parsed.data.description, expenseType },
    });
    return { kind: "ok" as const, id: row.id };
  });
}

const WorkLogSchema = z.object({
  hours: z
    .string()
    .trim()
    .refine((v) => /^\d{1,4}(\.\d{1,2})?$/.test(v) && Number(v) > 0 && Number(v) <= 24, "sales.error.hours"),
  description: descriptionField,
  workedOn: dayField,
});

/** Logs the actor's own work (工作量) on the campaign: any participant, the owner, or a modifier. */
export async function addCampaignWorkLog(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  input: unknown,
): Promise<Mutation<{ id: number }>> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canView) return { kind: "not-found" };
  if (!access.canModify && !access.participant) return { kind: "forbidden" };
  const parsed = WorkLogSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", errors: fieldErrors(parsed.error) };
  const row = await db.campaignWorkLog.create({
    data: {
      campaignId,
      staffId: actor.staffId,
      hours: parsed.data.hours,
      description: parsed.data.description,
      workedOn: dayOf(parsed.data.workedOn),
    },
  });
  return { kind: "ok", id: row.id };
}

/** A's generic note/task field errors ({field: key}) in this module's shape ({field: [key]}). */
function listErrors(errors: Partial<Record<string, string>>): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, key] of Object.entries(errors)) if (key) out[field] = [key];
  return out;
}

/** Adds a note (便笺): anyone who may see the campaign may annotate it. */
export async function addCampaignNote(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  input: { body?: unknown },
): Promise<Mutation<{ id: number }>> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canView) return { kind: "not-found" };
  const result = await addNote(db, { authorId: actor.staffId, body: input.body, target: { campaignId } });
  if (!result.ok) return { kind: "invalid", errors: listErrors(result.fieldErrors) };
  return { kind: "ok", id: result.note.id };
}

/**
 * Assigns a work task (任务) to the owner or a participant and notifies them (seed: the controller
 * "assigns work tasks and notifies the members"). Needs modify rights.
 */
export async function addCampaignTask(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  input: { title?: unknown; dueAt?: unknown; assigneeId?: unknown; kind?: unknown },
): Promise<Mutation<{ id: number }>> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canView) return { kind: "not-found" };
  if (!access.canModify) return { kind: "forbidden" };
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { name: true, ownerId: true, participants: { select: { staffId: true } } },
  });
  const assigneeId = Number(input.assigneeId);
  const allowed = new Set([campaign.ownerId, ...campaign.participants.map((p) => p.staffId)]);
  if (!allowed.has(assigneeId)) return { kind: "invalid", errors: { assigneeId: ["sales.error.assignee"] } };
  return db.$transaction(async (tx) => {
    const result = await createTask(tx, {
      createdById: actor.staffId,
      title: input.title,
      dueAt: input.dueAt,
      assigneeId,
      kind: input.kind,
      target: { campaignId },
    });
    if (!result.ok) return { kind: "invalid" as const, errors: listErrors(result.fieldErrors) };
    if (assigneeId !== actor.staffId) {
      await notifyStaff(tx, {
        staffId: assigneeId,
        type: "campaign.task",
        title: `${campaign.name}: ${String(input.title ?? "").trim()}`,
        link: `/crm/campaigns/${campaignId}`,
      });
    }
    return { kind: "ok" as const, id: result.task.id };
  });
}

/** Marks a campaign task done (or open again): its assignee or anyone with modify rights. */
export async function setCampaignTaskDone(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  taskId: number,
  done: boolean,
): Promise<Mutation> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canView) return { kind: "not-found" };
  const task = await db.task.findFirst({ where: { id: taskId, campaignId }, select: { assigneeId: true } });
  if (!task) return { kind: "not-found" };
  if (!access.canModify && task.assigneeId !== actor.staffId) return { kind: "forbidden" };
  await completeTask(db, { taskId, target: { campaignId }, done });
  return { kind: "ok" };
}

export type { CampaignAccess };
