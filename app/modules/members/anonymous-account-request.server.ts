import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { hitRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";

// Requests about an account from someone who is not signed in ("forgot password", "resend the
// activation mail", registering a taken address): each counts against a limit per IP address and
// one per e-mail address, and what it leads to is audited as the system's doing (nobody proved who
// they are).

export interface AnonymousRequestLimits {
  perIp: RateLimitRule;
  perAddress: RateLimitRule;
}

/** Counts the request; the longer wait in seconds when either limit is over, else null. */
export async function hitAnonymousRequestLimits(
  db: Db,
  limits: AnonymousRequestLimits,
  request: { ipAddress: string; email: string },
  now?: Date,
): Promise<number | null> {
  const [byIp, byAddress] = await Promise.all([
    hitRateLimit(db, limits.perIp, request.ipAddress, now),
    hitRateLimit(db, limits.perAddress, request.email, now),
  ]);
  const over = [
    byIp.count > limits.perIp.limit ? byIp : null,
    byAddress.count > limits.perAddress.limit ? byAddress : null,
  ];
  if (!over.some(Boolean)) return null;
  return Math.max(...over.map((state) => state?.retryAfterSeconds ?? 0));
}

/** The audit row of what an anonymous request did to member `memberId`. */
export async function auditAnonymousRequest(
  tx: DbOrTx,
  action: string,
  memberId: number,
  ipAddress: string,
): Promise<void> {
  await recordAudit(tx, { actor: { type: "system" }, action, entityType: "Member", entityId: memberId, ipAddress });
}
