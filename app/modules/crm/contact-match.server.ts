import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { parseFreeText, type ParsedQuery } from "#search/fuzzy/free-text-query.ts";
import { suggestRecordMatches, type MatchCandidate } from "./record-suggestions.server.ts";

// "Find this person" (查找此人): free text such as "刘强 深圳 liu@xyz.com" → the most likely
// existing contacts, ranked, with score, verdict and per-field evidence.
//
// Permissions (decision 016): the box answers with the contacts the actor's contacts × browse scope
// allows — own → contacts they own, team → contacts owned by their team, all → every contact — plus
// contacts that have no owner (nobody's record; hiding them would invite the duplicates the box is
// there to prevent). Candidates outside the scope are left out entirely, not masked: a masked hit
// would still reveal that the person is in the CRM.

export { MATCH_QUERY_MAX } from "./match-limits.ts";
export const MATCH_LIMIT = 10;

export interface ContactMatchRow {
  id: number;
  number: string;
  name: string;
  company: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  score: number;
  verdict: MatchCandidate["verdict"];
  evidence: MatchCandidate["evidence"];
}

export interface ContactMatchResult {
  query: string;
  parsed: ParsedQuery;
  candidates: ContactMatchRow[];
}

async function scopeWhere(db: DbOrTx, actor: StaffActor): Promise<Prisma.ContactWhereInput | null | false> {
  const scope = scopeFor(actor, "contacts", "browse");
  if (scope === "all") return null;
  if (scope === null) return false;
  let owners = [actor.staffId];
  if (scope === "team" && actor.teamId !== null) {
    const team = await db.staff.findMany({ where: { teamId: actor.teamId }, select: { id: true } });
    owners = team.map((s) => s.id);
  }
  return { OR: [{ ownerId: null }, { ownerId: { in: owners } }] };
}

export async function findPerson(
  db: DbOrTx,
  actor: StaffActor,
  query: string,
  limit = MATCH_LIMIT,
): Promise<ContactMatchResult> {
  const parsed = parseFreeText(query);
  const where = await scopeWhere(db, actor);
  if (where === false) return { query, parsed, candidates: [] };
  const { contacts } = await suggestRecordMatches(
    db,
    {
      name: parsed.name,
      email: parsed.email,
      mobile: parsed.phones[0] ?? null,
      phone: parsed.phones[1] ?? null,
      companyName: parsed.companyName,
      city: parsed.city,
      province: parsed.province,
    },
    { limit, minScore: 0.2, ...(where ? { contactWhere: where } : {}) },
  );
  const rows = await db.contact.findMany({
    where: { id: { in: contacts.map((c) => c.id) } },
    select: {
      id: true,
      number: true,
      fullName: true,
      city: true,
      email: true,
      mobile: true,
      phone: true,
      company: { select: { name: true, city: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidates: ContactMatchRow[] = [];
  for (const c of contacts) {
    const row = byId.get(c.id);
    if (!row) continue;
    candidates.push({
      id: row.id,
      number: row.number,
      name: row.fullName,
      company: row.company?.name ?? null,
      city: row.city ?? row.company?.city ?? null,
      email: row.email,
      phone: row.mobile ?? row.phone,
      score: c.score,
      verdict: c.verdict,
      evidence: c.evidence,
    });
  }
  return { query, parsed, candidates };
}
