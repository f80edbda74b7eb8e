import { beforeEach, describe, expect, it } from "vitest";
import type { RegistrationKind } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
import { renderEmail } from "#emails/render.server.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  changeMemberPassword,
  confirmEmailChange,
  deregisterMember,
  DeregisterSchema,
  describeUserAgent,
  EmailChangeSchema,
  getAccountSummary,
  getProfile,
  inspectEmailChangeToken,
  listMemberSessions,
  listMemberSubmissions,
  parseAccountForm,
  PasswordChangeSchema,
  ProfileSchema,
  REAUTH_FAILURES,
  requestEmailChange,
  signOutOtherSessions,
  signOutSession,
  updateProfile,
  type AccountActor,
} from "./member-account.server.ts";
import { memberSessions } from "./member-session.server.ts";
import { issueMemberToken } from "./member-tokens.server.ts";

const PASSWORD = "a long member passphrase";
const IP = "203.0.113.9";

async function signedIn(options: Parameters<typeof createTestMember>[1] = {}) {
  const { member } = await createTestMember(db, { password: PASSWORD, ...options });
  const { session } = await memberSessions.create(db, member.id, { ipAddress: IP, userAgent: "vitest" });
  const actor: AccountActor = { memberId: member.id, sessionId: session.id, ipAddress: IP };
  return { member, actor };
}

function profileForm(overrides: Record<string, string | undefined> = {}) {
  const form: Record<string, string> = { nickname: "", phone: "", title: "", province: "", city: "", address: "" };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete form[key];
    else form[key] = value;
  }
  return ProfileSchema.parse(form);
}

let leadSerial = 0;
async function createLead(memberId: number | null, kind: RegistrationKind, categoryName: string) {
  const { staff } = await createTestStaff(db);
  const category = await db.registrationCategory.create({
    data: { code: `C${++leadSerial}-${Date.now()}`, name: categoryName, kind, designatedStaffId: staff.id },
  });
  const lead = await db.lead.create({
    data: {
      number: `LD${String(leadSerial).padStart(10, "0")}`,
      categoryId: category.id,
      memberId,
      ownerId: staff.id,
      routedBy: "default_owner",
      source: "portal",
      contactName: "王芳",
      requirement: "需要报价",
      createdAt: new Date(Date.now() + leadSerial * 1000),
    },
  });
  if (kind === "order") {
    await db.leadItem.createMany({
      data: [
        { leadId: lead.id, sku: "SKU-1", quantity: 2 },
        { leadId: lead.id, sku: "SKU-2", quantity: 1 },
      ],
    });
  }
  return lead;
}

describe("member account: form parsing", () => {
  it("turns every schema problem into a key both dictionaries have", () => {
    const samples: Array<[Parameters<typeof parseAccountForm>[0], Record<string, unknown>]> = [
      [ProfileSchema, { nickname: "", phone: "abc" }],
      [ProfileSchema, { nickname: "a" }],
      [ProfileSchema, { nickname: "x".repeat(21), title: "t".repeat(101) }],
      [ProfileSchema, { nickname: "has space!" }],
      [ProfileSchema, { nickname: "已注销用户12" }],
      [ProfileSchema, { nickname: "admin" }],
      [PasswordChangeSchema, { currentPassword: "", newPassword: "short", confirmPassword: "" }],
      [PasswordChangeSchema, { currentPassword: "x", newPassword: "x".repeat(129), confirmPassword: "x" }],
      [PasswordChangeSchema, { currentPassword: "x", newPassword: "password123", confirmPassword: "password123" }],
      [PasswordChangeSchema, { currentPassword: "x", newPassword: "a fine new passphrase", confirmPassword: "other" }],
      [
        PasswordChangeSchema,
        { currentPassword: "same old phrase", newPassword: "same old phrase", confirmPassword: "same old phrase" },
      ],
      [EmailChangeSchema, { currentPassword: "", newEmail: "not-an-email" }],
      [EmailChangeSchema, { currentPassword: "x", newEmail: "" }],
      [DeregisterSchema, { password: "", confirmation: "yes" }],
      [DeregisterSchema, { password: "x", confirmation: "" }],
    ];
    const seen = new Set<string>();
    for (const [schema, input] of samples) {
      const parsed = parseAccountForm(schema, input);
      expect(parsed.ok, JSON.stringify(input)).toBe(false);
      if (parsed.ok) continue;
      for (const key of Object.values(parsed.fieldErrors)) seen.add(key!);
    }
    for (const key of seen) {
      expect(DICTIONARIES["zh-CN"], key).toHaveProperty([key]);
      expect(DICTIONARIES.en, key).toHaveProperty([key]);
    }
    expect(seen).toContain("account.validation.passwordMismatch");
    expect(seen).toContain("account.validation.passwordTooCommon");
    expect(seen).toContain("account.validation.nicknameReserved");
    expect(seen).toContain("account.validation.confirmationMismatch");
    expect(seen).toContain("account.validation.phoneInvalid");
  });

  it("normalises profile input: blanks become null, checkboxes become booleans, nickname is folded", () => {
    const parsed = ProfileSchema.parse({
      nickname: "  ＡＢＣ小王 ",
      phone: " ",
      title: "  工程师 ",
      notifyByEmail: "on",
    });
    expect(parsed).toMatchObject({
      nickname: "ABC小王",
      phone: null,
      title: "工程师",
      province: null,
      notifyByEmail: true,
      notifyNewsletter: false,
    });
  });

  it("accepts the deregistration word in either language", () => {
    expect(DeregisterSchema.safeParse({ password: "x", confirmation: " 注销 " }).success).toBe(true);
    expect(DeregisterSchema.safeParse({ password: "x", confirmation: "deregister" }).success).toBe(true);
    expect(DeregisterSchema.safeParse({ password: "x", confirmation: "delete" }).success).toBe(false);
  });
});

describe("member account: profile", () => {
  beforeEach(() => resetDatabase());

  it("saves the editable fields, stores the phone match key and audits only what changed", async () => {
    const { member, actor } = await signedIn({ nickname: "老王", phone: "13800138000" });
    const result = await updateProfile(
      db,
      actor,
      profileForm({
        nickname: "王工",
        phone: "+86 139-0013-9000",
        title: "采购经理",
        province: "浙江",
        city: "杭州",
        address: "西湖区文三路 1 号",
        notifyByEmail: "on",
      }),
    );
    expect(result).toEqual({
      kind: "ok",
      changed: ["nickname", "phone", "title", "province", "city", "address"],
    });
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored).toMatchObject({
      nickname: "王工",
      phone: "+86 139-0013-9000",
      phoneKey: "13900139000",
      title: "采购经理",
      city: "杭州",
      notifyByEmail: true,
      notifyNewsletter: false,
    });
    const audit = await db.auditLog.findMany({ where: { action: "member.profile_updated" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "member",
      actorId: member.id,
      entityId: String(member.id),
      ipAddress: IP,
    });
    expect(audit[0]!.before).toEqual({
      nickname: "老王",
      phone: "13800138000",
      title: null,
      province: null,
      city: null,
      address: null,
    });
    expect(audit[0]!.after).toMatchObject({ nickname: "王工", phone: "+86 139-0013-9000", title: "采购经理" });
    expect(Object.keys(audit[0]!.after as object)).not.toContain("notifyByEmail");
  });

  it("writes nothing when nothing changed", async () => {
    const { actor } = await signedIn({ nickname: "不变的人" });
    const result = await updateProfile(db, actor, profileForm({ nickname: "不变的人", notifyByEmail: "on" }));
    expect(result).toEqual({ kind: "ok", changed: [] });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("turns a preference off when the checkbox is not sent", async () => {
    const { member, actor } = await signedIn({ nickname: "订阅者" });
    await updateProfile(db, actor, profileForm({ nickname: "订阅者" }));
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored.notifyByEmail).toBe(false);
  });

  it("refuses a nickname another member has, whatever its letter case", async () => {
    await createTestMember(db, { nickname: "Alice" });
    const { member, actor } = await signedIn({ nickname: "bob" });
    expect(await updateProfile(db, actor, profileForm({ nickname: "alice" }))).toEqual({ kind: "nickname-taken" });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).nickname).toBe("bob");
    expect(await db.auditLog.count()).toBe(0);
    // Re-casing one's own nickname is not a clash.
    expect(await updateProfile(db, actor, profileForm({ nickname: "Bob" }))).toMatchObject({ kind: "ok" });
  });

  it("lets exactly one of two members racing for the same free nickname have it", async () => {
    const a = await signedIn({ nickname: "甲方一" });
    const b = await signedIn({ nickname: "乙方二" });
    const results = await Promise.all([
      updateProfile(db, a.actor, profileForm({ nickname: "抢手昵称" })),
      updateProfile(db, b.actor, profileForm({ nickname: "抢手昵称" })),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["nickname-taken", "ok"]);
    expect(await db.member.count({ where: { nickname: "抢手昵称" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "member.profile_updated" } })).toBe(1);
  });

  it("keeps real name and company name once staff verified them, lets them change before", async () => {
    const { member, actor } = await signedIn({ nickname: "实名者", realName: "张三" });
    await updateProfile(db, actor, profileForm({ nickname: "实名者", realName: "张三丰", companyName: "星辰科技" }));
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      realName: "张三丰",
      companyName: "星辰科技",
    });
    await db.member.update({ where: { id: member.id }, data: { realNameVerifiedAt: new Date() } });
    expect((await getProfile(db, member.id))?.identityLocked).toBe(true);
    const result = await updateProfile(
      db,
      actor,
      profileForm({ nickname: "实名者", realName: "李四", companyName: "" }),
    );
    expect(result).toEqual({ kind: "ok", changed: [] });
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      realName: "张三丰",
      companyName: "星辰科技",
    });
  });

  it("does not let a suspended member edit", async () => {
    const { actor } = await signedIn({ nickname: "被暂停", status: "suspended" });
    expect(await updateProfile(db, actor, profileForm({ nickname: "新名字" }))).toEqual({ kind: "not-found" });
  });
});

describe("member account: password", () => {
  beforeEach(() => resetDatabase());

  it("needs the current password and changes nothing without it", async () => {
    const { member, actor } = await signedIn();
    const result = await changeMemberPassword(db, actor, {
      currentPassword: "wrong guess",
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(result).toEqual({ kind: "wrong-password" });
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
    expect(result).toEqual({ kind: "ok", signedOutSessions: 2 });
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
    for (let i = 0; i < REAUTH_FAILURES.limit; i++) expect((await attempt(`guess ${i}`)).kind).toBe("wrong-password");
    const locked = await attempt(PASSWORD);
    expect(locked.kind).toBe("rate-limited");
  });
});

describe("member account: e-mail change", () => {
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
    expect(free).toEqual({ kind: "sent", newEmail: "new@test.relay" });
    expect(taken).toEqual({ kind: "sent", newEmail: "taken@test.relay" });
    const mails = await db.emailOutbox.findMany({ where: { template: "member-email-change" } });
    expect(mails.map((m) => m.toAddress)).toEqual(["new@test.relay"]);
    expect(mails[0]!.subject).toBe("请确认你的新邮箱地址");
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
    ).toEqual({ kind: "wrong-password" });
    expect(
      await requestEmailChange(db, actor, { currentPassword: PASSWORD, newEmail: "me@test.relay" }, { locale: "en" }),
    ).toEqual({ kind: "unchanged" });
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
    expect(results.slice(0, 5).every((r) => r.kind === "sent")).toBe(true);
    expect(results[5]!.kind).toBe("rate-limited");
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

describe("member account: sessions", () => {
  beforeEach(() => resetDatabase());

  it("lists this device first and signs out the others", async () => {
    const { member, actor } = await signedIn();
    await memberSessions.create(db, member.id, {
      ipAddress: "198.51.100.7",
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1",
    });
    const sessions = await listMemberSessions(db, member.id, actor.sessionId);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ id: actor.sessionId, current: true });
    expect(sessions[1]).toMatchObject({
      current: false,
      ipAddress: "198.51.100.7",
      device: { browser: "Safari", os: "iOS" },
    });

    expect(await signOutOtherSessions(db, actor)).toBe(1);
    expect((await listMemberSessions(db, member.id, actor.sessionId)).map((s) => s.id)).toEqual([actor.sessionId]);
    expect(await db.auditLog.count({ where: { action: "member.sessions_revoked" } })).toBe(1);
  });

  it("signs out one other device, never the current one or someone else's", async () => {
    const { member, actor } = await signedIn();
    const stranger = await signedIn();
    const other = await memberSessions.create(db, member.id, {});
    expect(await signOutSession(db, actor, actor.sessionId)).toBe(false);
    expect(await signOutSession(db, actor, stranger.actor.sessionId)).toBe(false);
    expect(await signOutSession(db, actor, other.session.id)).toBe(true);
    expect(await db.memberSession.count()).toBe(2);
  });

  it("names common browsers and systems", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0",
      ),
    ).toEqual({ browser: "Edge", os: "Windows" });
    expect(
      describeUserAgent("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126 Mobile MicroMessenger/8.0"),
    ).toEqual({
      browser: "WeChat",
      os: "Android",
    });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
  });
});

describe("member account: submissions", () => {
  beforeEach(() => resetDatabase());

  it("lists only the member's own leads, newest first, and filters orders", async () => {
    const { member } = await signedIn();
    const stranger = await signedIn();
    const requirement = await createLead(member.id, "requirement", "在线需求");
    const order = await createLead(member.id, "order", "产品订购");
    await createLead(stranger.member.id, "requirement", "在线需求");
    await createLead(null, "guest", "来宾登记");

    const all = await listMemberSubmissions(db, member.id);
    expect(all.total).toBe(2);
    expect(all.items.map((i) => i.number)).toEqual([order.number, requirement.number]);
    expect(all.items[0]).toMatchObject({ categoryName: "产品订购", kind: "order", status: "new", itemCount: 2 });

    const orders = await listMemberSubmissions(db, member.id, { kind: "order" });
    expect(orders.items.map((i) => i.id)).toEqual([order.id]);
  });

  it("pages and clamps the page number", async () => {
    const { member } = await signedIn();
    for (let i = 0; i < 3; i++) await createLead(member.id, "requirement", "在线需求");
    const page2 = await listMemberSubmissions(db, member.id, { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await listMemberSubmissions(db, member.id, { page: 99, pageSize: 2 })).page).toBe(2);
    expect(await listMemberSubmissions(db, 987_654)).toMatchObject({ total: 0, page: 1, pageCount: 1, items: [] });
  });
});

describe("member account: deregistration", () => {
  beforeEach(() => resetDatabase());

  it("needs the password", async () => {
    const { member, actor } = await signedIn();
    expect(await deregisterMember(db, actor, { password: "wrong", confirmation: "注销" })).toEqual({
      kind: "wrong-password",
    });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("active");
  });

  it("anonymises the person, ends sessions and links, keeps leads and messages, and audits", async () => {
    const { member, actor } = await signedIn({
      email: "leaving@test.relay",
      nickname: "要走的人",
      realName: "赵六",
      phone: "13700137000",
    });
    await updateProfile(
      db,
      actor,
      profileForm({
        nickname: "要走的人",
        phone: "13700137000",
        title: "总监",
        address: "长安街 1 号",
        notifyByEmail: "on",
      }),
    );
    await db.member.update({
      where: { id: member.id },
      data: {
        companyName: "赵氏集团",
        province: "北京",
        city: "北京",
        notifyNewsletter: true,
        phoneKey: "13700137000",
      },
    });
    await memberSessions.create(db, member.id, {});
    await issueMemberToken(db, member.id, "password_reset");
    const lead = await createLead(member.id, "requirement", "在线需求");
    const thread = await db.messageThread.create({ data: { memberId: member.id, subject: "咨询" } });

    const result = await deregisterMember(db, actor, { password: PASSWORD, confirmation: "注销" });
    expect(result).toEqual({ kind: "ok" });

    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored).toMatchObject({
      email: `deregistered+${member.id}@invalid.relay-crm`,
      nickname: `已注销用户${member.id}`,
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
    });
    expect(stored.deregisteredAt).not.toBeNull();
    expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(false);
    expect(await db.memberSession.count({ where: { memberId: member.id } })).toBe(0);
    expect(await db.memberToken.count({ where: { memberId: member.id } })).toBe(0);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).memberId).toBe(member.id);
    expect(await db.messageThread.findUnique({ where: { id: thread.id } })).not.toBeNull();

    const audit = await db.auditLog.findMany({ where: { entityType: "Member", entityId: String(member.id) } });
    expect(audit.map((a) => a.action)).toEqual(["member.profile_updated", "member.deregistered"]);
    // The earlier profile audit no longer carries the personal data.
    const trail = JSON.stringify(audit.map((a) => [a.before, a.after]));
    for (const secret of ["总监", "长安街", "13700137000", "要走的人", "leaving@test.relay"]) {
      expect(trail).not.toContain(secret);
    }
    expect(audit[0]!.after).toMatchObject({ title: "[redacted]" });
    expect(audit[1]).toMatchObject({ before: { status: "active" }, after: { status: "deregistered" } });

    // The summary still resolves (the CRM keeps the row); the account cannot act any more.
    expect(await getAccountSummary(db, member.id)).toMatchObject({ status: "deregistered" });
    expect(await deregisterMember(db, actor, { password: PASSWORD, confirmation: "注销" })).toEqual({
      kind: "not-found",
    });
  });

  it("frees the e-mail and nickname for someone new", async () => {
    const { member, actor } = await signedIn({ email: "again@test.relay", nickname: "回头客" });
    await deregisterMember(db, actor, { password: PASSWORD, confirmation: "DEREGISTER" });
    const { member: fresh } = await createTestMember(db, { email: "again@test.relay", nickname: "回头客" });
    expect(fresh.id).not.toBe(member.id);
  });
});

describe("member account: e-mails", () => {
  const at = new Date("2026-11-22T08:05:00Z"); // 16:05 in Beijing

  it("renders the verification mail for the new address in both languages", async () => {
    const props = {
      nickname: "王工",
      newEmail: "new@relay-demo.cn",
      confirmUrl: "https://crm.example.com/account/email/confirm?token=abc.def",
      expiresAt: at,
    };
    const zh = await renderEmail("member-email-change", props, "zh-CN");
    expect(zh.subject).toBe("请确认你的新邮箱地址");
    expect(zh.text).toContain("王工，你好");
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
    expect(zh.subject).toBe("安全提醒：你的会员登录邮箱已更改");
    for (const part of [zh.html, zh.text]) {
      expect(part).toContain("old@relay-demo.cn");
      expect(part).toContain("new@relay-demo.cn");
      expect(part).toContain("如果不是你本人操作");
    }
    const en = await renderEmail("member-email-changed", props, "en");
    expect(en.subject).toBe("Security notice: your member sign-in e-mail was changed");
    expect(en.text).toContain("If this was not you");
    await expect(renderEmail("member-email-changed", { ...props, helpUrl: "not a url" }, "en")).rejects.toThrow();
  });
});
