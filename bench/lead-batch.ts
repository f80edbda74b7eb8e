// Lead batches at 10,000 leads: distribute by rules, recall, transfer — each run the way the worker
// runs it (processLeadBatch: one transaction per lead that applies the change, marks the item and
// bumps the counters). Prints the time per batch, leads/s, the progress counters seen while it ran,
// and checks that every lead has exactly one history row per batch. Not part of CI.
//
//   npx tsx bench/lead-batch.ts                  # 10,000 leads into relay_bench_batches
//   npx tsx bench/lead-batch.ts --leads 2000 --concurrency 1
//
// BENCH_DATABASE_URL picks the scratch database (it must be named relay_bench_*; it is recreated).
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { ensureDatabase, migrate } from "#prisma/migrator.server.ts";

const { values: args } = parseArgs({
  options: {
    leads: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "4" },
    "transaction-size": { type: "string", default: "50" },
  },
});
const LEADS = Number(args.leads);
const CONCURRENCY = Number(args.concurrency);

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_batches";
const dbName = new URL(url).pathname.slice(1);
if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
  throw new Error(`Refusing to use ${dbName}: only relay_bench_* databases`);

const server = new URL(url);
server.pathname = "/";
const conn = await mysql.createConnection(server.toString());
await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
await conn.end();
await ensureDatabase(url);
await migrate(url);

// The app's modules read DATABASE_URL when first imported.
process.env.DATABASE_URL = url;
const { createDb } = await import("#app/lib/db.server.ts");
const { createLeadBatch, processLeadBatch } = await import("#app/modules/leads/record/lead-batches.server.ts");
const { staffActorFor } = await import("#app/modules/auth/staff-actor.ts");
const db = createDb(url);

const role = await db.role.create({ data: { code: "bench-owner", name: "市场负责人", isAdmin: true } });
const staff = async (name: string) =>
  db.staff.create({
    data: {
      email: `${name}@bench.relay`,
      name,
      passwordHash: "x",
      roles: { create: [{ roleId: role.id }] },
    },
  });
const owner = await staff("owner");
const [a1, a2, b1, b2, wang, li, newOwner] = await Promise.all(
  ["a1", "a2", "b1", "b2", "xiaowang", "xiaoli", "newowner"].map(staff),
);
const r = (staffId: number, all: boolean, need = all) => ({
  staffId,
  canEditNeed: need,
  canEditContact: all,
  canEditCompany: all,
  canEditStatus: all,
});
await db.distributionRule.create({
  data: {
    name: "北京地区",
    position: 0,
    regionKeywords: ["北京", "beijing"],
    phoneKeywords: ["010-", "8610-"],
    assignees: { create: [r(a1!.id, false, true), r(a2!.id, false)] },
  },
});
await db.distributionRule.create({
  data: {
    name: "上海地区",
    position: 1,
    regionKeywords: ["上海", "shanghai"],
    phoneKeywords: ["021-", "8621-"],
    assignees: { create: [r(b1!.id, true), r(b2!.id, true)] },
  },
});
await db.distributionRule.create({
  data: {
    name: "其它地区",
    position: 2,
    isCatchAll: true,
    regionKeywords: [],
    phoneKeywords: [],
    assignees: { create: [r(wang!.id, false), r(li!.id, false)] },
  },
});

const regions = [
  { companyProvince: "北京市", contactPhone: "010-62530000" },
  { companyProvince: "上海市", contactPhone: "13800138000" },
  { companyProvince: "广东省", companyCity: "深圳市" },
  { companyCity: "Beijing" },
  { companyFax: "8621-55556666" },
];
const loadStart = performance.now();
for (let start = 0; start < LEADS; start += 2_000) {
  const rows = [];
  for (let i = start; i < Math.min(LEADS, start + 2_000); i++) {
    rows.push({
      number: `BENCH${String(i).padStart(8, "0")}`,
      ownerId: owner.id,
      contactName: `联系人${i}`,
      companyName: `单位${i}`,
      routedBy: "manual" as const,
      source: "staff",
      ...regions[i % regions.length],
    });
  }
  await db.lead.createMany({ data: rows });
}
const ids = (await db.lead.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((l) => l.id);
console.log(`Loaded ${ids.length} leads in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

const actor = staffActorFor({ id: owner.id, teamId: null }, { isAdmin: true });

const results: Array<{
  kind: string;
  create: number;
  run: number;
  samples: number[];
  events: number;
  perLead: boolean;
}> = [];
for (const request of [
  { kind: "distribute_rules", ruleIds: "all" },
  { kind: "recall", fromStaffIds: "all" },
  { kind: "transfer", toStaffId: newOwner!.id },
] as const) {
  const t0 = performance.now();
  const created = await createLeadBatch(db, actor, { kind: "ids", ids }, request, { inlineLimit: 0 });
  const t1 = performance.now();
  if (!created.ok) throw new Error(`batch refused: ${created.error.key}`);
  // What the progress page would show, once a second.
  const samples: number[] = [];
  const poll = setInterval(() => {
    void db.leadBatch.findUnique({ where: { id: created.batchId }, select: { processed: true } }).then((b) => {
      if (b) samples.push(b.processed);
    });
  }, 1_000);
  await processLeadBatch(db, created.batchId, {
    concurrency: CONCURRENCY,
    transactionSize: Number(args["transaction-size"]),
  });
  clearInterval(poll);
  const t2 = performance.now();
  const batch = await db.leadBatch.findUniqueOrThrow({ where: { id: created.batchId } });
  const perLead = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT COUNT(*) AS n FROM (
      SELECT leadId, COUNT(*) AS c FROM LeadEvent
      WHERE JSON_EXTRACT(detail, '$.batchId') = ${created.batchId} GROUP BY leadId HAVING c <> 1) x`;
  const events = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT COUNT(*) AS n FROM LeadEvent WHERE JSON_EXTRACT(detail, '$.batchId') = ${created.batchId}`;
  if (batch.processed !== ids.length || batch.status !== "done") throw new Error(`batch ${batch.id} incomplete`);
  results.push({
    kind: request.kind,
    create: t1 - t0,
    run: t2 - t1,
    samples,
    events: Number(events[0]!.n),
    perLead: Number(perLead[0]!.n) === 0,
  });
  console.log(
    `${request.kind}: created in ${(t1 - t0).toFixed(0)} ms, processed ${batch.processed} (${batch.succeeded} done, ${batch.skipped} skipped) in ${((t2 - t1) / 1000).toFixed(1)} s = ${(ids.length / ((t2 - t1) / 1000)).toFixed(0)} leads/s; summary ${JSON.stringify(batch.summary)}`,
  );
  console.log(`  progress seen each second: ${samples.slice(0, 12).join(", ")}${samples.length > 12 ? ", …" : ""}`);
}

console.log("\n| batch | leads | create (ms) | run (s) | leads/s | history rows | one per lead |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | :---: |");
for (const r of results) {
  console.log(
    `| ${r.kind} | ${ids.length} | ${r.create.toFixed(0)} | ${(r.run / 1000).toFixed(1)} | ${(ids.length / (r.run / 1000)).toFixed(0)} | ${r.events} | ${r.perLead ? "yes" : "NO"} |`,
  );
}
await db.$disconnect();
