import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { campaignAccess } from "./campaign-access.server.ts";
import type { Mutation } from "./campaigns.server.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// 参与成员: the controller decomposes the campaign to participants and sets each one's browse/modify
// permission (seed §2.F function 2). Only the owner, an admin or a campaigns-modify scope over the
// owner manage participants; a "modify" participant may edit the campaign but not hand out rights.

export async function setCampaignParticipant(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  input: { staffId: number; canModify: boolean },
): Promise<Mutation<{ added: boolean }>> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canView) return { kind: "not-found" };
  if (!access.canManageParticipants) return { kind: "forbidden" };
  const [campaign, staff] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { name: true, ownerId: true } }),
    db.staff.findUnique({ where: { id: input.staffId }, select: { id: true, status: true } }),
  ]);
  if (!staff || staff.status === "inactive") return { kind: "invalid", errors: { staffId: ["sales.error.staff"] } };
  if (staff.id === campaign.ownerId) return { kind: "invalid", errors: { staffId: ["sales.error.participantOwner"] } };

  return db.$transaction(async (tx) => {
    const existing = await tx.campaignParticipant.findUnique({
      where: { campaignId_staffId: { campaignId, staffId: input.staffId } },
    });
    await tx.campaignParticipant.upsert({
      where: { campaignId_staffId: { campaignId, staffId: input.staffId } },
      create: { campaignId, staffId: input.staffId, canModify: input.canModify },
      update: { canModify: input.canModify },
    });
    await recordStaffAudit(tx, actor, {
      action: existing ? "campaign.participant_changed" : "campaign.participant_added",
      entityType: "Campaign",
      entityId: campaignId,
      before: existing ? { staffId: input.staffId, canModify: existing.canModify } : null,
      after: { staffId: input.staffId, canModify: input.canModify },
    });
    if (!existing && input.staffId !== actor.staffId) {
      await notifyStaff(tx, {
        staffId: input.staffId,
        type: "campaign.participant",
        title: campaign.name,
        body: input.canModify ? "modify" : "browse",
        link: `/crm/campaigns/${campaignId}`,
      });
    }
    return { kind: "ok" as const, added: !existing };
  });
}

export async function removeCampaignParticipant(
  db: Db,
  actor: StaffActor,
  campaignId: number,
  staffId: number,
): Promise<Mutation> {
  const access = await campaignAccess(db, actor, campaignId);
  if (!access.canView) return { kind: "not-found" };
  if (!access.canManageParticipants) return { kind: "forbidden" };
  return db.$transaction(async (tx) => {
    const removed = await tx.campaignParticipant.deleteMany({ where: { campaignId, staffId } });
    if (removed.count === 0) return { kind: "not-found" as const };
    await recordStaffAudit(tx, actor, {
      action: "campaign.participant_removed",
      entityType: "Campaign",
      entityId: campaignId,
      before: { staffId },
    });
    return { kind: "ok" as const };
  });
}

/** Active staff who could be added (not the owner, not already in). */
export async function participantCandidates(db: DbOrTx, campaignId: number) {
  const campaign = await db.campaign.findUnique({
    where: { id: campaignId },
    select: { ownerId: true, participants: { select: { staffId: true } } },
  });
  if (!campaign) return [];
  const taken = [campaign.ownerId, ...campaign.participants.map((p) => p.staffId)];
  return db.staff.findMany({
    where: { status: { not: "inactive" }, id: { notIn: taken } },
    select: { id: true, name: true, title: true, team: selectName },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
