import type { Db } from "#app/lib/db.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import type { Action, Module, Scope } from "#app/modules/auth/permissions.ts";

let counter = 0;
let cachedHash: { password: string; hash: Promise<string> } | undefined;

/** A staff member with one role holding the given grants. Password hashing is cached: argon2 is slow on purpose. */
export async function createTestStaff(
  db: Db,
  options: {
    email?: string;
    password?: string;
    status?: "active" | "away" | "inactive";
    isAdmin?: boolean;
    grants?: Array<{ module: Module; action: Action; scope: Scope }>;
    teamId?: number | null;
  } = {},
) {
  // Taken before any await: concurrent calls must not read a counter another call moved on.
  const n = ++counter;
  const stamp = `${process.pid}-${n}-${Date.now()}`;
  const password = options.password ?? "correct horse battery";
  if (!cachedHash || cachedHash.password !== password) cachedHash = { password, hash: hashPassword(password) };
  const role = await db.role.create({
    data: {
      code: `test-role-${stamp}`,
      name: `测试角色 ${n}`,
      isAdmin: options.isAdmin ?? false,
      permissions: { create: options.grants ?? [] },
    },
  });
  const staff = await db.staff.create({
    data: {
      email: options.email ?? `staff${stamp}@test.relay`,
      name: `测试员工${n}`,
      passwordHash: await cachedHash.hash,
      status: options.status ?? "active",
      teamId: options.teamId ?? null,
      roles: { create: [{ roleId: role.id }] },
    },
  });
  return { staff, role, password };
}
