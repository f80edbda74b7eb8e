import type { DbOrTx } from "#app/lib/db.server.ts";
import { companyNameKey, contactPhoneKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import type { LeadSubmission } from "./lead-submission.ts";

// Likely existing contacts and companies for a new lead, by exact normalised keys (index lookups).
// The fuzzy-matcher issue replaces this with scored candidates; the stored shape stays the same.

export interface LeadMatch {
  type: "contact" | "company";
  id: number;
  score: number;
}

export const MATCH_SCORE = { email: 1, phone: 0.9, companyName: 0.8 } as const;
/** A probe with this many hits or more is too generic (a shared switchboard, "公司") and is dropped. */
export const PROBE_HIT_LIMIT = 21;
export const MAX_MATCHES = 10;

export interface LeadKeys {
  /** Stored on the lead: lower-cased e-mail, mobile-first phone digits, company name key. */
  emailKey: string | null;
  phoneKey: string | null;
  companyKey: string | null;
  /** Every phone of the contact, for probing (contacts store mobile-first, a lead may give either). */
  phoneProbes: string[];
}

export function leadKeys(submission: Pick<LeadSubmission, "contact" | "company">): LeadKeys {
  const contact = submission.contact;
  const companyKey = submission.company?.name ? companyNameKey(submission.company.name) || null : null;
  const phoneProbes = [phoneKey(contact?.mobile), phoneKey(contact?.phone)].filter((k): k is string => k !== null);
  return {
    emailKey: emailKey(contact?.email),
    phoneKey: contact ? contactPhoneKey(contact) : null,
    companyKey,
    phoneProbes: [...new Set(phoneProbes)],
  };
}

export async function findExactMatches(db: DbOrTx, keys: LeadKeys): Promise<LeadMatch[]> {
  const [byEmail, byPhone, byCompany] = await Promise.all([
    keys.emailKey
      ? db.contact.findMany({ where: { emailKey: keys.emailKey }, select: { id: true }, take: PROBE_HIT_LIMIT })
      : [],
    keys.phoneProbes.length > 0
      ? db.contact.findMany({
          where: { phoneKey: { in: keys.phoneProbes } },
          select: { id: true },
          take: PROBE_HIT_LIMIT,
        })
      : [],
    keys.companyKey
      ? db.company.findMany({ where: { nameKey: keys.companyKey }, select: { id: true }, take: PROBE_HIT_LIMIT })
      : [],
  ]);

  const best = new Map<string, LeadMatch>();
  const add = (type: LeadMatch["type"], rows: Array<{ id: number }>, score: number) => {
    if (rows.length >= PROBE_HIT_LIMIT) return;
    for (const { id } of rows) {
      const key = `${type}:${id}`;
      const current = best.get(key);
      if (!current || current.score < score) best.set(key, { type, id, score });
    }
  };
  add("contact", byEmail, MATCH_SCORE.email);
  add("contact", byPhone, MATCH_SCORE.phone);
  add("company", byCompany, MATCH_SCORE.companyName);
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id - b.id)
    .slice(0, MAX_MATCHES);
}
