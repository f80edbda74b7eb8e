import type { LeadStatus, Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { conflictStrategyFor, resolveConflict, scopeFor, teamScopeIds } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { editRightsFor, type EditRights, type EditRightsReason } from "./lead-edit-rights.server.ts";
import { canAccessLead, getLeadDetail, markLeadSeen, type LeadDetail } from "./lead-queries.server.ts";
import { nextLeadStatuses } from "./lead-status.server.ts";
import { listNotes, type NoteView } from "#app/modules/notes/notes.server.ts";
import { listTasks, type TaskView } from "#app/modules/tasks/tasks.server.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// The lead page as one view model: the lead, what the signed-in staff member may do with it, and
// the people they can hand it to. The rights are worked out here, once, for the page and for every
// action on it (decision 013): the loader renders the forms `capabilities` allows, and each action
// asks `getLeadAccess` the same question before it calls its service (which checks again under the
// row lock). The actor's scope is part of the query, so a lead outside it reads as not found.

export interface LeadCapabilities {
  /** Move the status flow: the owner or a manager, by leads × modify scope (not by an assignment). */
  canModify: boolean;
  /** Distribute, recall and transfer: the owner or a manager whose leads × modify scope covers the owner. */
  canManage: boolean;
  /** Follow up with notes and tasks: managers, assignees not beaten to the claim, the claimer's manager. */
  canWork: boolean;
  /** Say 我处理: an active assignee while nobody holds the claim. */
  canClaim: boolean;
  /** Convert and identify: the status field group. */
  canConvert: boolean;
  /** Per field group: need / contact / company / status. */
  edit: EditRights;
  /** Why the edit rights are what they are (owner, manager, assignee, claimed-by-other, none). */
  reason: EditRightsReason;
  /** Status buttons to offer (empty without canModify). */
  nextStatuses: readonly LeadStatus[];
}

/** Someone the lead can be distributed or transferred to, or a task given to. */
export interface StaffOption {
  id: number;
  name: string;
  title: string | null;
  teamName: string | null;
}

export interface LeadWorkspace {
  lead: LeadDetail;
  capabilities: LeadCapabilities;
  /** Active staff, the people already on the lead first; empty unless the actor manages or works it. */
  staff: StaffOption[];
}

/** The leads the actor may open (leads × browse): own, distributed to them, their team's, or all; null for none. */
export function leadScopeWhere(actor: StaffActor): Prisma.LeadWhereInput | null {
  const scope = scopeFor(actor, "leads", "browse");
  if (scope === null) return null;
  // Leads in the recycle bin are outside every scope (only the bin's own queries see them).
  if (scope === "all") return { deletedAt: null };
  const visible: Prisma.LeadWhereInput[] = [{ ownerId: actor.staffId }];
  // A salesperson also sees the leads distributed to them (decision 013), if the leads conflict
  // strategy lets a distribution grant count without the role (decision 031).
  if (resolveConflict(conflictStrategyFor(actor, "leads"), false, true)) {
    visible.push({ assignments: { some: { staffId: actor.staffId, recalledAt: null } } });
  }
  if (scope === "team" && actor.teamId !== null) visible.push({ owner: { teamId: { in: teamScopeIds(actor) } } });
  return { deletedAt: null, OR: visible };
}

interface CapabilityLead {
  ownerId: number;
  status: LeadStatus;
  claimedById: number | null;
  claimedBy: { teamId: number | null } | null;
  owner: { teamId: number | null };
  assignments: ReadonlyArray<{
    staffId: number;
    recalledAt: Date | null;
    canEditNeed: boolean;
    canEditContact: boolean;
    canEditCompany: boolean;
    canEditStatus: boolean;
  }>;
}

/** The one rule set behind the page and its actions. */
export function leadCapabilities(actor: StaffActor, lead: CapabilityLead): LeadCapabilities {
  const mine = lead.assignments.find((a) => a.staffId === actor.staffId) ?? null;
  const { rights, reason } = editRightsFor(actor, lead, mine);
  // The status flow follows leads × modify scope over the owner; an assignment alone does not move it.
  const canModify = canAccessLead(actor, { ownerId: lead.ownerId, owner: lead.owner }, "modify");
  const canManage = reason === "owner" || reason === "manager";
  return {
    canModify,
    canManage,
    canWork: canManage || reason === "assignee" || reason === "supervisor",
    canClaim: Boolean(mine && !mine.recalledAt && lead.claimedById === null),
    canConvert: rights.status,
    edit: rights,
    reason,
    nextStatuses: canModify ? nextLeadStatuses(lead.status) : [],
  };
}

/** The lead page's view model, or null when the lead does not exist or is outside the actor's scope. */
export async function getLeadWorkspace(db: DbOrTx, actor: StaffActor, leadId: number): Promise<LeadWorkspace | null> {
  const where = leadScopeWhere(actor);
  if (!where) return null;
  const lead = await getLeadDetail(db, leadId, where);
  if (!lead) return null;
  const capabilities = leadCapabilities(actor, lead);
  const staff =
    capabilities.canManage || capabilities.canWork
      ? await staffOptions(db, [lead.ownerId, ...lead.assignments.map((a) => a.staffId)])
      : [];
  return { lead, capabilities, staff };
}

/**
 * As getLeadWorkspace, for the page load: the owner opening their lead marks it seen (a read with a
 * side effect on purpose: that is what "seen" means).
 */
export async function openLeadWorkspace(db: DbOrTx, actor: StaffActor, leadId: number): Promise<LeadWorkspace | null> {
  const workspace = await getLeadWorkspace(db, actor, leadId);
  if (!workspace) return null;
  const { lead } = workspace;
  if (lead.ownerId === actor.staffId && !lead.ownerSeenAt && (await markLeadSeen(db, lead.id, actor.staffId))) {
    return { ...workspace, lead: { ...lead, ownerSeenAt: new Date() } };
  }
  return workspace;
}

/** What an action on the lead page needs: the lead's id and the same capabilities, without the page's reads. */
export async function getLeadAccess(
  db: DbOrTx,
  actor: StaffActor,
  leadId: number,
): Promise<{ leadId: number; capabilities: LeadCapabilities } | null> {
  const where = leadScopeWhere(actor);
  if (!where) return null;
  const lead = await db.lead.findUnique({
    where: { id: leadId, AND: [where] },
    select: {
      id: true,
      ownerId: true,
      status: true,
      claimedById: true,
      owner: { select: { teamId: true } },
      claimedBy: { select: { teamId: true } },
      assignments: {
        where: { staffId: actor.staffId },
        select: {
          staffId: true,
          recalledAt: true,
          canEditNeed: true,
          canEditContact: true,
          canEditCompany: true,
          canEditStatus: true,
        },
      },
    },
  });
  return lead ? { leadId: lead.id, capabilities: leadCapabilities(actor, lead) } : null;
}

/** Active staff to distribute or transfer to and to give tasks; `involved` (owner, assignees) first. */
export async function staffOptions(db: DbOrTx, involved: number[] = []): Promise<StaffOption[]> {
  const rows = await db.staff.findMany({
    where: { status: "active" },
    select: { id: true, name: true, title: true, team: selectName },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
  const first = new Set(involved);
  return rows
    .map((s) => ({ id: s.id, name: s.name, title: s.title, teamName: s.team?.name ?? null }))
    .sort((a, b) => Number(first.has(b.id)) - Number(first.has(a.id)));
}

/** The 跟进 tab: the lead's notes and tasks, for anyone who may open the lead. */
export async function getLeadFollowUp(
  db: DbOrTx,
  actor: StaffActor,
  leadId: number,
): Promise<{ notes: NoteView[]; tasks: TaskView[]; capabilities: LeadCapabilities } | null> {
  const access = await getLeadAccess(db, actor, leadId);
  if (!access) return null;
  const [notes, tasks] = await Promise.all([listNotes(db, { leadId }), listTasks(db, { leadId })]);
  return { notes, tasks, capabilities: access.capabilities };
}
