import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { parseFreeText, type ParsedQuery } from "#search/fuzzy/free-text-query.ts";
import { suggestRecordMatches, type MatchCandidate } from "./record-suggestions.server.ts";

// "Find this person" (查找此人): free text such as "刘强 深圳 liu@xyz.com" → the most likely
// existing contacts, ranked, with score, verdict and per-field evidence.
//
// Permissions (issue #15 item 5, replacing decision 016's "search only what you may browse"): the
// matcher searches ALL contacts (not in the recycle bin) — a match hidden by scope is still the
// person, and hiding it invites the duplicate the box is there to prevent. Scope decides what is
// SHOWN: a contact the actor may browse (recordScopeWhere: own / team / all, plus shares) comes with
// its fields and evidence; any other comes as its name and owner only ("a matching contact owned by
// 陈静 exists — ask for access"), never its number, company, city, e-mail, phone or evidence.

export { MATCH_QUERY_MAX } from "./match-limits.ts";
export const MATCH_LIMIT = 10;

export interface VisibleMatchRow {
  visible: true;
  id: number;
  number: string;
  name: string;
  company: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  owner: string | null;
  score: number;
  verdict: MatchCandidate["verdict"];
  evidence: MatchCandidate["evidence"];
}

/** A match outside the actor's scope: who it is called and who owns it, nothing else. */
export interface RestrictedMatchRow {
  visible: false;
  id: number;
  name: string;
  owner: string | null;
  score: number;
  verdict: MatchCandidate["verdict"];
}

export type ContactMatchRow = VisibleMatchRow | RestrictedMatchRow;

export interface ContactMatchResult {
  query: string;
  parsed: ParsedQuery;
  candidates: ContactMatchRow[];
}

export async function findPerson(
  db: DbOrTx,
  actor: StaffActor,
  query: string,
  limit = MATCH_LIMIT,
): Promise<ContactMatchResult> {
  const parsed = parseFreeText(query);
  const scope = await recordScopeWhere(db, actor, "contact", "browse");
  if (scope === null) return { query, parsed, candidates: [] };
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
      emailDomain: parsed.emailDomain,
      initials: parsed.initials,
      phoneFragments: parsed.phoneFragments,
      nameMayBeCity: parsed.nameMayBeCity,
    },
    { limit, minScore: 0.2, contactWhere: { deletedAt: null } },
  );
  const ids = contacts.map((c) => c.id);
  if (ids.length === 0) return { query, parsed, candidates: [] };
  const [rows, visibleRows] = await Promise.all([
    db.contact.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        number: true,
        fullName: true,
        city: true,
        email: true,
        mobile: true,
        phone: true,
        company: { select: { name: true, city: true } },
        owner: { select: { name: true } },
      },
    }),
    db.contact.findMany({ where: { AND: [scope, { id: { in: ids } }] }, select: { id: true } }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const visible = new Set(visibleRows.map((r) => r.id));
  const candidates: ContactMatchRow[] = [];
  for (const c of contacts) {
    const row = byId.get(c.id);
    if (!row) continue;
    const owner = row.owner?.name ?? null;
    if (!visible.has(row.id)) {
      candidates.push({ visible: false, id: row.id, name: row.fullName, owner, score: c.score, verdict: c.verdict });
      continue;
    }
    candidates.push({
      visible: true,
      id: row.id,
      number: row.number,
      name: row.fullName,
      company: row.company?.name ?? null,
      city: row.city ?? row.company?.city ?? null,
      email: row.email,
      phone: row.mobile ?? row.phone,
      owner,
      score: c.score,
      verdict: c.verdict,
      evidence: c.evidence,
    });
  }
  return { query, parsed, candidates };
}
