import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { listNotes } from "#app/modules/notes/notes.server.ts";
import { listTasks } from "#app/modules/tasks/tasks.server.ts";
import { accessFor, visibleCampaignsWhere } from "./campaign-access.server.ts";
import {
  campaignActualsFor,
  statsScope,
  visibleLeadsWhere,
  visibleOpportunitiesWhere,
} from "./campaign-stats.server.ts";
import { selectIdAndName, selectName } from "#app/lib/prisma-selects.ts";

// The campaign detail page's view model: the record, what the actor may do with it (derived here,
// once, for the layout and every tab) and the per-tab lists. Every reader loads the campaign through
// the actor's visibility in the query itself, so a campaign out of scope reads as "not found".

/** How the actor reaches the campaign; the strongest source wins. */
export type CampaignRole = "admin" | "owner" | "scope" | "participant";

export interface CampaignCapabilities {
  role: CampaignRole;
  isOwner: boolean;
  /** The actor's own participant right, if they were added as a participant. */
  participant: "browse" | "modify" | null;
  /** Edit the record and its targets, record expenses, assign tasks. */
  canModify: boolean;
  /** Add and remove participants and set their rights. */
  canManageParticipants: boolean;
  /** Log one's own hours: modifiers and every participant. */
  canLogWork: boolean;
  /** Annotate: anyone who may see the campaign. */
  canNote: boolean;
}

const headerSelect = {
  id: true,
  name: true,
  type: true,
  status: true,
  intent: true,
  plan: true,
  summary: true,
  startDate: true,
  endDate: true,
  updatedAt: true,
  targetSalesAmount: true,
  targetLeadCount: true,
  targetCost: true,
  targetWorkload: true,
  ownerId: true,
  owner: { select: { id: true, name: true, title: true, teamId: true } },
  categories: { select: { id: true, name: true, code: true } },
} satisfies Prisma.CampaignSelect;

/**
 * The campaign as the actor may see it, with the rights the actor holds on it; null when it does not
 * exist or is out of the actor's reach (owner, participant or campaigns scope).
 */
async function findVisibleCampaign(db: DbOrTx, actor: StaffActor, campaignId: number) {
  const row = await db.campaign.findFirst({
    where: { AND: [{ id: campaignId }, await visibleCampaignsWhere(db, actor)] },
    select: { ...headerSelect, participants: { where: { staffId: actor.staffId }, select: { canModify: true } } },
  });
  if (!row) return null;
  // The where-clause admits owners, participants and scoped staff; accessFor agrees with it and adds
  // the finer rights (modify vs browse, participant management).
  const access = accessFor(actor, row);
  if (!access.canView) return null;
  const capabilities: CampaignCapabilities = {
    role: actor.isAdmin ? "admin" : access.isOwner ? "owner" : access.participant ? "participant" : "scope",
    isOwner: access.isOwner,
    participant: access.participant ? (access.participant.canModify ? "modify" : "browse") : null,
    canModify: access.canModify,
    canManageParticipants: access.canManageParticipants,
    canLogWork: access.canModify || access.participant !== null,
    canNote: true,
  };
  return { row, capabilities };
}

/** The layout's data: the record, targets, computed actuals over what the actor may see, and capabilities. */
export async function getCampaignWorkspace(db: DbOrTx, actor: StaffActor, campaignId: number) {
  const found = await findVisibleCampaign(db, actor, campaignId);
  if (!found) return null;
  const { row: c, capabilities } = found;
  const [actuals, counts] = await Promise.all([
    campaignActualsFor(db, actor, campaignId),
    db.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { _count: { select: { participants: true, expenses: true, workLogs: true, notes: true, tasks: true } } },
    }),
  ]);
  return {
    campaign: {
      id: c.id,
      name: c.name,
      type: c.type,
      status: c.status,
      owner: { id: c.owner.id, name: c.owner.name, title: c.owner.title },
      intent: c.intent,
      plan: c.plan,
      summary: c.summary,
      startDate: c.startDate,
      endDate: c.endDate,
      updatedAt: c.updatedAt,
      categories: c.categories,
      targets: {
        salesAmount: c.targetSalesAmount?.toFixed(2) ?? null,
        leadCount: c.targetLeadCount,
        cost: c.targetCost?.toFixed(2) ?? null,
        workload: c.targetWorkload?.toFixed(2) ?? null,
      },
    },
    capabilities,
    scope: statsScope(actor),
    actuals,
    counts: counts._count,
  };
}

export type CampaignWorkspace = NonNullable<Awaited<ReturnType<typeof getCampaignWorkspace>>>;

/** The overview tab: the campaign's latest leads and opportunities, each within the actor's own scopes. */
export async function getCampaignLinkedRecords(db: DbOrTx, actor: StaffActor, campaignId: number, take = 20) {
  const found = await findVisibleCampaign(db, actor, campaignId);
  if (!found) return null;
  const [leadWhere, oppWhere] = await Promise.all([visibleLeadsWhere(db, actor), visibleOpportunitiesWhere(db, actor)]);
  const [leads, opportunities] = await Promise.all([
    db.lead.findMany({
      where: { AND: [{ campaignId }, ...(leadWhere ? [leadWhere] : [])] },
      orderBy: { id: "desc" },
      take,
      select: { id: true, number: true, contactName: true, companyName: true, status: true },
    }),
    db.opportunity.findMany({
      where: { AND: [{ campaignId }, ...(oppWhere ? [oppWhere] : [])] },
      orderBy: { id: "desc" },
      take,
      select: { id: true, number: true, name: true, stage: true, amount: true },
    }),
  ]);
  return { leads, opportunities: opportunities.map((o) => ({ ...o, amount: o.amount.toFixed(2) })) };
}

/** The participants tab: owner, participants and (for those who manage them) the staff who could be added. */
export async function getCampaignTeam(db: DbOrTx, actor: StaffActor, campaignId: number) {
  const found = await findVisibleCampaign(db, actor, campaignId);
  if (!found) return null;
  const participants = await db.campaignParticipant.findMany({
    where: { campaignId },
    orderBy: { addedAt: "asc" },
    select: {
      canModify: true,
      addedAt: true,
      staff: { select: { id: true, name: true, title: true, status: true } },
    },
  });
  const taken = [found.row.ownerId, ...participants.map((p) => p.staff.id)];
  const candidates = found.capabilities.canManageParticipants
    ? await db.staff.findMany({
        where: { status: { not: "inactive" }, id: { notIn: taken } },
        select: { id: true, name: true, title: true, team: selectName },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      })
    : [];
  const { owner } = found.row;
  return { owner: { id: owner.id, name: owner.name, title: owner.title }, participants, candidates };
}

/** One ledger line: an expense (amount in yuan) or a work log (hours). */
export interface CampaignLedgerEntry {
  id: number;
  description: string;
  /** Decimal string with two places. */
  quantity: string;
  on: Date;
  by: string | null;
  /** Expenses: the 费用类型 code (system table "expense_type"), if any. */
  typeCode?: string | null;
}

/** The expenses or work-logs tab: the latest 100 lines, newest first, with who recorded them. */
export async function listCampaignLedger(
  db: DbOrTx,
  actor: StaffActor,
  campaignId: number,
  kind: "expenses" | "work",
): Promise<CampaignLedgerEntry[] | null> {
  const found = await findVisibleCampaign(db, actor, campaignId);
  if (!found) return null;
  const rows =
    kind === "expenses"
      ? (
          await db.campaignExpense.findMany({
            where: { campaignId },
            orderBy: [{ spentOn: "desc" }, { id: "desc" }],
            take: 100,
          })
        ).map((e) => ({
          id: e.id,
          description: e.description,
          quantity: e.amount.toFixed(2),
          on: e.spentOn,
          staffId: e.recordedById,
          typeCode: e.expenseType,
        }))
      : (
          await db.campaignWorkLog.findMany({
            where: { campaignId },
            orderBy: [{ workedOn: "desc" }, { id: "desc" }],
            take: 100,
          })
        ).map((w) => ({
          id: w.id,
          description: w.description,
          quantity: w.hours.toFixed(2),
          on: w.workedOn,
          staffId: w.staffId,
        }));
  const ids = [...new Set(rows.flatMap((r) => (r.staffId ? [r.staffId] : [])))];
  const names = ids.length
    ? new Map(
        (await db.staff.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [
          s.id,
          s.name,
        ]),
      )
    : new Map<number, string>();
  return rows.map(({ staffId, ...r }) => ({ ...r, by: staffId ? (names.get(staffId) ?? null) : null }));
}

/** The notes-and-tasks tab: the campaign's notes and tasks, and who a task may be given to. */
export async function getCampaignActivity(db: DbOrTx, actor: StaffActor, campaignId: number) {
  const found = await findVisibleCampaign(db, actor, campaignId);
  if (!found) return null;
  const target = { campaignId };
  const [notes, tasks, participants] = await Promise.all([
    listNotes(db, target),
    listTasks(db, target),
    db.campaignParticipant.findMany({
      where: { campaignId },
      orderBy: { addedAt: "asc" },
      select: { staff: selectIdAndName },
    }),
  ]);
  const { owner } = found.row;
  // Tasks go to the owner or a participant (seed: the controller assigns work to the members).
  const assignable = [{ id: owner.id, name: owner.name }, ...participants.map((p) => p.staff)];
  return { notes, tasks, assignable, ownerId: owner.id };
}

/** Just the actor's capabilities on the campaign (for an action), or null when it is out of reach. */
export async function getCampaignCapabilities(db: DbOrTx, actor: StaffActor, campaignId: number) {
  return (await findVisibleCampaign(db, actor, campaignId))?.capabilities ?? null;
}
