import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { companyNameKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import {
  companyFeatures,
  companyFeatureSelect,
  contactFeatures,
  contactFeatureSelect,
  matchIndex,
} from "#search/fuzzy/contact-index.server.ts";
import { isEmptyFeatures, toFeatures, type MatchFeatures, type MatchFields } from "#search/fuzzy/features.ts";
import type { MatchIndex } from "#search/fuzzy/match-index.ts";
import { scoreCandidate, type Evidence } from "#search/fuzzy/scorer.ts";
import { rankCandidates } from "#search/fuzzy/rank.ts";

// Suggested existing contacts/companies for loose input: lead intake and conversion, member
// linking, the "find this person" box. Candidates come from the in-memory fuzzy index (blocking
// keys, search/fuzzy) plus exact key lookups in the DB (always fresh, even before the index's next
// sync); every candidate is then re-read from the DB and scored on its current row.

export interface MatchCandidate {
  type: "contact" | "company";
  id: number;
  score: number /*0..1*/;
  verdict: "same" | "possible" | "none";
  evidence: Array<{ code: string; field: string }>;
  label: string;
  sublabel?: string;
}

/** The matcher's fields, with the phone list as the two numbers a form has. */
export interface SuggestInput extends Omit<MatchFields, "phones"> {
  phone?: string | null;
  mobile?: string | null;
}

export interface SuggestOptions {
  limit?: number;
  /** Candidates scoring below this are left out (default 0.3: weaker hints are noise). */
  minScore?: number;
  /** Restrict contacts (e.g. to the viewer's permission scope); applied before the limit. */
  contactWhere?: Prisma.ContactWhereInput;
  /** The same for companies (lead conversion passes the viewer's companies scope). */
  companyWhere?: Prisma.CompanyWhereInput;
}

/** How many index candidates are re-read from the DB per type (the limit is applied after). */
const RESCORE_POOL = 40;

export function suggestionFeatures(input: SuggestInput): MatchFeatures {
  return toFeatures({
    name: input.name,
    email: input.email,
    phones: [input.mobile, input.phone],
    companyName: input.companyName,
    city: input.city,
    province: input.province,
    emailDomain: input.emailDomain,
    initials: input.initials,
    phoneFragments: input.phoneFragments,
    nameMayBeCity: input.nameMayBeCity,
  });
}

function publicEvidence(evidence: Evidence[]): MatchCandidate["evidence"] {
  return evidence.map(({ code, field }) => ({ code, field }));
}

function indexIds(index: MatchIndex, features: MatchFeatures): number[] {
  return index.search(features, RESCORE_POOL).map((m) => m.id);
}

export async function suggestRecordMatches(
  db: DbOrTx,
  input: SuggestInput,
  opts?: SuggestOptions,
): Promise<{ contacts: MatchCandidate[]; companies: MatchCandidate[] }> {
  const limit = opts?.limit ?? 5;
  const minScore = opts?.minScore ?? 0.3;
  const features = suggestionFeatures(input);
  if (isEmptyFeatures(features)) return { contacts: [], companies: [] };

  const index = matchIndex();
  await index.ready(db);

  const email = emailKey(input.email);
  const phones = [phoneKey(input.mobile), phoneKey(input.phone)].filter((p): p is string => p !== null);
  const name = features.name?.key ?? null;
  const companyKey = input.companyName ? companyNameKey(input.companyName) || null : null;
  const contactOr = [
    ...(email ? [{ emailKey: email }] : []),
    ...(phones.length ? [{ phoneKey: { in: phones } }] : []),
    ...(name ? [{ fullName: name }] : []),
  ];
  const companyOr = [
    ...(companyKey ? [{ nameKey: companyKey }] : []),
    ...(phones.length ? [{ phoneKey: { in: phones } }] : []),
  ];
  // One round trip: the exact-key lookups (fresh even before the index's next sync) and the rows of
  // the index's candidates are read side by side, each with the full row the scorer needs.
  const indexContactIds = indexIds(index.contacts, features);
  const indexCompanyIds = indexIds(index.companies, features);
  const contactSelect = { ...contactFeatureSelect, number: true, ownerId: true } as const;
  const companySelect = { ...companyFeatureSelect, number: true } as const;
  // Records in the recycle bin (and merged-away ones) are never candidates, whoever asks.
  const contactScoped = (where: Prisma.ContactWhereInput): Prisma.ContactWhereInput => ({
    AND: [where, { deletedAt: null }, ...(opts?.contactWhere ? [opts.contactWhere] : [])],
  });
  const companyScoped = (where: Prisma.CompanyWhereInput): Prisma.CompanyWhereInput => ({
    AND: [where, { deletedAt: null }, ...(opts?.companyWhere ? [opts.companyWhere] : [])],
  });
  const [exactContacts, exactCompanies, indexedContacts, indexedCompanies] = await Promise.all([
    contactOr.length
      ? db.contact.findMany({ where: contactScoped({ OR: contactOr }), select: contactSelect, take: RESCORE_POOL })
      : [],
    companyOr.length
      ? db.company.findMany({ where: companyScoped({ OR: companyOr }), select: companySelect, take: RESCORE_POOL })
      : [],
    indexContactIds.length
      ? db.contact.findMany({ where: contactScoped({ id: { in: indexContactIds } }), select: contactSelect })
      : [],
    indexCompanyIds.length
      ? db.company.findMany({ where: companyScoped({ id: { in: indexCompanyIds } }), select: companySelect })
      : [],
  ]);
  const unique = <T extends { id: number }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.id, r])).values()];
  const contactRows = unique([...exactContacts, ...indexedContacts]);
  const companyRows = unique([...exactCompanies, ...indexedCompanies]);
  const contactIds = indexContactIds;
  const companyIds = indexCompanyIds;

  // Keep the index honest: rows read now are the truth (a vanished id is unindexed unless a scope
  // filter, not a deletion, hid it).
  const seenContacts = new Set(contactRows.map((r) => r.id));
  if (!opts?.contactWhere) for (const id of contactIds) if (!seenContacts.has(id)) index.contacts.remove(id);
  const seenCompanies = new Set(companyRows.map((r) => r.id));
  if (!opts?.companyWhere) for (const id of companyIds) if (!seenCompanies.has(id)) index.companies.remove(id);

  // Rows read now refresh their index entry, then score against the query (too low: left out).
  const candidate = (
    type: MatchCandidate["type"],
    id: number,
    rowFeatures: MatchFeatures,
    shown: Pick<MatchCandidate, "label" | "sublabel">,
  ): MatchCandidate[] => {
    (type === "contact" ? index.contacts : index.companies).upsert(id, rowFeatures);
    const result = scoreCandidate(features, rowFeatures, type);
    if (result.score < minScore) return [];
    return [
      { type, id, score: result.score, verdict: result.verdict, evidence: publicEvidence(result.evidence), ...shown },
    ];
  };
  const joined = (parts: Array<string | null | undefined>) => parts.filter(Boolean).join(" · ") || undefined;
  // Contacts are ranked together: the typo rule and the tie-break look across candidates.
  const contactRowById = new Map(contactRows.map((row) => [row.id, row]));
  const rankInput = contactRows.map((row) => ({ id: row.id, features: contactFeatures(row) }));
  for (const item of rankInput) index.contacts.upsert(item.id, item.features);
  const contacts: MatchCandidate[] = rankCandidates(features, rankInput, "contact")
    .filter((r) => r.score >= minScore)
    .map((r) => {
      const row = contactRowById.get(r.id)!;
      return {
        type: "contact",
        id: r.id,
        score: r.score,
        verdict: r.verdict,
        evidence: publicEvidence(r.evidence),
        label: row.fullName,
        sublabel: joined([row.company?.name, row.city, row.email]),
      };
    });
  const companies = companyRows.flatMap((row) =>
    candidate("company", row.id, companyFeatures(row), { label: row.name, sublabel: joined([row.city, row.number]) }),
  );
  const byScore = (a: MatchCandidate, b: MatchCandidate) => b.score - a.score || a.id - b.id;
  return { contacts: contacts.slice(0, limit), companies: companies.sort(byScore).slice(0, limit) };
}
