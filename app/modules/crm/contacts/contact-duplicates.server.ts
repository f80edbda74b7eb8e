import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { matchedContacts, restrictedMatch, type RestrictedMatchRow } from "#app/modules/crm/matched-contacts.server.ts";
import { suggestRecordMatches, type MatchCandidate } from "#app/modules/crm/record-suggestions.server.ts";

// "Is this person already in the CRM?" before a contact is saved (issue #15 item 5): the fuzzy
// matcher runs over ALL contacts (a duplicate hidden by scope is still a duplicate), but a candidate
// outside the viewer's scope is shown only as "a matching contact owned by 陈静 exists" — its name
// and owner, never its other fields — with the way to ask for access.

export interface DuplicateInput {
  familyName?: string | null;
  givenName?: string | null;
  fullName?: string | null;
  email?: string | null;
  mobile?: string | null;
  phone?: string | null;
  companyName?: string | null;
  city?: string | null;
  province?: string | null;
}

export type DuplicateCandidate =
  | {
      visible: true;
      id: number;
      number: string;
      name: string;
      company: string | null;
      title: string | null;
      email: string | null;
      mobile: string | null;
      owner: string | null;
      score: number;
      verdict: MatchCandidate["verdict"];
      evidence: MatchCandidate["evidence"];
    }
  | RestrictedMatchRow;

export async function findContactDuplicates(
  db: DbOrTx,
  actor: StaffActor,
  input: DuplicateInput,
  options: { excludeId?: number; limit?: number } = {},
): Promise<DuplicateCandidate[]> {
  const name = input.fullName ?? [input.familyName, input.givenName].filter(Boolean).join("");
  const { contacts } = await suggestRecordMatches(
    db,
    {
      name: name || null,
      email: input.email ?? null,
      mobile: input.mobile ?? null,
      phone: input.phone ?? null,
      companyName: input.companyName ?? null,
      city: input.city ?? null,
      province: input.province ?? null,
    },
    {
      limit: (options.limit ?? 5) + 1,
      minScore: 0.5,
      contactWhere: { deletedAt: null, ...(options.excludeId ? { id: { not: options.excludeId } } : {}) },
    },
  );
  const candidates = contacts.filter((c) => c.verdict !== "none").slice(0, options.limit ?? 5);
  if (candidates.length === 0) return [];
  const scope = await recordScopeWhere(db, actor, "contact", "browse");
  return (await matchedContacts(db, scope, candidates)).map(({ candidate: c, row, visible }): DuplicateCandidate => {
    if (!visible) return restrictedMatch(c, row);
    return {
      ...restrictedMatch(c, row),
      visible: true,
      number: row.number,
      company: row.company?.name ?? null,
      title: row.title,
      email: row.email,
      mobile: row.mobile ?? row.phone,
      evidence: c.evidence,
    };
  });
}

/** The matcher's input from a posted contact form (the company's name looked up by its id). */
export async function duplicateInputFromForm(db: DbOrTx, form: FormData): Promise<DuplicateInput> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value.trim() ? value.trim().slice(0, 200) : null;
  };
  const companyId = Number(text("companyId"));
  const company =
    text("companyMode") === "known" && Number.isInteger(companyId) && companyId > 0 && companyId <= 2_147_483_647
      ? await db.company.findUnique({ where: { id: companyId }, select: { name: true } })
      : null;
  return {
    familyName: text("familyName"),
    givenName: text("givenName"),
    email: text("email") ?? text("email2"),
    mobile: text("mobile"),
    phone: text("phone"),
    companyName: company?.name ?? null,
    city: text("city"),
    province: text("province"),
  };
}
