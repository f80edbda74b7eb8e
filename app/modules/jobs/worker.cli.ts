// `npm run worker`: a standalone worker process (for deployments that run web with RUN_WORKER=0).
import { startWorker } from "./worker.server.ts";

startWorker();
console.log("Relay worker running; press Ctrl+C to stop.");
setInterval(() => {}, 1 << 30);
