import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { auditedChange } from "#app/modules/audit/audited-change.server.ts";

// The records a sign-in writes, staff or member alike. A success: a new session row (ASVS 7.2.4: a
// cookie planted before sign-in never survives it), the account's lastSignInAt and the audit row,
// together. A failure on a known account: its audit row.

export interface SignedInAccount {
  type: "staff" | "member";
  id: number;
}

export function openSignInSession<S extends { session: { id: string } }>(
  db: Db,
  account: SignedInAccount,
  meta: { ipAddress: string; at: Date },
  createSession: (tx: Tx) => Promise<S>,
): Promise<S> {
  return auditedChange(
    db,
    async (tx) => {
      // The account row first: inserting the session takes a shared lock on it (foreign key), and
      // two sign-ins that both hold that lock and then update the row deadlock (P2034 → 500).
      // Taking the exclusive lock first makes concurrent sign-ins of one account queue instead.
      const data = { lastSignInAt: meta.at };
      if (account.type === "staff") await tx.staff.update({ where: { id: account.id }, data });
      else await tx.member.update({ where: { id: account.id }, data });
      return createSession(tx);
    },
    (created) => ({
      actor: account,
      action: `${account.type}.sign_in`,
      entityType: account.type === "staff" ? "StaffSession" : "MemberSession",
      entityId: created.session.id,
      ipAddress: meta.ipAddress,
    }),
  );
}

/** A failed sign-in on an existing account (the actor is the system: nobody proved who they are). */
export async function recordFailedSignIn(tx: DbOrTx, account: SignedInAccount, ipAddress: string): Promise<void> {
  await recordAudit(tx, {
    actor: { type: "system" },
    action: `${account.type}.sign_in_failed`,
    entityType: account.type === "staff" ? "Staff" : "Member",
    entityId: account.id,
    ipAddress,
  });
}
