import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { parseFreeText, type ParsedQuery } from "#search/fuzzy/free-text-query.ts";
import { matchedContacts, restrictedMatch, type RestrictedMatchRow } from "./matched-contacts.server.ts";
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
export type { RestrictedMatchRow };
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
  const candidates = (await matchedContacts(db, scope, contacts)).map(
    ({ candidate: c, row, visible }): ContactMatchRow => {
      if (!visible) return restrictedMatch(c, row);
      return {
        ...restrictedMatch(c, row),
        visible: true,
        number: row.number,
        company: row.company?.name ?? null,
        city: row.city ?? row.company?.city ?? null,
        email: row.email,
        phone: row.mobile ?? row.phone,
        evidence: c.evidence,
      };
    },
  );
  return { query, parsed, candidates };
}
