import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { getSetting } from "#app/modules/settings/settings.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { MemberAdminError } from "./member-admin.server.ts";
import { getMemberDetail } from "./member-directory.server.ts";
import {
  getMemberSettings,
  liftSuspension,
  setMemberLevel,
  suspendMember,
  terminateMember,
  updateMemberSettings,
  verifyMember,
} from "./member-moderation.server.ts";
import { memberSessions } from "./member-session.server.ts";
import { liftExpiredSuspension } from "./member-suspension.server.ts";

async function admin() {
  const { staff, role } = await createTestStaff(db, { isAdmin: true });
  return staffActorFor(staff, { isAdmin: role.isAdmin });
}

async function staffWith(scope: "own" | "team" | "all", actions: Array<"browse" | "modify">) {
  const { staff } = await createTestStaff(db, {
    grants: actions.map((action) => ({ module: "members", action, scope })),
  });
  return staffActorFor(staff, { grants: { members: Object.fromEntries(actions.map((a) => [a, scope])) } });
}

async function auditRows(memberId: number) {
  return db.auditLog.findMany({ where: { entityType: "Member", entityId: String(memberId) }, orderBy: { id: "asc" } });
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MemberAdminError);
  expect((error as MemberAdminError).code).toBe(code);
}

describe("member moderation", () => {
  beforeEach(() => resetDatabase());

  it("verifies real name and phone: active → verified, records who and when, audits before/after", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { status: "active", realName: "张 伟" });
    const now = new Date("2026-03-01T08:00:00Z");
    await verifyMember(
      db,
      actor,
      member.id,
      { realName: "张伟", phone: "+86 138-0013-8000" },
      { ipAddress: "10.0.0.9" },
      now,
    );

    const after = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.status).toBe("verified");
    expect(after.realName).toBe("张伟");
    expect(after.phoneKey).toBe("13800138000");
    expect(after.realNameVerifiedAt?.toISOString()).toBe(now.toISOString());
    expect(after.verifiedById).toBe(actor.staffId);

    const [row] = await auditRows(member.id);
    expect(row).toMatchObject({
      action: "member.verified",
      actorType: "staff",
      actorId: actor.staffId,
      ipAddress: "10.0.0.9",
    });
    expect(row!.before).toMatchObject({ status: "active", realName: "张 伟", realNameVerifiedAt: null });
    expect(row!.after).toMatchObject({ status: "verified", realName: "张伟", realNameVerifiedAt: now.toISOString() });
  });

  it("refuses to verify a pending account and rejects an empty name or a phone without digits", async () => {
    const actor = await admin();
    const { member: pending } = await createTestMember(db, { status: "pending" });
    await expectCode(verifyMember(db, actor, pending.id, { realName: "李娜", phone: "13800138000" }), "invalid-state");
    const { member } = await createTestMember(db, { status: "active" });
    await expectCode(verifyMember(db, actor, member.id, { realName: " ", phone: "13800138000" }), "invalid-input");
    await expectCode(verifyMember(db, actor, member.id, { realName: "李娜", phone: "无" }), "invalid-input");
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("active");
    expect(await auditRows(member.id)).toHaveLength(0);
  });

  it("sets the level with an audit row, and writes nothing when the level is unchanged", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { level: "prospect" });
    expect(await setMemberLevel(db, actor, member.id, "customer")).toBe(true);
    expect(await setMemberLevel(db, actor, member.id, "customer")).toBe(false);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).level).toBe("customer");
    const rows = await auditRows(member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "member.level_changed",
      before: { level: "prospect" },
      after: { level: "customer" },
    });
  });

  it("suspension ends every session of the member at once and remembers the status to return to", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { status: "verified" });
    const one = await memberSessions.create(db, member.id);
    const two = await memberSessions.create(db, member.id);
    expect(await memberSessions.validate(db, one.token)).not.toBeNull();

    const ended = await suspendMember(db, actor, member.id, { reason: "发布广告", until: null });
    expect(ended).toBe(2);
    // The rows are gone in the same transaction, not merely refused on their next use.
    expect(await db.memberSession.count({ where: { memberId: member.id } })).toBe(0);
    expect(await memberSessions.validate(db, one.token)).toBeNull();
    expect(await memberSessions.validate(db, two.token)).toBeNull();

    const after = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after).toMatchObject({
      status: "suspended",
      resumeStatus: "verified",
      suspensionReason: "发布广告",
      suspendedUntil: null,
    });
    // A suspended member cannot start a new session that validates either.
    const fresh = await memberSessions.create(db, member.id);
    expect(await memberSessions.validate(db, fresh.token)).toBeNull();

    const [row] = await auditRows(member.id);
    expect(row).toMatchObject({ action: "member.suspended" });
    expect(row!.after).toMatchObject({ status: "suspended", suspensionReason: "发布广告", sessionsEnded: 2 });
  });

  it("requires a reason and a future end time, and does not suspend twice", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { status: "active" });
    const now = new Date("2026-03-01T08:00:00Z");
    await expectCode(suspendMember(db, actor, member.id, { reason: "   ", until: null }, {}, now), "invalid-input");
    await expectCode(
      suspendMember(db, actor, member.id, { reason: "刷屏", until: new Date("2026-02-28T00:00:00Z") }, {}, now),
      "until-in-past",
    );
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("active");
    await suspendMember(db, actor, member.id, { reason: "刷屏", until: null }, {}, now);
    await expectCode(suspendMember(db, actor, member.id, { reason: "再次", until: null }, {}, now), "invalid-state");
  });

  it("a timed suspension lifts itself through liftExpiredSuspension once the time has passed", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { status: "active" });
    const now = new Date("2026-03-01T08:00:00Z");
    const until = new Date("2026-03-08T08:00:00Z");
    await suspendMember(db, actor, member.id, { reason: "恶意灌水", until }, {}, now);
    expect(await liftExpiredSuspension(db, member.id, new Date("2026-03-05T00:00:00Z"))).toBe(false);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("suspended");
    expect(await liftExpiredSuspension(db, member.id, new Date("2026-03-08T08:00:01Z"))).toBe(true);
    const after = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after).toMatchObject({ status: "active", resumeStatus: null, suspendedUntil: null, suspensionReason: null });
  });

  it("the staff view lifts an expired suspension and records that the system did it", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { status: "verified" });
    await suspendMember(
      db,
      actor,
      member.id,
      { reason: "恶意灌水", until: new Date("2026-03-08T08:00:00Z") },
      {},
      new Date("2026-03-01T00:00:00Z"),
    );
    const detail = await getMemberDetail(db, member.id, new Date("2026-03-09T00:00:00Z"));
    expect(detail?.status).toBe("verified");
    const rows = await auditRows(member.id);
    expect(rows.map((r) => r.action)).toEqual(["member.suspended", "member.suspension_expired"]);
    expect(rows[1]).toMatchObject({ actorType: "system", actorId: null, after: { status: "verified" } });
  });

  it("lifting a suspension restores the previous status and is audited", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { status: "verified" });
    await suspendMember(db, actor, member.id, { reason: "发布广告", until: null });
    await liftSuspension(db, actor, member.id);
    const after = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(after).toMatchObject({ status: "verified", resumeStatus: null, suspensionReason: null });
    const rows = await auditRows(member.id);
    expect(rows[1]).toMatchObject({
      action: "member.suspension_lifted",
      before: { status: "suspended", suspensionReason: "发布广告" },
      after: { status: "verified" },
    });
    await expectCode(liftSuspension(db, actor, member.id), "invalid-state");
  });

  it("verifying a suspended member keeps the suspension and makes it return as verified", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { status: "active" });
    await suspendMember(db, actor, member.id, { reason: "待核实", until: null });
    await verifyMember(db, actor, member.id, { realName: "王芳", phone: "13912345678" });
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      status: "suspended",
      resumeStatus: "verified",
    });
    await liftSuspension(db, actor, member.id);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("verified");
  });

  it("terminates: sessions end, the reason is audited, and no further action applies", async () => {
    const actor = await admin();
    const { member } = await createTestMember(db, { status: "active" });
    const session = await memberSessions.create(db, member.id);
    expect(await terminateMember(db, actor, member.id, { reason: "多次违规" })).toBe(1);
    expect(await memberSessions.validate(db, session.token)).toBeNull();
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("terminated");
    const [row] = await auditRows(member.id);
    expect(row).toMatchObject({ action: "member.terminated", before: { status: "active" } });
    expect(row!.after).toMatchObject({ status: "terminated", reason: "多次违规" });
    await expectCode(terminateMember(db, actor, member.id, { reason: "again" }), "invalid-state");
    await expectCode(suspendMember(db, actor, member.id, { reason: "x", until: null }), "invalid-state");
    await expectCode(verifyMember(db, actor, member.id, { realName: "王芳", phone: "13912345678" }), "invalid-state");
  });

  it("browse-only staff may not modify: every action is refused and nothing changes", async () => {
    const viewer = await staffWith("all", ["browse"]);
    const { member } = await createTestMember(db, { status: "active" });
    const session = await memberSessions.create(db, member.id);
    await expectCode(setMemberLevel(db, viewer, member.id, "customer"), "forbidden");
    await expectCode(suspendMember(db, viewer, member.id, { reason: "x", until: null }), "forbidden");
    await expectCode(terminateMember(db, viewer, member.id, { reason: "x" }), "forbidden");
    await expectCode(verifyMember(db, viewer, member.id, { realName: "王芳", phone: "13912345678" }), "forbidden");
    await expectCode(liftSuspension(db, viewer, member.id), "forbidden");
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      status: "active",
      level: "prospect",
    });
    expect(await memberSessions.validate(db, session.token)).not.toBeNull();
    expect(await auditRows(member.id)).toHaveLength(0);
  });

  it("the real-name setting needs admin or members:modify with scope all, and is audited", async () => {
    const teamModifier = await staffWith("team", ["browse", "modify"]);
    await expectCode(updateMemberSettings(db, teamModifier, { requireRealNameVerification: true }), "forbidden");
    const manager = await staffWith("all", ["browse", "modify"]);
    expect(await updateMemberSettings(db, manager, { requireRealNameVerification: true })).toBe(true);
    expect(await updateMemberSettings(db, manager, { requireRealNameVerification: true })).toBe(false);
    expect(await getSetting(db, "members.requireRealNameVerification")).toBe(true);
    const settings = await getMemberSettings(db);
    expect(settings.requireRealNameVerification).toBe(true);
    expect(settings.updatedBy).toMatch(/^测试员工/);
    const rows = await db.auditLog.findMany({ where: { entityType: "Setting" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "setting.updated",
      entityId: "members.requireRealNameVerification",
      actorId: manager.staffId,
      before: { value: false },
      after: { value: true },
    });
  });
});
