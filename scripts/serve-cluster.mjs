// Production entry for one machine: WEB_CONCURRENCY copies of scripts/serve.mjs sharing one port
// (node:cluster hands connections to the workers). Each copy is a whole instance — its own pool,
// search index and job worker — which the app already supports (sessions, locks, rotation state and
// the search change feed live in the database; issue #12's two-instance chaos run). Decision 048.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const count = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));
const log = (event, fields = {}) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", event, ...fields })}\n`);

cluster.setupPrimary({ exec: path.join(path.dirname(fileURLToPath(import.meta.url)), "serve.mjs") });
let stopping = false;
for (let i = 0; i < count; i++) cluster.fork();
log("cluster.started", { workers: count });

// A worker that dies unexpectedly is replaced (after a second, so a crash loop does not spin).
cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  log("cluster.worker_exit", { pid: worker.process.pid, code, signal });
  setTimeout(() => cluster.fork(), 1000).unref();
});

// Graceful stop: every worker runs serve.mjs's own graceful stop; the primary leaves when all have.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 15_000).unref();
  });
}
