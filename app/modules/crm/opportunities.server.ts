import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { z } from "zod";
import type { OpportunityStage, Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { addNote } from "#app/modules/notes/notes.server.ts";
import { completeTask, createTask } from "#app/modules/tasks/tasks.server.ts";
import { inScope, scopeFor, type PermissionSubject, type Scope } from "#app/modules/auth/permissions.ts";
import { OPPORTUNITY_STAGES } from "./sales-constants.ts";

// 机会 (the minimal opportunity of #5): list within the viewer's data scope, detail, stage/amount/
// probability/close-date updates (won and lost close it), line items, notes and tasks.

export const OPPORTUNITY_PAGE_SIZE = 25;
export { OPPORTUNITY_STAGES };

export interface OpportunityViewer {
  staffId: number;
  teamId: number | null;
  browse: Scope | null;
  modify: Scope | null;
}

export function opportunityViewer(
  principal: PermissionSubject & { staff: { id: number; teamId: number | null } },
): OpportunityViewer {
  return {
    staffId: principal.staff.id,
    teamId: principal.staff.teamId,
    browse: scopeFor(principal, "opportunities", "browse"),
    modify: scopeFor(principal, "opportunities", "modify"),
  };
}

async function scopeWhere(
  db: DbOrTx,
  viewer: OpportunityViewer,
  scope: Scope | null,
): Promise<Prisma.OpportunityWhereInput | null> {
  if (scope === "all") return {};
  if (scope === "team" && viewer.teamId !== null)
    return { OR: [{ ownerId: viewer.staffId }, { owner: { teamId: viewer.teamId } }] };
  if (scope === null) return null;
  return { ownerId: viewer.staffId };
}

export interface OpportunityFilters {
  stage?: OpportunityStage | null;
  ownerId?: number | null;
  campaignId?: number | null;
  q?: string | null;
}

export async function listOpportunities(
  db: DbOrTx,
  viewer: OpportunityViewer,
  options: { filters?: OpportunityFilters; page?: number; take?: number } = {},
) {
  const take = options.take ?? OPPORTUNITY_PAGE_SIZE;
  const page = Math.max(1, options.page ?? 1);
  const scoped = await scopeWhere(db, viewer, viewer.browse);
  if (!scoped)
    return { items: [], total: 0, page: 1, pageCount: 1, totals: { amount: "0.00", won: "0.00", open: "0.00" } };
  const f = options.filters ?? {};
  const q = f.q?.trim();
  const base: Prisma.OpportunityWhereInput[] = [
    scoped,
    f.ownerId ? { ownerId: f.ownerId } : {},
    f.campaignId ? { campaignId: f.campaignId } : {},
    q ? { OR: [{ name: { contains: q } }, { number: q.toUpperCase() }, { company: { name: { contains: q } } }] } : {},
  ];
  const where: Prisma.OpportunityWhereInput = { AND: [...base, f.stage ? { stage: f.stage } : {}] };
  const [total, rows, byStage] = await Promise.all([
    db.opportunity.count({ where }),
    db.opportunity.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * take,
      take,
      select: {
        id: true,
        number: true,
        name: true,
        stage: true,
        amount: true,
        probability: true,
        expectedCloseDate: true,
        updatedAt: true,
        owner: { select: { id: true, name: true } },
        company: { select: { id: true, name: true } },
        campaign: { select: { id: true, name: true } },
      },
    }),
    db.opportunity.groupBy({ by: ["stage"], where, _sum: { amount: true } }),
  ]);
  let amount = 0;
  let won = 0;
  let open = 0;
  for (const row of byStage) {
    const sum = Number(row._sum.amount ?? 0);
    amount += sum;
    if (row.stage === "won") won += sum;
    else if (row.stage !== "lost") open += sum;
  }
  return {
    items: rows.map((r) => ({ ...r, amount: r.amount.toFixed(2) })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / take)),
    totals: { amount: amount.toFixed(2), won: won.toFixed(2), open: open.toFixed(2) },
  };
}

/** Owners the viewer may filter by (team/all scopes). */
export async function opportunityOwnerOptions(db: DbOrTx, viewer: OpportunityViewer) {
  if (viewer.browse === "all") return db.staff.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (viewer.browse === "team" && viewer.teamId !== null) {
    return db.staff.findMany({
      where: { teamId: viewer.teamId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
  }
  return [];
}

export async function getOpportunityDetail(db: DbOrTx, viewer: OpportunityViewer, opportunityId: number) {
  const opp = await db.opportunity.findUnique({
    where: { id: opportunityId },
    include: {
      owner: { select: { id: true, name: true, teamId: true } },
      company: { select: { id: true, number: true, name: true, city: true } },
      contact: { select: { id: true, number: true, fullName: true, mobile: true, phone: true, email: true } },
      lead: { select: { id: true, number: true, contactName: true, companyName: true } },
      campaign: { select: { id: true, name: true } },
      items: { orderBy: { id: "asc" } },
      notes: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100 },
      tasks: {
        orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }],
        take: 100,
        include: { assignee: { select: { id: true, name: true } } },
      },
    },
  });
  if (!opp) return null;
  const me = { id: viewer.staffId, teamId: viewer.teamId };
  const record = { ownerId: opp.ownerId, ownerTeamId: opp.owner.teamId };
  if (opp.ownerId !== viewer.staffId && !inScope(viewer.browse, me, record)) return null;
  const canModify = opp.ownerId === viewer.staffId ? viewer.modify !== null : inScope(viewer.modify, me, record);
  const authorIds = [...new Set(opp.notes.map((n) => n.authorId).filter((id): id is number => id !== null))];
  const authors = authorIds.length
    ? await db.staff.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })
    : [];
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  return {
    canModify,
    opportunity: {
      ...opp,
      amount: opp.amount.toFixed(2),
      items: opp.items.map((i) => ({
        ...i,
        unitPrice: i.unitPrice.toFixed(2),
        total: i.unitPrice.mul(i.quantity).toFixed(2),
      })),
      notes: opp.notes.map((n) => ({ ...n, author: n.authorId ? (authorName.get(n.authorId) ?? null) : null })),
    },
  };
}

export type OpportunityDetail = NonNullable<Awaited<ReturnType<typeof getOpportunityDetail>>>;

export const OpportunityUpdateSchema = z.object({
  stage: z.enum(OPPORTUNITY_STAGES),
  amount: z
    .string()
    .trim()
    .transform((v) => v.replace(/,/g, ""))
    .refine((v) => /^\d{1,14}(\.\d{1,2})?$/.test(v), "sales.error.money"),
  probability: z.coerce.number().int().min(0, "sales.error.probability").max(100, "sales.error.probability"),
  expectedCloseDate: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "sales.error.date")
    .transform((v) => (v === "" ? null : new Date(`${v}T00:00:00Z`))),
});

export type OpportunityMutation =
  | { kind: "ok" }
  | { kind: "invalid"; errors: Record<string, string[]> }
  | { kind: "forbidden" }
  | { kind: "not-found" };

async function loadForChange(db: DbOrTx, viewer: OpportunityViewer, id: number) {
  const opp = await db.opportunity.findUnique({
    where: { id },
    select: {
      id: true,
      ownerId: true,
      stage: true,
      amount: true,
      probability: true,
      expectedCloseDate: true,
      closedAt: true,
      owner: { select: { teamId: true } },
    },
  });
  if (!opp) return { kind: "not-found" as const };
  const me = { id: viewer.staffId, teamId: viewer.teamId };
  const record = { ownerId: opp.ownerId, ownerTeamId: opp.owner.teamId };
  const sees = opp.ownerId === viewer.staffId || inScope(viewer.browse, me, record);
  if (!sees) return { kind: "not-found" as const };
  const may = opp.ownerId === viewer.staffId ? viewer.modify !== null : inScope(viewer.modify, me, record);
  if (!may) return { kind: "forbidden" as const };
  return { kind: "ok" as const, opp };
}

/** Stage, amount, probability, expected close. Won/lost set closedAt (and 100/0 %); reopening clears it. */
export async function updateOpportunity(
  db: Db,
  viewer: OpportunityViewer,
  opportunityId: number,
  input: unknown,
  options: { ipAddress?: string | null } = {},
): Promise<OpportunityMutation> {
  const parsed = OpportunityUpdateSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_");
      (errors[key] ??= []).push(issue.message.startsWith("sales.") ? issue.message : "sales.error.invalid");
    }
    return { kind: "invalid", errors };
  }
  return db.$transaction(async (tx) => {
    const loaded = await loadForChange(tx, viewer, opportunityId);
    if (loaded.kind !== "ok") return loaded;
    const { opp } = loaded;
    const v = parsed.data;
    const closing = v.stage === "won" || v.stage === "lost";
    const wasClosed = opp.stage === "won" || opp.stage === "lost";
    const probability = v.stage === "won" ? 100 : v.stage === "lost" ? 0 : v.probability;
    const closedAt = closing ? (wasClosed && opp.stage === v.stage ? opp.closedAt : new Date()) : null;
    await tx.opportunity.update({
      where: { id: opportunityId },
      data: { stage: v.stage, amount: v.amount, probability, expectedCloseDate: v.expectedCloseDate, closedAt },
    });
    await enqueueSearchSync(tx, "opportunities", [opportunityId]);
    await recordAudit(tx, {
      actor: { type: "staff", id: viewer.staffId },
      action: "opportunity.updated",
      entityType: "Opportunity",
      entityId: opportunityId,
      before: { stage: opp.stage, amount: opp.amount.toFixed(2), probability: opp.probability },
      after: { stage: v.stage, amount: Number(v.amount).toFixed(2), probability },
      ipAddress: options.ipAddress,
    });
    return { kind: "ok" as const };
  });
}

function invalid(errors: Partial<Record<string, string>>): OpportunityMutation {
  const out: Record<string, string[]> = {};
  for (const [field, key] of Object.entries(errors)) if (key) out[field] = [key];
  return { kind: "invalid", errors: out };
}

/** A note on the opportunity: anyone who may change it. */
export async function addOpportunityNote(
  db: Db,
  viewer: OpportunityViewer,
  opportunityId: number,
  input: { body?: unknown },
): Promise<OpportunityMutation> {
  const loaded = await loadForChange(db, viewer, opportunityId);
  if (loaded.kind !== "ok") return loaded;
  const result = await addNote(db, { authorId: viewer.staffId, body: input.body, target: { opportunityId } });
  return result.ok ? { kind: "ok" } : invalid(result.fieldErrors);
}

/** A follow-up task for the opportunity's owner. */
export async function addOpportunityTask(
  db: Db,
  viewer: OpportunityViewer,
  opportunityId: number,
  input: { title?: unknown; dueAt?: unknown },
): Promise<OpportunityMutation> {
  const loaded = await loadForChange(db, viewer, opportunityId);
  if (loaded.kind !== "ok") return loaded;
  const result = await createTask(db, {
    createdById: viewer.staffId,
    title: input.title,
    dueAt: input.dueAt,
    assigneeId: loaded.opp.ownerId,
    target: { opportunityId },
  });
  return result.ok ? { kind: "ok" } : invalid(result.fieldErrors);
}

export async function setOpportunityTaskDone(
  db: Db,
  viewer: OpportunityViewer,
  opportunityId: number,
  taskId: number,
  done: boolean,
): Promise<OpportunityMutation> {
  const loaded = await loadForChange(db, viewer, opportunityId);
  if (loaded.kind !== "ok") return loaded;
  const exists = await db.task.count({ where: { id: taskId, opportunityId } });
  if (!exists) return { kind: "not-found" };
  await completeTask(db, { taskId, target: { opportunityId }, done });
  return { kind: "ok" };
}
