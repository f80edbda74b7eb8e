import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { ACCOUNT_FAILURES, IP_FAILURES, signInStaff, signOutStaff, StaffSignInSchema } from "./staff-sign-in.server.ts";
import { validateStaffSessionToken } from "./staff-session.server.ts";

const meta = { ipAddress: "203.0.113.7", userAgent: "vitest" };

describe("staff sign-in service", () => {
  beforeEach(() => resetDatabase());

  it("signs in case-insensitively and creates a new session every time", async () => {
    const { staff, password } = await createTestStaff(db, { email: "wang.lei@test.relay" });
    const input = StaffSignInSchema.parse({ email: " Wang.Lei@Test.Relay ", password });
    const first = await signInStaff(db, input, meta);
    const second = await signInStaff(db, input, meta);
    expect(first.kind).toBe("ok");
    expect(second.kind).toBe("ok");
    if (first.kind !== "ok" || second.kind !== "ok") return;
    expect(first.token).not.toBe(second.token);
    expect(await db.staffSession.count({ where: { staffId: staff.id } })).toBe(2);
    const audit = await db.auditLog.findMany({ where: { action: "staff.sign_in", actorId: staff.id } });
    expect(audit).toHaveLength(2);
    expect((await db.staff.findUniqueOrThrow({ where: { id: staff.id } })).lastSignInAt).not.toBeNull();
  });

  it("signs one account in from many places at the same moment without a deadlock", async () => {
    const { staff, password } = await createTestStaff(db, { email: "busy@test.relay" });
    const input = StaffSignInSchema.parse({ email: "busy@test.relay", password });
    const results = await Promise.all(Array.from({ length: 12 }, () => signInStaff(db, input, meta)));
    expect(results.map((r) => r.kind)).toEqual(Array.from({ length: 12 }, () => "ok"));
    expect(await db.staffSession.count({ where: { staffId: staff.id } })).toBe(12);
  });

  it("answers the same for an unknown e-mail, a wrong password and a deactivated account", async () => {
    const { password } = await createTestStaff(db, { email: "known@test.relay" });
    await createTestStaff(db, { email: "gone@test.relay", status: "inactive", password });
    const results = await Promise.all([
      signInStaff(db, { email: "nobody@test.relay", password }, meta),
      signInStaff(db, { email: "known@test.relay", password: "wrong password" }, meta),
      signInStaff(db, { email: "gone@test.relay", password }, meta),
    ]);
    expect(results).toEqual([{ kind: "invalid" }, { kind: "invalid" }, { kind: "invalid" }]);
  });

  it("locks an account after five failures, even for the right password, until the window ends", async () => {
    const { password } = await createTestStaff(db, { email: "target@test.relay" });
    for (let i = 0; i < ACCOUNT_FAILURES.limit; i++) {
      expect((await signInStaff(db, { email: "target@test.relay", password: `guess ${i}` }, meta)).kind).toBe(
        "invalid",
      );
    }
    const sixth = await signInStaff(db, { email: "target@test.relay", password }, meta);
    expect(sixth.kind).toBe("rate-limited");
    // The owner is told once, in the outbox, with the address the guesses came from.
    const notices = await db.emailOutbox.findMany({
      where: { toAddress: "target@test.relay", template: "account-locked" },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(meta.ipAddress);
    if (sixth.kind === "rate-limited") expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts from another address are unaffected.
    const { password: otherPassword } = await createTestStaff(db, { email: "other@test.relay" });
    expect(
      (
        await signInStaff(
          db,
          { email: "other@test.relay", password: otherPassword },
          { ...meta, ipAddress: "198.51.100.1" },
        )
      ).kind,
    ).toBe("ok");
  });

  it("limits one address spraying many accounts", async () => {
    for (let i = 0; i < IP_FAILURES.limit; i++) {
      await signInStaff(db, { email: `spray${i}@test.relay`, password: "x" }, meta);
    }
    const { password } = await createTestStaff(db, { email: "victim@test.relay" });
    expect((await signInStaff(db, { email: "victim@test.relay", password }, meta)).kind).toBe("rate-limited");
  });

  it("a success clears the account's failure count", async () => {
    const { password } = await createTestStaff(db, { email: "forgetful@test.relay" });
    for (let i = 0; i < ACCOUNT_FAILURES.limit - 1; i++)
      await signInStaff(db, { email: "forgetful@test.relay", password: "nope" }, meta);
    expect((await signInStaff(db, { email: "forgetful@test.relay", password }, meta)).kind).toBe("ok");
    for (let i = 0; i < ACCOUNT_FAILURES.limit - 1; i++)
      await signInStaff(db, { email: "forgetful@test.relay", password: "nope" }, meta);
    expect((await signInStaff(db, { email: "forgetful@test.relay", password }, meta)).kind).toBe("ok");
  });

  it("signs out one session or everywhere, with an audit record", async () => {
    const { staff, password } = await createTestStaff(db, { email: "leaver@test.relay" });
    const a = await signInStaff(db, { email: "leaver@test.relay", password }, meta);
    const b = await signInStaff(db, { email: "leaver@test.relay", password }, meta);
    if (a.kind !== "ok" || b.kind !== "ok") throw new Error("sign-in failed");
    const sessionA = (await validateStaffSessionToken(db, a.token))!.session;
    await signOutStaff(
      db,
      { staffId: staff.id, sessionId: sessionA.id },
      { everywhere: false, ipAddress: meta.ipAddress },
    );
    expect(await validateStaffSessionToken(db, a.token)).toBeNull();
    expect(await validateStaffSessionToken(db, b.token)).not.toBeNull();
    await signOutStaff(
      db,
      { staffId: staff.id, sessionId: "whatever" },
      { everywhere: true, ipAddress: meta.ipAddress },
    );
    expect(await validateStaffSessionToken(db, b.token)).toBeNull();
    expect(
      await db.auditLog.count({ where: { action: { in: ["staff.sign_out", "staff.sign_out_everywhere"] } } }),
    ).toBe(2);
  });

  it("validates input: e-mail format and required password", () => {
    expect(StaffSignInSchema.safeParse({ email: "not-an-email", password: "x" }).success).toBe(false);
    expect(StaffSignInSchema.safeParse({ email: "a@b.cn", password: "" }).success).toBe(false);
  });
});
