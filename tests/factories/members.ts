import type { MemberLevel, MemberStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";

let counter = 0;
let cachedHash: { password: string; hash: Promise<string> } | undefined;

/** A portal member straight in the database (argon2 hash cached: it is slow on purpose). */
export async function createTestMember(
  db: Db,
  options: {
    email?: string;
    nickname?: string;
    password?: string;
    status?: MemberStatus;
    level?: MemberLevel;
    realName?: string;
    phone?: string;
  } = {},
) {
  counter++;
  const password = options.password ?? "a long member passphrase";
  if (!cachedHash || cachedHash.password !== password) cachedHash = { password, hash: hashPassword(password) };
  const stamp = `${process.pid}${counter}${Date.now().toString(36)}`;
  const member = await db.member.create({
    data: {
      email: options.email ?? `member${stamp}@test.relay`,
      nickname: options.nickname ?? `会员${stamp}`.slice(0, 40),
      passwordHash: await cachedHash.hash,
      status: options.status ?? "active",
      level: options.level ?? "prospect",
      realName: options.realName ?? null,
      phone: options.phone ?? null,
      activatedAt: (options.status ?? "active") === "pending" ? null : new Date(),
    },
  });
  return { member, password };
}
