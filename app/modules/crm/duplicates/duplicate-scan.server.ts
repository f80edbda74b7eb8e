import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { MatchFeatures } from "#search/fuzzy/features.ts";
import {
  companyFeatureSelect,
  companyFeatures,
  contactFeatureSelect,
  contactFeatures,
} from "#search/fuzzy/contact-index.server.ts";
import { THRESHOLDS, scoreCandidate, type Evidence } from "#search/fuzzy/scorer.ts";

// The duplicate scan behind the review queue (/crm/duplicates): walks the whole base in id order,
// a batch at a time, and for each record looks only at the records that share an exact match key
// with it (blocking: e-mail key, phone key, or the same name at the same company for contacts; the
// company-name key or phone key for companies), then lets the fuzzy scorer judge each pair. Pairs
// at or above the "possible" threshold are stored once (leftId < rightId); a pair someone already
// dismissed stays dismissed. Resumable: each batch returns the id to continue after.

export type DuplicateEntity = "contact" | "company";

export const SCAN_BATCH = 2000;
/** A key shared by more records than this says little (a switchboard number, a family name). */
export const MAX_BLOCK = 50;

export interface ScanBatchResult {
  scanned: number;
  pairsFound: number;
  /** Last id of this batch, or null when the table is done. */
  nextAfterId: number | null;
}

interface Candidate {
  id: number;
  keys: string[];
  /** Computed on first use: most records share no key with another and are never scored. */
  features: () => MatchFeatures;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

async function contactBatch(db: DbOrTx, where: Prisma.ContactWhereInput, take?: number): Promise<Candidate[]> {
  const rows = await db.contact.findMany({
    where: { AND: [{ deletedAt: null }, where] },
    select: { ...contactFeatureSelect, companyId: true },
    orderBy: { id: "asc" },
    ...(take ? { take } : {}),
  });
  return rows.map((r) => ({
    id: r.id,
    keys: [
      r.emailKey ? `e:${r.emailKey}` : null,
      r.phoneKey ? `p:${r.phoneKey}` : null,
      `n:${r.fullName}|${r.companyId ?? ""}`,
    ].filter((k): k is string => k !== null),
    features: lazy(() => contactFeatures(r)),
  }));
}

async function companyBatch(db: DbOrTx, where: Prisma.CompanyWhereInput, take?: number): Promise<Candidate[]> {
  const rows = await db.company.findMany({
    where: { AND: [{ deletedAt: null }, where] },
    select: { ...companyFeatureSelect, nameKey: true },
    orderBy: { id: "asc" },
    ...(take ? { take } : {}),
  });
  return rows.map((r) => ({
    id: r.id,
    keys: [`c:${r.nameKey}`, r.phoneKey ? `p:${r.phoneKey}` : null].filter((k): k is string => k !== null),
    features: lazy(() => companyFeatures(r)),
  }));
}

/** Records (ids above `afterId` excluded from nothing: any id) sharing a key with the batch. */
async function blockMembers(db: DbOrTx, entity: DuplicateEntity, batch: Candidate[]): Promise<Candidate[]> {
  const keys = (prefix: string) => [
    ...new Set(batch.flatMap((c) => c.keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(2)))),
  ];
  if (entity === "contact") {
    const names = keys("n:").map((k) => {
      const at = k.lastIndexOf("|");
      return { fullName: k.slice(0, at), companyId: k.slice(at + 1) === "" ? null : Number(k.slice(at + 1)) };
    });
    const or: Prisma.ContactWhereInput[] = [];
    if (keys("e:").length > 0) or.push({ emailKey: { in: keys("e:") } });
    if (keys("p:").length > 0) or.push({ phoneKey: { in: keys("p:") } });
    // Same name at the same company (name alone blocks thousands of 王伟).
    const withCompany = names.filter((n) => n.companyId !== null);
    if (withCompany.length > 0) {
      or.push({
        fullName: { in: withCompany.map((n) => n.fullName) },
        companyId: { in: withCompany.map((n) => n.companyId as number) },
      });
    }
    return or.length === 0 ? [] : contactBatch(db, { OR: or });
  }
  const or: Prisma.CompanyWhereInput[] = [{ nameKey: { in: keys("c:") } }];
  if (keys("p:").length > 0) or.push({ phoneKey: { in: keys("p:") } });
  return companyBatch(db, { OR: or });
}

export interface FoundPair {
  leftId: number;
  rightId: number;
  score: number;
  evidence: Evidence[];
}

/** Pairs among one batch and the records sharing its keys (pure: no writes). */
export function pairsInBlocks(entity: DuplicateEntity, batch: Candidate[], members: Candidate[]): FoundPair[] {
  const byKey = new Map<string, Candidate[]>();
  for (const m of members) {
    for (const k of m.keys) {
      const list = byKey.get(k);
      if (list) list.push(m);
      else byKey.set(k, [m]);
    }
  }
  const seen = new Set<string>();
  const pairs: FoundPair[] = [];
  for (const record of batch) {
    for (const key of record.keys) {
      const block = byKey.get(key) ?? [];
      if (block.length > MAX_BLOCK) continue;
      for (const other of block) {
        // Each pair once: from its smaller id (the batch holds that one when other.id is larger).
        if (other.id <= record.id) continue;
        const id = `${record.id}:${other.id}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const result = scoreCandidate(record.features(), other.features(), entity);
        if (result.score >= THRESHOLDS.possible) {
          pairs.push({
            leftId: record.id,
            rightId: other.id,
            score: Math.round(result.score * 100),
            evidence: result.evidence,
          });
        }
      }
    }
  }
  return pairs;
}

/** Scans one batch of ids after `afterId` and stores the likely pairs it finds. */
export async function scanDuplicateBatch(
  db: DbOrTx,
  entity: DuplicateEntity,
  afterId: number,
  batchSize = SCAN_BATCH,
): Promise<ScanBatchResult> {
  const batch =
    entity === "contact"
      ? await contactBatch(db, { id: { gt: afterId } }, batchSize)
      : await companyBatch(db, { id: { gt: afterId } }, batchSize);
  if (batch.length === 0) return { scanned: 0, pairsFound: 0, nextAfterId: null };
  const members = await blockMembers(db, entity, batch);
  const pairs = pairsInBlocks(entity, batch, members);
  if (pairs.length > 0) {
    await db.duplicatePair.createMany({
      data: pairs.map((p) => ({
        entityType: entity,
        leftId: p.leftId,
        rightId: p.rightId,
        score: p.score,
        evidence: p.evidence as unknown as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    });
  }
  const last = batch[batch.length - 1]?.id ?? afterId;
  return { scanned: batch.length, pairsFound: pairs.length, nextAfterId: batch.length < batchSize ? null : last };
}

/** The whole table, batch after batch (the job runs one batch per job; the bench runs this). */
export async function scanAllDuplicates(
  db: DbOrTx,
  entity: DuplicateEntity,
  batchSize = SCAN_BATCH,
): Promise<{ scanned: number; pairsFound: number }> {
  let afterId: number | null = 0;
  const total = { scanned: 0, pairsFound: 0 };
  while (afterId !== null) {
    const r: ScanBatchResult = await scanDuplicateBatch(db, entity, afterId, batchSize);
    total.scanned += r.scanned;
    total.pairsFound += r.pairsFound;
    afterId = r.nextAfterId;
  }
  return total;
}
