// The in-process worker's last completed loop, for /readyz. "external" when this process runs no
// worker (RUN_WORKER=0: a separate `npm run worker` does the work).

let lastBeatAt: number | null = null;

export function recordWorkerBeat(at: Date = new Date()): void {
  lastBeatAt = at.getTime();
}

/** "ok" when the worker looped within the last minute, "stalled" after that, "external" if none ran. */
export function workerHeartbeat(now: Date = new Date()): "ok" | "stalled" | "external" {
  if (lastBeatAt === null) return "external";
  return now.getTime() - lastBeatAt <= 60_000 ? "ok" : "stalled";
}
