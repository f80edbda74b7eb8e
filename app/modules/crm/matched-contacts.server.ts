import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { MatchCandidate } from "./record-suggestions.server.ts";

// The matcher searches every contact (a match hidden by scope is still the person); the actor's
// browse scope decides what a caller shows of each: all of it, or only its name and owner.

const matchedContactSelect = {
  id: true,
  number: true,
  fullName: true,
  title: true,
  city: true,
  email: true,
  mobile: true,
  phone: true,
  company: { select: { name: true, city: true } },
  owner: { select: { name: true } },
} satisfies Prisma.ContactSelect;

/** A match outside the actor's scope: who it is called and who owns it, nothing else. */
export interface RestrictedMatchRow {
  visible: false;
  id: number;
  name: string;
  owner: string | null;
  score: number;
  verdict: MatchCandidate["verdict"];
}

export function restrictedMatch(candidate: MatchCandidate, row: MatchedContactRow): RestrictedMatchRow {
  const { score, verdict } = candidate;
  return { visible: false, id: row.id, name: row.fullName, owner: row.owner?.name ?? null, score, verdict };
}

export type MatchedContactRow = Prisma.ContactGetPayload<{ select: typeof matchedContactSelect }>;

/** Each candidate still on file, in the matcher's order, with its row and whether `scope` lets the actor see it. */
export async function matchedContacts<C extends { id: number }>(
  db: DbOrTx,
  scope: Prisma.ContactWhereInput | null,
  candidates: readonly C[],
): Promise<{ candidate: C; row: MatchedContactRow; visible: boolean }[]> {
  const ids = candidates.map((c) => c.id);
  if (ids.length === 0) return [];
  const [rows, visibleRows] = await Promise.all([
    db.contact.findMany({ where: { id: { in: ids } }, select: matchedContactSelect }),
    scope ? db.contact.findMany({ where: { AND: [scope, { id: { in: ids } }] }, select: { id: true } }) : [],
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const visible = new Set(visibleRows.map((r) => r.id));
  return candidates.flatMap((candidate) => {
    const row = byId.get(candidate.id);
    return row ? [{ candidate, row, visible: visible.has(row.id) }] : [];
  });
}
