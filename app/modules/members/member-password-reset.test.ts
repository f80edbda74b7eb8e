import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { hitRateLimit } from "#app/modules/auth/rate-limit.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { parseResetPassword, requestPasswordReset, resetPassword } from "./member-password-reset.server.ts";
import { inspectMemberToken } from "./member-registration.server.ts";
import { memberSessions } from "./member-session.server.ts";
import { MEMBER_ACCOUNT_FAILURES, signInMember } from "./member-sign-in.server.ts";

const meta = { ipAddress: "203.0.113.40", userAgent: "vitest", locale: "zh-CN" as const };
const HOUR = 60 * 60 * 1000;
const NEW_PASSWORD = "quiet copper meadow";

async function resetToken(address: string): Promise<string> {
  const mails = await db.emailOutbox.findMany({
    where: { toAddress: address, template: "member-password-reset" },
    orderBy: { id: "desc" },
  });
  const match = mails[0]?.text.match(/\/reset-password\?token=([a-z2-9]{24}\.[a-z2-9]{24})/);
  if (!match) throw new Error(`no reset link mailed to ${address}`);
  return match[1]!;
}

describe("forgot password", () => {
  beforeEach(() => resetDatabase());

  it("mails a reset link only to accounts that may sign in, with one answer for all", async () => {
    await createTestMember(db, { email: "active@relay-test.cn", status: "active" });
    await createTestMember(db, { email: "verified@relay-test.cn", status: "verified" });
    for (const status of ["pending", "suspended", "terminated", "deregistered"] as const) {
      await createTestMember(db, { email: `${status}@relay-test.cn`, status });
    }
    const addresses = [
      "active@relay-test.cn",
      "verified@relay-test.cn",
      "pending@relay-test.cn",
      "suspended@relay-test.cn",
      "terminated@relay-test.cn",
      "deregistered@relay-test.cn",
      "nobody@relay-test.cn",
    ];
    const answers = [];
    for (const address of addresses) answers.push(await requestPasswordReset(db, address, meta));
    expect(answers).toEqual(addresses.map(() => ({ kind: "sent" })));
    const mails = await db.emailOutbox.findMany({ orderBy: { toAddress: "asc" } });
    expect(mails.map((m) => [m.toAddress, m.template])).toEqual([
      ["active@relay-test.cn", "member-password-reset"],
      ["verified@relay-test.cn", "member-password-reset"],
    ]);
    expect(mails[0]!.text).toContain(meta.ipAddress);
    expect(mails[0]!.subject).toBe("重设您的接力 CRM 会员密码");
  });

  it("writes the mail in the requester's language", async () => {
    await createTestMember(db, { email: "english@relay-test.cn" });
    await requestPasswordReset(db, "english@relay-test.cn", { ...meta, locale: "en" });
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: "english@relay-test.cn" } });
    expect(mail.subject).toBe("Reset your Relay CRM member password");
  });

  it("is rate-limited per address and per IP", async () => {
    await createTestMember(db, { email: "busy@relay-test.cn" });
    const perAddress = { scope: "member-forgot:address", limit: 2, windowMs: HOUR };
    const perIp = { scope: "member-forgot:ip", limit: 3, windowMs: HOUR };
    const ask = (email: string, ipAddress = meta.ipAddress) =>
      requestPasswordReset(db, email, { ...meta, ipAddress }, { perAddress, perIp });
    expect((await ask("busy@relay-test.cn")).kind).toBe("sent");
    expect((await ask("busy@relay-test.cn")).kind).toBe("sent");
    expect((await ask("busy@relay-test.cn", "198.51.100.7")).kind).toBe("rate-limited");
    expect(await db.emailOutbox.count()).toBe(2);
    expect((await ask("x@relay-test.cn")).kind).toBe("sent");
    expect((await ask("y@relay-test.cn")).kind).toBe("rate-limited");
  });
});

describe("reset password", () => {
  beforeEach(() => resetDatabase());

  it("sets the new password, ends every session and burns the link", async () => {
    const { member, password } = await createTestMember(db, { email: "reset@relay-test.cn" });
    const phone = await memberSessions.create(db, member.id);
    const laptop = await memberSessions.create(db, member.id);
    await requestPasswordReset(db, "reset@relay-test.cn", meta);
    const token = await resetToken("reset@relay-test.cn");

    const result = await resetPassword(db, token, NEW_PASSWORD, meta);
    expect(result).toEqual({ kind: "reset", memberId: member.id, sessionsEnded: 2 });
    expect(await memberSessions.validate(db, phone.token)).toBeNull();
    expect(await memberSessions.validate(db, laptop.token)).toBeNull();
    expect(await db.memberSession.count({ where: { memberId: member.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "member.password_reset", entityId: String(member.id) } })).toBe(
      1,
    );

    expect((await signInMember(db, { email: "reset@relay-test.cn", password }, meta)).kind).toBe("invalid");
    expect((await signInMember(db, { email: "reset@relay-test.cn", password: NEW_PASSWORD }, meta)).kind).toBe("ok");

    // Single use: the same link cannot set the password again.
    expect(await resetPassword(db, token, "another fine passphrase", meta)).toEqual({ kind: "failed", reason: "used" });
    expect(await inspectMemberToken(db, token, "password_reset")).toBe("used");
  });

  it("refuses an expired link (valid for one hour) without changing anything", async () => {
    const { member } = await createTestMember(db, { email: "late@relay-test.cn" });
    const requestedAt = new Date();
    await requestPasswordReset(db, "late@relay-test.cn", meta, { now: requestedAt });
    const token = await resetToken("late@relay-test.cn");
    const session = await memberSessions.create(db, member.id);
    const later = new Date(requestedAt.getTime() + HOUR + 1000);
    expect(await inspectMemberToken(db, token, "password_reset", later)).toBe("expired");
    expect(await resetPassword(db, token, NEW_PASSWORD, meta, later)).toEqual({ kind: "failed", reason: "expired" });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).passwordHash).toBe(member.passwordHash);
    expect(await memberSessions.validate(db, session.token)).not.toBeNull();
  });

  it("a newer request voids the older link", async () => {
    await createTestMember(db, { email: "twice@relay-test.cn" });
    await requestPasswordReset(db, "twice@relay-test.cn", meta);
    const first = await resetToken("twice@relay-test.cn");
    await requestPasswordReset(db, "twice@relay-test.cn", meta);
    const second = await resetToken("twice@relay-test.cn");
    expect(await resetPassword(db, first, NEW_PASSWORD, meta)).toEqual({ kind: "failed", reason: "invalid" });
    expect((await resetPassword(db, second, NEW_PASSWORD, meta)).kind).toBe("reset");
  });

  it("the link dies when the account is suspended meanwhile", async () => {
    const { member } = await createTestMember(db, { email: "suspended-later@relay-test.cn" });
    await requestPasswordReset(db, "suspended-later@relay-test.cn", meta);
    const token = await resetToken("suspended-later@relay-test.cn");
    await db.member.update({ where: { id: member.id }, data: { status: "suspended", resumeStatus: "active" } });
    expect(await resetPassword(db, token, NEW_PASSWORD, meta)).toEqual({ kind: "failed", reason: "invalid" });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).passwordHash).toBe(member.passwordHash);
  });

  it("lifts the sign-in lock of the account: the mailbox owner has proved who they are", async () => {
    const { member } = await createTestMember(db, { email: "locked@relay-test.cn" });
    for (let i = 0; i < MEMBER_ACCOUNT_FAILURES.limit; i++) {
      await hitRateLimit(db, MEMBER_ACCOUNT_FAILURES, member.email);
    }
    expect((await signInMember(db, { email: member.email, password: NEW_PASSWORD }, meta)).kind).toBe("rate-limited");
    await requestPasswordReset(db, member.email, meta);
    await resetPassword(db, await resetToken(member.email), NEW_PASSWORD, meta);
    expect((await signInMember(db, { email: member.email, password: NEW_PASSWORD }, meta)).kind).toBe("ok");
  });

  it("checks the new password against the policy and its confirmation", () => {
    expect(parseResetPassword({ password: "short", passwordConfirm: "short" })).toEqual({
      ok: false,
      fieldErrors: { password: "members.validation.passwordTooShort" },
    });
    expect(parseResetPassword({ password: "12345678", passwordConfirm: "12345678" })).toEqual({
      ok: false,
      fieldErrors: { password: "members.validation.passwordTooCommon" },
    });
    expect(parseResetPassword({ password: NEW_PASSWORD, passwordConfirm: "typo" })).toEqual({
      ok: false,
      fieldErrors: { passwordConfirm: "members.validation.passwordMismatch" },
    });
    expect(parseResetPassword({ password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }).ok).toBe(true);
  });
});
