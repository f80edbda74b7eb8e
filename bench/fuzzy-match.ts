// Fuzzy contact matching: quality and speed beside an exact-match baseline, in one run.
//
//   node --max-old-space-size=8192 --expose-gc --import tsx bench/fuzzy-match.ts [--contacts 100000] [--queries 4000] [--classic]
//
// Runs the matcher's pure in-memory core (search/fuzzy: free-text parser → features → blocking keys
// → scorer) on generated records — no database; the DB-backed index (contact-index.server.ts) wraps
// exactly this core. The baseline is what the anchor CRMs do: every field given in the query must
// equal the stored value exactly (after trimming), looked up through hash maps.
import { generateDataset, type LabelledQuery, type QueryKind, type SyntheticContact } from "./fuzzy-dataset.ts";
import { toFeatures } from "#search/fuzzy/features.ts";
import { parseFreeText, type ParsedQuery } from "#search/fuzzy/free-text-query.ts";
import { MatchIndex, type RankedMatch } from "#search/fuzzy/match-index.ts";
import { queryFields } from "#app/modules/crm/matching/query-fields.ts";

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const contactCount = arg("contacts", 100_000);
const queryCount = arg("queries", 4000);
const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmtMs = (ms: number) => ms.toFixed(ms < 1 ? 3 : 2);
const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);

// ───────────── exact baseline ─────────────
class ExactBaseline {
  private byEmail = new Map<string, number[]>();
  private byPhone = new Map<string, number[]>();
  private byName = new Map<string, number[]>();
  constructor(private readonly contacts: SyntheticContact[]) {
    const add = (map: Map<string, number[]>, key: string | null, id: number) => {
      if (!key) return;
      const list = map.get(key);
      if (list) list.push(id);
      else map.set(key, [id]);
    };
    for (const c of contacts) {
      add(this.byEmail, c.email, c.id);
      add(this.byPhone, c.mobile, c.id);
      add(this.byPhone, c.phone, c.id);
      add(this.byName, c.name, c.id);
    }
  }
  search(q: ParsedQuery): number[] {
    const lists: number[][] = [];
    if (q.email) lists.push(this.byEmail.get(q.email) ?? []);
    for (const p of q.phones) lists.push(this.byPhone.get(p) ?? []);
    if (q.name) lists.push(this.byName.get(q.name) ?? []);
    if (lists.length === 0) return [];
    lists.sort((a, b) => a.length - b.length);
    return lists[0]!.filter((id) => {
      const c = this.contacts[id - 1]!;
      return (
        (!q.email || c.email === q.email) &&
        q.phones.every((p) => c.mobile === p || c.phone === p) &&
        (!q.name || c.name === q.name) &&
        (!q.city || c.city === q.city) &&
        (!q.companyName || c.companyName === q.companyName)
      );
    });
  }
}

interface KindStats {
  n: number;
  top1: number;
  top5: number;
  same: number;
  exactTop1: number;
}

function run() {
  console.log(`Fuzzy contact matching — ${contactCount.toLocaleString("en")} contacts, ${queryCount} queries`);
  let t = performance.now();
  // --classic: only the original 12 kinds (before issue #15 widened the generator).
  const { contacts, queries } = generateDataset(
    contactCount,
    queryCount,
    undefined,
    !process.argv.includes("--classic"),
  );
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const heapBefore = heapUsed();
  t = performance.now();
  const index = new MatchIndex({ kind: "contact" });
  for (const c of contacts) {
    index.upsert(
      c.id,
      toFeatures({
        name: c.name,
        email: c.email,
        phones: [c.mobile, c.phone],
        companyName: c.companyName,
        city: c.city,
        province: c.province,
        emailDomain: c.website,
      }),
    );
  }
  const buildMs = performance.now() - t;
  const heapIndex = heapUsed() - heapBefore;

  const baselineHeapBefore = heapUsed();
  t = performance.now();
  const baseline = new ExactBaseline(contacts);
  const baselineBuildMs = performance.now() - t;
  const heapBaseline = heapUsed() - baselineHeapBefore;

  // Warm-up (JIT) on a few queries, not counted.
  for (const q of queries.slice(0, 50)) index.search(toFeatures(toFields(parseFreeText(q.text))), 5);

  const fuzzyMs: number[] = [];
  const exactMs: number[] = [];
  const byKind = new Map<QueryKind, KindStats>();
  const wrongSame: Array<{ q: LabelledQuery; top: RankedMatch }> = [];
  const misses: Array<{ q: LabelledQuery; top: RankedMatch | undefined }> = [];
  const slow: Array<{ q: LabelledQuery; ms: number; candidates: number }> = [];
  let candidatesTotal = 0;
  for (const q of queries) {
    const s0 = performance.now();
    const parsed = parseFreeText(q.text);
    const features = toFeatures(toFields(parsed));
    const ranked = index.search(features, 5);
    const ms = performance.now() - s0;
    fuzzyMs.push(ms);
    const candidates = index.candidates(features).size; // outside the timed part
    candidatesTotal += candidates;
    if (ms > 10) slow.push({ q, ms, candidates });
    const e0 = performance.now();
    const exact = baseline.search(parsed);
    exactMs.push(performance.now() - e0);

    const k = byKind.get(q.kind) ?? { n: 0, top1: 0, top5: 0, same: 0, exactTop1: 0 };
    k.n++;
    const top = ranked[0];
    if (q.targetId !== null) {
      if (top?.id === q.targetId) k.top1++;
      else misses.push({ q, top });
      if (ranked.some((r) => r.id === q.targetId)) k.top5++;
      if (exact[0] === q.targetId) k.exactTop1++;
      if (top && top.verdict === "same" && top.id !== q.targetId) wrongSame.push({ q, top });
    } else {
      if (top?.verdict === "same") {
        k.same++;
        wrongSame.push({ q, top });
      }
      if (exact.length > 0) k.exactTop1++; // for non-existent persons: any exact hit is a false match
    }
    byKind.set(q.kind, k);
  }
  fuzzyMs.sort((a, b) => a - b);
  exactMs.sort((a, b) => a - b);

  let n = 0;
  let top1 = 0;
  let top5 = 0;
  let exactTop1 = 0;
  let none = 0;
  let falseSame = 0;
  let exactFalse = 0;
  console.log("\nper query kind           n   top-1   top-5   exact top-1 (baseline)");
  const nonexistentKinds = new Set(queries.filter((q) => q.targetId === null).map((q) => q.kind));
  for (const [kind, k] of byKind) {
    if (nonexistentKinds.has(kind)) {
      none += k.n;
      falseSame += k.same;
      exactFalse += k.exactTop1;
      console.log(
        `${kind.padEnd(22)} ${String(k.n).padStart(5)}   false "same": ${pct(k.same, k.n)}   baseline false hits: ${pct(k.exactTop1, k.n)}`,
      );
      continue;
    }
    n += k.n;
    top1 += k.top1;
    top5 += k.top5;
    exactTop1 += k.exactTop1;
    console.log(
      `${kind.padEnd(22)} ${String(k.n).padStart(5)} ${pct(k.top1, k.n).padStart(7)} ${pct(k.top5, k.n).padStart(7)} ${pct(k.exactTop1, k.n).padStart(9)}`,
    );
  }
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log("\nsummary");
  console.log(
    `  fuzzy  top-1 ${pct(top1, n)}  top-5 ${pct(top5, n)}  false "same" on non-existent ${pct(falseSame, none)}`,
  );
  console.log(
    `  exact  top-1 ${pct(exactTop1, n)}  (top-5 = top-1)       false hits on non-existent ${pct(exactFalse, none)}`,
  );
  const wrongSameReal = wrongSame.filter((w) => w.q.targetId !== null).length;
  console.log(`  wrong "same" on real people ${pct(wrongSameReal, n)} (${wrongSameReal} of ${n})`);
  console.log(`  wrong "same" verdicts (any query) ${wrongSame.length} of ${queries.length}`);
  console.log(
    `  fuzzy latency p50 ${fmtMs(percentile(fuzzyMs, 50))} ms  p95 ${fmtMs(percentile(fuzzyMs, 95))} ms  p99 ${fmtMs(percentile(fuzzyMs, 99))} ms  (parse + score; mean candidates ${(candidatesTotal / queries.length).toFixed(0)})`,
  );
  console.log(`  exact  latency p50 ${fmtMs(percentile(exactMs, 50))} ms  p95 ${fmtMs(percentile(exactMs, 95))} ms`);
  console.log(
    `  index build ${(buildMs / 1000).toFixed(1)} s, heap +${mb(heapIndex)} (${index.keyCount.toLocaleString("en")} keys); baseline maps ${(baselineBuildMs / 1000).toFixed(1)} s, heap +${mb(heapBaseline)}`,
  );
  if (!gc) console.log("  (run with --expose-gc for steadier heap figures)");
  if (process.argv.includes("--show-misses")) {
    for (const { q, top } of wrongSame.slice(0, 20))
      console.log("  wrong same:", q.kind, q.text, "→", top.id, top.score, top.evidence.map((e) => e.code).join(","));
    for (const { q, top } of misses.slice(0, 30))
      console.log(
        "  miss:",
        q.kind,
        q.text,
        "target",
        q.targetId,
        JSON.stringify(contacts[q.targetId! - 1]),
        "→",
        top?.id,
        top?.score,
        top?.evidence.map((e) => e.code).join(","),
      );
    for (const { q, ms, candidates } of slow.slice(0, 20))
      console.log("  slow:", ms.toFixed(1), "ms", candidates, "candidates", q.kind, q.text);
  }
}

function toFields(p: ParsedQuery) {
  return queryFields(p);
}

run();
