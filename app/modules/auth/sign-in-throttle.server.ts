import type { Db } from "#app/lib/db.server.ts";
import { burnPasswordCheck, verifyPassword } from "./password.server.ts";
import { hitRateLimit, peekRateLimit, type RateLimitRule, type RateLimitState } from "./rate-limit.server.ts";

// The credential check staff and member sign-in share: only failures count, per account and per
// address (decision 003), and an unknown e-mail costs as much time as a wrong password.

export interface SignInThrottle {
  perAccount: RateLimitRule;
  perIp: RateLimitRule;
}

/** Seconds until this account or address may try again, or null when neither is locked. */
export async function signInLockedFor(
  db: Db,
  throttle: SignInThrottle,
  attempt: { email: string; ipAddress: string },
  now?: Date,
): Promise<number | null> {
  const [byAccount, byIp] = await Promise.all([
    peekRateLimit(db, throttle.perAccount, attempt.email, now),
    peekRateLimit(db, throttle.perIp, attempt.ipAddress, now),
  ]);
  return byAccount.limited || byIp.limited ? Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds) : null;
}

/** Counts a failed sign-in against the account and the address; answers the account's state. */
export async function countSignInFailure(
  db: Db,
  throttle: SignInThrottle,
  attempt: { email: string; ipAddress: string },
  now?: Date,
): Promise<RateLimitState> {
  const [accountState] = await Promise.all([
    hitRateLimit(db, throttle.perAccount, attempt.email, now),
    hitRateLimit(db, throttle.perIp, attempt.ipAddress, now),
  ]);
  return accountState;
}

/** Whether `password` is the account's; without an account the check takes just as long. */
export async function passwordMatches(account: { passwordHash: string } | null, password: string): Promise<boolean> {
  if (account) return verifyPassword(account.passwordHash, password);
  await burnPasswordCheck(password);
  return false;
}
