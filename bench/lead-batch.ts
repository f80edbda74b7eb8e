// Lead batches: distribute by rules, recall, transfer — each run the way the worker runs it
// (processLeadBatch: one transaction per chunk of leads that applies the changes, marks the items and
// writes the chunk's progress row, decision 055). Runs one or more variants side by side in one
// process, each on its own fresh set of leads (identical work), and prints per batch the time,
// leads/s, the progress seen while it ran, that every lead has exactly one history row per batch,
// the load average, and the CPU this process (client: Prisma, the primitives) and the database
// server (mariadbd, from /proc; shared with anyone else using it) spent. Not part of CI.
//
//   npx tsx bench/lead-batch.ts                                 # 10,000 leads, one variant (4 lanes)
//
// A variant is name:concurrency[:per-lead] (transactions at once over chunks of one batch; per-lead
// runs every chunk through the single-lead primitives, lead by lead, instead of the set-based chunk
// statements of decisions 055 (transfer) and 058 (distribution, recall)).
// "before:1:per-lead" is the code before decision 055: the batch-row lock reduced four lanes to one;
// "per-lead:4" is the code before decision 058.
//
//   npx tsx bench/lead-batch.ts --leads 2000 --variants per-lead:4:per-lead,set-based:4
// BENCH_DATABASE_URL picks the scratch database (it must be named relay_bench_*; it is recreated).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { ensureDatabase, migrate } from "#prisma/migrator.server.ts";

const { values: args } = parseArgs({
  options: {
    leads: { type: "string", default: "10000" },
    variants: { type: "string", default: "parallel:4" },
    /** Leads per transaction; default: the library's (200 set-based, 50 lead by lead). */
    "transaction-size": { type: "string" },
  },
});
const LEADS = Number(args.leads);
const VARIANTS = args.variants.split(",").map((v) => {
  const [name, lanes, mode] = v.split(":");
  return { name: name!, concurrency: Number(lanes ?? 4), setBased: mode !== "per-lead" };
});

/** CPU seconds (user + system) of a process from /proc/<pid>/stat, or null if unreadable. */
function procCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based) → indexes 11 and 12 here.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
function mariadbPid(): number | null {
  try {
    return Number(execFileSync("pgrep", ["-o", "mariadbd"], { encoding: "utf8" }).trim()) || null;
  } catch {
    return null;
  }
}
const dbPid = mariadbPid();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

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
const { batchProgress, createLeadBatch, processLeadBatch } =
  await import("#app/modules/leads/record/lead-batches.server.ts");
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
let loaded = 0;
/** A fresh set of LEADS leads with the same spread of regions, so every variant does the same work. */
async function loadLeads(): Promise<number[]> {
  const loadStart = performance.now();
  const first = loaded;
  for (let start = 0; start < LEADS; start += 2_000) {
    const rows = [];
    for (let i = start; i < Math.min(LEADS, start + 2_000); i++) {
      rows.push({
        number: `BENCH${String(first + i).padStart(8, "0")}`,
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
  loaded += LEADS;
  const ids = (
    await db.lead.findMany({ where: { ownerId: owner.id }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((l) => l.id);
  console.log(`Loaded ${ids.length} leads in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  return ids;
}

const actor = staffActorFor({ id: owner.id, teamId: null }, { isAdmin: true });

const results: Array<{
  variant: string;
  kind: string;
  run: number;
  events: number;
  perLead: boolean;
  clientCpu: number;
  dbCpu: number | null;
  load: string;
}> = [];
for (const variant of VARIANTS) {
  const ids = await loadLeads();
  console.log(
    `\n== ${variant.name}: ${variant.concurrency} transaction(s) at once, ${variant.setBased ? "set-based chunks" : "lead by lead"}, load average ${load()}`,
  );
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
      void batchProgress(db, created.batchId).then((p) => samples.push(p.processed));
    }, 1_000);
    const cpu0 = process.cpuUsage();
    const db0 = dbPid ? procCpuSeconds(dbPid) : null;
    await processLeadBatch(db, created.batchId, {
      concurrency: variant.concurrency,
      setBased: variant.setBased,
      transactionSize: args["transaction-size"] ? Number(args["transaction-size"]) : undefined,
    });
    clearInterval(poll);
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const db1 = dbPid ? procCpuSeconds(dbPid) : null;
    const batch = await db.leadBatch.findUniqueOrThrow({ where: { id: created.batchId } });
    const perLead = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT COUNT(*) AS n FROM (
        SELECT leadId, COUNT(*) AS c FROM LeadEvent
        WHERE JSON_EXTRACT(detail, '$.batchId') = ${created.batchId} GROUP BY leadId HAVING c <> 1) x`;
    const events = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT COUNT(*) AS n FROM LeadEvent WHERE JSON_EXTRACT(detail, '$.batchId') = ${created.batchId}`;
    if (batch.processed !== ids.length || batch.status !== "done") throw new Error(`batch ${batch.id} incomplete`);
    const result = {
      variant: variant.name,
      kind: request.kind,
      run: t2 - t1,
      events: Number(events[0]!.n),
      perLead: Number(perLead[0]!.n) === 0,
      clientCpu: (cpu.user + cpu.system) / 1e6,
      dbCpu: db0 !== null && db1 !== null ? db1 - db0 : null,
      load: load(),
    };
    results.push(result);
    console.log(
      `${request.kind}: created in ${(t1 - t0).toFixed(0)} ms, processed ${batch.processed} (${batch.succeeded} done, ${batch.skipped} skipped) in ${(result.run / 1000).toFixed(1)} s = ${(ids.length / (result.run / 1000)).toFixed(0)} leads/s; client CPU ${result.clientCpu.toFixed(1)} s, mariadbd CPU ${result.dbCpu?.toFixed(1) ?? "?"} s; load ${result.load}; summary ${JSON.stringify(batch.summary)}`,
    );
    console.log(`  progress seen each second: ${samples.slice(0, 12).join(", ")}${samples.length > 12 ? ", …" : ""}`);
  }
}

console.log(
  "\n| variant | batch | leads | run (s) | leads/s | client CPU (s) | mariadbd CPU (s) | load avg 1/5/15 | history rows | one per lead |",
);
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | :---: |");
for (const r of results) {
  console.log(
    `| ${r.variant} | ${r.kind} | ${LEADS} | ${(r.run / 1000).toFixed(1)} | ${(LEADS / (r.run / 1000)).toFixed(0)} | ${r.clientCpu.toFixed(1)} | ${r.dbCpu?.toFixed(1) ?? "?"} | ${r.load} | ${r.events} | ${r.perLead ? "yes" : "NO"} |`,
  );
}
await db.$disconnect();
