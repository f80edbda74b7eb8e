import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createStaffSession, validateStaffSessionToken } from "#app/modules/auth/staff-session.server.ts";
import { signInStaff } from "#app/modules/auth/staff-sign-in.server.ts";
import { claimNextTurn } from "#app/modules/leads/distribution/token-rotation.server.ts";
import { createTokenGroupWith } from "#tests/factories/lead-intake.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  describePasswordLink,
  inviteStaff,
  returnAwayStaff,
  sendPasswordLink,
  setOwnAway,
  setPasswordWithToken,
  setStaffStatus,
  signOutEverywhere,
  updateStaffProfile,
  type StaffProfileInput,
} from "./staff-accounts.server.ts";
import { listStaff } from "./staff-directory.server.ts";
import { issueStaffToken } from "./staff-tokens.server.ts";

const META = { ipAddress: "127.0.0.1", userAgent: null };

function profile(extra: Partial<StaffProfileInput> = {}): StaffProfileInput {
  return {
    name: "钱多多",
    email: "qian.duoduo@test.relay",
    title: "销售代表",
    phone: null,
    teamId: null,
    roleIds: [],
    locale: "zh-CN",
    ...extra,
  };
}

async function adminActor() {
  const { staff } = await createTestStaff(db, { isAdmin: true });
  return staffActorFor({ ...staff, name: "周明" }, { isAdmin: true });
}

/** The set-password link of the newest mail to `to`, read from the outbox like a person would. */
async function linkFromOutbox(to: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: to }, orderBy: { id: "desc" } });
  const match = /\/crm\/set-password\/([a-z2-9]{24}\.[a-z2-9]{24})/.exec(mail.text);
  if (!match) throw new Error(`no link in ${mail.text}`);
  return match[1]!;
}

describe("staff invitation and password links", () => {
  beforeEach(() => resetDatabase());

  it("invites by e-mail; the link sets the password once, then the new colleague signs in", async () => {
    const actor = await adminActor();
    const role = await db.role.create({ data: { code: "sales-t", name: "销售代表" } });
    const team = await db.team.create({ data: { name: "销售一部" } });
    const result = await inviteStaff(db, actor, profile({ roleIds: [role.id], teamId: team.id }));
    expect(result.status).toBe("ok");
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: "qian.duoduo@test.relay" } });
    expect(mail.template).toBe("staff-invitation");
    expect(mail.text).toContain("销售代表");

    // Before the link is used the account has no password at all.
    expect((await signInStaff(db, { email: "qian.duoduo@test.relay", password: "" + "x".repeat(10) }, META)).kind).toBe(
      "invalid",
    );
    const token = await linkFromOutbox("qian.duoduo@test.relay");
    // Only the hash is stored.
    const stored = await db.staffToken.findFirstOrThrow();
    expect(Buffer.from(stored.secretHash).toString("utf8")).not.toContain(token.split(".")[1]!);
    expect(await describePasswordLink(db, token)).toMatchObject({ ok: true, purpose: "invite", name: "钱多多" });

    expect((await setPasswordWithToken(db, token, "Relay-new-2026!")).status).toBe("ok");
    expect(await setPasswordWithToken(db, token, "Another-pass-2026")).toMatchObject({
      status: "conflict",
      message: "adminStaff.setPassword.used",
    });
    const signIn = await signInStaff(db, { email: "qian.duoduo@test.relay", password: "Relay-new-2026!" }, META);
    expect(signIn.kind).toBe("ok");
    const list = await listStaff(db, { filters: { teamId: team.id, roleId: role.id } });
    expect(list.items.map((s) => [s.name, s.invitationPending])).toEqual([["钱多多", false]]);
  });

  it("refuses an expired link, a forged one and a taken e-mail", async () => {
    const actor = await adminActor();
    const { staff } = await createTestStaff(db);
    const { token } = await issueStaffToken(db, staff.id, "password_reset", {
      now: new Date(Date.now() - 48 * 3600_000),
    });
    expect(await setPasswordWithToken(db, token, "Relay-new-2026!")).toMatchObject({
      message: "adminStaff.setPassword.expired",
    });
    const forged = `${token.split(".")[0]}.${"a".repeat(24)}`;
    expect(await describePasswordLink(db, forged)).toEqual({ ok: false, reason: "invalid" });
    expect(await describePasswordLink(db, "not-a-token")).toEqual({ ok: false, reason: "invalid" });
    expect(await inviteStaff(db, actor, profile({ email: staff.email }))).toMatchObject({
      status: "invalid",
      fieldErrors: { email: ["adminStaff.error.emailTaken"] },
    });
  });

  it("a reset link voids older links and signs the person out everywhere when used", async () => {
    const actor = await adminActor();
    const { staff } = await createTestStaff(db);
    const session = await createStaffSession(db, staff.id);
    expect((await sendPasswordLink(db, actor, staff.id)).status).toBe("ok");
    const first = await linkFromOutbox(staff.email);
    expect((await sendPasswordLink(db, actor, staff.id)).status).toBe("ok");
    const second = await linkFromOutbox(staff.email);
    expect(await describePasswordLink(db, first)).toEqual({ ok: false, reason: "invalid" });
    expect((await setPasswordWithToken(db, second, "Relay-new-2026!")).status).toBe("ok");
    expect(await validateStaffSessionToken(db, session.token)).toBeNull();
  });
});

describe("staff status", () => {
  beforeEach(() => resetDatabase());

  it("inactive: cannot sign in and every session ends; an admin cannot deactivate themselves", async () => {
    const actor = await adminActor();
    const { staff, password } = await createTestStaff(db);
    const a = await createStaffSession(db, staff.id);
    const b = await createStaffSession(db, staff.id);
    const result = await setStaffStatus(db, actor, staff.id, { status: "inactive", awayUntil: null });
    expect(result).toMatchObject({ status: "ok", value: { sessionsEnded: 2 } });
    expect(await validateStaffSessionToken(db, a.token)).toBeNull();
    expect(await validateStaffSessionToken(db, b.token)).toBeNull();
    expect((await signInStaff(db, { email: staff.email, password }, META)).kind).toBe("invalid");
    expect(await setStaffStatus(db, actor, actor.staffId, { status: "inactive", awayUntil: null })).toMatchObject({
      status: "conflict",
    });
    // Active again: signs in.
    await setStaffStatus(db, actor, staff.id, { status: "active", awayUntil: null });
    expect((await signInStaff(db, { email: staff.email, password }, META)).kind).toBe("ok");
  });

  it("away until a date: the rotation skips them, and they are back by themselves when it passes", async () => {
    const actor = await adminActor();
    const { staff: lina } = await createTestStaff(db);
    const { staff: zhang } = await createTestStaff(db);
    const group = await createTokenGroupWith(db, [{ staffId: lina.id }, { staffId: zhang.id }]);
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    expect((await setStaffStatus(db, actor, lina.id, { status: "away", awayUntil: tomorrow })).status).toBe("ok");
    const turn = await db.$transaction((tx) => claimNextTurn(tx, group.id));
    expect(turn?.chosen?.staff.id).toBe(zhang.id);
    expect(turn?.skipped.map((s) => [s.staffId, s.reason])).toEqual([[lina.id, "staff-away"]]);

    // Nothing flips before the date…
    expect(await returnAwayStaff(db)).toBe(0);
    // …and the rotation already counts her as back once it has passed, before the worker flips it.
    await db.staff.update({ where: { id: lina.id }, data: { awayUntil: new Date(Date.now() - 1000) } });
    const next = await db.$transaction((tx) => claimNextTurn(tx, group.id));
    expect(next?.chosen?.staff.id).toBe(lina.id);
    expect(await returnAwayStaff(db)).toBe(1);
    expect(await db.staff.findUniqueOrThrow({ where: { id: lina.id } })).toMatchObject({
      status: "active",
      awayUntil: null,
    });
    // A return date in the past is refused outright.
    expect(
      await setStaffStatus(db, actor, lina.id, { status: "away", awayUntil: new Date(Date.now() - 60_000) }),
    ).toMatchObject({ status: "invalid", fieldErrors: { awayUntil: ["adminStaff.error.awayPast"] } });
  });

  it("staff set their own away status; sign-out-everywhere ends all sessions", async () => {
    const actor = await adminActor();
    const { staff } = await createTestStaff(db);
    const me = staffActorFor(staff);
    expect((await setOwnAway(db, me, { away: true, awayUntil: null })).status).toBe("ok");
    expect((await db.staff.findUniqueOrThrow({ where: { id: staff.id } })).status).toBe("away");
    expect((await setOwnAway(db, me, { away: false, awayUntil: null })).status).toBe("ok");
    expect((await db.staff.findUniqueOrThrow({ where: { id: staff.id } })).status).toBe("active");
    const s = await createStaffSession(db, staff.id);
    expect(await signOutEverywhere(db, actor, staff.id)).toMatchObject({ status: "ok", value: { ended: 1 } });
    expect(await validateStaffSessionToken(db, s.token)).toBeNull();
    expect(await db.auditLog.count({ where: { entityType: "Staff", entityId: String(staff.id) } })).toBe(3);
  });

  it("edits the profile, team and roles", async () => {
    const actor = await adminActor();
    const { staff } = await createTestStaff(db);
    const r1 = await db.role.create({ data: { code: "r1", name: "甲" } });
    const r2 = await db.role.create({ data: { code: "r2", name: "乙" } });
    const team = await db.team.create({ data: { name: "客服部" } });
    const result = await updateStaffProfile(
      db,
      actor,
      staff.id,
      profile({ email: staff.email, teamId: team.id, roleIds: [r1.id, r2.id] }),
    );
    expect(result.status).toBe("ok");
    const roles = await db.staffRole.findMany({ where: { staffId: staff.id }, orderBy: { roleId: "asc" } });
    expect(roles.map((r) => r.roleId)).toEqual([r1.id, r2.id]);
    await updateStaffProfile(db, actor, staff.id, profile({ email: staff.email, teamId: team.id, roleIds: [r2.id] }));
    expect((await db.staffRole.findMany({ where: { staffId: staff.id } })).map((r) => r.roleId)).toEqual([r2.id]);
    expect(
      await updateStaffProfile(db, actor, staff.id, profile({ email: staff.email, teamId: 999_999 })),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { teamId: ["adminStaff.error.team"] },
    });
  });
});
