import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { parseSessionToken } from "./session-token.server.ts";
import {
  createStaffSession,
  invalidateAllStaffSessions,
  invalidateStaffSession,
  STAFF_SESSION_TTL_MS,
  validateStaffSessionToken,
} from "./staff-session.server.ts";

describe("staff sessions (Lucia-guide tokens)", () => {
  beforeEach(() => resetDatabase());

  it("issues id.secret tokens and stores only the secret's SHA-256", async () => {
    const { staff } = await createTestStaff(db);
    const { token, session } = await createStaffSession(db, staff.id);
    const parsed = parseSessionToken(token);
    expect(parsed?.id).toBe(session.id);
    const row = await db.staffSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.secretHash).toHaveLength(32);
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(parsed!.secret);
    expect((await validateStaffSessionToken(db, token))?.session.ownerId).toBe(staff.id);
  });

  it("rejects a wrong secret, a malformed token and no token", async () => {
    const { staff } = await createTestStaff(db);
    const { token } = await createStaffSession(db, staff.id);
    const [id, secret] = token.split(".") as [string, string];
    const flipped = `${id}.${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expect(await validateStaffSessionToken(db, flipped)).toBeNull();
    expect(await validateStaffSessionToken(db, "garbage")).toBeNull();
    expect(await validateStaffSessionToken(db, null)).toBeNull();
  });

  it("expires sessions and deletes them when seen expired", async () => {
    const { staff } = await createTestStaff(db);
    const t0 = new Date("2026-01-01T00:00:00Z");
    const { token, session } = await createStaffSession(db, staff.id, {}, t0);
    expect(await validateStaffSessionToken(db, token, new Date(t0.getTime() + STAFF_SESSION_TTL_MS + 1))).toBeNull();
    expect(await db.staffSession.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("slides the expiry forward when less than half the lifetime remains", async () => {
    const { staff } = await createTestStaff(db);
    const t0 = new Date("2026-01-01T00:00:00Z");
    const { token } = await createStaffSession(db, staff.id, {}, t0);
    const early = await validateStaffSessionToken(db, token, new Date(t0.getTime() + 60_000));
    expect(early?.refreshed).toBe(false);
    const late = new Date(t0.getTime() + STAFF_SESSION_TTL_MS * 0.75);
    const slid = await validateStaffSessionToken(db, token, late);
    expect(slid?.refreshed).toBe(true);
    expect(slid?.session.expiresAt.getTime()).toBe(late.getTime() + STAFF_SESSION_TTL_MS);
  });

  it("ends one session or all of them, and refuses sessions of deactivated staff", async () => {
    const { staff } = await createTestStaff(db);
    const a = await createStaffSession(db, staff.id);
    const b = await createStaffSession(db, staff.id);
    await invalidateStaffSession(db, a.session.id);
    expect(await validateStaffSessionToken(db, a.token)).toBeNull();
    expect(await validateStaffSessionToken(db, b.token)).not.toBeNull();
    const c = await createStaffSession(db, staff.id);
    expect(await invalidateAllStaffSessions(db, staff.id)).toBe(2);
    expect(await validateStaffSessionToken(db, c.token)).toBeNull();

    const d = await createStaffSession(db, staff.id);
    await db.staff.update({ where: { id: staff.id }, data: { status: "inactive" } });
    expect(await validateStaffSessionToken(db, d.token)).toBeNull();
  });
});
