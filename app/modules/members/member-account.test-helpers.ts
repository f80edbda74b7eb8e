import { db } from "#app/lib/db.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import type { ProfileInput } from "./member-account-schemas.ts";
import type { AccountActor } from "./member-reauth.server.ts";
import { memberSessions } from "./member-session.server.ts";

// Shared by the account service tests (profile, credentials, sessions, deregistration).

export const PASSWORD = "a long member passphrase";
export const IP = "203.0.113.9";

/** A member with PASSWORD and one session, and the actor that session acts as. */
export async function signedIn(options: Parameters<typeof createTestMember>[1] = {}) {
  const { member } = await createTestMember(db, { password: PASSWORD, ...options });
  const { session } = await memberSessions.create(db, member.id, { ipAddress: IP, userAgent: "vitest" });
  const actor: AccountActor = { memberId: member.id, sessionId: session.id, ipAddress: IP };
  return { member, actor };
}

/** The profile form's value as `parseForm` hands it to the service: blanks are null, boxes unticked. */
export function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    nickname: "",
    phone: null,
    title: null,
    province: null,
    city: null,
    address: null,
    realName: null,
    companyName: null,
    notifyByEmail: false,
    notifyNewsletter: false,
    ...overrides,
  };
}
