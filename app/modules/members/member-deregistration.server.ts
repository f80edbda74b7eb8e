import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { generateSecureRandomString } from "#app/modules/auth/session-token.server.ts";
import { DEREGISTERED_NICKNAME_PREFIX, type DeregisterInput } from "./member-account-schemas.ts";
import { loadActiveMember, reauthenticate, type AccountActor } from "./member-reauth.server.ts";

// Self-service deregistration (注销帐户, seed 000 §2.A, /account/deregister).

export function deregisteredEmail(memberId: number): string {
  return `deregistered+${memberId}@invalid.relay-crm`;
}

export function deregisteredNickname(memberId: number): string {
  return `${DEREGISTERED_NICKNAME_PREFIX}${memberId}`;
}

/** Fields holding personal data; their values are wiped from the member's own audit rows too. */
const PERSONAL_FIELDS = [
  "email",
  "newEmail",
  "nickname",
  "realName",
  "phone",
  "title",
  "companyName",
  "province",
  "city",
  "address",
];
const REDACTED = "[redacted]";

function redact(value: Prisma.JsonValue | null): Prisma.InputJsonValue | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = PERSONAL_FIELDS.includes(key) && v !== null ? REDACTED : (v as Prisma.InputJsonValue | null);
  }
  return out;
}

export type DeregisterResult = ServiceResult<undefined, "password">;

/**
 * The person's data is anonymised, every session and link dies, and the row stays (status
 * `deregistered`) so leads and messages keep their history for the CRM.
 */
export async function deregisterMember(
  db: Db,
  actor: AccountActor,
  input: DeregisterInput,
  now = new Date(),
): Promise<DeregisterResult> {
  const member = await loadActiveMember(db, actor.memberId);
  if (!member) return notFound();
  const refused = await reauthenticate(db, member, input.password, "password");
  if (refused) return refused;
  // Nobody can sign in with this: a hash of a random secret nobody ever sees.
  const passwordHash = await hashPassword(generateSecureRandomString() + generateSecureRandomString());
  await db.$transaction(async (tx) => {
    const taken = await tx.member.findFirst({
      where: { nickname: deregisteredNickname(member.id), id: { not: member.id } },
      select: { id: true },
    });
    const nickname = taken
      ? `${deregisteredNickname(member.id)}-${generateSecureRandomString().slice(0, 6)}`
      : deregisteredNickname(member.id);
    await tx.member.update({
      where: { id: member.id },
      data: {
        email: deregisteredEmail(member.id),
        nickname,
        passwordHash,
        realName: null,
        phone: null,
        phoneKey: null,
        title: null,
        companyName: null,
        province: null,
        city: null,
        address: null,
        notifyByEmail: false,
        notifyNewsletter: false,
        status: "deregistered",
        resumeStatus: null,
        suspendedUntil: null,
        suspensionReason: null,
        deregisteredAt: now,
      },
    });
    await tx.memberSession.deleteMany({ where: { memberId: member.id } });
    await tx.memberToken.deleteMany({ where: { memberId: member.id } });
    // Earlier audit rows about this member would otherwise keep the data we just removed.
    const history = await tx.auditLog.findMany({
      where: { entityType: "Member", entityId: String(member.id) },
      select: { id: true, before: true, after: true },
    });
    for (const row of history) {
      await tx.auditLog.update({
        where: { id: row.id },
        data: { before: redact(row.before), after: redact(row.after) },
      });
    }
    await recordAudit(tx, {
      actor: { type: "member", id: member.id },
      action: "member.deregistered",
      entityType: "Member",
      entityId: member.id,
      before: { status: member.status },
      after: { status: "deregistered" },
      ipAddress: actor.ipAddress,
    });
  });
  return ok();
}
