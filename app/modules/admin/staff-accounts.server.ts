import { z } from "zod";
import type { StaffStatus } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { isLocale } from "#app/lib/i18n/locales.ts";
import { email, msg, optionalText, parseDay, trimmedText } from "#app/lib/schemas.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { invalidateAllStaffSessions } from "#app/modules/auth/staff-session.server.ts";
import { isCommonPassword } from "#app/modules/members/common-passwords.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { consumeStaffToken, inspectStaffToken, issueStaffToken } from "./staff-tokens.server.ts";
import { staffProfileSelect } from "./staff-directory.server.ts";

// 用户管理 (seed §2.P.1): invite, edit, status (active / away with an optional return date / inactive),
// reset password, sign out everywhere. Every change writes one audit row in the same transaction.
// Invited accounts have no usable password ("" never verifies) until the set-password link is used.

const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive().max(2_147_483_647)])
  .optional()
  .transform((v) => (typeof v === "number" ? v : null));

const roleIds = z
  .union([z.coerce.number().int().positive().max(2_147_483_647), z.array(z.coerce.number().int().positive())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]));

/** "YYYY-MM-DD" → midnight China time of that day (when an away status ends); empty → open-ended. */
export const awayUntilField = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const day = parseDay(value);
    if (!day) {
      ctx.addIssue({ code: "custom", message: msg("validation.date") });
      return z.NEVER;
    }
    return new Date(`${value}T00:00:00+08:00`);
  });

export const StaffProfileSchema = z.object({
  name: trimmedText(100),
  email,
  title: optionalText(100),
  phone: optionalText(50),
  teamId: optionalId,
  roleIds,
  locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
});
export type StaffProfileInput = z.output<typeof StaffProfileSchema>;
type ProfileField = "name" | "email" | "title" | "phone" | "teamId" | "roleIds" | "locale";

export const StaffStatusSchema = z.object({
  status: z.enum(["active", "away", "inactive"], msg("validation.choose")),
  awayUntil: awayUntilField,
});
export type StaffStatusInput = z.output<typeof StaffStatusSchema>;

/** The user menu's own away form: an optional return day. */
export const OwnAwaySchema = z.object({ awayUntil: awayUntilField });

/** What the own-away page shows: the caller's status and return date. */
export function getOwnStatus(db: DbOrTx, staffId: number) {
  return db.staff.findUnique({ where: { id: staffId }, select: { status: true, awayUntil: true } });
}

export const SetPasswordSchema = z
  .object({
    password: z
      .string(msg("validation.required"))
      .min(8, msg("adminStaff.password.tooShort"))
      .max(128, msg("validation.tooLong"))
      .refine((p) => !isCommonPassword(p), msg("adminStaff.password.tooCommon")),
    passwordConfirm: z.string(msg("validation.required")),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: msg("adminStaff.password.mismatch"),
  });

function localeOf(value: string) {
  return isLocale(value) ? value : "zh-CN";
}

function setPasswordUrl(token: string) {
  return new URL(`/crm/set-password/${encodeURIComponent(token)}`, env.APP_URL).toString();
}

/** The invitation or reset mail with its set-password link, queued in the caller's transaction. */
async function sendPasswordMail(
  tx: DbOrTx,
  kind: "invite" | "reset",
  staff: { name: string; email: string; locale: string },
  link: { by: string; token: string; expiresAt: Date; roles: string[] },
) {
  const props = {
    name: staff.name,
    accountEmail: staff.email,
    by: link.by || "—",
    url: setPasswordUrl(link.token),
    expiresAt: link.expiresAt,
    roles: link.roles,
  };
  const locale = localeOf(staff.locale);
  if (kind === "invite") await sendEmail(tx, { to: staff.email, template: "staff-invitation", locale, props });
  else await sendEmail(tx, { to: staff.email, template: "staff-password-reset", locale, props });
}

async function checkProfile(db: DbOrTx, input: StaffProfileInput, exceptId?: number) {
  const errors: Partial<
    Record<ProfileField, ["adminStaff.error.emailTaken"] | ["adminStaff.error.team"] | ["adminStaff.error.role"]>
  > = {};
  const other = await db.staff.findUnique({ where: { email: input.email }, select: { id: true } });
  if (other && other.id !== exceptId) errors.email = ["adminStaff.error.emailTaken"];
  if (input.teamId !== null && !(await db.team.findUnique({ where: { id: input.teamId }, select: { id: true } })))
    errors.teamId = ["adminStaff.error.team"];
  if (input.roleIds.length > 0) {
    const found = await db.role.count({ where: { id: { in: input.roleIds } } });
    if (found !== input.roleIds.length) errors.roleIds = ["adminStaff.error.role"];
  }
  return errors;
}

/** Creates the account (no password yet) and queues the invitation with a set-password link. */
export async function inviteStaff(
  db: Db,
  actor: StaffActor,
  input: StaffProfileInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, ProfileField>> {
  const errors = await checkProfile(db, input);
  if (Object.keys(errors).length > 0) return invalid(errors);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const staff = await tx.staff.create({
      data: {
        email: input.email,
        name: input.name,
        title: input.title,
        phone: input.phone,
        teamId: input.teamId,
        locale: input.locale,
        passwordHash: "",
        invitedAt: now,
        roles: { create: input.roleIds.map((roleId) => ({ roleId })) },
      },
      include: { roles: { include: { role: { select: { name: true } } } } },
    });
    const { token, expiresAt } = await issueStaffToken(tx, staff.id, "invite", { createdById: actor.staffId, now });
    await sendPasswordMail(tx, "invite", staff, {
      by: actor.name,
      token,
      expiresAt,
      roles: staff.roles.map((r) => r.role.name),
    });
    await recordStaffAudit(tx, actor, {
      action: "staff.invited",
      entityType: "Staff",
      entityId: staff.id,
      after: { email: staff.email, name: staff.name, teamId: staff.teamId, roleIds: input.roleIds },
      ipAddress: meta.ipAddress ?? null,
    });
    return ok({ id: staff.id });
  });
}

/** Name, e-mail, title, phone, team and roles. */
export async function updateStaffProfile(
  db: Db,
  actor: StaffActor,
  staffId: number,
  input: StaffProfileInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }, ProfileField>> {
  const before = await db.staff.findUnique({
    where: { id: staffId },
    select: { ...staffProfileSelect, teamId: true, roles: { select: { roleId: true } } },
  });
  if (!before) return notFound();
  const errors = await checkProfile(db, input, staffId);
  if (Object.keys(errors).length > 0) return invalid(errors);
  await db.$transaction(async (tx) => {
    await tx.staff.update({
      where: { id: staffId },
      data: {
        name: input.name,
        email: input.email,
        title: input.title,
        phone: input.phone,
        teamId: input.teamId,
        locale: input.locale,
      },
    });
    await tx.staffRole.deleteMany({ where: { staffId, roleId: { notIn: input.roleIds } } });
    const had = new Set(before.roles.map((r) => r.roleId));
    const added = input.roleIds.filter((id) => !had.has(id));
    if (added.length > 0) await tx.staffRole.createMany({ data: added.map((roleId) => ({ staffId, roleId })) });
    await recordStaffAudit(tx, actor, {
      action: "staff.updated",
      entityType: "Staff",
      entityId: staffId,
      before: { ...before, roles: before.roles.map((r) => r.roleId) },
      after: { ...input },
      ipAddress: meta.ipAddress ?? null,
    });
  });
  return ok({ id: staffId });
}

/**
 * active / away (optionally until a date: the worker sets it back) / inactive (cannot sign in; every
 * session ends in the same transaction). An admin cannot deactivate themselves.
 */
export async function setStaffStatus(
  db: Db,
  actor: StaffActor,
  staffId: number,
  input: StaffStatusInput,
  meta: AuditMeta = {},
  now = new Date(),
): Promise<ServiceResult<{ id: number; sessionsEnded: number }, "status" | "awayUntil">> {
  if (input.status === "inactive" && staffId === actor.staffId) return conflict("adminStaff.error.selfDeactivate");
  if (input.status === "away" && input.awayUntil && input.awayUntil.getTime() <= now.getTime())
    return invalid({ awayUntil: ["adminStaff.error.awayPast"] });
  return db.$transaction(async (tx) => {
    const before = await tx.staff.findUnique({ where: { id: staffId }, select: { status: true, awayUntil: true } });
    if (!before) return notFound();
    await tx.staff.update({
      where: { id: staffId },
      data: {
        status: input.status,
        awayUntil: input.status === "away" ? input.awayUntil : null,
        deactivatedAt: input.status === "inactive" ? (before.status === "inactive" ? undefined : now) : null,
      },
    });
    const sessionsEnded = input.status === "inactive" ? await invalidateAllStaffSessions(tx, staffId) : 0;
    await recordStaffAudit(tx, actor, {
      action: "staff.status",
      entityType: "Staff",
      entityId: staffId,
      before: { status: before.status, awayUntil: before.awayUntil?.toISOString() ?? null },
      after: { status: input.status, awayUntil: input.awayUntil?.toISOString() ?? null, sessionsEnded },
      ipAddress: meta.ipAddress ?? null,
    });
    return ok({ id: staffId, sessionsEnded });
  });
}

/** The user menu's "I am away (until …)" / "I am back": a member sets their own away state only. */
export async function setOwnAway(
  db: Db,
  actor: StaffActor,
  input: { away: boolean; awayUntil: Date | null },
  meta: AuditMeta = {},
  now = new Date(),
): Promise<ServiceResult<{ status: StaffStatus }, "awayUntil">> {
  if (input.away && input.awayUntil && input.awayUntil.getTime() <= now.getTime())
    return invalid({ awayUntil: ["adminStaff.error.awayPast"] });
  const status: StaffStatus = input.away ? "away" : "active";
  return db.$transaction(async (tx) => {
    // Only flips between active and away: an inactive account has no session to get here anyway.
    const changed = await tx.staff.updateMany({
      where: { id: actor.staffId, status: { in: ["active", "away"] } },
      data: { status, awayUntil: input.away ? input.awayUntil : null },
    });
    if (changed.count !== 1) return notFound();
    await recordStaffAudit(tx, actor, {
      action: "staff.own_status",
      entityType: "Staff",
      entityId: actor.staffId,
      after: { status, awayUntil: input.awayUntil?.toISOString() ?? null },
      ipAddress: meta.ipAddress ?? null,
    });
    return ok({ status });
  });
}

/** Away members whose return date has passed are active again (worker tick; idempotent). */
export async function returnAwayStaff(db: DbOrTx, now = new Date()): Promise<number> {
  const result = await db.staff.updateMany({
    where: { status: "away", awayUntil: { not: null, lte: now } },
    data: { status: "active", awayUntil: null },
  });
  return result.count;
}

/** Queues a set-password link (reset, or a fresh invitation while the account has no password yet). */
export async function sendPasswordLink(
  db: Db,
  actor: StaffActor,
  staffId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({
      where: { id: staffId },
      select: {
        id: true,
        name: true,
        email: true,
        locale: true,
        status: true,
        passwordSetAt: true,
        invitedAt: true,
        passwordHash: true,
      },
    });
    if (!staff) return notFound();
    if (staff.status === "inactive") return conflict("adminStaff.error.inactive");
    const invite = staff.passwordHash === "";
    const { token, expiresAt } = await issueStaffToken(tx, staff.id, invite ? "invite" : "password_reset", {
      createdById: actor.staffId,
    });
    await sendPasswordMail(tx, invite ? "invite" : "reset", staff, { by: actor.name, token, expiresAt, roles: [] });
    await recordStaffAudit(tx, actor, {
      action: invite ? "staff.invite_resent" : "staff.password_reset_sent",
      entityType: "Staff",
      entityId: staff.id,
      ipAddress: meta.ipAddress ?? null,
    });
    return ok({ id: staff.id });
  });
}

/** Ends every session of the person ("sign out everywhere"). */
export async function signOutEverywhere(
  db: Db,
  actor: StaffActor,
  staffId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ ended: number }>> {
  return db.$transaction(async (tx) => {
    const staff = await tx.staff.findUnique({ where: { id: staffId }, select: { id: true } });
    if (!staff) return notFound();
    const ended = await invalidateAllStaffSessions(tx, staffId);
    await recordStaffAudit(tx, actor, {
      action: "staff.signed_out_everywhere",
      entityType: "Staff",
      entityId: staffId,
      after: { ended },
      ipAddress: meta.ipAddress ?? null,
    });
    return ok({ ended });
  });
}

export type SetPasswordPage =
  | { ok: true; name: string; email: string; purpose: "invite" | "password_reset" }
  | { ok: false; reason: "invalid" | "expired" | "used" };

/** What the set-password page shows for a link (nothing is burned by looking). */
export async function describePasswordLink(db: DbOrTx, token: string): Promise<SetPasswordPage> {
  const presented = await inspectStaffToken(db, token);
  if (!presented.ok) return presented;
  const staff = await db.staff.findUnique({
    where: { id: presented.staffId },
    select: { name: true, email: true, status: true },
  });
  if (!staff || staff.status === "inactive") return { ok: false, reason: "invalid" };
  return { ok: true, name: staff.name, email: staff.email, purpose: presented.purpose };
}

/**
 * Uses a link: burns it, sets the password and ends every existing session (a reset must lock out
 * whoever had the old password). Returns the account's e-mail so the page can prefill sign-in.
 */
export async function setPasswordWithToken(
  db: Db,
  token: string,
  password: string,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ staffId: number; email: string }>> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const used = await consumeStaffToken(tx, token);
    if (!used.ok) return conflict(`adminStaff.setPassword.${used.reason}`);
    const staff = await tx.staff.findUnique({
      where: { id: used.staffId },
      select: { id: true, email: true, status: true },
    });
    if (!staff || staff.status === "inactive") return conflict("adminStaff.setPassword.invalid");
    const now = new Date();
    await tx.staff.update({ where: { id: staff.id }, data: { passwordHash, passwordSetAt: now } });
    await invalidateAllStaffSessions(tx, staff.id);
    await tx.auditLog.create({
      data: {
        actorType: "staff",
        actorId: staff.id,
        action: used.purpose === "invite" ? "staff.invitation_accepted" : "staff.password_reset",
        entityType: "Staff",
        entityId: String(staff.id),
        ipAddress: meta.ipAddress ?? null,
      },
    });
    return ok({ staffId: staff.id, email: staff.email });
  });
}
