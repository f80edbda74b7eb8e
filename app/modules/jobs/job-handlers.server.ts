// Registry of job handlers by type. Domains register theirs at import time (e.g. search indexing);
// the worker looks them up. A job whose type has no handler fails visibly instead of vanishing.

export type JobHandler = (payload: unknown) => Promise<void>;

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(type: string, handler: JobHandler): void {
  handlers.set(type, handler);
}

export function getJobHandler(type: string): JobHandler | undefined {
  return handlers.get(type);
}
