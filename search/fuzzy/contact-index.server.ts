// The DB-backed fuzzy-match index: one MatchIndex for contacts and one for companies per process,
// built from the database at first use (in id-ordered batches) and kept fresh by polling rows with
// `updatedAt >= lastSync` (indexed on both tables) at most every SYNC_INTERVAL_MS. Only live rows
// are indexed: a row in the recycle bin (deletedAt set, incl. the losers of a merge) is left out and
// a synced row that went to the bin is removed. The bin, restore, purge and merge services tell the
// index at once (`noteRecordsChanged`), so this process never waits a sync interval for them; other
// processes catch up on their next sync (bin/merge/restore bump updatedAt). Hard deletions are
// noticed by a live-row count below the index size (→ rebuild) and, between syncs, by the fresh-row
// check in record-suggestions (a candidate that no longer exists is dropped and unindexed).
//
// The index only generates candidates; callers re-read and re-score the winners from the DB, so a
// stale entry can cost a candidate but never shows stale data.
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { keysetBatches } from "../documents.server.ts";
import { toFeatures, type MatchFeatures } from "./features.ts";
import { MatchIndex } from "./match-index.ts";

const BATCH = 5000;
let syncIntervalMs = Number(process.env.MATCH_INDEX_SYNC_MS ?? 5000);

/** Tests and the benchmark tune how stale the index may be (0 = check on every use). */
export function setMatchIndexSyncInterval(ms: number): void {
  syncIntervalMs = ms;
}

export const contactFeatureSelect = {
  id: true,
  fullName: true,
  email: true,
  emailKey: true,
  mobile: true,
  phone: true,
  homePhone: true,
  phoneKey: true,
  city: true,
  province: true,
  updatedAt: true,
  deletedAt: true,
  company: { select: { name: true, city: true, province: true, website: true } },
} satisfies Prisma.ContactSelect;
export type ContactFeatureRow = Prisma.ContactGetPayload<{ select: typeof contactFeatureSelect }>;

export const companyFeatureSelect = {
  id: true,
  name: true,
  phone: true,
  phoneKey: true,
  email: true,
  city: true,
  province: true,
  updatedAt: true,
  deletedAt: true,
} satisfies Prisma.CompanySelect;
export type CompanyFeatureRow = Prisma.CompanyGetPayload<{ select: typeof companyFeatureSelect }>;

/** Only rows outside the recycle bin are match candidates. */
const LIVE = { deletedAt: null } as const;

export function contactFeatures(row: Omit<ContactFeatureRow, "id" | "updatedAt" | "deletedAt">): MatchFeatures {
  return toFeatures({
    name: row.fullName,
    email: row.email ?? row.emailKey,
    phones: [row.mobile, row.phone, row.homePhone, row.phoneKey],
    companyName: row.company?.name ?? null,
    city: row.city ?? row.company?.city ?? null,
    province: row.province ?? row.company?.province ?? null,
    // The company's website domain: "@xyz.com" finds its people even when they write from qq.com.
    emailDomain: row.company?.website ?? null,
  });
}

export function companyFeatures(row: Omit<CompanyFeatureRow, "id" | "updatedAt" | "deletedAt">): MatchFeatures {
  return toFeatures({
    companyName: row.name,
    email: row.email,
    phones: [row.phone, row.phoneKey],
    city: row.city,
    province: row.province,
  });
}

export interface IndexStats {
  contacts: number;
  companies: number;
  keys: number;
  builtInMs: number | null;
  /** Heap growth measured across the initial build (bytes); a rough figure, GC timing affects it. */
  heapDeltaBytes: number | null;
  lastSync: Date | null;
}

class DbMatchIndex {
  readonly contacts = new MatchIndex({ kind: "contact" });
  readonly companies = new MatchIndex({ kind: "company" });
  private lastSync: Date | null = null;
  private lastCheck = 0;
  private pending: Promise<void> | null = null;
  private builtInMs: number | null = null;
  private heapDeltaBytes: number | null = null;

  stats(): IndexStats {
    return {
      contacts: this.contacts.size,
      companies: this.companies.size,
      keys: this.contacts.keyCount + this.companies.keyCount,
      builtInMs: this.builtInMs,
      heapDeltaBytes: this.heapDeltaBytes,
      lastSync: this.lastSync,
    };
  }

  /** Builds at first use, then syncs when the interval has passed (concurrent callers share one run). */
  async ready(db: DbOrTx, force = false): Promise<void> {
    if (!force && this.lastSync && Date.now() - this.lastCheck < syncIntervalMs) return;
    this.pending ??= (this.lastSync ? this.sync(db) : this.build(db)).finally(() => {
      this.pending = null;
    });
    await this.pending;
  }

  private async build(db: DbOrTx): Promise<void> {
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    // Prisma sets @updatedAt from the application clock, so that clock is the reference.
    const startedAt = new Date();
    this.contacts.clear();
    this.companies.clear();
    const contactBatches = keysetBatches(BATCH, (window) =>
      db.contact.findMany({ ...window, where: { ...window.where, ...LIVE }, select: contactFeatureSelect }),
    );
    for await (const rows of contactBatches) {
      for (const row of rows) this.contacts.upsert(row.id, contactFeatures(row));
    }
    const companyBatches = keysetBatches(BATCH, (window) =>
      db.company.findMany({ ...window, where: { ...window.where, ...LIVE }, select: companyFeatureSelect }),
    );
    for await (const rows of companyBatches) {
      for (const row of rows) this.companies.upsert(row.id, companyFeatures(row));
    }
    this.lastSync = startedAt;
    this.lastCheck = Date.now();
    this.builtInMs = Math.round(performance.now() - started);
    this.heapDeltaBytes = process.memoryUsage().heapUsed - heapBefore;
  }

  private async sync(db: DbOrTx): Promise<void> {
    const since = this.lastSync ?? new Date(0);
    // Prisma sets @updatedAt from the application clock, so that clock is the reference.
    const startedAt = new Date();
    const [contactCount, companyCount] = await Promise.all([
      db.contact.count({ where: LIVE }),
      db.company.count({ where: LIVE }),
    ]);
    if (contactCount < this.contacts.size || companyCount < this.companies.size) {
      await this.build(db);
      return;
    }
    // ">=" and a two-second overlap: rows written around the last sync (or by a process whose clock
    // is slightly behind) are not lost; re-upserting a row is idempotent.
    const from = new Date(since.getTime() - 2000);
    const companies = await db.company.findMany({ where: { updatedAt: { gte: from } }, select: companyFeatureSelect });
    for (const row of companies) this.apply(this.companies, row, companyFeatures);
    const contacts = await db.contact.findMany({
      where: {
        OR: [
          { updatedAt: { gte: from } },
          // A renamed company changes its contacts' company evidence.
          ...(companies.length > 0 && companies.length <= 500
            ? [{ companyId: { in: companies.map((c) => c.id) } }]
            : []),
        ],
      },
      select: contactFeatureSelect,
    });
    for (const row of contacts) this.apply(this.contacts, row, contactFeatures);
    this.lastSync = startedAt;
    this.lastCheck = Date.now();
  }

  /** A synced row: indexed while live, removed once it is in the bin. */
  private apply<R extends { id: number; deletedAt: Date | null }>(
    index: MatchIndex,
    row: R,
    features: (row: R) => MatchFeatures,
  ): void {
    if (row.deletedAt) index.remove(row.id);
    else index.upsert(row.id, features(row));
  }

  /**
   * Records were binned, merged away, restored or purged in this process: binned/purged ids leave
   * the index now, and the next use syncs at once instead of after the interval (restored rows).
   */
  noteChanged(kind: "contact" | "company", ids: readonly number[], gone: boolean): void {
    if (gone) for (const id of ids) (kind === "contact" ? this.contacts : this.companies).remove(id);
    this.lastCheck = 0;
  }
}

const globalForIndex = globalThis as unknown as { __relayMatchIndex?: DbMatchIndex };

/** The process-wide index (one database per process). */
export function matchIndex(): DbMatchIndex {
  return (globalForIndex.__relayMatchIndex ??= new DbMatchIndex());
}

/** For the services that bin, merge, restore or purge companies and contacts (see noteChanged). */
export function noteRecordsChanged(kind: "contact" | "company", ids: readonly number[], gone: boolean): void {
  globalForIndex.__relayMatchIndex?.noteChanged(kind, ids, gone);
}

export type { DbMatchIndex };
