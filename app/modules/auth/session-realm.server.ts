import type { DbOrTx } from "#app/lib/db.server.ts";
import { newSessionToken, parseSessionToken, secretMatches } from "./session-token.server.ts";

// The session logic shared by the staff and member realms. Each realm has its own table (and cookie);
// this module only needs a few operations on that table.

export interface StoredSession<Owner = undefined> {
  id: string;
  ownerId: number;
  expiresAt: Date;
  secretHash: Uint8Array;
  /** False when the owner may no longer sign in (deactivated, suspended …): the session dies. */
  ownerMaySignIn: boolean;
  /**
   * The owner's row when the table reads it in the same statement as the session (every signed-in
   * request needs it; one round trip instead of two, decision 064). Handed out only for a valid session.
   */
  owner?: Owner;
}

export interface SessionTable<Owner = undefined> {
  insert(
    db: DbOrTx,
    row: {
      id: string;
      secretHash: Uint8Array;
      ownerId: number;
      now: Date;
      expiresAt: Date;
      ipAddress: string | null;
      userAgent: string | null;
    },
  ): Promise<void>;
  find(db: DbOrTx, id: string): Promise<StoredSession<Owner> | null>;
  setExpiry(db: DbOrTx, id: string, expiresAt: Date, now: Date): Promise<void>;
  remove(db: DbOrTx, id: string): Promise<void>;
  removeAllFor(db: DbOrTx, ownerId: number, exceptId?: string): Promise<number>;
}

export interface SessionRecord {
  id: string;
  ownerId: number;
  expiresAt: Date;
}

export interface ValidatedSession<Owner = undefined> {
  session: SessionRecord;
  /** True when the expiry moved: the cookie must be re-sent with the new Max-Age. */
  refreshed: boolean;
  /** The owner's row, when the table's `find` read it (StoredSession.owner). */
  owner?: Owner;
}

/**
 * Sliding expiry: a session lives `ttlMs` after its last use; the new expiry is written only when less
 * than half remains, so an active user costs one UPDATE every few days, not one per request.
 */
export function createSessionRealm<Owner = undefined>(table: SessionTable<Owner>, ttlMs: number) {
  return {
    ttlMs,

    async create(
      db: DbOrTx,
      ownerId: number,
      meta: { ipAddress?: string | null; userAgent?: string | null } = {},
      now = new Date(),
    ): Promise<{ token: string; session: SessionRecord }> {
      const { id, token, secretHash } = newSessionToken();
      const expiresAt = new Date(now.getTime() + ttlMs);
      await table.insert(db, {
        id,
        secretHash,
        ownerId,
        now,
        expiresAt,
        ipAddress: meta.ipAddress ?? null,
        userAgent: meta.userAgent ?? null,
      });
      return { token, session: { id, ownerId, expiresAt } };
    },

    async validate(
      db: DbOrTx,
      token: string | null | undefined,
      now = new Date(),
    ): Promise<ValidatedSession<Owner> | null> {
      const parsed = parseSessionToken(token);
      if (!parsed) return null;
      const row = await table.find(db, parsed.id);
      if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;
      if (row.expiresAt.getTime() <= now.getTime() || !row.ownerMaySignIn) {
        await table.remove(db, row.id);
        return null;
      }
      if (row.expiresAt.getTime() - now.getTime() >= ttlMs / 2) {
        return {
          session: { id: row.id, ownerId: row.ownerId, expiresAt: row.expiresAt },
          refreshed: false,
          owner: row.owner,
        };
      }
      const expiresAt = new Date(now.getTime() + ttlMs);
      await table.setExpiry(db, row.id, expiresAt, now);
      return { session: { id: row.id, ownerId: row.ownerId, expiresAt }, refreshed: true, owner: row.owner };
    },

    invalidate(db: DbOrTx, sessionId: string): Promise<void> {
      return table.remove(db, sessionId);
    },

    /** "Sign out everywhere" (optionally keeping the current session, e.g. after a password change). */
    invalidateAll(db: DbOrTx, ownerId: number, exceptSessionId?: string): Promise<number> {
      return table.removeAllFor(db, ownerId, exceptSessionId);
    },
  };
}

export type SessionRealm<Owner = undefined> = ReturnType<typeof createSessionRealm<Owner>>;
