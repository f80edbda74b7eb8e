import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import type { ProfileInput } from "./member-account-schemas.ts";
import { loadActiveMember, type AccountActor } from "./member-reauth.server.ts";
import { uniqueViolation } from "./member-registration.server.ts";

// The limited profile a member may edit themselves (自助维护帐户, seed 000 §2.A, /account/profile).

export interface ProfileView {
  nickname: string;
  email: string;
  phone: string | null;
  title: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  realName: string | null;
  companyName: string | null;
  notifyByEmail: boolean;
  notifyNewsletter: boolean;
  /** Real name and company name are fixed once staff verified them. */
  identityLocked: boolean;
}

export async function getProfile(db: DbOrTx, memberId: number): Promise<ProfileView | null> {
  const m = await db.member.findUnique({ where: { id: memberId } });
  if (!m) return null;
  return {
    nickname: m.nickname,
    email: m.email,
    phone: m.phone,
    title: m.title,
    province: m.province,
    city: m.city,
    address: m.address,
    realName: m.realName,
    companyName: m.companyName,
    notifyByEmail: m.notifyByEmail,
    notifyNewsletter: m.notifyNewsletter,
    identityLocked: m.realNameVerifiedAt !== null,
  };
}

const PROFILE_FIELDS = [
  "nickname",
  "phone",
  "title",
  "province",
  "city",
  "address",
  "realName",
  "companyName",
  "notifyByEmail",
  "notifyNewsletter",
] as const;

export type UpdateProfileResult = ServiceResult<{ changed: string[] }, "nickname">;

const nicknameTaken = () => invalid({ nickname: ["account.profile.nicknameTaken"] });

/** Saves what changed (and audits just that); a nickname another member has is refused. */
export async function updateProfile(db: Db, actor: AccountActor, input: ProfileInput): Promise<UpdateProfileResult> {
  try {
    return await db.$transaction(async (tx): Promise<UpdateProfileResult> => {
      const member = await loadActiveMember(tx, actor.memberId);
      if (!member) return notFound();
      const locked = member.realNameVerifiedAt !== null;
      const before: Record<string, string | boolean | null> = {};
      const after: Record<string, string | boolean | null> = {};
      for (const field of PROFILE_FIELDS) {
        if (locked && (field === "realName" || field === "companyName")) continue;
        if (member[field] !== input[field]) {
          before[field] = member[field];
          after[field] = input[field];
        }
      }
      const changed = Object.keys(after);
      if (changed.length === 0) return ok({ changed });

      if ("nickname" in after) {
        // The column collation compares case-insensitively, as the unique index does.
        const clash = await tx.member.findFirst({
          where: { nickname: input.nickname, id: { not: member.id } },
          select: { id: true },
        });
        if (clash) return nicknameTaken();
      }
      // `after` holds only PROFILE_FIELDS keys with values of the input's (column-compatible) types.
      const data = { ...after } as Prisma.MemberUpdateInput;
      if ("phone" in after) data.phoneKey = phoneKey(input.phone);
      await tx.member.update({ where: { id: member.id }, data });
      await recordAudit(tx, {
        actor: { type: "member", id: member.id },
        action: "member.profile_updated",
        entityType: "Member",
        entityId: member.id,
        before,
        after,
        ipAddress: actor.ipAddress,
      });
      return ok({ changed });
    });
  } catch (error) {
    // Two members racing for the same free nickname: the unique index lets one through.
    if (uniqueViolation(error) === "nickname") return nicknameTaken();
    throw error;
  }
}
