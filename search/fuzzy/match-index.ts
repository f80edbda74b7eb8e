// The matcher's pure in-memory core: blocking key → record ids, and each record's features.
// No I/O: the DB-backed index (contact-index.server.ts) and the benchmark both drive this class.
import { queryKeys, recordKeys } from "./blocking-keys.ts";
import type { MatchFeatures } from "./features.ts";
import { rankCandidates, type RankInput } from "./rank.ts";
import type { ScoreResult } from "./scorer.ts";

export interface IndexedRecord {
  id: number;
  features: MatchFeatures;
}

export interface RankedMatch extends ScoreResult {
  id: number;
}

export interface MatchIndexOptions {
  kind?: "contact" | "company";
  /** A key shared by more records than this is too generic to generate candidates (a big company's domain). */
  maxPosting?: number;
  /** Stop collecting candidates once this many are gathered (smallest postings are taken first). */
  maxCandidates?: number;
}

export class MatchIndex {
  readonly kind: "contact" | "company";
  private readonly postings = new Map<string, number[]>();
  private readonly records = new Map<number, MatchFeatures>();
  private readonly maxPosting: number;
  private readonly maxCandidates: number;

  constructor(options: MatchIndexOptions = {}) {
    this.kind = options.kind ?? "contact";
    this.maxPosting = options.maxPosting ?? 1000;
    this.maxCandidates = options.maxCandidates ?? 1000;
  }

  get size(): number {
    return this.records.size;
  }

  get keyCount(): number {
    return this.postings.size;
  }

  has(id: number): boolean {
    return this.records.has(id);
  }

  get(id: number): MatchFeatures | undefined {
    return this.records.get(id);
  }

  /** Adds or replaces a record. */
  upsert(id: number, features: MatchFeatures): void {
    if (this.records.has(id)) this.remove(id);
    this.records.set(id, features);
    for (const key of recordKeys(features)) {
      const list = this.postings.get(key);
      if (list) list.push(id);
      else this.postings.set(key, [id]);
    }
  }

  remove(id: number): void {
    const features = this.records.get(id);
    if (!features) return;
    this.records.delete(id);
    for (const key of recordKeys(features)) {
      const list = this.postings.get(key);
      if (!list) continue;
      const at = list.indexOf(id);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) this.postings.delete(key);
    }
  }

  clear(): void {
    this.postings.clear();
    this.records.clear();
  }

  /** Candidate ids sharing a usable key with the query, most selective keys first. */
  candidates(query: MatchFeatures): Set<number> {
    const lists: number[][] = [];
    for (const key of queryKeys(query)) {
      const list = this.postings.get(key);
      if (list && list.length <= this.maxPosting) lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    const ids = new Set<number>();
    for (const list of lists) {
      if (ids.size >= this.maxCandidates) break;
      for (const id of list) ids.add(id);
    }
    return ids;
  }

  /** Top `limit` records by score (ties: the other evidence, then lower id), only those with some positive evidence. */
  search(query: MatchFeatures, limit = 10, extraIds: Iterable<number> = []): RankedMatch[] {
    const ids = this.candidates(query);
    for (const id of extraIds) ids.add(id);
    const items: RankInput[] = [];
    for (const id of ids) {
      const features = this.records.get(id);
      if (features) items.push({ id, features });
    }
    // The exact holder of the query's address is a candidate whenever one exists (typo rule).
    if (query.email)
      for (const id of this.postings.get(`e:${query.email.canonical}`) ?? []) {
        const features = this.records.get(id);
        if (features && !ids.has(id)) items.push({ id, features });
      }
    return rankCandidates(query, items, this.kind).slice(0, limit);
  }
}
