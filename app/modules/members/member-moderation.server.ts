import type { MemberLevel, MemberStatus, Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { recordAudit, recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { getSetting, setSetting } from "#app/modules/settings/settings.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  assertCanManageMemberSettings,
  assertCanModifyMembers,
  auditMember,
  AUDIT_ENTITY,
  changedFields,
  isoOrNull,
  MemberAdminError,
  type ActionMeta,
} from "./member-admin.server.ts";
import { REASON_MAX_LENGTH } from "./member-admin-shared.ts";
import { memberSessions } from "./member-session.server.ts";
import { liftExpiredSuspension } from "./member-suspension.server.ts";

// Staff decisions about a member: verify real name and phone, set the level, suspend, lift, terminate.
// Each runs in one transaction with its audit row; state changes are conditional updates on the
// status read, so two staff acting at once cannot both win.

export { REASON_MAX_LENGTH };

/** Statuses staff can still act on; terminated and deregistered accounts are closed. */
const OPEN_STATUSES: readonly MemberStatus[] = ["pending", "active", "verified", "suspended"];

async function loadMember(tx: DbOrTx, memberId: number) {
  const member = await tx.member.findUnique({ where: { id: memberId } });
  if (!member) throw new MemberAdminError("member-not-found");
  return member;
}

function cleanReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === "" || trimmed.length > REASON_MAX_LENGTH) throw new MemberAdminError("invalid-input");
  return trimmed;
}

/**
 * Updates the member only if `still` holds (what we read is unchanged). A lost race (the member
 * changed since we read it) is reported like any other wrong state.
 */
async function updateIfUnchanged(
  tx: Tx,
  memberId: number,
  still: Prisma.MemberWhereInput,
  data: Prisma.MemberUpdateManyMutationInput,
): Promise<void> {
  const result = await tx.member.updateMany({ where: { id: memberId, ...still }, data });
  if (result.count !== 1) throw new MemberAdminError("invalid-state");
}

/**
 * 实名认证: staff confirmed the real name and phone (possibly correcting them). An active member
 * becomes verified; a suspended one will return as verified.
 */
export async function verifyMember(
  db: Db,
  actor: StaffActor,
  memberId: number,
  input: { realName: string; phone: string },
  meta: ActionMeta = {},
  now = new Date(),
): Promise<void> {
  assertCanModifyMembers(actor);
  const realName = input.realName.trim();
  const phone = input.phone.trim();
  const key = phoneKey(phone);
  if (!realName || realName.length > 50 || !phone || phone.length > 50 || !key) {
    throw new MemberAdminError("invalid-input");
  }
  await db.$transaction(async (tx) => {
    const member = await loadMember(tx, memberId);
    if (!["active", "verified", "suspended"].includes(member.status)) throw new MemberAdminError("invalid-state");
    const status: MemberStatus = member.status === "active" ? "verified" : member.status;
    const resumeStatus =
      member.status === "suspended" && member.resumeStatus === "active" ? "verified" : member.resumeStatus;
    await updateIfUnchanged(
      tx,
      memberId,
      { status: member.status },
      {
        realName,
        phone,
        phoneKey: key,
        realNameVerifiedAt: now,
        verifiedById: actor.staffId,
        status,
        resumeStatus,
      },
    );
    const diff = changedFields(
      {
        realName: member.realName,
        phone: member.phone,
        status: member.status,
        resumeStatus: member.resumeStatus,
        realNameVerifiedAt: isoOrNull(member.realNameVerifiedAt),
      },
      { realName, phone, status, resumeStatus, realNameVerifiedAt: now.toISOString() },
    );
    await auditMember(tx, actor, memberId, "member.verified", diff.before, diff.after, meta);
  });
}

/** Returns false when the member already had that level (nothing written). */
export async function setMemberLevel(
  db: Db,
  actor: StaffActor,
  memberId: number,
  level: MemberLevel,
  meta: ActionMeta = {},
): Promise<boolean> {
  assertCanModifyMembers(actor);
  return db.$transaction(async (tx) => {
    const member = await loadMember(tx, memberId);
    if (member.status === "deregistered") throw new MemberAdminError("invalid-state");
    if (member.level === level) return false;
    await updateIfUnchanged(tx, memberId, { level: member.level }, { level });
    await auditMember(tx, actor, memberId, "member.level_changed", { level: member.level }, { level }, meta);
    return true;
  });
}

/**
 * 暂停: until a moment or open-ended (`until` null). Every session of the member ends in the same
 * transaction, so the next page load is signed out. Returns how many sessions ended.
 */
export async function suspendMember(
  db: Db,
  actor: StaffActor,
  memberId: number,
  input: { reason: string; until: Date | null },
  meta: ActionMeta = {},
  now = new Date(),
): Promise<number> {
  assertCanModifyMembers(actor);
  const reason = cleanReason(input.reason);
  if (input.until && input.until.getTime() <= now.getTime()) throw new MemberAdminError("until-in-past");
  return db.$transaction(async (tx) => {
    const member = await loadMember(tx, memberId);
    if (!["pending", "active", "verified"].includes(member.status)) throw new MemberAdminError("invalid-state");
    await updateIfUnchanged(
      tx,
      memberId,
      { status: member.status },
      { status: "suspended", resumeStatus: member.status, suspendedUntil: input.until, suspensionReason: reason },
    );
    const sessionsEnded = await memberSessions.invalidateAll(tx, memberId);
    await auditMember(
      tx,
      actor,
      memberId,
      "member.suspended",
      { status: member.status, suspendedUntil: null, suspensionReason: null },
      { status: "suspended", suspendedUntil: isoOrNull(input.until), suspensionReason: reason, sessionsEnded },
      meta,
    );
    return sessionsEnded;
  });
}

export async function liftSuspension(
  db: Db,
  actor: StaffActor,
  memberId: number,
  meta: ActionMeta = {},
): Promise<void> {
  assertCanModifyMembers(actor);
  await db.$transaction(async (tx) => {
    const member = await loadMember(tx, memberId);
    if (member.status !== "suspended") throw new MemberAdminError("invalid-state");
    const status = member.resumeStatus ?? "active";
    await updateIfUnchanged(
      tx,
      memberId,
      { status: "suspended" },
      { status, resumeStatus: null, suspendedUntil: null, suspensionReason: null },
    );
    await auditMember(
      tx,
      actor,
      memberId,
      "member.suspension_lifted",
      {
        status: "suspended",
        suspendedUntil: isoOrNull(member.suspendedUntil),
        suspensionReason: member.suspensionReason,
      },
      { status, suspendedUntil: null, suspensionReason: null },
      meta,
    );
  });
}

/**
 * 终止: the membership ends for good (the back office offers no way back). Sessions end at once;
 * the reason lives in the audit trail.
 */
export async function terminateMember(
  db: Db,
  actor: StaffActor,
  memberId: number,
  input: { reason: string },
  meta: ActionMeta = {},
): Promise<number> {
  assertCanModifyMembers(actor);
  const reason = cleanReason(input.reason);
  return db.$transaction(async (tx) => {
    const member = await loadMember(tx, memberId);
    if (!OPEN_STATUSES.includes(member.status)) throw new MemberAdminError("invalid-state");
    await updateIfUnchanged(
      tx,
      memberId,
      { status: member.status },
      { status: "terminated", resumeStatus: null, suspendedUntil: null, suspensionReason: null },
    );
    const sessionsEnded = await memberSessions.invalidateAll(tx, memberId);
    await auditMember(
      tx,
      actor,
      memberId,
      "member.terminated",
      { status: member.status },
      { status: "terminated", reason, sessionsEnded },
      meta,
    );
    return sessionsEnded;
  });
}

/**
 * Timed suspensions that ran out return to their previous status when staff look at members; the
 * trail records that the system, not a person, lifted them. Returns how many were lifted.
 */
export async function liftDueSuspensions(db: Db, memberIds: number[] | "all", now = new Date()): Promise<number> {
  const due = await db.member.findMany({
    where: {
      status: "suspended",
      suspendedUntil: { lte: now },
      ...(memberIds === "all" ? {} : { id: { in: memberIds } }),
    },
    select: { id: true, suspendedUntil: true, suspensionReason: true },
    take: 200,
  });
  let lifted = 0;
  for (const member of due) {
    await db.$transaction(async (tx) => {
      if (!(await liftExpiredSuspension(tx, member.id, now))) return;
      const after = await tx.member.findUniqueOrThrow({ where: { id: member.id }, select: { status: true } });
      await recordAudit(tx, {
        actor: { type: "system" },
        action: "member.suspension_expired",
        entityType: AUDIT_ENTITY,
        entityId: member.id,
        before: {
          status: "suspended",
          suspendedUntil: isoOrNull(member.suspendedUntil),
          suspensionReason: member.suspensionReason,
        },
        after: { status: after.status, suspendedUntil: null, suspensionReason: null },
      });
      lifted++;
    });
  }
  return lifted;
}

// ───────────── site-wide member settings ─────────────

export interface MemberSettings {
  requireRealNameVerification: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function getMemberSettings(db: DbOrTx): Promise<MemberSettings> {
  const key = "members.requireRealNameVerification";
  const [value, row] = await Promise.all([getSetting(db, key), db.setting.findUnique({ where: { key } })]);
  const staff = row?.updatedById
    ? await db.staff.findUnique({ where: { id: row.updatedById }, select: { name: true } })
    : null;
  return { requireRealNameVerification: value, updatedAt: row?.updatedAt ?? null, updatedBy: staff?.name ?? null };
}

/** Returns false when the value was already as requested (nothing written). */
export async function updateMemberSettings(
  db: Db,
  actor: StaffActor,
  input: { requireRealNameVerification: boolean },
  meta: ActionMeta = {},
): Promise<boolean> {
  assertCanManageMemberSettings(actor);
  const key = "members.requireRealNameVerification";
  return db.$transaction(async (tx) => {
    const current = await getSetting(tx, key);
    if (current === input.requireRealNameVerification) return false;
    await setSetting(tx, key, input.requireRealNameVerification, actor.staffId);
    await recordStaffAudit(tx, actor, {
      action: "setting.updated",
      entityType: "Setting",
      entityId: key,
      before: { value: current },
      after: { value: input.requireRealNameVerification },
      ipAddress: meta.ipAddress ?? null,
    });
    return true;
  });
}
