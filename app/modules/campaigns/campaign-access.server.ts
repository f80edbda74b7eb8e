import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import {
  conflictStrategyFor,
  inScope,
  resolveConflict,
  scopeFor,
  teamScopeIds,
  type PermissionSubject,
  type Scope,
} from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";

// Who may see and change a 营销战役. Three sources of rights, any one is enough:
//   1. the role's data scope on the campaigns module (own/team/all, by campaign owner);
//   2. being the owner (主控者);
//   3. being a participant: browse-only participants see it, "modify" participants may edit it.
// Statistics use the actor's leads/opportunities scopes as well (campaign-stats.server.ts). All three
// are read off the one StaffActor (decision 023); participation stays this module's own rule.

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

/** The actor's rights on one campaign; a campaign outside what they may see reads as missing. */
export async function campaignAccess(db: DbOrTx, actor: StaffActor, campaignId: number): Promise<CampaignAccess> {
  const campaign = await db.campaign.findFirst({
    where: { AND: [{ id: campaignId }, await visibleCampaignsWhere(db, actor)] },
    select: {
      ownerId: true,
      owner: { select: { teamId: true } },
      participants: { where: { staffId: actor.staffId }, select: { canModify: true } },
    },
  });
  if (!campaign) return NO_ACCESS;
  return accessFor(actor, campaign);
}

export function accessFor(
  actor: StaffActor,
  campaign: { ownerId: number; owner: { teamId: number | null }; participants: Array<{ canModify: boolean }> },
): CampaignAccess {
  const me = { id: actor.staffId, teamId: actor.teamId, teamIds: actor.teamIds };
  const record = { ownerId: campaign.ownerId, ownerTeamId: campaign.owner.teamId };
  const isOwner = campaign.ownerId === actor.staffId;
  const participant = campaign.participants[0] ?? null;
  const roleModify = inScope(scopeFor(actor, "campaigns", "modify"), me, record);
  const roleBrowse = roleModify || inScope(scopeFor(actor, "campaigns", "browse"), me, record);
  const canManageParticipants = actor.isAdmin || isOwner || roleModify;
  if (!participant || isOwner || actor.isAdmin) {
    return {
      canView: isOwner || roleBrowse,
      canModify: canManageParticipants,
      canManageParticipants,
      isOwner,
      participant,
    };
  }
  // A participation (business grant) exists: the campaigns conflict strategy weighs it against the
  // role's scope (seed §2.P.5, decision 031); the default "either" is "any one is enough" above.
  const strategy = conflictStrategyFor(actor, "campaigns");
  const canModify = resolveConflict(strategy, roleModify, participant.canModify);
  const canView = canModify || resolveConflict(strategy, roleBrowse, true);
  return { canView, canModify, canManageParticipants, isOwner, participant };
}

/** Campaigns the actor may see, as a where-clause: by role scope, as owner, or as a participant. */
export async function visibleCampaignsWhere(db: DbOrTx, actor: StaffActor): Promise<Prisma.CampaignWhereInput> {
  const browse = scopeFor(actor, "campaigns", "browse");
  const modify = scopeFor(actor, "campaigns", "modify");
  if (actor.isAdmin || browse === "all" || modify === "all") return {};
  const or: Prisma.CampaignWhereInput[] = [{ ownerId: actor.staffId }];
  // Participation alone makes a campaign visible unless the strategy lets the role decide (decision 031).
  if (resolveConflict(conflictStrategyFor(actor, "campaigns"), false, true)) {
    or.push({ participants: { some: { staffId: actor.staffId } } });
  }
  const teamScoped = browse === "team" || modify === "team";
  if (teamScoped && actor.teamId !== null) or.push({ owner: { teamId: { in: teamScopeIds(actor) } } });
  return { OR: or };
}

/**
 * Whether participation alone shows the staff member campaigns (no campaigns-browse grant needed):
 * the sidebar then offers 营销战役, whose list is scoped by `visibleCampaignsWhere` (#14 item 18).
 */
export async function seesCampaignsAsParticipant(
  db: DbOrTx,
  subject: PermissionSubject,
  staffId: number,
): Promise<boolean> {
  if (!resolveConflict(conflictStrategyFor(subject, "campaigns"), false, true)) return false;
  return (await db.campaignParticipant.findFirst({ where: { staffId }, select: { staffId: true } })) !== null;
}

/** Staff ids whose records a scope covers, or null for "everyone". */
export async function ownerIdsInScope(
  db: DbOrTx,
  scope: Scope | null,
  actor: { staffId: number; teamId: number | null },
): Promise<number[] | null> {
  if (scope === "all") return null;
  if (scope === "team" && actor.teamId !== null) {
    const team = await db.staff.findMany({ where: { teamId: { in: teamScopeIds(actor) } }, select: { id: true } });
    return [...new Set([actor.staffId, ...team.map((s) => s.id)])];
  }
  if (scope === null) return [];
  return [actor.staffId];
}
