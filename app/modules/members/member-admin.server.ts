import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { can, scopeFor, type PermissionSubject } from "#app/modules/auth/permissions.ts";
import type { StaffActor, StaffPolicy } from "#app/modules/auth/staff-actor.ts";

// Shared core of back-office member management (directory, linking, moderation): who may act,
// the errors the services raise, and the audit row every change writes.

/** Request facts stored with the audit row. */
export interface ActionMeta {
  ipAddress?: string | null;
}

export const AUDIT_ENTITY = "Member";

export type MemberAdminErrorCode =
  | "forbidden"
  | "member-not-found"
  | "invalid-state"
  | "invalid-input"
  | "contact-not-found"
  | "company-not-found"
  | "contact-taken"
  | "until-in-past";

/** An expected refusal: routes turn the code into a localised message; nothing was changed. */
export class MemberAdminError extends Error {
  readonly code: MemberAdminErrorCode;
  readonly details: Record<string, string | number>;

  constructor(code: MemberAdminErrorCode, details: Record<string, string | number> = {}) {
    super(`member admin: ${code}`);
    this.name = "MemberAdminError";
    this.code = code;
    this.details = details;
  }
}

export function canModifyMembers(actor: PermissionSubject): boolean {
  return can(actor, "members", "modify");
}

/** Site-wide member settings affect every member, so a team-scoped grant is not enough. */
export function canManageMemberSettings(actor: PermissionSubject): boolean {
  return actor.isAdmin || scopeFor(actor, "members", "modify") === "all";
}

/** The route policy of the member settings page (decision 023): the settings affect every member. */
export const MEMBER_SETTINGS: StaffPolicy = { name: "members.settings", allows: canManageMemberSettings };

export function assertCanModifyMembers(actor: PermissionSubject): void {
  if (!canModifyMembers(actor)) throw new MemberAdminError("forbidden");
}

export function assertCanManageMemberSettings(actor: PermissionSubject): void {
  if (!canManageMemberSettings(actor)) throw new MemberAdminError("forbidden");
}

/** Only the fields that changed go into the audit row, so the trail shows exactly what moved. */
export function changedFields(
  before: Record<string, Prisma.InputJsonValue | null>,
  after: Record<string, Prisma.InputJsonValue | null>,
): { before: Record<string, Prisma.InputJsonValue | null>; after: Record<string, Prisma.InputJsonValue | null> } {
  const b: Record<string, Prisma.InputJsonValue | null> = {};
  const a: Record<string, Prisma.InputJsonValue | null> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const left = before[key] ?? null;
    const right = after[key] ?? null;
    if (JSON.stringify(left) === JSON.stringify(right)) continue;
    b[key] = left;
    a[key] = right;
  }
  return { before: b, after: a };
}

export async function auditMember(
  tx: DbOrTx,
  actor: StaffActor,
  memberId: number,
  action: string,
  before: Record<string, Prisma.InputJsonValue | null>,
  after: Record<string, Prisma.InputJsonValue | null>,
  meta: ActionMeta = {},
): Promise<void> {
  await recordStaffAudit(tx, actor, {
    action,
    entityType: AUDIT_ENTITY,
    entityId: memberId,
    before: before as Prisma.InputJsonValue,
    after: after as Prisma.InputJsonValue,
    ipAddress: meta.ipAddress ?? null,
  });
}

/** Dates go into audit JSON as ISO strings; the trail formats them back. */
export function isoOrNull(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

/** "CONT000000000001 张伟": how a linked record is written into the audit trail. */
export function recordLabel(record: { number: string; name: string } | null): string | null {
  return record ? `${record.number} ${record.name}` : null;
}

/**
 * A `datetime-local` value ("2026-12-01T09:30") read as China Standard Time, the organisation's
 * display zone (no daylight saving, so a fixed +08:00 is exact). Null when malformed.
 */
export function parseChinaDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject roll-overs such as 2026-02-31.
  const back = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return back.startsWith(`${y}-${mo}-${d}T${h}:${mi}`) ? date : null;
}

/** The inverse, for pre-filling a `datetime-local` input. */
export function toChinaDateTimeInput(value: Date): string {
  return new Date(value.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}
