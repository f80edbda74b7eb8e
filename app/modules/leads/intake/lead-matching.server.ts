import { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { companyNameKey, contactPhoneKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { suggestRecordMatches, type SuggestInput } from "#app/modules/crm/record-suggestions.server.ts";
import { toFeatures } from "#search/fuzzy/features.ts";
import { scoreCandidate, THRESHOLDS } from "#search/fuzzy/scorer.ts";
import type { LeadSubmission } from "./lead-submission.ts";

// Likely existing contacts and companies for a new lead. Two sources, merged:
//  - exact normalised keys (index lookups) with fixed, documented scores: e-mail 1, phone 0.9,
//    company name 0.8 — the anchors' behaviour, kept as the stable part of the stored contract;
//  - the fuzzy matcher (search/fuzzy, decision 016) for everything the keys miss: typos, pinyin
//    e-mails, reformatted phones, company-name variants — candidates judged "possible" or "same",
//    with the fuzzy score (0..1).
// Stored shape: [{ type, id, score }] (external contract; see openapi.ts).

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

/** One statement for the three probes (each still capped at PROBE_HIT_LIMIT, lowest ids first). */
export async function findExactMatches(db: DbOrTx, keys: LeadKeys): Promise<LeadMatch[]> {
  const probes: Prisma.Sql[] = [];
  if (keys.emailKey)
    probes.push(Prisma.sql`(SELECT 'email' AS \`probe\`, \`id\` FROM \`Contact\` WHERE \`emailKey\` = ${keys.emailKey}
      ORDER BY \`id\` LIMIT ${PROBE_HIT_LIMIT})`);
  if (keys.phoneProbes.length > 0)
    probes.push(Prisma.sql`(SELECT 'phone' AS \`probe\`, \`id\` FROM \`Contact\`
      WHERE \`phoneKey\` IN (${Prisma.join(keys.phoneProbes)}) ORDER BY \`id\` LIMIT ${PROBE_HIT_LIMIT})`);
  if (keys.companyKey)
    probes.push(Prisma.sql`(SELECT 'company' AS \`probe\`, \`id\` FROM \`Company\` WHERE \`nameKey\` = ${keys.companyKey}
      ORDER BY \`id\` LIMIT ${PROBE_HIT_LIMIT})`);
  const hits =
    probes.length > 0
      ? await db.$queryRaw<Array<{ probe: string; id: number | bigint }>>`${Prisma.join(probes, " UNION ALL ")}`
      : [];
  const rowsOf = (probe: string) => hits.filter((h) => h.probe === probe).map((h) => ({ id: Number(h.id) }));
  const [byEmail, byPhone, byCompany] = [rowsOf("email"), rowsOf("phone"), rowsOf("company")];

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

/** The submission as matcher input. */
export function leadSuggestInput(submission: Pick<LeadSubmission, "contact" | "company">): SuggestInput {
  const contact = submission.contact;
  return {
    name: contact?.name ?? null,
    email: contact?.email ?? null,
    mobile: contact?.mobile ?? null,
    phone: contact?.phone ?? null,
    companyName: submission.company?.name ?? null,
    city: submission.company?.city ?? null,
    province: submission.company?.province ?? null,
  };
}

/** Exact-key matches plus fuzzy candidates judged at least "possible"; exact scores win for the same record. */
export async function findLeadMatches(
  db: DbOrTx,
  submission: Pick<LeadSubmission, "contact" | "company">,
  keys: LeadKeys = leadKeys(submission),
): Promise<LeadMatch[]> {
  const [exact, fuzzy] = await Promise.all([
    findExactMatches(db, keys),
    suggestRecordMatches(db, leadSuggestInput(submission), { limit: MAX_MATCHES, minScore: THRESHOLDS.possible }),
  ]);
  const best = new Map<string, LeadMatch>(exact.map((m) => [`${m.type}:${m.id}`, m]));
  for (const c of [...fuzzy.contacts, ...fuzzy.companies]) {
    const key = `${c.type}:${c.id}`;
    if (!best.has(key)) best.set(key, { type: c.type, id: c.id, score: c.score });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id - b.id)
    .slice(0, MAX_MATCHES);
}

interface RecentLeadRow {
  id: number | bigint;
  contactName: string | null;
  contactEmail: string | null;
  contactMobile: string | null;
  contactPhone: string | null;
  companyName: string | null;
  companyCity: string | null;
  companyProvince: string | null;
  emailKey: string | null;
  phoneKey: string | null;
}

/** How far back a new lead is compared with earlier leads for "possible duplicate". */
export const DUPLICATE_WINDOW_DAYS = 30;
const DUPLICATE_PROBES = 50;

/**
 * A recent lead (within DUPLICATE_WINDOW_DAYS) that this submission most likely repeats: same
 * e-mail, phone or company key, then judged by the fuzzy scorer as the same person ("same"
 * verdict). Returns the best such lead's id, or null.
 */
export async function findRecentDuplicateLead(
  db: DbOrTx,
  submission: Pick<LeadSubmission, "contact" | "company">,
  keys: LeadKeys,
  now: Date = new Date(),
): Promise<number | null> {
  return (await findRecentDuplicate(db, submission, keys, now))?.id ?? null;
}

/** findRecentDuplicateLead with the score (the group commit compares it with leads of its own group). */
export async function findRecentDuplicate(
  db: DbOrTx,
  submission: Pick<LeadSubmission, "contact" | "company">,
  keys: LeadKeys,
  now: Date = new Date(),
): Promise<{ id: number; score: number } | null> {
  // One indexed probe per key, newest first, merged: an OR of the three keys made MariaDB walk the
  // primary key backwards through every lead (≈ 300 ms at 100k leads; decision 061).
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 24 * 3600 * 1000);
  const probe = (match: Prisma.Sql) => Prisma.sql`(SELECT \`id\`, \`contactName\`, \`contactEmail\`, \`contactMobile\`,
      \`contactPhone\`, \`companyName\`, \`companyCity\`, \`companyProvince\`, \`emailKey\`, \`phoneKey\`
    FROM \`Lead\` WHERE ${match} AND \`createdAt\` >= ${since} ORDER BY \`id\` DESC LIMIT ${DUPLICATE_PROBES})`;
  const probes = [
    ...(keys.emailKey ? [probe(Prisma.sql`\`emailKey\` = ${keys.emailKey}`)] : []),
    ...(keys.phoneProbes.length ? [probe(Prisma.sql`\`phoneKey\` IN (${Prisma.join(keys.phoneProbes)})`)] : []),
    ...(keys.companyKey ? [probe(Prisma.sql`\`companyKey\` = ${keys.companyKey}`)] : []),
  ];
  if (probes.length === 0) return null;
  const rows = await db.$queryRaw<RecentLeadRow[]>`
    SELECT * FROM (${Prisma.join(probes, " UNION ")}) AS \`recent\` ORDER BY \`id\` DESC LIMIT ${DUPLICATE_PROBES}`;
  return bestDuplicate(submission, rows);
}

/** A recent lead's fields the duplicate guard compares (as stored on the Lead row). */
export type DuplicateCandidate = Omit<RecentLeadRow, "id"> & { id: number | bigint };

/**
 * The best-scoring candidate judged "same", candidates newest first (on a tie the newest wins);
 * `over`: a best already found among older candidates, kept unless beaten.
 */
export function bestDuplicate(
  submission: Pick<LeadSubmission, "contact" | "company">,
  rows: readonly DuplicateCandidate[],
  over: { id: number; score: number } | null = null,
): { id: number; score: number } | null {
  const input = leadSuggestInput(submission);
  const query = toFeatures({ ...input, phones: [input.mobile, input.phone] });
  let best: { id: number; score: number } | null = null;
  for (const row of rows) {
    const id = Number(row.id);
    const features = toFeatures({
      name: row.contactName,
      email: row.contactEmail ?? row.emailKey,
      phones: [row.contactMobile, row.contactPhone, row.phoneKey],
      companyName: row.companyName,
      city: row.companyCity,
      province: row.companyProvince,
    });
    const { score } = scoreCandidate(query, features, "contact");
    if (score >= THRESHOLDS.same && (!best || score > best.score)) best = { id, score };
  }
  return over && (!best || over.score > best.score) ? over : best;
}
