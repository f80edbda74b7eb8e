// Resumes a batch of bench/lead-batch.ts that was killed midway (e.g. by a timeout) and checks that
// every lead of it has exactly one history row. Not part of CI.
//
//   npx tsx bench/lead-batch-resume.ts <batchId>
export {};

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_batches";
if (!/\/relay_bench_[a-z0-9_]+$/.test(url)) throw new Error("only relay_bench_* databases");
process.env.DATABASE_URL = url;
const batchId = Number(process.argv[2]);
const { createDb } = await import("#app/lib/db.server.ts");
const { processLeadBatch } = await import("#app/modules/leads/record/lead-batches.server.ts");
const db = createDb(url);
const before = await db.leadBatch.findUniqueOrThrow({ where: { id: batchId } });
console.log(`batch ${batchId} (${before.kind}) before: ${before.status}, ${before.processed}/${before.total}`);
const started = performance.now();
const result = await processLeadBatch(db, batchId);
const seconds = (performance.now() - started) / 1000;
const after = await db.leadBatch.findUniqueOrThrow({ where: { id: batchId } });
const rows = await db.$queryRaw<Array<{ leads: bigint; events: bigint; doubled: bigint }>>`
  SELECT COUNT(*) AS leads, SUM(c) AS events, SUM(c <> 1) AS doubled FROM (
    SELECT leadId, COUNT(*) AS c FROM LeadEvent WHERE JSON_EXTRACT(detail, '$.batchId') = ${batchId} GROUP BY leadId) x`;
console.log(
  `resumed ${result.processed} leads in ${seconds.toFixed(1)} s (${(result.processed / seconds).toFixed(1)}/s); after: ${after.status}, ${after.processed}/${after.total}, summary ${JSON.stringify(after.summary)}`,
);
console.log(
  `history: ${rows[0]!.leads} leads, ${rows[0]!.events} rows, ${rows[0]!.doubled} leads with more or fewer than one`,
);
await db.$disconnect();
