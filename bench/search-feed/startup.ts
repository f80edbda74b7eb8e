// `npx tsx bench/search-feed/startup.ts [--database relay_bench_feed] [--contacts 100000] [--setup] [--formats v1,v2]`
//
// Issue #12: how long after a process starts its first search is answered, per snapshot format,
// side by side in one run (decision 059). For each format a fresh process first rebuilds the embedded
// index from the database (no snapshot; it writes one on stop), then a second fresh process loads
// that snapshot. Each child reports wall time from process start to the first answered search, CPU
// seconds (user + system) to that point, module loading apart (tsx compiles TypeScript here; a
// production build loads in well under a second), and memory at that point (V8 heap; typed arrays
// live outside it, in "array buffers"). Prints one SUMMARY line per format.
//   v2  the current code: binary snapshot, postings used in place (search/snapshot.server.ts)
//   v1  the NDJSON snapshot of commit 264d822 (decision 047), its search/ extracted with
//       `git archive` into .data/bench-search-v1 and run against the same database
// Uses the scratch database of bench/search-feed/run.ts (created with --setup, or when missing).
//
// Child mode (`--child --format v2`, SEARCH_SNAPSHOT_DIR and DATABASE_URL from the parent; also
// called by run.ts): prints one JSON line starting {"firstSearchMs".
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { SearchEngine } from "#search/engine.ts";

const { values } = parseArgs({
  options: {
    child: { type: "boolean", default: false },
    format: { type: "string", default: "v2" },
    formats: { type: "string", default: "v1,v2" },
    database: { type: "string", default: "relay_bench_feed" },
    contacts: { type: "string", default: "100000" },
    setup: { type: "boolean", default: false },
  },
});

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The commit whose search/ wrote and read the version-1 (NDJSON) snapshot. */
const V1_COMMIT = "264d822";
const V1_DIR = path.join(ROOT, ".data/bench-search-v1");
const out = (line = "") => process.stdout.write(`${line}\n`);

interface StartupResult {
  firstSearchMs: number;
  importedMs: number;
  cpuMs: number;
  importCpuMs: number;
  heapMb: number;
  arrayBuffersMb: number;
  rssMb: number;
  hits: number;
  contacts: number;
  stopMs: number;
}

const cpuMsNow = () => {
  const usage = process.cpuUsage();
  return Math.round((usage.user + usage.system) / 1000);
};

async function child(format: string): Promise<void> {
  // Only the chosen format's modules are loaded (both register the same job handlers).
  const base = format === "v1" ? path.join(V1_DIR, "search") : path.join(ROOT, "search");
  const { db } = await import("#app/lib/db.server.ts");
  const selection = (await import(path.join(base, "engine-selection.server.ts"))) as {
    getSearchEngine: () => SearchEngine;
  };
  const follower = (await import(path.join(base, "feed-follower.server.ts"))) as {
    stopSearchFollower: (engine: unknown) => Promise<void>;
  };
  const reindex = (await import(path.join(base, "reindex.server.ts"))) as {
    ensureSearchReady: (engine: unknown) => Promise<SearchEngine>;
  };
  const importedMs = Math.round(performance.now());
  const importCpuMs = cpuMsNow();
  const engine = await reindex.ensureSearchReady(selection.getSearchEngine());
  const result = await engine.query("contacts", { q: "王", limit: 5 });
  // performance.now() counts from the start of this process.
  const firstSearchMs = Math.round(performance.now());
  const cpuMs = cpuMsNow();
  const memory = process.memoryUsage();
  const documents = (await engine.stats("contacts")).documents;
  const stopStarted = performance.now();
  // Writes the snapshot the next start loads (when this start rebuilt or caught up).
  await follower.stopSearchFollower(engine);
  const mb = (bytes: number) => Math.round(bytes / 1e6);
  const line: StartupResult = {
    firstSearchMs,
    importedMs,
    cpuMs,
    importCpuMs,
    heapMb: mb(memory.heapUsed),
    arrayBuffersMb: mb(memory.arrayBuffers),
    rssMb: mb(memory.rss),
    hits: result.total,
    contacts: documents,
    stopMs: Math.round(performance.now() - stopStarted),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  await db.$disconnect();
  process.exit(0);
}

/** Runs one child; returns its result and whether it loaded a snapshot (from its own log lines). */
function runStartupChild(
  format: string,
  snapshotDir: string,
  env: NodeJS.ProcessEnv = process.env,
): StartupResult & { source: string; snapshotMs: number | null } {
  const run = spawnSync("npx", ["tsx", "bench/search-feed/startup.ts", "--child", "--format", format], {
    cwd: ROOT,
    env: { ...env, SEARCH_SNAPSHOT_DIR: snapshotDir, LOG_LEVEL: "info", NODE_ENV: "production", RUN_WORKER: "0" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = run.stdout.trim().split("\n");
  const last = lines.filter((l) => l.startsWith('{"firstSearchMs"')).at(-1);
  if (!last) throw new Error(`startup child printed no result:\n${run.stdout}\n${run.stderr}`);
  const events = lines
    .filter((l) => l.includes('"event":"search.'))
    .map((l) => JSON.parse(l) as { event: string; ms?: number });
  const loaded = events.find((e) => e.event === "search.snapshot.loaded");
  return {
    ...(JSON.parse(last) as StartupResult),
    source: loaded ? "snapshot" : "rebuild",
    snapshotMs: loaded?.ms ?? null,
  };
}

function extractV1(): void {
  if (existsSync(path.join(V1_DIR, "search/snapshot.server.ts"))) return;
  mkdirSync(V1_DIR, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${V1_COMMIT} search | tar -x -C "${V1_DIR}"`], { cwd: ROOT });
}

async function driver(): Promise<void> {
  const { createScratchDatabase, scratchContacts, scratchUrl } = await import("./scratch.ts");
  const databaseUrl = scratchUrl(values.database);
  const existing = await scratchContacts(databaseUrl);
  if (values.setup || !existing) {
    const ms = await createScratchDatabase(databaseUrl, Number(values.contacts));
    out(`scratch database ${values.database}: demo + ${values.contacts} contacts (${(ms / 1000).toFixed(1)} s)`);
  }
  const env = { ...process.env, DATABASE_URL: databaseUrl, ACCESS_LOG: "0" };
  const formats = values.formats.split(",").map((f) => f.trim());
  const summaries: string[] = [];
  for (const format of formats) {
    if (format !== "v1" && format !== "v2") throw new Error(`unknown format ${format}`);
    if (format === "v1") extractV1();
    const dir = mkdtempSync(path.join(tmpdir(), `relay-bench-startup-${format}-`));
    try {
      const rebuild = runStartupChild(format, dir, env);
      const warm = runStartupChild(format, dir, env);
      const file = readdirSync(dir).find((f) => f.startsWith("embedded-index."));
      const snapshotMb = file ? Math.round(statSync(path.join(dir, file)).size / 1e6) : NaN;
      for (const [label, r] of [
        ["rebuild", rebuild],
        ["snapshot", warm],
      ] as const) {
        out(
          `${format} ${label}: first search ${r.firstSearchMs} ms after process start (modules loaded at ${r.importedMs} ms), ` +
            `CPU ${(r.cpuMs / 1000).toFixed(2)} s (${((r.cpuMs - r.importCpuMs) / 1000).toFixed(2)} s after modules), ` +
            `heap ${r.heapMb} MB + array buffers ${r.arrayBuffersMb} MB, rss ${r.rssMb} MB, ${r.contacts} contacts, source ${r.source}` +
            (r.snapshotMs === null ? "" : `, snapshot loaded in ${r.snapshotMs} ms`) +
            (label === "rebuild" ? `; snapshot written on stop in ${r.stopMs} ms (${snapshotMb} MB)` : ""),
        );
      }
      summaries.push(
        `SUMMARY search-startup format=${format} contacts=${warm.contacts} source=${warm.source} ` +
          `first_search_ms=${warm.firstSearchMs} modules_ms=${warm.importedMs} ready_after_modules_ms=${warm.firstSearchMs - warm.importedMs} ` +
          `cpu_s=${(warm.cpuMs / 1000).toFixed(2)} cpu_after_modules_s=${((warm.cpuMs - warm.importCpuMs) / 1000).toFixed(2)} ` +
          `heap_mb=${warm.heapMb} array_buffers_mb=${warm.arrayBuffersMb} rss_mb=${warm.rssMb} snapshot_mb=${snapshotMb} ` +
          `rebuild_first_search_ms=${rebuild.firstSearchMs} rebuild_cpu_s=${(rebuild.cpuMs / 1000).toFixed(2)} ` +
          `snapshot_write_ms=${rebuild.stopMs} loadavg=${loadavg()[0]?.toFixed(1)}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const line of summaries) out(line);
}

if (values.child) await child(values.format);
else await driver();
