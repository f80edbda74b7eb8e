import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import { renderEmail } from "#emails/render.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { PASSWORD, signedIn } from "./member-account.test-helpers.ts";
import {
  changeMemberPassword,
  confirmEmailChange,
  inspectEmailChangeToken,
  requestEmailChange,
} from "./member-credentials.server.ts";
import { REAUTH_FAILURES } from "./member-reauth.server.ts";
import { memberSessions } from "./member-session.server.ts";
import { issueMemberToken } from "./member-tokens.server.ts";

const wrongPassword = (field: string) => ({
  status: "invalid",
  fieldErrors: { [field]: ["account.security.wrongPassword"] },
});

describe("member credentials: password", () => {
  beforeEach(() => resetDatabase());

  it("needs the current password and changes nothing without it", async () => {
    const { member, actor } = await signedIn();
    const result = await changeMemberPassword(db, actor, {
      currentPassword: "wrong guess",
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(result).toMatchObject(wrongPassword("currentPassword"));
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(true);
  });

  it("keeps this session, signs out the others, voids reset links and audits", async () => {
    const { member, actor } = await signedIn();
    const other = await memberSessions.create(db, member.id, { ipAddress: "198.51.100.1", userAgent: "phone" });
    const third = await memberSessions.create(db, member.id, {});
    await issueMemberToken(db, member.id, "password_reset");
    const result = await changeMemberPassword(db, actor, {
      currentPassword: PASSWORD,
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(result).toEqual({ status: "ok", value: { signedOutSessions: 2 } });
    const sessions = await db.memberSession.findMany({ where: { memberId: member.id } });
    expect(sessions.map((s) => s.id)).toEqual([actor.sessionId]);
    expect(await memberSessions.validate(db, other.token)).toBeNull();
    expect(await memberSessions.validate(db, third.token)).toBeNull();
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(await verifyPassword(stored.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(false);
    expect(await db.memberToken.count({ where: { memberId: member.id, purpose: "password_reset" } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.password_changed" } });
    expect(audit).toMatchObject({ actorId: member.id, after: { signedOutSessions: 2 } });
    // The password hash never reaches the audit trail.
    expect(JSON.stringify({ before: audit.before, after: audit.after })).not.toContain("argon2");
  });

  it("stops answering after five wrong current passwords, even for the right one", async () => {
    const { actor } = await signedIn();
    const attempt = (currentPassword: string) =>
      changeMemberPassword(db, actor, {
        currentPassword,
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      });
    for (let i = 0; i < REAUTH_FAILURES.limit; i++) expect((await attempt(`guess ${i}`)).status).toBe("invalid");
    const locked = await attempt(PASSWORD);
    expect(locked).toMatchObject({ status: "rate-limited", message: "account.security.rateLimited" });
  });
});

describe("member credentials: e-mail change", () => {
  beforeEach(() => resetDatabase());

  const tokenFromOutbox = async (to: string) => {
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: to, template: "member-email-change" } });
    const match = /token=([a-z2-9]{24}\.[a-z2-9]{24})/.exec(mail.text);
    if (!match) throw new Error("no token in mail");
    return match[1]!;
  };

  it("answers the same for a free and a taken address, mailing only the free one", async () => {
    await createTestMember(db, { email: "taken@test.relay" });
    const { member, actor } = await signedIn({ email: "me@test.relay" });
    const free = await requestEmailChange(
      db,
      actor,
      { currentPassword: PASSWORD, newEmail: "new@test.relay" },
      { locale: "zh-CN" },
    );
    const taken = await requestEmailChange(
      db,
      actor,
      { currentPassword: PASSWORD, newEmail: "taken@test.relay" },
      { locale: "zh-CN" },
    );
    expect(free).toEqual({ status: "ok", value: { newEmail: "new@test.relay" } });
    expect(taken).toEqual({ status: "ok", value: { newEmail: "taken@test.relay" } });
    const mails = await db.emailOutbox.findMany({ where: { template: "member-email-change" } });
    expect(mails.map((m) => m.toAddress)).toEqual(["new@test.relay"]);
    expect(mails[0]!.subject).toBe("请确认您的新邮箱地址");
    // The free address's link is still the live one (the taken attempt issued none).
    const tokens = await db.memberToken.findMany({ where: { memberId: member.id, purpose: "email_change" } });
    expect(tokens.map((t) => t.newEmail)).toEqual(["new@test.relay"]);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).email).toBe("me@test.relay");
    const audit = await db.auditLog.findMany({
      where: { action: "member.email_change_requested" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.after)).toEqual([
      { newEmail: "new@test.relay", verificationSent: true },
      { newEmail: "taken@test.relay", verificationSent: false },
    ]);
  });

  it("needs the current password and refuses the current address", async () => {
    const { actor } = await signedIn({ email: "me@test.relay" });
    expect(
      await requestEmailChange(db, actor, { currentPassword: "nope", newEmail: "x@test.relay" }, { locale: "en" }),
    ).toMatchObject(wrongPassword("currentPassword"));
    expect(
      await requestEmailChange(db, actor, { currentPassword: PASSWORD, newEmail: "me@test.relay" }, { locale: "en" }),
    ).toMatchObject({ status: "invalid", fieldErrors: { newEmail: ["account.validation.emailUnchanged"] } });
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("limits how many verification mails one member can send", async () => {
    const { actor } = await signedIn();
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(
        await requestEmailChange(
          db,
          actor,
          { currentPassword: PASSWORD, newEmail: `n${i}@test.relay` },
          { locale: "en" },
        ),
      );
    }
    expect(results.slice(0, 5).every((r) => r.status === "ok")).toBe(true);
    expect(results[5]).toMatchObject({ status: "rate-limited", message: "account.security.email.rateLimited" });
    expect(await db.emailOutbox.count()).toBe(5);
  });

  it("applies the link once, tells the old address, and audits", async () => {
    const { member, actor } = await signedIn({ email: "old@test.relay", nickname: "换邮箱" });
    await requestEmailChange(db, actor, { currentPassword: PASSWORD, newEmail: "fresh@test.relay" }, { locale: "en" });
    const token = await tokenFromOutbox("fresh@test.relay");
    expect(await inspectEmailChangeToken(db, member.id, token)).toMatchObject({
      ok: true,
      newEmail: "fresh@test.relay",
    });

    const first = await confirmEmailChange(db, actor, token, { locale: "en" });
    expect(first).toEqual({ kind: "ok", newEmail: "fresh@test.relay" });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).email).toBe("fresh@test.relay");
    const notice = await db.emailOutbox.findFirstOrThrow({ where: { template: "member-email-changed" } });
    expect(notice.toAddress).toBe("old@test.relay");
    expect(notice.text).toContain("fresh@test.relay");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.email_changed" } });
    expect(audit).toMatchObject({ before: { email: "old@test.relay" }, after: { email: "fresh@test.relay" } });

    expect(await confirmEmailChange(db, actor, token, { locale: "en" })).toEqual({ kind: "used" });
    expect(await db.emailOutbox.count({ where: { template: "member-email-changed" } })).toBe(1);
  });

  it("refuses expired links, other members' links and garbage", async () => {
    const { member, actor } = await signedIn();
    const stranger = await signedIn();
    const past = new Date(Date.now() - 25 * 60 * 60 * 1000);
    const expired = await issueMemberToken(db, member.id, "email_change", { newEmail: "late@test.relay", now: past });
    expect(await confirmEmailChange(db, actor, expired, { locale: "en" })).toEqual({ kind: "expired" });
    const theirs = await issueMemberToken(db, stranger.member.id, "email_change", { newEmail: "theirs@test.relay" });
    expect(await confirmEmailChange(db, actor, theirs, { locale: "en" })).toEqual({ kind: "invalid" });
    // Not burned by the wrong account: its owner can still use it.
    expect(await confirmEmailChange(db, stranger.actor, theirs, { locale: "en" })).toMatchObject({ kind: "ok" });
    expect(await confirmEmailChange(db, actor, "not-a-token", { locale: "en" })).toEqual({ kind: "invalid" });
  });

  it("re-checks the address when the link is used: taken since the request means no change", async () => {
    const { member, actor } = await signedIn({ email: "mine@test.relay" });
    await requestEmailChange(
      db,
      actor,
      { currentPassword: PASSWORD, newEmail: "contested@test.relay" },
      { locale: "en" },
    );
    const token = await tokenFromOutbox("contested@test.relay");
    await createTestMember(db, { email: "contested@test.relay" });
    expect(await confirmEmailChange(db, actor, token, { locale: "en" })).toEqual({ kind: "taken" });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).email).toBe("mine@test.relay");
    // Single use even when it changed nothing.
    expect(await confirmEmailChange(db, actor, token, { locale: "en" })).toEqual({ kind: "used" });
  });
});

describe("member credentials: e-mails", () => {
  const at = new Date("2026-11-22T08:05:00Z"); // 16:05 in Beijing

  it("renders the verification mail for the new address in both languages", async () => {
    const props = {
      nickname: "王工",
      newEmail: "new@relay-demo.cn",
      confirmUrl: "https://crm.example.com/account/email/confirm?token=abc.def",
      expiresAt: at,
    };
    const zh = await renderEmail("member-email-change", props, "zh-CN");
    expect(zh.subject).toBe("请确认您的新邮箱地址");
    expect(zh.text).toContain("王工，您好");
    expect(zh.text).toContain("https://crm.example.com/account/email/confirm?token=abc.def");
    expect(zh.text).toContain("2026年11月22日 16:05 (GMT+8)");
    const en = await renderEmail("member-email-change", props, "en");
    expect(en.subject).toBe("Please confirm your new e-mail address");
    expect(en.text).toContain("new@relay-demo.cn");
    expect(en.text).toContain("Hello 王工,");
  });

  it("renders the notice to the old address in both languages", async () => {
    const props = {
      nickname: "王工",
      oldEmail: "old@relay-demo.cn",
      newEmail: "new@relay-demo.cn",
      changedAt: at,
      helpUrl: "https://crm.example.com/login",
    };
    const zh = await renderEmail("member-email-changed", props, "zh-CN");
    expect(zh.subject).toBe("安全提醒：您的会员登录邮箱已更改");
    for (const part of [zh.html, zh.text]) {
      expect(part).toContain("old@relay-demo.cn");
      expect(part).toContain("new@relay-demo.cn");
      expect(part).toContain("如果不是您本人操作");
    }
    const en = await renderEmail("member-email-changed", props, "en");
    expect(en.subject).toBe("Security notice: your member sign-in e-mail was changed");
    expect(en.text).toContain("If this was not you");
    await expect(renderEmail("member-email-changed", { ...props, helpUrl: "not a url" }, "en")).rejects.toThrow();
  });
});
