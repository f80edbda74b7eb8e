// The embedded engine's term → document postings (decision 059). Two layers:
//
//   frozen  what a snapshot loaded: sorted terms and flat typed arrays (CSR), used in place — a
//           restart builds no Map per term, which is what made loading 100k contacts take ~35 s;
//   live    a Map per term for every term written since (put/remove). The first write to a frozen
//           term copies its postings into a Map (copy-on-write); an empty Map hides a frozen term.
//
// Frozen postings are sorted by document number, so one mask is found by binary search.

/** The frozen layer: term i owns entries start[i] … start[i + 1] − 1 of `nos`/`masks`. */
export interface FrozenPostings {
  /** Sorted as JavaScript sorts strings (UTF-16 code units): the engine's prefix search relies on it. */
  terms: string[];
  start: Int32Array;
  nos: Int32Array;
  masks: Int32Array;
  /** Forward index: document number d holds the terms docTerms[docStart[d] … docStart[d + 1] − 1]. */
  docStart: Int32Array;
  docTerms: Int32Array;
}

/** The first position in `sorted` whose string is not below `value`. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? "") < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A live term with at least this many documents is read through a typed copy (see `each`). */
const READ_COPY_MIN = 2048;
/** At most this many postings are held in read copies (8 bytes each); the least recent go first. */
const READ_COPY_BUDGET = 4_000_000;

export class Postings {
  private frozen: FrozenPostings | null = null;
  private readonly live = new Map<string, Map<number, number>>();
  private liveTermCount = 0;
  /**
   * Typed copies of large live terms' postings, in their Map's order: walking 200,000 Map entries
   * costs ~10× walking two Int32Arrays. A write to the term drops its copy (the next read makes a
   * new one), so a term written between every two reads costs one Map walk per read, as before.
   */
  private readonly readCopies = new Map<string, { nos: Int32Array; masks: Int32Array }>();
  private readCopyPostings = 0;
  private readonly readCopyBudget: number;

  constructor(options: { readCopyBudget?: number } = {}) {
    this.readCopyBudget = options.readCopyBudget ?? READ_COPY_BUDGET;
  }

  /** Replaces everything with a loaded frozen layer. */
  load(frozen: FrozenPostings): void {
    this.live.clear();
    this.dropReadCopies();
    this.frozen = frozen;
    this.liveTermCount = frozen.terms.length;
  }

  clear(): void {
    this.live.clear();
    this.dropReadCopies();
    this.frozen = null;
    this.liveTermCount = 0;
  }

  /** The frozen layer's sorted terms (the engine starts its sorted term list from it), if any. */
  get frozenTerms(): readonly string[] | null {
    return this.frozen?.terms ?? null;
  }

  /** Terms with at least one posting. */
  get termCount(): number {
    return this.liveTermCount;
  }

  private frozenId(term: string): number {
    const terms = this.frozen?.terms;
    if (!terms) return -1;
    const at = lowerBound(terms, term);
    return terms[at] === term ? at : -1;
  }

  has(term: string): boolean {
    const map = this.live.get(term);
    if (map) return map.size > 0;
    return this.frozenId(term) >= 0;
  }

  /** How many documents hold the term. */
  size(term: string): number {
    const map = this.live.get(term);
    if (map) return map.size;
    const id = this.frozenId(term);
    const f = this.frozen;
    return id < 0 || !f ? 0 : (f.start[id + 1] ?? 0) - (f.start[id] ?? 0);
  }

  /** The field mask of `term` in document `no`, or undefined. */
  mask(term: string, no: number): number | undefined {
    const map = this.live.get(term);
    if (map) return map.get(no);
    return this.frozenMask(this.frozenId(term), no);
  }

  /** The mask of frozen term `id` in document `no`: a binary search of its postings. */
  private frozenMask(id: number, no: number): number | undefined {
    const f = this.frozen;
    if (id < 0 || !f) return undefined;
    let lo = f.start[id] ?? 0;
    let hi = f.start[id + 1] ?? 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = f.nos[mid] ?? 0;
      if (at === no) return f.masks[mid];
      if (at < no) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  }

  /**
   * Calls `visit(mask, no)` for every document holding the term (mask first: a live term's Map
   * hands its entries to the visitor as they are, with no entry array or wrapper call per posting).
   */
  each(term: string, visit: (mask: number, no: number) => void): void {
    const map = this.live.get(term);
    if (map && map.size < READ_COPY_MIN) {
      map.forEach(visit);
      return;
    }
    if (map) {
      const copy = this.readCopy(term, map);
      const { nos, masks } = copy;
      for (let k = 0; k < nos.length; k++) visit(masks[k] ?? 0, nos[k] ?? 0);
      return;
    }
    const id = this.frozenId(term);
    const f = this.frozen;
    if (id < 0 || !f) return;
    const end = f.start[id + 1] ?? 0;
    for (let k = f.start[id] ?? 0; k < end; k++) visit(f.masks[k] ?? 0, f.nos[k] ?? 0);
  }

  /** The typed copy of a large live term (made now if it has none), most recent last. */
  private readCopy(term: string, map: Map<number, number>): { nos: Int32Array; masks: Int32Array } {
    let copy = this.readCopies.get(term);
    if (copy) {
      this.readCopies.delete(term);
    } else {
      const nos = new Int32Array(map.size);
      const masks = new Int32Array(map.size);
      let k = 0;
      map.forEach((mask, no) => {
        nos[k] = no;
        masks[k++] = mask;
      });
      copy = { nos, masks };
      this.readCopyPostings += map.size;
      for (const [old, oldCopy] of this.readCopies) {
        if (this.readCopyPostings <= this.readCopyBudget) break;
        this.readCopies.delete(old);
        this.readCopyPostings -= oldCopy.nos.length;
      }
    }
    this.readCopies.set(term, copy);
    return copy;
  }

  private dropReadCopy(term: string): void {
    const copy = this.readCopies.get(term);
    if (!copy) return;
    this.readCopies.delete(term);
    this.readCopyPostings -= copy.nos.length;
  }

  private dropReadCopies(): void {
    this.readCopies.clear();
    this.readCopyPostings = 0;
  }

  /** The term's live Map, copying its frozen postings the first time it is written. */
  private writable(term: string): Map<number, number> | undefined {
    this.dropReadCopy(term);
    const existing = this.live.get(term);
    if (existing) return existing;
    const id = this.frozenId(term);
    const f = this.frozen;
    if (id < 0 || !f) return undefined;
    const map = new Map<number, number>();
    const end = f.start[id + 1] ?? 0;
    for (let k = f.start[id] ?? 0; k < end; k++) map.set(f.nos[k] ?? 0, f.masks[k] ?? 0);
    this.live.set(term, map);
    return map;
  }

  /** Records that document `no` holds `term` in the fields of `mask`; true when the term is new. */
  add(term: string, no: number, mask: number): boolean {
    const map = this.writable(term);
    if (!map) {
      this.live.set(term, new Map([[no, mask]]));
      this.liveTermCount++;
      return true;
    }
    const wasEmpty = map.size === 0;
    map.set(no, mask);
    if (wasEmpty) this.liveTermCount++;
    return wasEmpty;
  }

  delete(term: string, no: number): void {
    const map = this.writable(term);
    if (!map || !map.delete(no) || map.size > 0) return;
    this.liveTermCount--;
    // A frozen term stays as an empty Map, which hides its frozen postings.
    if (this.frozenId(term) < 0) this.live.delete(term);
  }

  /** The terms of frozen document `no` (a document loaded from the snapshot and not written since). */
  frozenTermsOf(no: number): string[] {
    const f = this.frozen;
    if (!f) return [];
    const out: string[] = [];
    const end = f.docStart[no + 1] ?? 0;
    for (let k = f.docStart[no] ?? 0; k < end; k++) out.push(f.terms[f.docTerms[k] ?? 0] ?? "");
    return out;
  }

  /** Visits the terms of frozen document `no` with their masks (a snapshot write; no term lookups). */
  eachFrozenTermOf(no: number, visit: (term: string, mask: number) => void): void {
    const f = this.frozen;
    if (!f) return;
    const end = f.docStart[no + 1] ?? 0;
    for (let k = f.docStart[no] ?? 0; k < end; k++) {
      const id = f.docTerms[k] ?? 0;
      const term = f.terms[id] ?? "";
      const map = this.live.get(term);
      const mask = map ? map.get(no) : this.frozenMask(id, no);
      if (mask !== undefined) visit(term, mask);
    }
  }

  /** Every term with postings, unsorted. */
  terms(): string[] {
    const out: string[] = [];
    for (const term of this.frozen?.terms ?? []) if (!this.live.has(term)) out.push(term);
    for (const [term, map] of this.live) if (map.size > 0) out.push(term);
    return out;
  }
}
