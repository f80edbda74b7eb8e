// The clients of the chaos run: each submission has its own Idempotency-Key and is retried with the
// same key after 503/429/409 or a lost connection, as the intake API's contract tells integrators
// (docs/security.md, README). What matters is what they saw and what got acknowledged.

export interface Submission {
  key: string;
  channelKey: string;
  body: string;
}

export interface LoadResult {
  /** Idempotency-Key → lead id from the 201/200 that acknowledged it. */
  acknowledged: Map<string, number>;
  statuses: Map<string, number>;
  unfinished: string[];
  /** The first answer of each unexpected status, for the log. */
  samples: Map<number, string>;
  latenciesMs: number[];
}

const RETRY_STATUSES = new Set([409, 429, 503]);

function leadIdOf(text: string): number | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === "number" ? id : undefined;
  } catch {
    return undefined;
  }
}

export async function runLoad(options: {
  url: string;
  submissions: Submission[];
  clients: number;
  deadline: number;
  onAck?: (count: number) => void;
}): Promise<LoadResult> {
  const result: LoadResult = {
    acknowledged: new Map(),
    statuses: new Map(),
    unfinished: [],
    latenciesMs: [],
    samples: new Map(),
  };
  const count = (status: string) => result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
  let cursor = 0;

  const submit = async (submission: Submission) => {
    for (;;) {
      if (Date.now() > options.deadline) {
        result.unfinished.push(submission.key);
        return;
      }
      const started = performance.now();
      let status: number | null = null;
      let retryAfter = 0.2;
      let text = "";
      try {
        const response = await fetch(options.url, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${submission.channelKey}`,
            "Content-Type": "application/json",
            "Idempotency-Key": submission.key,
          },
          body: submission.body,
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        retryAfter = Math.min(Number(response.headers.get("Retry-After") ?? "0.2") || 0.2, 2);
        text = await response.text();
        // A 201 whose body never fully arrived (the instance was killed mid-answer) is a lost
        // connection to the client: it retries with the same key and gets the stored lead back.
        const id = status === 201 || status === 200 ? leadIdOf(text) : undefined;
        if (id !== undefined) {
          result.acknowledged.set(submission.key, id);
          result.latenciesMs.push(performance.now() - started);
          count(String(status));
          options.onAck?.(result.acknowledged.size);
          return;
        }
      } catch {
        // The connection was lost (an instance killed mid-request): the client cannot know, so it retries.
      }
      const answered = status !== null && !(status === 201 || status === 200);
      count(answered ? String(status) : "network-error");
      if (!answered) status = null;
      if (status !== null && !RETRY_STATUSES.has(status)) {
        if (!result.samples.has(status)) result.samples.set(status, text.slice(0, 300));
        result.unfinished.push(submission.key);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    }
  };

  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (cursor < options.submissions.length) await submit(options.submissions[cursor++]!);
    }),
  );
  return result;
}
