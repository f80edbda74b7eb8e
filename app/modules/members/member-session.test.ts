import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { getMemberAuth } from "./member-guard.server.ts";
import { memberCookie, memberSessions } from "./member-session.server.ts";

// The session and its member are read in one statement (decision 064): the guard's principal must be
// the member's current row, and a member who may no longer sign in must not get one.

async function requestWith(memberId: number) {
  const { token } = await memberSessions.create(db, memberId);
  return new Request("http://localhost/account", {
    headers: { Cookie: memberCookie.serialize(token, new Date(Date.now() + 3_600_000)).split(";")[0]! },
  });
}

describe("member session and principal in one read", () => {
  beforeEach(() => resetDatabase());

  it("hands the guard the member's row with the session", async () => {
    const { member } = await createTestMember(db, { password: "Secret-pass-2026" });
    await db.member.update({ where: { id: member.id }, data: { nickname: "会员甲", realNameVerifiedAt: new Date() } });
    const { token } = await memberSessions.create(db, member.id);
    const validated = await memberSessions.validate(db, token);
    expect(validated?.owner).toMatchObject({ id: member.id, email: member.email, nickname: "会员甲", contactId: null });
    expect(validated?.owner?.realNameVerifiedAt).toBeInstanceOf(Date);

    const auth = await getMemberAuth(await requestWith(member.id));
    expect(auth?.principal.member).toMatchObject({ id: member.id, nickname: "会员甲", realNameVerified: true });
  });

  it("refuses the session of a suspended member", async () => {
    const { member } = await createTestMember(db, { password: "Secret-pass-2026" });
    const request = await requestWith(member.id);
    await db.member.update({ where: { id: member.id }, data: { status: "suspended" } });
    expect(await getMemberAuth(request)).toBeNull();
    expect(await db.memberSession.count({ where: { memberId: member.id } })).toBe(0);
  });
});
