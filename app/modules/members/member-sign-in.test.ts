import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { memberSessions } from "./member-session.server.ts";
import { MemberSignInSchema, signInMember, signOutMember } from "./member-sign-in.server.ts";

const meta = { ipAddress: "203.0.113.30", userAgent: "vitest" };
const MINUTE = 60_000;

describe("member sign-in", () => {
  beforeEach(() => resetDatabase());

  it("signs in case-insensitively, with a new session row every time", async () => {
    const { member, password } = await createTestMember(db, { email: "han.mei@relay-test.cn" });
    const input = MemberSignInSchema.parse({ email: "  Han.Mei@Relay-Test.CN ", password });
    const first = await signInMember(db, input, meta);
    const second = await signInMember(db, input, meta);
    if (first.kind !== "ok" || second.kind !== "ok") throw new Error(`sign-in failed: ${first.kind}/${second.kind}`);
    expect(first.token).not.toBe(second.token);
    expect(await db.memberSession.count({ where: { memberId: member.id } })).toBe(2);
    expect((await memberSessions.validate(db, first.token))?.session.ownerId).toBe(member.id);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).lastSignInAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "member.sign_in", actorId: member.id } })).toBe(2);
  });

  it("verified members sign in like active ones", async () => {
    const { password } = await createTestMember(db, { email: "verified@relay-test.cn", status: "verified" });
    expect((await signInMember(db, { email: "verified@relay-test.cn", password }, meta)).kind).toBe("ok");
  });

  it("answers unknown e-mail, wrong password, terminated and deregistered accounts the same way", async () => {
    const { password } = await createTestMember(db, { email: "known@relay-test.cn" });
    await createTestMember(db, { email: "closed@relay-test.cn", status: "terminated", password });
    await createTestMember(db, { email: "left@relay-test.cn", status: "deregistered", password });
    const results = await Promise.all([
      signInMember(db, { email: "nobody@relay-test.cn", password }, meta),
      signInMember(db, { email: "known@relay-test.cn", password: "not the password" }, meta),
      signInMember(db, { email: "closed@relay-test.cn", password }, meta),
      signInMember(db, { email: "left@relay-test.cn", password }, meta),
    ]);
    expect(results).toEqual(Array.from({ length: 4 }, () => ({ kind: "invalid" })));
    expect(await db.memberSession.count()).toBe(0);
  });

  it("tells a pending member to activate first, but only with the right password", async () => {
    const { password } = await createTestMember(db, { email: "pending@relay-test.cn", status: "pending" });
    expect(await signInMember(db, { email: "pending@relay-test.cn", password: "guess" }, meta)).toEqual({
      kind: "invalid",
    });
    expect(await signInMember(db, { email: "pending@relay-test.cn", password }, meta)).toEqual({
      kind: "pending",
      email: "pending@relay-test.cn",
    });
    expect(await db.memberSession.count()).toBe(0);
  });

  it("explains a suspension (until when, why) only to someone who knows the password", async () => {
    const until = new Date(Date.now() + 3 * 24 * 60 * MINUTE);
    const { member, password } = await createTestMember(db, { email: "rude@relay-test.cn" });
    await db.member.update({
      where: { id: member.id },
      data: { status: "suspended", resumeStatus: "active", suspendedUntil: until, suspensionReason: "论坛发布广告" },
    });
    expect(await signInMember(db, { email: "rude@relay-test.cn", password: "guess" }, meta)).toEqual({
      kind: "invalid",
    });
    expect(await signInMember(db, { email: "rude@relay-test.cn", password }, meta)).toEqual({
      kind: "suspended",
      until,
      reason: "论坛发布广告",
    });
    expect(await db.memberSession.count()).toBe(0);
  });

  it("lifts a suspension that has run out and signs the member in", async () => {
    const { member, password } = await createTestMember(db, { email: "back@relay-test.cn" });
    await db.member.update({
      where: { id: member.id },
      data: {
        status: "suspended",
        resumeStatus: "verified",
        suspendedUntil: new Date(Date.now() - MINUTE),
        suspensionReason: "冷静一下",
      },
    });
    expect((await signInMember(db, { email: "back@relay-test.cn", password }, meta)).kind).toBe("ok");
    const after = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after).toMatchObject({ status: "verified", suspendedUntil: null, suspensionReason: null });
  });

  it("locks an account after the configured failures, even for the right password (429 for the page)", async () => {
    const perAccount = { scope: "member-login:account", limit: 3, windowMs: 15 * MINUTE };
    const { password } = await createTestMember(db, { email: "target@relay-test.cn" });
    for (let i = 0; i < 3; i++) {
      const attempt = await signInMember(db, { email: "target@relay-test.cn", password: `guess ${i}` }, meta, {
        perAccount,
      });
      expect(attempt.kind).toBe("invalid");
    }
    const locked = await signInMember(db, { email: "target@relay-test.cn", password }, meta, { perAccount });
    expect(locked.kind).toBe("rate-limited");
    if (locked.kind === "rate-limited") expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    // Once the window has passed, the right password works again.
    const later = new Date(Date.now() + 16 * MINUTE);
    expect(
      (await signInMember(db, { email: "target@relay-test.cn", password }, meta, { perAccount, now: later })).kind,
    ).toBe("ok");
  });

  it("limits one address spraying many accounts", async () => {
    const perIp = { scope: "member-login:ip", limit: 4, windowMs: 15 * MINUTE };
    for (let i = 0; i < 4; i++)
      await signInMember(db, { email: `spray${i}@relay-test.cn`, password: "x" }, meta, { perIp });
    const { password } = await createTestMember(db, { email: "victim@relay-test.cn" });
    expect((await signInMember(db, { email: "victim@relay-test.cn", password }, meta, { perIp })).kind).toBe(
      "rate-limited",
    );
    const elsewhere = await signInMember(
      db,
      { email: "victim@relay-test.cn", password },
      { ...meta, ipAddress: "198.51.100.3" },
      {
        perIp,
      },
    );
    expect(elsewhere.kind).toBe("ok");
  });

  it("a success clears the account's failure count; a pending answer is not a failure", async () => {
    const perAccount = { scope: "member-login:account", limit: 3, windowMs: 15 * MINUTE };
    const { password } = await createTestMember(db, { email: "forgetful@relay-test.cn" });
    const tryWith = (pw: string) =>
      signInMember(db, { email: "forgetful@relay-test.cn", password: pw }, meta, { perAccount });
    await tryWith("nope");
    await tryWith("nope");
    expect((await tryWith(password)).kind).toBe("ok");
    await tryWith("nope");
    await tryWith("nope");
    expect((await tryWith(password)).kind).toBe("ok");
  });

  it("signs out on the server: the token no longer validates, other sessions stay", async () => {
    const { member, password } = await createTestMember(db, { email: "leaver@relay-test.cn" });
    const a = await signInMember(db, { email: "leaver@relay-test.cn", password }, meta);
    const b = await signInMember(db, { email: "leaver@relay-test.cn", password }, meta);
    if (a.kind !== "ok" || b.kind !== "ok") throw new Error("sign-in failed");
    const sessionA = (await memberSessions.validate(db, a.token))!.session;
    await signOutMember(db, { memberId: member.id, sessionId: sessionA.id }, meta);
    expect(await memberSessions.validate(db, a.token)).toBeNull();
    expect(await memberSessions.validate(db, b.token)).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "member.sign_out", actorId: member.id } })).toBe(1);
  });

  it("validates input", () => {
    expect(MemberSignInSchema.safeParse({ email: "not-an-email", password: "x" }).success).toBe(false);
    expect(MemberSignInSchema.safeParse({ email: "a@b.cn", password: "" }).success).toBe(false);
  });
});
