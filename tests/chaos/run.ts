// `npx tsx tests/chaos/run.ts [--leads 2000] [--clients 50]` (after a production build; RR_BUILD_DIR)
//
// The chaos run of issue #12 item 8, as an operator would try it: two app instances (each with its
// own in-process worker) behind a loopback round-robin proxy on one MariaDB of their own; intake load
// through the public API while one instance is killed with SIGKILL and restarted, and later the
// database is restarted. Then it checks the promises: every acknowledged lead stored exactly once,
// clients saw only 200/201/409/429/503 (never another 5xx), strict turn order in the token group, one
// owner e-mail per lead, /readyz reporting the database outage within 1.5 s, and a lead created on one
// instance found by the other's search within 2 s (p95 of 20 probes, printed). Exits non-zero on a
// broken promise; prints the figures either way. CI runs it (scripts/test.sh) with a bounded size.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { DEMO_PRODUCTS, demoChannelKey } from "#prisma/seed/demo-lead-intake.ts";
import { killHard, startInstance, stopGracefully, waitReady, type AppInstance } from "./instance.ts";
import { runLoad, type Submission } from "./load.ts";
import { startProxy } from "./proxy.ts";
import { measureSearchLag, summariseLag } from "./search-lag.ts";
import { checkMail, checkStorage, checkTurnOrder } from "./verify.ts";

const { values } = parseArgs({
  options: {
    leads: { type: "string", default: "2000" },
    clients: { type: "string", default: "50" },
    "time-limit": { type: "string", default: "420" },
  },
});
const TOTAL = Number(values.leads);
const CLIENTS = Number(values.clients);
const ROOT = path.resolve(import.meta.dirname, "../..");
const DB_PORT = Number(process.env.CHAOS_DB_PORT ?? 3397);
const PORTS = { a: Number(process.env.CHAOS_PORT_A ?? 3291), b: Number(process.env.CHAOS_PORT_B ?? 3292) };
const dbEnv = {
  ...process.env,
  RELAY_DB_DIR: path.join(ROOT, ".data/chaos-mariadb"),
  RELAY_DB_RUN_DIR: path.join(ROOT, ".data/chaos-run"),
  RELAY_DB_PORT: String(DB_PORT),
};
const DATABASE_URL = `mysql://relay:relay@127.0.0.1:${DB_PORT}/relay_chaos`;
/** Both instances keep their search index snapshot here (one machine, one database). */
const SNAPSHOT_DIR = path.join(ROOT, ".data/chaos-search-snapshot");
/** Every instance started, so a crash of the run does not leave servers behind. */
const started: AppInstance[] = [];
const launch = (name: string, port: number) => {
  const instance = startInstance(name, port, instanceEnv);
  started.push(instance);
  return instance;
};
const out = (line = "") => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function database(command: "start" | "stop") {
  execFileSync("bash", ["scripts/db.sh", command], { cwd: ROOT, env: dbEnv, stdio: "ignore" });
}

async function prepareDatabase() {
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  database("start");
  const admin = await mysql.createConnection(`mysql://relay:relay@127.0.0.1:${DB_PORT}/`);
  await admin.query("DROP DATABASE IF EXISTS relay_chaos");
  await admin.query("CREATE DATABASE relay_chaos CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
  await admin.end();
  const env = { ...process.env, DATABASE_URL };
  execFileSync("npx", ["tsx", "prisma/migrate.ts"], { cwd: ROOT, env, stdio: "ignore" });
  execFileSync("npx", ["tsx", "prisma/seed/demo.ts"], { cwd: ROOT, env, stdio: "ignore" });
}

const instanceEnv = {
  DATABASE_URL,
  RUN_WORKER: "1",
  APP_URL: "http://localhost:3290",
  // An outage answers 503 within seconds rather than after the driver's 10 s.
  DATABASE_ACQUIRE_TIMEOUT_MS: "3000",
  // A mail claimed by the killed instance is taken back within the run.
  MAIL_SENDING_VISIBILITY_MS: "15000",
  ACCESS_LOG: "0",
  SEARCH_SNAPSHOT_DIR: SNAPSHOT_DIR,
};

function submissions(): Submission[] {
  const channels = [demoChannelKey("WEB-REQ"), demoChannelKey("WEB-GUEST"), demoChannelKey("WEB-ORDER")];
  const run = Date.now().toString(36);
  return Array.from({ length: TOTAL }, (_, i) => ({
    key: `chaos-${run}-${i}`,
    channelKey: channels[i % channels.length]!,
    body: JSON.stringify({
      contact: {
        name: `混沌${i}`,
        email: `chaos${i}.${run}@example.test`,
        mobile: `139${String(10_000_000 + i).slice(-8)}`,
      },
      company: { name: `混沌测试${i}有限公司`, city: "杭州" },
      requirement: `混沌测试第 ${i} 条需求`,
      ...(i % 3 === 2 ? { items: [{ sku: DEMO_PRODUCTS[0].sku, quantity: 1 + (i % 5) }] } : {}),
    }),
  }));
}

interface Outage {
  downAt: number;
  upAt: number;
  samples: Array<{ at: number; status: number | null; ms: number }>;
}

/** Polls /readyz during the database outage: when it first said 503, and its slowest answer. */
function watchReadiness(port: number) {
  const samples: Array<{ at: number; status: number | null; ms: number }> = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      let status: number | null = null;
      try {
        status = (await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(5_000) })).status;
      } catch {
        status = null;
      }
      samples.push({ at: started, status, ms: Date.now() - started });
      await sleep(100);
    }
  })();
  return {
    samples,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

async function main() {
  const failures: string[] = [];
  const expect = (ok: boolean, message: string) => {
    out(`${ok ? "ok  " : "FAIL"} ${message}`);
    if (!ok) failures.push(message);
  };
  out(
    `chaos run: ${TOTAL} intakes, ${CLIENTS} clients, two instances on ports ${PORTS.a}/${PORTS.b}, MariaDB on ${DB_PORT}`,
  );
  const setupStarted = Date.now();
  await prepareDatabase();
  const instances: Record<"a" | "b", AppInstance> = {
    a: launch("a", PORTS.a),
    b: launch("b", PORTS.b),
  };
  await Promise.all([waitReady(PORTS.a), waitReady(PORTS.b)]);
  const proxy = await startProxy([PORTS.a, PORTS.b]);
  out(`set-up ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

  // Set from the ack callback; held in an object so TypeScript does not narrow them to null.
  const faults: { kill: Promise<void> | null; outage: Promise<Outage> | null } = { kill: null, outage: null };
  const onAck = (count: number) => {
    if (!faults.kill && count >= TOTAL * 0.25) {
      faults.kill = (async () => {
        await killHard(instances.a);
        out(`kill -9 of instance a after ${count} acknowledged leads`);
        await sleep(2_000);
        instances.a = launch("a", PORTS.a);
        const readyMs = await waitReady(PORTS.a);
        out(`instance a restarted, ready after ${(readyMs / 1000).toFixed(1)} s`);
      })();
    }
    if (!faults.outage && count >= TOTAL * 0.55) {
      faults.outage = (async () => {
        const watch = watchReadiness(PORTS.b);
        await sleep(300);
        database("stop");
        const downAt = Date.now();
        out(`database stopped after ${count} acknowledged leads`);
        await sleep(3_000);
        database("start");
        const upAt = Date.now();
        out(`database started again (${((upAt - downAt) / 1000).toFixed(1)} s down)`);
        await sleep(2_000);
        await watch.stop();
        return { downAt, upAt, samples: watch.samples };
      })();
    }
  };

  const loadStarted = Date.now();
  const result = await runLoad({
    url: `http://127.0.0.1:${proxy.port}/api/v1/leads`,
    submissions: submissions(),
    clients: CLIENTS,
    deadline: Date.now() + Number(values["time-limit"]) * 1000,
    onAck,
  });
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  await faults.kill;
  const outageResult = await faults.outage;
  const sorted = [...result.latenciesMs].sort((x, y) => x - y);
  out(
    `load: ${result.acknowledged.size} acknowledged in ${loadSeconds.toFixed(1)} s (${(result.acknowledged.size / loadSeconds).toFixed(1)}/s), p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(0)} ms`,
  );
  out(`statuses seen: ${JSON.stringify(Object.fromEntries([...result.statuses].sort()))}`);
  for (const [status, body] of result.samples) out(`first ${status} answer: ${body}`);

  expect(result.unfinished.length === 0, `every submission acknowledged (${result.unfinished.length} unfinished)`);
  const allowed = new Set(["200", "201", "409", "429", "503", "network-error"]);
  const unexpected = [...result.statuses.keys()].filter((status) => !allowed.has(status));
  expect(
    unexpected.length === 0,
    `clients saw only 200/201/409/429/503 or a lost connection (unexpected: ${unexpected.join(", ") || "none"})`,
  );
  expect(faults.kill !== null && outageResult !== null, "the kill and the database restart happened during the load");

  if (outageResult) {
    const during = outageResult.samples.filter((s) => s.at >= outageResult.downAt && s.at < outageResult.upAt);
    const first503 = during.find((s) => s.status === 503);
    const slowest = Math.max(...outageResult.samples.map((s) => s.ms));
    out(
      `readyz during the outage: ${during.length} probes, first 503 ${first503 ? `${first503.at + first503.ms - outageResult.downAt} ms` : "never"} after the database went down, slowest answer ${slowest} ms`,
    );
    expect(
      first503 !== undefined && first503.at + first503.ms - outageResult.downAt <= 1_500,
      "readyz reported the outage within 1.5 s",
    );
    // Printed, not asserted: with 50 clients saturating a 2-core machine, a probe waits for the event
    // loop like any request; the 1.5 s bound of the check itself is asserted in readiness.server.test.ts.
    if (slowest > 1_500) out(`note: the slowest readyz probe (${slowest} ms) waited for a saturated event loop`);
  }

  const db = await mysql.createConnection(DATABASE_URL);
  try {
    const storage = await checkStorage(db, result.acknowledged);
    out(
      `storage: ${storage.leads} chaos leads stored, ${storage.duplicates} keys stored twice, ${storage.missing} acknowledged and missing, ${storage.wrongId} acknowledged with another id`,
    );
    expect(
      storage.missing === 0 && storage.duplicates === 0 && storage.wrongId === 0,
      "every acknowledged lead stored exactly once",
    );
    const turn = await checkTurnOrder(db);
    out(`turn order: ${turn.summary}`);
    expect(turn.ok, "strict turn order in every token group");
    const mail = await checkMail(db, storage.numbers, 90_000);
    out(`mail: ${mail.summary}`);
    expect(mail.ok, "exactly one owner e-mail per lead, all delivered");
  } finally {
    await db.end();
  }

  // Every instance's embedded search follows every change (decision 047), the killed one included.
  const probes = await measureSearchLag({
    ports: [PORTS.a, PORTS.b],
    channelKey: demoChannelKey("WEB-REQ"),
    count: Number(process.env.CHAOS_SEARCH_PROBES ?? 20),
  });
  const lag = summariseLag(probes);
  out(
    `search across instances: ${probes.length} probes (a→b, b→a), lag p50 ${lag.p50.toFixed(0)} ms, p95 ${lag.p95.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms, not found within 10 s: ${lag.lost}`,
  );
  expect(
    lag.lost === 0 && lag.p95 <= 2_000,
    "a lead created on one instance is found by search on the other within 2 s (p95)",
  );

  await proxy.close();
  await Promise.all([stopGracefully(instances.a), stopGracefully(instances.b)]);
  database("stop");
  if (failures.length > 0) {
    for (const instance of Object.values(instances)) {
      out(`--- last log lines of instance ${instance.name}`);
      for (const line of instance.output.slice(-25)) out(line);
    }
    out(`chaos run FAILED: ${failures.length} broken promise(s)`);
    process.exit(1);
  }
  out("chaos run passed");
}

await main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause ? ` (cause: ${String(error.cause)})` : "";
  out(`chaos run crashed: ${error instanceof Error ? error.stack : String(error)}${cause}`);
  for (const instance of started) {
    out(
      `--- last log lines of instance ${instance.name} (pid ${instance.process.pid}, exit ${instance.process.exitCode})`,
    );
    for (const line of instance.output.slice(-15)) out(line);
  }
  for (const instance of started) instance.process.kill("SIGKILL");
  try {
    database("stop");
  } catch {
    // already down
  }
  process.exit(1);
});
