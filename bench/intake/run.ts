// `npx tsx bench/intake/run.ts [--seconds 20] [--clients 50] [--contacts 100000] [--rounds 3] [--spread 12] [--keep]
//    [--preload-leads 100000] [--worker] [--no-explain]`
//
// Sustained lead-intake throughput and latency with 50 concurrent clients calling submitLead on a
// scratch database that holds 100k contacts. The same run measures, in alternating rounds, the raw
// cost of the same writes through mysql2: one transaction per submission, with INSERT lead + items
// + events. The ratio between the two is what the intake pipeline costs over bare inserts: zod,
// the channel lock, routing, exact matching, the notification, the rendered outbox e-mail, and
// Prisma. Not part of CI; see docs/benchmarks.md.
//
// Scenarios:
//   solo    1 client on the demo channels: the uncontended service time of one intake.
//   demo    N clients on the three demo channels. 在线需求 and 来宾登记 share one token group, so
//           85% of the traffic queues on one lock: the worst case for a single busy site.
//   spread  N clients over --spread channels, each with its own token group: shows that the
//           queueing is per channel, not global.
//   raw     N clients, bare INSERTs via mysql2.
//
// Beside leads/s and latency, each run prints what stays steady on a shared machine (decision 061):
// this process's CPU ms per lead (process.cpuUsage: the intake is the only work in it), mariadbd's CPU
// ms per lead (/proc; the server is shared, so an upper bound), the statements per lead (Prisma's
// query log, plus the 3 transaction statements the log leaves out), the rows that pile up between
// rounds, last-round/first-round throughput, and EXPLAIN of every distinct intake statement against
// the accumulated leads (`--preload-leads N` inserts N recent leads first, as a busy month would).
// `--worker` runs `npm run worker` against the scratch database alongside, as production does.
import { execFileSync, spawn } from "node:child_process";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { cpuMs, processTree } from "../support/process-cpu.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    clients: { type: "string", default: "50" },
    contacts: { type: "string", default: "100000" },
    rounds: { type: "string", default: "3" },
    spread: { type: "string", default: "12" },
    database: { type: "string", default: "relay_bench_intake" },
    keep: { type: "boolean", default: false },
    "preload-leads": { type: "string", default: "0" },
    worker: { type: "boolean", default: false },
    "no-explain": { type: "boolean", default: false },
  },
});
const PRELOAD_LEADS = Number(values["preload-leads"]);
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const CONTACTS = Number(values.contacts);
const ROUNDS = Number(values.rounds);
const SPREAD = Number(values.spread);
const DB_NAME = values.database;
if (!/^relay_[a-z0-9_]+$/.test(DB_NAME)) throw new Error("--database must be a relay_* scratch database");

const url = new URL(process.env.DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay");
url.pathname = `/${DB_NAME}`;
const DATABASE_URL = url.toString();
// Set before the app modules load: env.server.ts reads process.env once.
process.env.DATABASE_URL = DATABASE_URL;
process.env.RUN_WORKER = "0";
// What a deployed server runs: React's production build renders the owner's e-mail much faster.
process.env.NODE_ENV = "production";

const { PrismaClient } = await import("#app/generated/prisma/client.ts");
const { env } = await import("#app/lib/env.server.ts");
const { ensureDatabase, migrate } = await import("#prisma/migrator.server.ts");
const { seedDemo } = await import("#prisma/seed/demo.ts");
const { generateScaleData } = await import("#prisma/seed/scale.ts");
const { createRandom } = await import("#prisma/seed/chinese-data.ts");
const { generateCompany, generateContact } = await import("#prisma/seed/record-generator.ts");
const { submitLead } = await import("#app/modules/leads/intake/lead-intake.server.ts");
const { leadKeys } = await import("#app/modules/leads/intake/lead-matching.server.ts");

const log = (line = "") => process.stdout.write(`${line}\n`);

async function dropDatabase(): Promise<void> {
  const server = new URL(DATABASE_URL);
  server.pathname = "/";
  const conn = await mysql.createConnection(server.toString());
  await conn.query(`DROP DATABASE IF EXISTS \`${DB_NAME}\``);
  await conn.end();
}

// ───────────── scratch database ─────────────
await dropDatabase();
await ensureDatabase(DATABASE_URL);
await migrate(DATABASE_URL);
await seedDemo(DATABASE_URL);
const started = Date.now();
await generateScaleData({
  databaseUrl: DATABASE_URL,
  contacts: CONTACTS,
  companies: Math.ceil(CONTACTS / 4),
  seed: 42,
});
log(
  `Scratch database ${DB_NAME}: demo organisation + ${CONTACTS} contacts (${((Date.now() - started) / 1000).toFixed(1)} s).`,
);

const sql = mysql.createPool({ uri: DATABASE_URL, connectionLimit: env.DATABASE_POOL_SIZE });

// The app's client (as createDb builds it), with Prisma's query log on: statements are counted per
// scenario and the distinct ones of a solo intake kept for EXPLAIN.
const intakeDb = (() => {
  const u = new URL(DATABASE_URL);
  const adapter = new PrismaMariaDb(
    {
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: DB_NAME,
      connectionLimit: env.DATABASE_POOL_SIZE,
      acquireTimeout: env.DATABASE_ACQUIRE_TIMEOUT_MS,
      timezone: "Z",
    },
    { useTextProtocol: env.DATABASE_TEXT_PROTOCOL === "1" },
  );
  return new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
})();
const queryLog = { count: 0, keep: false, kept: new Map<string, { params: string; n: number }>() };
intakeDb.$on("query", (e) => {
  queryLog.count++;
  if (!queryLog.keep) return;
  const seen = queryLog.kept.get(e.query);
  if (seen) seen.n++;
  else queryLog.kept.set(e.query, { params: e.params, n: 1 });
});
/** BEGIN, COMMIT and SET TRANSACTION ISOLATION LEVEL: sent by the adapter, not in the query log. */
const TX_STATEMENTS = 3;
// Transactions are counted where they start: with group commit (decision 063) one carries many leads.
let transactions = 0;
const countingDb = new Proxy(intakeDb, {
  get(target, property) {
    const value: unknown = Reflect.get(target, property, target);
    if (property === "$transaction")
      return (...args: Parameters<typeof intakeDb.$transaction>) => {
        transactions++;
        return (target.$transaction as (...a: unknown[]) => unknown)(...args);
      };
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

function mariadbPid(): number | null {
  try {
    return Number(execFileSync("pgrep", ["-o", "mariadbd"], { encoding: "utf8" }).trim()) || null;
  } catch {
    return null;
  }
}
const DB_PID = mariadbPid();

// Leads of the last weeks, as a busy month leaves them (the duplicate guard looks 30 days back).
if (PRELOAD_LEADS > 0) {
  const t = Date.now();
  const [[cat]] = (await sql.query(
    "SELECT id, designatedStaffId FROM RegistrationCategory WHERE code = 'WEB-REQ'",
  )) as unknown as [[{ id: number; designatedStaffId: number }]];
  for (let from = 1; from <= PRELOAD_LEADS; from += 50_000) {
    const to = Math.min(PRELOAD_LEADS, from + 49_999);
    await sql.query(
      `INSERT INTO \`Lead\` (number, categoryId, ownerId, status, contactName, contactEmail, contactMobile, companyName,
         requirement, emailKey, phoneKey, companyKey, routedBy, source, requestHash, matches, createdAt, updatedAt)
       SELECT CONCAT('PRE', LPAD(seq, 12, '0')), ?, ?, 'new', CONCAT('预载客户', seq), CONCAT('pre', seq, '@example.cn'),
         CONCAT('139', LPAD(seq, 8, '0')), CONCAT('预载科技', seq, '有限公司'), '预载线索',
         CONCAT('pre', seq, '@example.cn'), CONCAT('139', LPAD(seq, 8, '0')), CONCAT('预载科技', seq),
         'default_owner', 'api', SHA2(seq, 256), '[]',
         NOW(3) - INTERVAL (seq MOD 2500000) SECOND, NOW(3)
       FROM seq_${from}_to_${to}`,
      [cat.id, cat.designatedStaffId],
    );
  }
  log(`Preloaded ${PRELOAD_LEADS} leads of the last 29 days (${((Date.now() - t) / 1000).toFixed(1)} s).`);
}

// `--worker`: the production worker process on the scratch database (mail, search feed, jobs).
const worker = values.worker
  ? spawn("node_modules/.bin/tsx", ["app/modules/jobs/worker.cli.ts"], {
      env: { ...process.env, DATABASE_URL, NODE_ENV: "production", RUN_WORKER: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
      detached: false,
    })
  : null;

type Category = { id: number; code: string; campaignId: number | null; designatedStaffId: number };
async function categories(where: string): Promise<Category[]> {
  const [rows] = (await sql.query(
    `SELECT id, code, campaignId, designatedStaffId FROM RegistrationCategory WHERE ${where} ORDER BY code`,
  )) as unknown as [Category[]];
  return rows;
}

// The spread scenario's channels: each with its own token group of the same three salespeople
// (and the away 黄敏), like a company with one channel per product line.
{
  const demoGroup = await intakeDb.tokenGroup.findUniqueOrThrow({
    where: { name: "华北销售轮值" },
    include: { members: true },
  });
  const campaign = await intakeDb.campaign.findFirstOrThrow();
  const req = await intakeDb.registrationCategory.findUniqueOrThrow({ where: { code: "WEB-REQ" } });
  for (let i = 1; i <= SPREAD; i++) {
    const group = await intakeDb.tokenGroup.create({
      data: {
        name: `基准轮值 ${i}`,
        members: { create: demoGroup.members.map((m) => ({ staffId: m.staffId, position: m.position })) },
      },
    });
    await intakeDb.registrationCategory.create({
      data: {
        code: `BENCH-${String(i).padStart(2, "0")}`,
        name: `基准渠道 ${i}`,
        kind: "requirement",
        campaignId: campaign.id,
        tokenGroupId: group.id,
        designatedStaffId: req.designatedStaffId,
      },
    });
  }
}
const demo = await categories("code LIKE 'WEB-%'");
const spread = await categories("code LIKE 'BENCH-%'");
const byCode = new Map(demo.map((c) => [c.code, c]));
const req = byCode.get("WEB-REQ")!;
const guest = byCode.get("WEB-GUEST")!;
const order = byCode.get("WEB-ORDER")!;

const [existing] = (await sql.query(
  "SELECT c.fullName, c.email, c.mobile, co.name AS company FROM Contact c LEFT JOIN Company co ON co.id = c.companyId ORDER BY RAND(7) LIMIT 5000",
)) as unknown as [Array<{ fullName: string; email: string | null; mobile: string | null; company: string | null }>];
const [skuRows] = (await sql.query("SELECT sku FROM Product WHERE active = 1")) as unknown as [Array<{ sku: string }>];
const skus = skuRows.map((s) => s.sku);

// ───────────── workload ─────────────
interface Work {
  category: Category;
  body: {
    contact: { name: string; email?: string; mobile?: string; title?: string };
    company?: { name: string; city?: string; province?: string };
    requirement?: string;
    items?: Array<{ sku: string; quantity: number }>;
  };
}
type Scenario = "demo" | "spread";

const r = createRandom(20261122);
let serial = 0;
/**
 * demo: 60% 在线需求, 25% 来宾登记 (both on the 华北 group), 15% 产品订购 with items.
 * spread: uniformly over the bench channels. Either way 30% come from existing contacts (matches).
 */
function nextWork(scenario: Scenario): Work {
  serial++;
  const roll = r.next();
  const category =
    scenario === "spread" ? spread[r.int(0, spread.length - 1)]! : roll < 0.6 ? req : roll < 0.85 ? guest : order;
  let body: Work["body"];
  if (r.next() < 0.3 && existing.length > 0) {
    const e = existing[r.int(0, existing.length - 1)]!;
    body = {
      contact: { name: e.fullName, email: e.email ?? undefined, mobile: e.mobile ?? undefined },
      company: e.company ? { name: e.company } : undefined,
    };
  } else {
    const company = generateCompany(r, 1_000_000 + serial);
    const person = generateContact(r, company);
    body = {
      contact: { name: person.fullName, title: person.title, email: person.email, mobile: person.mobile },
      company: { name: company.name, province: company.province, city: company.city },
    };
  }
  // A serial keeps submissions distinct (the duplicate guard would merge repeats).
  body.requirement = `希望了解贵司 CRM 方案，预计 ${r.int(20, 500)} 个用户。（基准 #${serial}）`;
  if (category === order) {
    body.items = Array.from({ length: r.int(1, 3) }, (_, i) => ({
      sku: skus[(serial + i) % skus.length]!,
      quantity: r.int(1, 200),
    }));
  }
  return { category, body };
}

async function viaIntake(work: Work): Promise<void> {
  const result = await submitLead(countingDb, work.body, {
    categoryId: work.category.id,
    source: "api",
    submitterIp: "198.51.100.7",
  });
  if (result.status !== "created") throw new Error(`intake ${result.status}: ${JSON.stringify(result)}`);
}

// The baseline writes the rows a created lead has (lead, items, "created" + "routed" events) with
// precomputed values: no validation, lock, routing, matching, notification or e-mail.
let rawSerial = 0;
let rawStatements = 0;
async function viaRaw(work: Work): Promise<void> {
  const n = ++rawSerial;
  const keys = leadKeys(work.body);
  const c = work.body.contact;
  const conn = await sql.getConnection();
  try {
    await conn.beginTransaction();
    const [res] = (await conn.execute(
      `INSERT INTO \`Lead\` (number, categoryId, campaignId, ownerId, status, contactName, contactTitle, contactEmail,
         contactMobile, companyName, companyProvince, companyCity, requirement, emailKey, phoneKey, companyKey, routedBy,
         source, submitterIp, requestHash, matches, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'default_owner', 'api', ?, ?, '[]', NOW(3), NOW(3))`,
      [
        `RAW${String(n).padStart(12, "0")}`,
        work.category.id,
        work.category.campaignId,
        work.category.designatedStaffId,
        c.name,
        c.title ?? null,
        c.email ?? null,
        c.mobile ?? null,
        work.body.company?.name ?? null,
        work.body.company?.province ?? null,
        work.body.company?.city ?? null,
        work.body.requirement ?? null,
        keys.emailKey,
        keys.phoneKey,
        keys.companyKey,
        "198.51.100.7",
        "0".repeat(64),
      ],
    )) as unknown as [{ insertId: number }];
    const leadId = res.insertId;
    const items = work.body.items ?? [];
    if (items.length > 0) {
      await conn.query(
        `INSERT INTO \`LeadItem\` (leadId, sku, productName, quantity) VALUES ${items.map(() => "(?, ?, ?, ?)").join(",")}`,
        items.flatMap((i) => [leadId, i.sku, i.sku, i.quantity]),
      );
    }
    await conn.query(
      "INSERT INTO `LeadEvent` (leadId, type, actorType, detail, createdAt) VALUES (?, 'created', 'api', '{}', NOW(3)), (?, 'routed', 'system', '{}', NOW(3))",
      [leadId, leadId],
    );
    await conn.commit();
    rawStatements += items.length > 0 ? 5 : 4;
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}

// ───────────── driver ─────────────
interface Summary {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  done: number;
  failed: number;
  /** This process's CPU per completed lead (ms). */
  cpuMs: number;
  /** mariadbd's CPU per completed lead (ms; shared server: includes other people's work). */
  dbCpuMs: number;
  /** Statements sent per completed lead, transaction statements included. */
  statements: number;
  /** Leads per intake transaction (group commit, decision 063; 1 on the single path). */
  perTransaction: number;
}

function pct(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `clients` loops, each submitting back to back until the time is up; requests in flight finish. */
async function drive(
  clients: number,
  seconds: number,
  scenario: Scenario,
  one: (w: Work) => Promise<void>,
): Promise<Summary> {
  const latencies: number[] = [];
  let failed = 0;
  const cpu0 = process.cpuUsage();
  const db0 = DB_PID ? cpuMs([DB_PID]) : 0;
  const q0 = queryLog.count;
  const raw0 = rawStatements;
  const tx0 = transactions;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const work = nextWork(scenario);
        const t = performance.now();
        try {
          await one(work);
          latencies.push(performance.now() - t);
        } catch (error) {
          failed++;
          if (failed <= 3) log(`  error: ${String(error).slice(0, 300)}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const done = Math.max(1, latencies.length);
  const statements = one === viaRaw ? rawStatements - raw0 : queryLog.count - q0 + TX_STATEMENTS * (transactions - tx0);
  latencies.sort((a, b) => a - b);
  return {
    cpuMs: (cpu.user + cpu.system) / 1000 / done,
    dbCpuMs: DB_PID ? (cpuMs([DB_PID]) - db0) / done : Number.NaN,
    statements: statements / done,
    perTransaction: one === viaRaw ? 1 : latencies.length / Math.max(1, transactions - tx0),
    perSecond: latencies.length / elapsed,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    done: latencies.length,
    failed,
  };
}

type Kind = "solo" | "demo" | "spread" | "raw";
const results: Array<{ round: number; kind: Kind; s: Summary }> = [];

// Warm-up: JIT, Prisma's query compiler, template rendering, pools.
await drive(5, 3, "demo", viaIntake);
await drive(5, 2, "demo", viaRaw);

queryLog.keep = true;
results.push({ round: 0, kind: "solo", s: await drive(1, Math.min(SECONDS, 10), "demo", viaIntake) });
queryLog.keep = false;
const soloLeads = results[0]!.s.done;

/** What piles up as leads arrive: a cost that grows with one of these is what makes rounds slower. */
async function backlog(): Promise<string> {
  const [[row]] = (await sql.query(
    `SELECT (SELECT COUNT(*) FROM \`Lead\`) AS leads,
            (SELECT COUNT(*) FROM EmailOutbox WHERE status = 'pending') AS mailPending,
            (SELECT COUNT(*) FROM SearchChange) AS feedRows,
            (SELECT COUNT(*) FROM Job WHERE status = 'pending') AS jobsPending,
            (SELECT COUNT(*) FROM Notification) AS notifications`,
  )) as unknown as [[Record<string, number>]];
  return Object.entries(row)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}
for (let round = 1; round <= ROUNDS; round++) {
  log(`before round ${round}: ${await backlog()}`);
  results.push({ round, kind: "demo", s: await drive(CLIENTS, SECONDS, "demo", viaIntake) });
  results.push({ round, kind: "spread", s: await drive(CLIENTS, SECONDS, "spread", viaIntake) });
  results.push({ round, kind: "raw", s: await drive(CLIENTS, SECONDS, "demo", viaRaw) });
}
log(`after the last round: ${await backlog()}`);

// ───────────── report ─────────────
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const med = (kind: Kind, key: keyof Summary) => median(results.filter((x) => x.kind === kind).map((x) => x.s[key]));
const f = (n: number, w = 8) => n.toFixed(1).padStart(w);

log();
log(
  `Lead intake: ${CLIENTS} concurrent clients, ${SECONDS} s per run, ${ROUNDS} alternating rounds, ${CONTACTS} contacts; ` +
    `pool ${env.DATABASE_POOL_SIZE} connections (intake bulkhead ${Math.max(1, Math.floor(env.DATABASE_POOL_SIZE / 2))})`,
);
log();
log(
  "round  scenario  leads/s   p50 ms   p95 ms   p99 ms   leads  failed  cpu ms/lead  db cpu ms/lead  stmts/lead  leads/tx",
);
for (const x of results) {
  log(
    `${String(x.round).padEnd(6)} ${x.kind.padEnd(8)} ${f(x.s.perSecond)} ${f(x.s.p50)} ${f(x.s.p95)} ${f(x.s.p99)} ${String(x.s.done).padStart(7)} ${String(x.s.failed).padStart(7)} ${f(x.s.cpuMs, 12)} ${f(x.s.dbCpuMs, 15)} ${f(x.s.statements, 11)} ${f(x.s.perTransaction, 9)}`,
  );
}
log();
for (const kind of ["solo", "demo", "spread", "raw"] as const) {
  log(
    `median ${kind.padEnd(7)} ${f(med(kind, "perSecond"))} leads/s   p50 ${f(med(kind, "p50"))} ms   p95 ${f(med(kind, "p95"))} ms`,
  );
}
for (const kind of ["demo", "spread", "raw"] as const) {
  const runs = results.filter((x) => x.kind === kind);
  log(
    `flatness ${kind.padEnd(7)} last/first round ${((runs.at(-1)!.s.perSecond / runs[0]!.s.perSecond) * 100).toFixed(0)} %; ` +
      `cpu ms/lead ${runs.map((x) => x.s.cpuMs.toFixed(1)).join(" → ")}`,
  );
}
log(
  `intake/raw throughput: demo ${((med("demo", "perSecond") / med("raw", "perSecond")) * 100).toFixed(1)} %, ` +
    `spread ${((med("spread", "perSecond") / med("raw", "perSecond")) * 100).toFixed(1)} % of the raw ceiling (target ≥ 10 %)`,
);
log(
  `ratio  raw/demo throughput ${(med("raw", "perSecond") / med("demo", "perSecond")).toFixed(1)}x, ` +
    `raw/spread ${(med("raw", "perSecond") / med("spread", "perSecond")).toFixed(1)}x; ` +
    `latency p50 demo/raw ${(med("demo", "p50") / med("raw", "p50")).toFixed(1)}x, spread/raw ${(med("spread", "p50") / med("raw", "p50")).toFixed(1)}x`,
);

// Fairness under load: per token group, leads per member (黄敏 is away and must get none).
const [fair] = (await sql.query(
  `SELECT g.name AS grp, s.name, COUNT(*) AS n FROM \`Lead\` l JOIN Staff s ON s.id = l.ownerId
   JOIN TokenGroup g ON g.id = l.routedTokenGroupId WHERE l.routedBy = 'token_group'
   GROUP BY g.name, s.name ORDER BY g.name, s.name`,
)) as unknown as [Array<{ grp: string; name: string; n: number }>];
const groups = new Map<string, Array<{ name: string; n: number }>>();
for (const row of fair) groups.set(row.grp, [...(groups.get(row.grp) ?? []), { name: row.name, n: Number(row.n) }]);
let worstSpread = 0;
for (const [, rows] of groups)
  worstSpread = Math.max(worstSpread, Math.max(...rows.map((x) => x.n)) - Math.min(...rows.map((x) => x.n)));
const demoRows = groups.get("华北销售轮值") ?? [];
log(
  `rotation 华北销售轮值: ${demoRows.map((x) => `${x.name} ${x.n}`).join(", ")}; ` +
    `largest difference between members of any group: ${worstSpread}; 黄敏: ${fair.some((x) => x.name === "黄敏") ? "GOT LEADS" : "none"}`,
);
const [[mails]] = (await sql.query(
  "SELECT COUNT(*) AS n FROM EmailOutbox WHERE template = 'lead-assigned'",
)) as unknown as [[{ n: number }]];
const [[leads]] = (await sql.query("SELECT COUNT(*) AS n FROM `Lead` WHERE number LIKE 'LEAD%'")) as unknown as [
  [{ n: number }],
];
log(`checks: ${leads.n} intake leads, ${mails.n} owner e-mails queued`);

if (worker?.pid) {
  const leadsMade = results.filter((x) => x.kind !== "raw").reduce((n, x) => n + x.s.done, 0);
  log(`worker: ${(cpuMs(processTree(worker.pid)) / leadsMade).toFixed(1)} ms CPU per intake lead over the run`);
  worker.kill("SIGTERM");
}

// Every distinct statement one intake sends, how often per lead, and its plan now that the leads of
// every round (and the preload) are in the table: a scan here is a cost that grows with the leads.
if (!values["no-explain"]) {
  log();
  log(`Statements of the ${soloLeads} solo intakes (per lead; EXPLAIN with ${leads.n} intake leads stored):`);
  for (const [text, { params, n }] of queryLog.kept) {
    let plan = "";
    if (/^\s*(SELECT|UPDATE|DELETE)/i.test(text)) {
      try {
        // Prisma logs LIMIT/OFFSET values as strings; everything else is bound as logged.
        const pieces = text.split("?");
        const bound = (JSON.parse(params) as unknown[]).map((value, i) =>
          /\b(LIMIT|OFFSET)\s*$/i.test(pieces[i] ?? "") ? Number(value) : value,
        );
        const [rows] = (await sql.query(`EXPLAIN ${text}`, bound)) as unknown as [
          Array<{ table: string; type: string; key: string | null; rows: number; Extra: string | null }>,
        ];
        plan = rows
          .map((p) => `${p.table}: ${p.type} ${p.key ?? "-"} rows ${p.rows}${p.Extra ? ` (${p.Extra})` : ""}`)
          .join("; ");
      } catch (error) {
        plan = `EXPLAIN failed: ${String(error).slice(0, 100)}`;
      }
    }
    log(
      `  ${(n / soloLeads).toFixed(2)}×  ${text.replace(/\s+/g, " ").replaceAll(`\`${DB_NAME}\`.`, "").slice(0, 170)}`,
    );
    if (plan) log(`         ${plan}`);
  }
}

await intakeDb.$disconnect();
await sql.end();
if (!values.keep) await dropDatabase();
