import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  activateMember,
  inspectMemberToken,
  looksDeliverable,
  parseRegistration,
  POLICY_VERSION,
  registerMember,
  type RegistrationInput,
  resendActivation,
  uniqueViolation,
} from "./member-registration.server.ts";

const meta = { ipAddress: "203.0.113.20", userAgent: "vitest", locale: "zh-CN" as const };
const HOUR = 60 * 60 * 1000;

function input(overrides: Partial<Record<string, string>> = {}): RegistrationInput {
  const parsed = parseRegistration({
    email: "li.lei@relay-test.cn",
    nickname: "李雷",
    password: "blue harbour lantern",
    passwordConfirm: "blue harbour lantern",
    consent: "on",
    ...overrides,
  });
  if (!parsed.ok) throw new Error(`test input invalid: ${JSON.stringify(parsed.fieldErrors)}`);
  return parsed.data;
}

async function mailsTo(address: string) {
  return db.emailOutbox.findMany({ where: { toAddress: address }, orderBy: { id: "asc" } });
}

/** The token of the newest activation mail to `address`, as the member would click it. */
async function activationToken(address: string): Promise<string> {
  const mails = await db.emailOutbox.findMany({
    where: { toAddress: address, template: "member-activation" },
    orderBy: { id: "desc" },
  });
  const match = mails[0]?.text.match(/\/activate\?token=([a-z2-9]{24}\.[a-z2-9]{24})/);
  if (!match) throw new Error(`no activation link mailed to ${address}`);
  return match[1]!;
}

describe("registration input", () => {
  it("normalises e-mail and nickname and keeps optional fields null when empty", () => {
    const data = input({
      email: "  Li.Lei@Relay-Test.CN ",
      nickname: " ＬｉＬｅｉ ",
      phone: "+86 138-0013-8000",
      city: "",
    });
    expect(data.email).toBe("li.lei@relay-test.cn");
    expect(data.nickname).toBe("LiLei");
    expect(data.phone).toBe("+86 138-0013-8000");
    expect(data.city).toBeNull();
  });

  it("reports one localised message per bad field, all of them present in both dictionaries", () => {
    const parsed = parseRegistration({
      email: "someone@mail.test",
      nickname: "a b",
      password: "password",
      passwordConfirm: "different",
      phone: "call me",
      realName: "x".repeat(51),
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({
      email: "members.validation.emailNotReal",
      nickname: "members.validation.nicknameChars",
      password: "members.validation.passwordTooCommon",
      passwordConfirm: "members.validation.passwordMismatch",
      phone: "members.validation.phoneInvalid",
      realName: "validation.tooLong",
      consent: "members.validation.consentRequired",
    });
    for (const key of Object.values(parsed.fieldErrors)) {
      expect(DICTIONARIES["zh-CN"][key]).toBeTruthy();
      expect(DICTIONARIES.en[key]).toBeTruthy();
    }
  });

  it("says 'required' for empty required fields and nothing about the optional ones", () => {
    const parsed = parseRegistration({ email: " ", nickname: "", password: "", passwordConfirm: "" });
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        email: "validation.required",
        nickname: "validation.required",
        password: "validation.required",
        passwordConfirm: "validation.required",
        consent: "members.validation.consentRequired",
      },
    });
    expect(parseRegistration({}).ok).toBe(false);
    // Only a ticked box counts as consent.
    expect(parseRegistration({ ...input(), passwordConfirm: "blue harbour lantern", consent: "yes" }).ok).toBe(false);
  });

  it("checks nickname length in characters (CJK counts one each) and refuses reserved names", () => {
    const errors = (nickname: string) => {
      const parsed = parseRegistration({
        ...input(),
        password: "blue harbour lantern",
        passwordConfirm: "blue harbour lantern",
        nickname,
      });
      return parsed.ok ? null : (parsed.fieldErrors.nickname ?? null);
    };
    expect(errors("李")).toBe("members.validation.nicknameTooShort");
    expect(errors("李雷")).toBeNull();
    expect(errors("长".repeat(20))).toBeNull();
    expect(errors("长".repeat(21))).toBe("members.validation.nicknameTooLong");
    expect(errors("dev_ops-2")).toBeNull();
    expect(errors("管理员")).toBe("members.validation.nicknameReserved");
    expect(errors("Admin")).toBe("members.validation.nicknameReserved");
    expect(errors("")).toBe("validation.required");
  });

  it("accepts real-looking addresses only", () => {
    expect(looksDeliverable("wang@company.com.cn")).toBe(true);
    expect(looksDeliverable("x@shop.xn--fiqs8s")).toBe(true);
    expect(looksDeliverable("wang@example.com")).toBe(false);
    expect(looksDeliverable("wang@mail.test")).toBe(false);
    expect(looksDeliverable("wang@intranet")).toBe(false);
    expect(looksDeliverable("wang@10.0.0.1")).toBe(false);
    expect(looksDeliverable("wang@-bad-.cn")).toBe(false);
  });
});

describe("member registration", () => {
  beforeEach(() => resetDatabase());

  it("creates a pending member, an activation token and the activation mail together", async () => {
    const result = await registerMember(
      db,
      input({ realName: "李雷", phone: "138 0013 8000", companyName: "星辰科技" }),
      meta,
    );
    expect(result).toEqual({ kind: "accepted" });
    const member = await db.member.findUniqueOrThrow({ where: { email: "li.lei@relay-test.cn" } });
    expect(member).toMatchObject({
      nickname: "李雷",
      status: "pending",
      level: "prospect",
      realName: "李雷",
      phoneKey: "13800138000",
      companyName: "星辰科技",
      activatedAt: null,
      consentVersion: POLICY_VERSION,
    });
    // Explicit consent is kept with its time (PIPL): the moment of registration.
    expect(member.consentAt).toEqual(member.createdAt);
    expect(await verifyPassword(member.passwordHash, "blue harbour lantern")).toBe(true);
    expect(await db.memberToken.count({ where: { memberId: member.id, purpose: "activation", usedAt: null } })).toBe(1);
    const mails = await mailsTo("li.lei@relay-test.cn");
    expect(mails.map((m) => m.template)).toEqual(["member-activation"]);
    expect(mails[0]!.subject).toBe("请激活您的接力 CRM 会员账户");
    expect(mails[0]!.text).toContain("http://localhost:3000/activate?token=");
    expect(await db.auditLog.count({ where: { action: "member.registered", entityId: String(member.id) } })).toBe(1);
  });

  it("writes the mail in the language of the page the member registered on", async () => {
    await registerMember(db, input(), { ...meta, locale: "en" });
    const [mail] = await mailsTo("li.lei@relay-test.cn");
    expect(mail!.subject).toBe("Activate your Relay CRM member account");
  });

  it("answers a taken e-mail exactly like a new one, and mails the owner instead of creating an account", async () => {
    const { member: owner } = await createTestMember(db, { email: "owner@relay-test.cn", nickname: "老会员" });
    const fresh = await registerMember(db, input({ email: "newcomer@relay-test.cn", nickname: "新会员" }), meta);
    const taken = await registerMember(db, input({ email: " OWNER@relay-test.cn", nickname: "冒名者" }), meta);
    expect(taken).toEqual(fresh);

    // No second account, no change to the existing one, and no nickname reserved by the attempt.
    expect(await db.member.count({ where: { email: "owner@relay-test.cn" } })).toBe(1);
    expect(await db.member.findUnique({ where: { nickname: "冒名者" } })).toBeNull();
    expect((await db.member.findUniqueOrThrow({ where: { id: owner.id } })).passwordHash).toBe(owner.passwordHash);

    const [newcomerMails, ownerMails] = await Promise.all([
      mailsTo("newcomer@relay-test.cn"),
      mailsTo("owner@relay-test.cn"),
    ]);
    expect(newcomerMails.map((m) => m.template)).toEqual(["member-activation"]);
    expect(ownerMails.map((m) => m.template)).toEqual(["member-already-registered"]);
    expect(ownerMails[0]!.text).toContain("http://localhost:3000/login");
    expect(ownerMails[0]!.text).toContain("http://localhost:3000/forgot-password");
    expect(ownerMails[0]!.text).not.toContain("token=");

    // Retrying does not flood the owner's mailbox: one notice per hour.
    await registerMember(db, input({ email: "owner@relay-test.cn", nickname: "冒名者二" }), meta);
    expect(await mailsTo("owner@relay-test.cn")).toHaveLength(1);
  });

  it("points the owner of a never-activated account to a fresh activation mail", async () => {
    await createTestMember(db, { email: "slow@relay-test.cn", status: "pending" });
    await registerMember(db, input({ email: "slow@relay-test.cn", nickname: "再来一次" }), meta);
    const [mail] = await mailsTo("slow@relay-test.cn");
    expect(mail!.template).toBe("member-already-registered");
    expect(mail!.text).toContain("http://localhost:3000/activate/resend");
  });

  it("gives a bot that fills the honeypot the success answer and creates nothing", async () => {
    const result = await registerMember(db, { ...input(), website: "http://spam.example" }, meta);
    expect(result).toEqual({ kind: "accepted" });
    expect(await db.member.count()).toBe(0);
    expect(await db.memberToken.count()).toBe(0);
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("reports a taken nickname, case-insensitively and across full-width forms", async () => {
    await createTestMember(db, { nickname: "LiLei" });
    expect(await registerMember(db, input({ nickname: "lilei" }), meta)).toEqual({ kind: "nickname-taken" });
    expect(await registerMember(db, input({ nickname: "ＬＩＬＥＩ" }), meta)).toEqual({ kind: "nickname-taken" });
    expect(await db.member.count()).toBe(1);
    expect(await db.emailOutbox.count()).toBe(0);
    expect(DICTIONARIES["zh-CN"]["members.register.nicknameTaken"]).toBe("该昵称已被使用，请换一个");
  });

  it("recognises which unique index a racing insert hit (P2002 through the driver adapter)", async () => {
    await createTestMember(db, { email: "first@relay-test.cn", nickname: "先到" });
    const clash = (data: { email: string; nickname: string }) =>
      db.member.create({ data: { ...data, passwordHash: "x" } }).then(
        () => "created",
        (error: unknown) => uniqueViolation(error),
      );
    expect(await clash({ email: "second@relay-test.cn", nickname: "先到" })).toBe("nickname");
    expect(await clash({ email: "FIRST@relay-test.cn", nickname: "后到" })).toBe("email");
    expect(uniqueViolation(new Error("something else"))).toBeNull();
  });

  it("lets exactly one of eight concurrent registrations of one nickname through", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        registerMember(db, input({ email: `racer${i}@relay-test.cn`, nickname: i % 2 ? "Racer" : "racer" }), meta),
      ),
    );
    expect(results.filter((r) => r.kind === "accepted")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "nickname-taken")).toHaveLength(7);
    expect(await db.member.count()).toBe(1);
    expect(await db.memberToken.count()).toBe(1);
    expect(await db.emailOutbox.count({ where: { template: "member-activation" } })).toBe(1);
  });

  it("creates exactly one account when one e-mail registers eight times at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        registerMember(db, input({ email: "double@relay-test.cn", nickname: `双击${i}` }), meta),
      ),
    );
    // Everyone gets the same answer; one account, one activation mail, at most one owner notice.
    expect(results).toEqual(Array.from({ length: 8 }, () => ({ kind: "accepted" })));
    expect(await db.member.count()).toBe(1);
    const templates = (await mailsTo("double@relay-test.cn")).map((m) => m.template).sort();
    expect(templates[0]).toBe("member-activation");
    expect(templates.filter((t) => t === "member-activation")).toHaveLength(1);
    expect(templates.filter((t) => t === "member-already-registered").length).toBeLessThanOrEqual(1);
  });

  it("rate-limits registrations per IP address (429 after the limit)", async () => {
    const perIp = { scope: "member-register:ip", limit: 2, windowMs: HOUR };
    expect(
      (await registerMember(db, input({ email: "a1@relay-test.cn", nickname: "甲一" }), meta, { perIp })).kind,
    ).toBe("accepted");
    expect(
      (await registerMember(db, input({ email: "a2@relay-test.cn", nickname: "甲二" }), meta, { perIp })).kind,
    ).toBe("accepted");
    const third = await registerMember(db, input({ email: "a3@relay-test.cn", nickname: "甲三" }), meta, { perIp });
    expect(third.kind).toBe("rate-limited");
    if (third.kind === "rate-limited") expect(third.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.member.count()).toBe(2);
    // Another address is not affected.
    const other = await registerMember(
      db,
      input({ email: "a4@relay-test.cn", nickname: "甲四" }),
      { ...meta, ipAddress: "198.51.100.9" },
      { perIp },
    );
    expect(other.kind).toBe("accepted");
  });
});

describe("activation", () => {
  beforeEach(() => resetDatabase());

  it("activates a pending member once; the link cannot be used again", async () => {
    await registerMember(db, input(), meta);
    const token = await activationToken("li.lei@relay-test.cn");
    expect(await inspectMemberToken(db, token, "activation")).toBe("valid");
    // A reset-password page must not accept an activation token.
    expect(await inspectMemberToken(db, token, "password_reset")).toBe("invalid");

    const first = await activateMember(db, token, { ipAddress: meta.ipAddress });
    expect(first.kind).toBe("activated");
    const member = await db.member.findUniqueOrThrow({ where: { email: "li.lei@relay-test.cn" } });
    expect(member.status).toBe("active");
    expect(member.activatedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "member.activated", entityId: String(member.id) } })).toBe(1);

    expect(await activateMember(db, token, { ipAddress: meta.ipAddress })).toEqual({ kind: "failed", reason: "used" });
    expect(await inspectMemberToken(db, token, "activation")).toBe("used");
  });

  it("refuses an expired link and leaves the member pending", async () => {
    const registeredAt = new Date();
    await registerMember(db, input(), meta, { now: registeredAt });
    const token = await activationToken("li.lei@relay-test.cn");
    const later = new Date(registeredAt.getTime() + 48 * HOUR + 1000);
    expect(await inspectMemberToken(db, token, "activation", later)).toBe("expired");
    expect(await activateMember(db, token, { ipAddress: meta.ipAddress }, later)).toEqual({
      kind: "failed",
      reason: "expired",
    });
    expect((await db.member.findUniqueOrThrow({ where: { email: "li.lei@relay-test.cn" } })).status).toBe("pending");
    // Just inside the window it still works.
    const inTime = new Date(registeredAt.getTime() + 47 * HOUR);
    expect((await activateMember(db, token, { ipAddress: meta.ipAddress }, inTime)).kind).toBe("activated");
  });

  it("rejects malformed and tampered tokens", async () => {
    await registerMember(db, input(), meta);
    const token = await activationToken("li.lei@relay-test.cn");
    const [id] = token.split(".");
    const forged = `${id}.${"a".repeat(24)}`;
    for (const bad of ["", "nonsense", forged]) {
      expect(await activateMember(db, bad, { ipAddress: meta.ipAddress })).toEqual({
        kind: "failed",
        reason: "invalid",
      });
    }
    expect((await db.member.findUniqueOrThrow({ where: { email: "li.lei@relay-test.cn" } })).status).toBe("pending");
  });

  it("does not bring back an account that staff closed before it was activated", async () => {
    await registerMember(db, input(), meta);
    const token = await activationToken("li.lei@relay-test.cn");
    await db.member.update({ where: { email: "li.lei@relay-test.cn" }, data: { status: "terminated" } });
    expect(await activateMember(db, token, { ipAddress: meta.ipAddress })).toEqual({
      kind: "failed",
      reason: "invalid",
    });
    expect((await db.member.findUniqueOrThrow({ where: { email: "li.lei@relay-test.cn" } })).status).toBe("terminated");
  });
});

describe("resend activation mail", () => {
  beforeEach(() => resetDatabase());

  it("issues a fresh link and voids the old one", async () => {
    await registerMember(db, input(), meta);
    const oldToken = await activationToken("li.lei@relay-test.cn");
    expect(await resendActivation(db, "li.lei@relay-test.cn", meta)).toEqual({ kind: "sent" });
    const newToken = await activationToken("li.lei@relay-test.cn");
    expect(newToken).not.toBe(oldToken);
    expect(await inspectMemberToken(db, oldToken, "activation")).toBe("invalid");
    expect((await activateMember(db, oldToken, { ipAddress: meta.ipAddress })).kind).toBe("failed");
    expect((await activateMember(db, newToken, { ipAddress: meta.ipAddress })).kind).toBe("activated");
  });

  it("answers the same for unknown and active addresses and sends them nothing", async () => {
    await createTestMember(db, { email: "active@relay-test.cn", status: "active" });
    const unknown = await resendActivation(db, "nobody@relay-test.cn", meta);
    const active = await resendActivation(db, "active@relay-test.cn", meta);
    expect(unknown).toEqual({ kind: "sent" });
    expect(active).toEqual(unknown);
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.memberToken.count()).toBe(0);
  });

  it("is rate-limited per address and per IP", async () => {
    await createTestMember(db, { email: "pending@relay-test.cn", status: "pending" });
    const perAddress = { scope: "member-activation-resend:address", limit: 2, windowMs: HOUR };
    const perIp = { scope: "member-activation-resend:ip", limit: 2, windowMs: HOUR };
    const send = (email: string, ipAddress = meta.ipAddress) =>
      resendActivation(db, email, { ...meta, ipAddress }, { perAddress, perIp });
    expect((await send("pending@relay-test.cn")).kind).toBe("sent");
    expect((await send("pending@relay-test.cn")).kind).toBe("sent");
    expect((await send("pending@relay-test.cn", "198.51.100.1")).kind).toBe("rate-limited");
    expect(await db.emailOutbox.count()).toBe(2);
    // The IP limit counts attempts for any address.
    expect((await send("someone-else@relay-test.cn", "198.51.100.2")).kind).toBe("sent");
    expect((await send("third@relay-test.cn", meta.ipAddress)).kind).toBe("rate-limited");
  });
});
