import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { z } from "zod";
import type { OpportunityStage, Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { isMessageKey, type MessageKey } from "#app/lib/i18n/translate.ts";
import { msg } from "#app/lib/schemas.ts";
import { forbidden, invalid, notFound, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { listNotes } from "#app/modules/notes/notes.server.ts";
import type { RecordWidgetAccess } from "#app/modules/notes/record-widget-actions.server.ts";
import { listTasks } from "#app/modules/tasks/tasks.server.ts";
import { inScope, scopeFor, teamScopeIds, type Scope } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { countCappedBy } from "#app/modules/views/count-capped.server.ts";
import { pageWindow } from "#app/lib/page-window.ts";
import type { OpportunitySortKey } from "./opportunity-list-query.ts";
import { OPPORTUNITY_STAGES } from "./sales-constants.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// 机会 (the minimal opportunity of #5): list within the viewer's data scope, detail, stage/amount/
// probability/close-date updates (won and lost close it), line items, notes and tasks.

export const OPPORTUNITY_PAGE_SIZE = 25;
export { OPPORTUNITY_STAGES };

/** The actor's opportunities scopes, as the queries below read them (derived once per call). */
interface OpportunityScopes {
  staffId: number;
  teamId: number | null;
  /** The team and its sub-teams (teamScopeIds). */
  teamIds: number[];
  browse: Scope | null;
  modify: Scope | null;
}

function opportunityScopes(actor: StaffActor): OpportunityScopes {
  return {
    staffId: actor.staffId,
    teamId: actor.teamId,
    teamIds: teamScopeIds(actor),
    browse: scopeFor(actor, "opportunities", "browse"),
    modify: scopeFor(actor, "opportunities", "modify"),
  };
}

async function scopeWhere(
  db: DbOrTx,
  viewer: OpportunityScopes,
  scope: Scope | null,
): Promise<Prisma.OpportunityWhereInput | null> {
  // Opportunities in the recycle bin are outside every scope (only the bin's own queries see them).
  if (scope === "all") return { deletedAt: null };
  if (scope === "team" && viewer.teamId !== null)
    return { deletedAt: null, OR: [{ ownerId: viewer.staffId }, { owner: { teamId: { in: viewer.teamIds } } }] };
  if (scope === null) return null;
  return { deletedAt: null, ownerId: viewer.staffId };
}

/** The opportunities a viewer may open: their own, plus their team's or all by browse scope. */
function visibleWhere(viewer: OpportunityScopes): Prisma.OpportunityWhereInput {
  const own = { ownerId: viewer.staffId };
  if (viewer.browse === "all") return { deletedAt: null };
  if (viewer.browse === "team" && viewer.teamId !== null)
    return { deletedAt: null, OR: [own, { owner: { teamId: { in: viewer.teamIds } } }] };
  return { deletedAt: null, ...own };
}

export interface OpportunityFilters {
  stage?: OpportunityStage | null;
  ownerId?: number | null;
  campaignId?: number | null;
  q?: string | null;
}

/** Sort keys of the list (opportunity-list-query.ts) as Prisma orders; the id breaks ties. */
function opportunityOrder(sort: { key: OpportunitySortKey; dir: "asc" | "desc" } | undefined) {
  const dir = sort?.dir ?? "desc";
  const orders: Record<OpportunitySortKey, Prisma.OpportunityOrderByWithRelationInput> = {
    updated: { updatedAt: dir },
    name: { name: dir },
    amount: { amount: dir },
    probability: { probability: dir },
    close: { expectedCloseDate: { sort: dir, nulls: "last" } },
  };
  return [orders[sort?.key ?? "updated"], { id: dir }];
}

export async function listOpportunities(
  db: DbOrTx,
  actor: StaffActor,
  options: {
    filters?: OpportunityFilters;
    sort?: { key: OpportunitySortKey; dir: "asc" | "desc" };
    page?: number;
    take?: number;
  } = {},
) {
  const take = options.take ?? OPPORTUNITY_PAGE_SIZE;
  const viewer = opportunityScopes(actor);
  const scoped = await scopeWhere(db, viewer, viewer.browse);
  if (!scoped)
    return {
      items: [],
      total: { count: 0, capped: false },
      page: 1,
      pageCount: 1,
      totals: { amount: "0.00", won: "0.00", open: "0.00" },
    };
  const f = options.filters ?? {};
  const q = f.q?.trim();
  const base: Prisma.OpportunityWhereInput[] = [
    scoped,
    f.ownerId ? { ownerId: f.ownerId } : {},
    f.campaignId ? { campaignId: f.campaignId } : {},
    q ? { OR: [{ name: { contains: q } }, { number: q.toUpperCase() }, { company: { name: { contains: q } } }] } : {},
  ];
  const where: Prisma.OpportunityWhereInput = { AND: [...base, f.stage ? { stage: f.stage } : {}] };
  const total = await countCappedBy((cap) => db.opportunity.count({ where, take: cap }));
  const { page, pageCount, ...window } = pageWindow(total.count, options.page ?? 1, take);
  const [rows, byStage] = await Promise.all([
    db.opportunity.findMany({
      where,
      orderBy: opportunityOrder(options.sort),
      ...window,
      select: {
        id: true,
        number: true,
        name: true,
        stage: true,
        amount: true,
        probability: true,
        expectedCloseDate: true,
        updatedAt: true,
        owner: selectIdAndName,
        company: selectIdAndName,
        campaign: selectIdAndName,
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
    pageCount,
    totals: { amount: amount.toFixed(2), won: won.toFixed(2), open: open.toFixed(2) },
  };
}

/** Owners the viewer may filter by (team/all scopes). */
export async function opportunityOwnerOptions(db: DbOrTx, actor: StaffActor) {
  const viewer = opportunityScopes(actor);
  if (viewer.browse === "all") return db.staff.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  if (viewer.browse === "team" && viewer.teamId !== null) {
    return db.staff.findMany({
      where: { teamId: { in: viewer.teamIds } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
  }
  return [];
}

/**
 * One opportunity as its page shows it: the record with links and line items, whether the viewer
 * may change it, and its notes and tasks. Null when it does not exist or is outside the viewer's scope.
 */
export async function getOpportunityDetail(db: DbOrTx, actor: StaffActor, opportunityId: number) {
  const viewer = opportunityScopes(actor);
  const opp = await db.opportunity.findFirst({
    where: { id: opportunityId, ...visibleWhere(viewer) },
    include: {
      owner: { select: { id: true, name: true, teamId: true } },
      company: { select: { id: true, number: true, name: true, city: true } },
      contact: { select: { id: true, number: true, fullName: true, mobile: true, phone: true, email: true } },
      lead: { select: { id: true, number: true, contactName: true, companyName: true } },
      campaign: selectIdAndName,
      items: { orderBy: { id: "asc" } },
    },
  });
  if (!opp) return null;
  const me = { id: viewer.staffId, teamId: viewer.teamId, teamIds: viewer.teamIds };
  const record = { ownerId: opp.ownerId, ownerTeamId: opp.owner.teamId };
  const canModify = opp.ownerId === viewer.staffId ? viewer.modify !== null : inScope(viewer.modify, me, record);
  const [notes, tasks] = await Promise.all([listNotes(db, { opportunityId }), listTasks(db, { opportunityId })]);
  return {
    canModify,
    notes,
    tasks,
    opportunity: {
      ...opp,
      amount: opp.amount.toFixed(2),
      items: opp.items.map((i) => ({
        ...i,
        unitPrice: i.unitPrice.toFixed(2),
        total: i.unitPrice.mul(i.quantity).toFixed(2),
      })),
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
    .refine((v) => /^\d{1,14}(\.\d{1,2})?$/.test(v), msg("sales.error.money")),
  probability: z.coerce.number().int().min(0, msg("sales.error.probability")).max(100, msg("sales.error.probability")),
  expectedCloseDate: z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), msg("sales.error.date"))
    .transform((v) => (v === "" ? null : new Date(`${v}T00:00:00Z`))),
});

export type OpportunityField = keyof z.input<typeof OpportunityUpdateSchema>;

async function loadForChange(db: DbOrTx, actor: StaffActor, id: number) {
  const viewer = opportunityScopes(actor);
  const opp = await db.opportunity.findFirst({
    where: { id, ...visibleWhere(viewer) },
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
  const me = { id: viewer.staffId, teamId: viewer.teamId, teamIds: viewer.teamIds };
  const record = { ownerId: opp.ownerId, ownerTeamId: opp.owner.teamId };
  const may = opp.ownerId === viewer.staffId ? viewer.modify !== null : inScope(viewer.modify, me, record);
  if (!may) return { kind: "forbidden" as const };
  return { kind: "ok" as const, opp };
}

/** Stage, amount, probability, expected close. Won/lost set closedAt (and 100/0 %); reopening clears it. */
export async function updateOpportunity(
  db: Db,
  actor: StaffActor,
  opportunityId: number,
  input: unknown,
  options: { ipAddress?: string | null } = {},
): Promise<ServiceResult<undefined, OpportunityField>> {
  const parsed = OpportunityUpdateSchema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldErrors<OpportunityField> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "stage") as OpportunityField;
      // The schema's own messages are typed keys (msg); zod's defaults become the generic one.
      const key: MessageKey = isMessageKey(issue.message) ? issue.message : "sales.error.invalid";
      (errors[field] ??= []).push(key);
    }
    return invalid(errors);
  }
  return db.$transaction(async (tx) => {
    const loaded = await loadForChange(tx, actor, opportunityId);
    if (loaded.kind === "not-found") return notFound();
    if (loaded.kind === "forbidden") return forbidden();
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
    await recordStaffAudit(tx, actor, {
      action: "opportunity.updated",
      entityType: "Opportunity",
      entityId: opportunityId,
      before: { stage: opp.stage, amount: opp.amount.toFixed(2), probability: opp.probability },
      after: { stage: v.stage, amount: Number(v.amount).toFixed(2), probability },
      ipAddress: options.ipAddress,
    });
    return ok();
  });
}

/**
 * What the notes and tasks widgets may do on this opportunity for the viewer (scope applied in the
 * query): null when it is not visible (404); `canWrite` for whoever may change it; tasks go to its
 * owner unless the form names someone.
 */
export async function opportunityWorkAccess(
  db: DbOrTx,
  actor: StaffActor,
  opportunityId: number,
): Promise<RecordWidgetAccess | null> {
  const loaded = await loadForChange(db, actor, opportunityId);
  if (loaded.kind === "not-found") return null;
  return {
    target: { opportunityId },
    canWrite: loaded.kind === "ok",
    defaultAssigneeId: loaded.kind === "ok" ? loaded.opp.ownerId : undefined,
  };
}
