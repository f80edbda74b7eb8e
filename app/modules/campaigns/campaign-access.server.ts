import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { inScope, scopeFor, type PermissionSubject, type Scope } from "#app/modules/auth/permissions.ts";

// Who may see and change a 营销战役. Three sources of rights, any one is enough:
//   1. the role's data scope on the campaigns module (own/team/all, by campaign owner);
//   2. being the owner (主控者);
//   3. being a participant: browse-only participants see it, "modify" participants may edit it.
// Statistics use the viewer's leads/opportunities scopes as well (campaign-stats.server.ts).

export interface CampaignViewer {
  staffId: number;
  teamId: number | null;
  isAdmin: boolean;
  browseScope: Scope | null;
  modifyScope: Scope | null;
  addScope: Scope | null;
  leadScope: Scope | null;
  opportunityScope: Scope | null;
}

export function campaignViewer(
  principal: PermissionSubject & { staff: { id: number; teamId: number | null } },
): CampaignViewer {
  return {
    staffId: principal.staff.id,
    teamId: principal.staff.teamId,
    isAdmin: principal.isAdmin,
    browseScope: scopeFor(principal, "campaigns", "browse"),
    modifyScope: scopeFor(principal, "campaigns", "modify"),
    addScope: scopeFor(principal, "campaigns", "add"),
    leadScope: scopeFor(principal, "leads", "browse"),
    opportunityScope: scopeFor(principal, "opportunities", "browse"),
  };
}

export interface CampaignAccess {
  canView: boolean;
  canModify: boolean;
  /** Add/remove participants and set their rights: owner, admin, or a campaigns-modify scope over the owner. */
  canManageParticipants: boolean;
  isOwner: boolean;
  participant: { canModify: boolean } | null;
}

export const NO_ACCESS: CampaignAccess = {
  canView: false,
  canModify: false,
  canManageParticipants: false,
  isOwner: false,
  participant: null,
};

export async function campaignAccess(db: DbOrTx, viewer: CampaignViewer, campaignId: number): Promise<CampaignAccess> {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: {
      ownerId: true,
      owner: { select: { teamId: true } },
      participants: { where: { staffId: viewer.staffId }, select: { canModify: true } },
    },
  });
  if (!campaign) return NO_ACCESS;
  return accessFor(viewer, campaign);
}

export function accessFor(
  viewer: CampaignViewer,
  campaign: { ownerId: number; owner: { teamId: number | null }; participants: Array<{ canModify: boolean }> },
): CampaignAccess {
  const me = { id: viewer.staffId, teamId: viewer.teamId };
  const record = { ownerId: campaign.ownerId, ownerTeamId: campaign.owner.teamId };
  const isOwner = campaign.ownerId === viewer.staffId;
  const participant = campaign.participants[0] ?? null;
  const roleModify = inScope(viewer.modifyScope, me, record);
  const canManageParticipants = viewer.isAdmin || isOwner || roleModify;
  const canModify = canManageParticipants || participant?.canModify === true;
  const canView = canModify || participant !== null || inScope(viewer.browseScope, me, record);
  return { canView, canModify, canManageParticipants, isOwner, participant };
}

/** Campaigns the viewer may see, as a where-clause. */
export async function visibleCampaignsWhere(db: DbOrTx, viewer: CampaignViewer): Promise<Prisma.CampaignWhereInput> {
  if (viewer.isAdmin || viewer.browseScope === "all" || viewer.modifyScope === "all") return {};
  const or: Prisma.CampaignWhereInput[] = [
    { ownerId: viewer.staffId },
    { participants: { some: { staffId: viewer.staffId } } },
  ];
  const teamScoped = viewer.browseScope === "team" || viewer.modifyScope === "team";
  if (teamScoped && viewer.teamId !== null) or.push({ owner: { teamId: viewer.teamId } });
  return { OR: or };
}

/** Staff ids whose records a scope covers, or null for "everyone". */
export async function ownerIdsInScope(
  db: DbOrTx,
  scope: Scope | null,
  viewer: { staffId: number; teamId: number | null },
): Promise<number[] | null> {
  if (scope === "all") return null;
  if (scope === "team" && viewer.teamId !== null) {
    const team = await db.staff.findMany({ where: { teamId: viewer.teamId }, select: { id: true } });
    return [...new Set([viewer.staffId, ...team.map((s) => s.id)])];
  }
  if (scope === null) return [];
  return [viewer.staffId];
}
