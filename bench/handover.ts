// 离职移交 at scale: a person owning 50,000 records (leads, contacts, companies, opportunities, tasks,
// seats) hands everything over to a colleague the way the worker runs it (processHandOver: 500 ids
// per transaction, one audit row per batch). The run is killed after a third of the batches and
// resumed; the bench then checks that every record moved exactly once (the audit ids are distinct
// and cover everything) and prints the figures for docs/benchmarks.md. Not part of CI.
//
//   npx tsx bench/handover.ts                    # 50,000 records into relay_bench_handover
//   npx tsx bench/handover.ts --records 10000
//
// BENCH_DATABASE_URL picks the scratch database (it must be named relay_bench_*; it is recreated).
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { ensureDatabase, migrate } from "#prisma/migrator.server.ts";

const { values: args } = parseArgs({ options: { records: { type: "string", default: "50000" } } });
const RECORDS = Math.min(200_000, Math.max(1_000, Number(args.records)));

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_handover";
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

process.env.DATABASE_URL = url;
const { createDb } = await import("#app/lib/db.server.ts");
const { countHoldings, getHandOver, processHandOver, startHandOver } =
  await import("#app/modules/admin/handover.server.ts");
const { staffActorFor } = await import("#app/modules/auth/staff-actor.ts");
const db = createDb(url);

const person = (name: string) => db.staff.create({ data: { email: `${name}@bench.relay`, name, passwordHash: "x" } });
const [admin, leaver, heir] = await Promise.all(["admin", "leaver", "heir"].map(person));
const actor = staffActorFor(admin!, { isAdmin: true });

// The mix of a busy salesperson's book: 60 % leads, 16 % contacts, 12 % companies, 8 % opportunities, 4 % tasks.
const share = (p: number) => Math.floor(RECORDS * p);
const counts = { lead: share(0.6), contact: share(0.16), company: share(0.12), opportunity: share(0.08) };
const tasks = RECORDS - counts.lead - counts.contact - counts.company - counts.opportunity;
const CHUNK = 5_000;
async function inChunks(total: number, insert: (from: number, to: number) => Promise<unknown>) {
  for (let i = 0; i < total; i += CHUNK) await insert(i, Math.min(total, i + CHUNK));
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const seedStart = performance.now();
await inChunks(counts.lead, (a, b) =>
  db.lead.createMany({
    data: range(a, b).map((i) => ({
      number: `HB${i}`,
      ownerId: leaver!.id,
      contactName: `客户${i}`,
      companyName: `单位${i}`,
      routedBy: "manual" as const,
      source: "staff",
    })),
  }),
);
await inChunks(counts.contact, (a, b) =>
  db.contact.createMany({
    data: range(a, b).map((i) => ({ number: `CB${i}`, familyName: "王", fullName: `王${i}`, ownerId: leaver!.id })),
  }),
);
await inChunks(counts.company, (a, b) =>
  db.company.createMany({
    data: range(a, b).map((i) => ({ number: `AB${i}`, name: `单位${i}`, nameKey: `单位${i}`, ownerId: leaver!.id })),
  }),
);
await inChunks(counts.opportunity, (a, b) =>
  db.opportunity.createMany({
    data: range(a, b).map((i) => ({ number: `OB${i}`, name: `机会${i}`, ownerId: leaver!.id })),
  }),
);
await inChunks(tasks, (a, b) =>
  db.task.createMany({ data: range(a, b).map((i) => ({ title: `任务${i}`, assigneeId: leaver!.id })) }),
);
const group = await db.tokenGroup.create({ data: { name: "轮值" } });
await db.tokenGroupMember.create({ data: { groupId: group.id, staffId: leaver!.id, position: 0 } });
const before = await countHoldings(db, leaver!.id);
const total = Object.values(before).reduce((x, y) => x + y, 0);
console.log(
  `seeded ${total} records in ${((performance.now() - seedStart) / 1000).toFixed(1)} s: ${JSON.stringify(before)}`,
);

const started = await startHandOver(db, actor, leaver!.id, { toStaffId: heir!.id, deactivate: true });
if (started.status !== "ok") throw new Error(`start failed: ${started.status}`);
const runId = started.value.runId;

// The worker dies after a third of the batches…
const batchesAll = Math.ceil(total / 500);
const killAfter = Math.floor(batchesAll / 3);
let t0 = performance.now();
const first = await processHandOver(db, runId, { maxBatches: killAfter });
const firstSeconds = (performance.now() - t0) / 1000;
const mid = (await getHandOver(db, runId))!;
console.log(
  `killed after ${first.batches} batches (${firstSeconds.toFixed(1)} s): progress ${mid.done}/${mid.total}, status ${mid.status}`,
);

// …and the next one resumes. Progress is sampled from another connection while it runs.
const watcher = createDb(url);
const samples: string[] = [];
const timer = setInterval(() => {
  void watcher.handOverRun
    .findUnique({ where: { id: runId }, select: { done: true, total: true } })
    .then((r) => r && samples.push(`${r.done}/${r.total}`));
}, 1_000);
t0 = performance.now();
const second = await processHandOver(db, runId);
const secondSeconds = (performance.now() - t0) / 1000;
clearInterval(timer);
const done = (await getHandOver(db, runId))!;
const seconds = firstSeconds + secondSeconds;
console.log(
  `resumed: ${second.batches} more batches in ${secondSeconds.toFixed(1)} s; progress seen: ${samples.join(" → ")}`,
);
console.log(
  `total: ${done.done}/${done.total} moved in ${seconds.toFixed(1)} s (${Math.round(done.done / seconds)} records/s, ` +
    `${first.batches + second.batches} batches of ≤ 500), status ${done.status}`,
);

// Exactly once: the audit rows' ids per type are distinct and add up to what the leaver held.
const audits = await db.auditLog.findMany({
  where: { action: "handover.batch", entityId: String(runId) },
  select: { after: true },
});
const seen = new Map<string, Set<number>>();
let listed = 0;
for (const row of audits) {
  const a = row.after as { type: string; ids: number[] };
  const set = seen.get(a.type) ?? new Set<number>();
  for (const id of a.ids) set.add(id);
  seen.set(a.type, set);
  listed += a.ids.length;
}
const distinct = [...seen.values()].reduce((x, s) => x + s.size, 0);
const left = await countHoldings(db, leaver!.id);
console.log(
  `audit: ${audits.length} batch rows listing ${listed} ids (${distinct} distinct); left with the leaver: ${JSON.stringify(left)}`,
);
const ok = listed === total && distinct === total && Object.values(left).every((n) => n === 0);
console.log(ok ? "OK: every record moved exactly once" : "FAILED: counts disagree");
await watcher.$disconnect();
await db.$disconnect();
process.exit(ok ? 0 : 1);
