import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { suggestRecordMatches } from "#app/modules/crm/record-suggestions.server.ts";

// "Does this company exist already?" before a create or a rename (#15 item 5): the fuzzy matcher
// searches every company, also outside the viewer's scope (decision 026's deliberate exception), but
// a candidate the viewer may not browse shows only its name and owner — never its fields or evidence.

export interface CompanyDuplicate {
  id: number;
  name: string;
  ownerName: string | null;
  /** False: outside the viewer's scope; only name and owner are filled in. */
  visible: boolean;
  number: string | null;
  city: string | null;
  score: number;
  verdict: "same" | "possible" | "none";
  evidence: Array<{ code: string; field: string }>;
}

/** Below this a candidate is noise for a "may already exist" warning. */
const WARN_SCORE = 0.5;

export async function findCompanyDuplicates(
  db: DbOrTx,
  actor: StaffActor,
  input: { name: string; phone?: string | null; city?: string | null; province?: string | null },
  limit = 5,
): Promise<CompanyDuplicate[]> {
  const { companies } = await suggestRecordMatches(
    db,
    { companyName: input.name, phone: input.phone, city: input.city, province: input.province },
    { limit: limit * 2, minScore: WARN_SCORE },
  );
  if (companies.length === 0) return [];
  const ids = companies.map((c) => c.id);
  const scope = await recordScopeWhere(db, actor, "company", "browse");
  const [rows, visibleRows] = await Promise.all([
    db.company.findMany({
      where: { id: { in: ids }, deletedAt: null },
      select: { id: true, name: true, number: true, city: true, owner: { select: { name: true } } },
    }),
    scope ? db.company.findMany({ where: { AND: [scope, { id: { in: ids } }] }, select: { id: true } }) : [],
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const visible = new Set(visibleRows.map((r) => r.id));
  return companies
    .flatMap((c) => {
      const row = byId.get(c.id);
      if (!row) return [];
      const seen = visible.has(c.id);
      return [
        {
          id: row.id,
          name: row.name,
          ownerName: row.owner?.name ?? null,
          visible: seen,
          number: seen ? row.number : null,
          city: seen ? row.city : null,
          score: seen ? c.score : 0,
          verdict: c.verdict,
          evidence: seen ? c.evidence : [],
        },
      ];
    })
    .slice(0, limit);
}
