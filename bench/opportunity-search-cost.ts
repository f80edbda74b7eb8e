// The opportunity list's text search (decision 057) in-process at 200k opportunities: builds the
// embedded `opportunities` index from the bench database, then times the engine query per query
// kind, without and with the owner filters of a team and of a rep (CPU ms per call,
// process.cpuUsage). `--compare` also runs the ranking before decision 062
// (search/embedded-engine.reference.ts) on the same index, times both in alternating rounds and
// checks that every answer is identical (ids, scores, order, total). Not in CI.
//
//   BENCH_DATABASE_URL=mysql://relay:relay@127.0.0.1:3307/relay_bench_opps \
//     node --max-old-space-size=6144 --import tsx bench/opportunity-search-cost.ts [--compare] [--runs 10]
import { isDeepStrictEqual } from "node:util";
import { parseArgs } from "node:util";
import type { SearchFilters, SearchQuery, SearchResult } from "#search/engine.ts";

const { values: args } = parseArgs({
  options: { compare: { type: "boolean", default: false }, runs: { type: "string", default: "10" } },
});
const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_opps";
if (!/^\/relay_bench_[a-z0-9_]+$/.test(new URL(url).pathname)) throw new Error("only relay_bench_* databases");
// Before any module opens the database (imports below are dynamic for that reason).
process.env.DATABASE_URL = url;
const { db } = await import("#app/lib/db.server.ts");
const { EmbeddedSearchEngine } = await import("#search/embedded-engine.server.ts");
const { referenceQuery } = await import("#search/embedded-engine.reference.ts");
const { reindexAll } = await import("#search/reindex.server.ts");

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const engine = new EmbeddedSearchEngine();
const c0 = cpu();
const t0 = performance.now();
await reindexAll({ engine, db, indexes: ["opportunities"], log: () => {} });
console.log(
  `build: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu() - c0) / 1000).toFixed(1)} s CPU, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
);
type Ask = (query: SearchQuery) => Promise<SearchResult> | SearchResult;
const engines: Array<[string, Ask]> = [["engine", (query) => engine.query("opportunities", query)]];
if (args.compare) engines.push(["reference", (query) => referenceQuery(engine, "opportunities", query)]);

// A rep of the bench data (sales@relay-demo.cn, ~20k opportunities) and the 华北 manager's team.
const rep = await db.staff.findFirstOrThrow({ where: { email: "sales@relay-demo.cn" }, select: { id: true } });
const manager = await db.staff.findFirstOrThrow({
  where: { email: "wang.lei@relay-demo.cn" },
  select: { id: true, teamId: true },
});
const team = await db.staff.findMany({ where: { teamId: manager.teamId ?? -1 }, select: { id: true } });
const filterSets: Array<[string, SearchFilters]> = [
  ["all", {}],
  ["team", { ownerId: [manager.id, ...team.map((s) => s.id)] }],
  ["own", { ownerId: [rep.id] }],
];
const queries = ["空压机", "基准机会 12", "基准机会", "jizhun", "数控机床"];
const runs = Number(args.runs);
let mismatches = 0;
for (const q of queries) {
  for (const [scope, filters] of filterSets) {
    const spent = new Map<string, number>();
    const answers = new Map<string, unknown>();
    let total = 0;
    // Alternating rounds, so both engines see the same load.
    for (let i = 0; i < runs; i++) {
      for (const [label, ask] of engines) {
        const c0 = cpu();
        const result = await ask({ q, filters, limit: 1000 });
        spent.set(label, (spent.get(label) ?? 0) + cpu() - c0);
        total = result.total;
        if (i === 0) answers.set(label, [result.total, result.hits.map((h) => [h.id, h.score])]);
      }
    }
    const same = !args.compare || isDeepStrictEqual(answers.get("engine"), answers.get("reference"));
    if (!same) mismatches++;
    const cost = engines.map(([label]) => `${label} ${((spent.get(label) ?? 0) / runs).toFixed(1)} ms`).join(" · ");
    console.log(
      `q=${q} ${scope}: total ${total}; CPU/query ${cost}${args.compare ? (same ? " · same" : " · DIFFERENT") : ""}`,
    );
  }
}
await db.$disconnect();
if (mismatches > 0) process.exitCode = 1;
