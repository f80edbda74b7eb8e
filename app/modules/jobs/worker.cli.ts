// `npm run worker`: a standalone worker process (for deployments that run web with RUN_WORKER=0).
import { db } from "#app/lib/db.server.ts";
import { log } from "#app/lib/log.server.ts";
import { startWorker } from "./worker.server.ts";

const stop = startWorker();
log.info("worker.started", { pid: process.pid });
const keepAlive = setInterval(() => {}, 1 << 30);

// SIGTERM/SIGINT: finish the batch in hand (nothing claimed is left to the visibility timeout), then exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log.info("worker.stopping", { signal });
    void stop()
      .then(() => db.$disconnect())
      .finally(() => {
        clearInterval(keepAlive);
        process.exit(0);
      });
  });
}
