// The opportunity list's text search (decision 057) in-process at 200k opportunities: builds the
// embedded `opportunities` index from the bench database, then times the engine query per query
// kind, without and with an owner filter (CPU ms per call, process.cpuUsage). Not in CI.
//
//   BENCH_DATABASE_URL=mysql://relay:relay@127.0.0.1:3307/relay_bench_opps \
//     node --max-old-space-size=4096 --import tsx bench/opportunity-search-cost.ts
import type { SearchFilters } from "#search/engine.ts";

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_opps";
if (!/^\/relay_bench_[a-z0-9_]+$/.test(new URL(url).pathname)) throw new Error("only relay_bench_* databases");
// Before any module opens the database (imports below are dynamic for that reason).
process.env.DATABASE_URL = url;
const { db } = await import("#app/lib/db.server.ts");
const { EmbeddedSearchEngine } = await import("#search/embedded-engine.server.ts");
const { reindexAll } = await import("#search/reindex.server.ts");

const engine = new EmbeddedSearchEngine();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let c0 = cpu();
let t0 = performance.now();
await reindexAll({ engine, db, indexes: ["opportunities"], log: () => {} });
console.log(
  `build: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu() - c0) / 1000).toFixed(1)} s CPU, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
);
const queries = ["空压机", "基准机会 12", "基准机会", "jizhun", "数控机床"];
for (const q of queries) {
  // A rep of the bench data (sales@relay-demo.cn, ~20k opportunities) as the owner filter.
  const variants: SearchFilters[] = [{}, { ownerId: [4] }];
  for (const filters of variants) {
    const n = 10;
    c0 = cpu();
    t0 = performance.now();
    let total = 0;
    for (let i = 0; i < n; i++) total = (await engine.query("opportunities", { q, filters, limit: 1000 })).total;
    console.log(
      `engine q=${q} ${JSON.stringify(filters)}: ${((cpu() - c0) / n).toFixed(1)} ms CPU/query, ${((performance.now() - t0) / n).toFixed(1)} ms wall, total ${total}`,
    );
  }
}
await db.$disconnect();
