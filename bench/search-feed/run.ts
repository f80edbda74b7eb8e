// `npx tsx bench/search-feed/run.ts [--contacts 100000] [--leads 5000] [--clients 50] [--database relay_bench_feed]`
//
// Issue #12 figures for the search change feed and the worker's e-mail (decision 047), on a scratch
// database with the demo organisation and --contacts generated contacts:
//   start-up  a fresh process (bench/search-feed/startup.ts) until its first search is answered:
//             once rebuilding the embedded index from the database (no snapshot), once from the
//             snapshot that run left on disk;
//   burst     --leads intakes from --clients concurrent clients (submitLead, as the API calls it)
//             while this process follows the feed with its own embedded index and runs the worker:
//             search lag = lead committed → its feed row applied to the index; mail lag = outbox
//             row written → delivered (dev inbox: rendered by the worker, no provider call).
// Ends with one summary line to compare runs. Not part of CI; see docs/benchmarks.md.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    contacts: { type: "string", default: "100000" },
    leads: { type: "string", default: "5000" },
    clients: { type: "string", default: "50" },
    database: { type: "string", default: "relay_bench_feed" },
    // The worker as its own process (`npm run worker`, the topology of docs/operations.md) instead
    // of inside this process beside the intakes and the feed follower.
    "worker-process": { type: "boolean", default: false },
  },
});
const CONTACTS = Number(values.contacts);
const LEADS = Number(values.leads);
const CLIENTS = Number(values.clients);
const DB_NAME = values.database;

const { createScratchDatabase, scratchUrl } = await import("./scratch.ts");
const DATABASE_URL = scratchUrl(DB_NAME);
process.env.DATABASE_URL = DATABASE_URL;
process.env.RUN_WORKER = "0";
process.env.NODE_ENV = "production";
process.env.ACCESS_LOG = "0";
process.env.LOG_LEVEL = "warn";
delete process.env.RESEND_API_KEY;

const { createDb } = await import("#app/lib/db.server.ts");
const { submitLead } = await import("#app/modules/leads/intake/lead-intake.server.ts");
const { EmbeddedSearchEngine } = await import("#search/embedded-engine.server.ts");
const { startEmbeddedSearch, stopSearchFollower } = await import("#search/feed-follower.server.ts");
const { startWorker } = await import("#app/modules/jobs/worker.server.ts");

const ROOT = path.resolve(import.meta.dirname, "../..");
const out = (line = "") => process.stdout.write(`${line}\n`);
const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);

// ───────────── scratch database ─────────────
const seededMs = await createScratchDatabase(DATABASE_URL, CONTACTS);
out(`scratch database ${DB_NAME}: demo + ${CONTACTS} contacts (${(seededMs / 1000).toFixed(1)} s)`);

// ───────────── start-up ─────────────
const snapshotDir = mkdtempSync(path.join(tmpdir(), "relay-bench-snapshot-"));
interface Startup {
  firstSearchMs: number;
  importedMs: number;
  contacts: number;
  stopMs: number;
}
function startup(): Startup {
  const line = execFileSync("npx", ["tsx", "bench/search-feed/startup.ts", "--child"], {
    cwd: ROOT,
    env: { ...process.env, SEARCH_SNAPSHOT_DIR: snapshotDir },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = line
    .trim()
    .split("\n")
    .filter((l) => l.startsWith('{"firstSearchMs"'))
    .at(-1);
  if (!last) throw new Error(`startup child printed no result:\n${line}`);
  return JSON.parse(last) as Startup;
}
const cold = startup();
out(
  `start-up without snapshot (rebuild): first search ${cold.firstSearchMs} ms after process start (modules loaded at ${cold.importedMs} ms), ${cold.contacts} contacts; snapshot written in ${cold.stopMs} ms`,
);
const warm = startup();
out(
  `start-up from snapshot: first search ${warm.firstSearchMs} ms after process start (modules loaded at ${warm.importedMs} ms), ${warm.contacts} contacts`,
);
rmSync(snapshotDir, { recursive: true, force: true });

/** `npm run worker` on the scratch database; resolves once it has exited after SIGTERM. */
function workerProcess(): () => Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "app/modules/jobs/worker.cli.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return async () => {
    child.kill("SIGTERM");
    await exited;
  };
}

// ───────────── burst: search and mail lag ─────────────
const db = createDb(DATABASE_URL);
const acked = new Map<number, number>();
const searchLag: number[] = [];
const engine = new EmbeddedSearchEngine();
await startEmbeddedSearch(engine, {
  db,
  snapshot: null,
  follow: true,
  log: () => {},
  onApplied: (rows) => {
    const now = performance.now();
    for (const row of rows) {
      const at = row.index === "leads" ? acked.get(row.entityId) : undefined;
      if (at === undefined) continue;
      searchLag.push(now - at);
      acked.delete(row.entityId);
    }
  },
});
const stopWorker = values["worker-process"] ? workerProcess() : startWorker({ db, intervalMs: 500 });
const categories = await db.registrationCategory.findMany({ where: { code: { startsWith: "WEB-" } } });
const run = Date.now().toString(36);
let next = 0;
let failed = 0;
const burstStarted = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < LEADS) {
      const i = next++;
      const category = categories[i % categories.length]!;
      // A loaded machine can time an intake transaction out: counted, not fatal to the run.
      const result = await submitLead(
        db,
        {
          contact: {
            name: `突发${i}`,
            email: `burst${i}.${run}@example.test`,
            mobile: `137${String(10_000_000 + i).slice(-8)}`,
          },
          company: { name: `突发测试${i}有限公司`, city: "杭州" },
          requirement: `突发测试第 ${i} 条需求`,
        },
        { categoryId: category.id, source: "api", submitterIp: "198.51.100.7" },
      ).catch(() => null);
      if (result?.status === "created") acked.set(result.lead.id, performance.now());
      else failed++;
    }
  }),
);
const burstSeconds = (performance.now() - burstStarted) / 1000;
out(
  `burst: ${LEADS - failed} leads in ${burstSeconds.toFixed(1)} s (${((LEADS - failed) / burstSeconds).toFixed(1)}/s), ${failed} not created`,
);

const deadline = Date.now() + 600_000;
const mailPending = async () => db.emailOutbox.count({ where: { status: { in: ["pending", "sending"] } } });
while ((acked.size > 0 || (await mailPending()) > 0) && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const mails = await db.emailOutbox.findMany({
  where: { template: "lead-assigned", sentAt: { not: null } },
  select: { createdAt: true, sentAt: true },
});
const mailLag = sortNum(mails.map((m) => m.sentAt!.getTime() - m.createdAt.getTime()));
const search = sortNum(searchLag);
out(
  `search lag: ${search.length} leads, p50 ${pct(search, 0.5).toFixed(0)} ms, p95 ${pct(search, 0.95).toFixed(0)} ms, max ${(search.at(-1) ?? NaN).toFixed(0)} ms, never applied ${acked.size}`,
);
out(
  `mail lag: ${mailLag.length} owner e-mails, p50 ${pct(mailLag, 0.5)} ms, p95 ${pct(mailLag, 0.95)} ms, max ${mailLag.at(-1)} ms`,
);
await stopWorker();
await stopSearchFollower(engine);
await db.$disconnect();
out(
  `SUMMARY search-feed contacts=${CONTACTS} startup_rebuild_ms=${cold.firstSearchMs} startup_snapshot_ms=${warm.firstSearchMs} snapshot_ready_ms=${warm.firstSearchMs - warm.importedMs} ` +
    `burst=${LEADS} worker=${values["worker-process"] ? "process" : "in-process"} search_lag_p95_ms=${pct(search, 0.95).toFixed(0)} mail_lag_p95_ms=${pct(mailLag, 0.95)} loadavg=${(await import("node:os")).loadavg()[0]!.toFixed(1)}`,
);
process.exit(0);
