import { currentRequestContext } from "./request-context.server.ts";

// Structured logs (issue #12 item 6): one JSON object per line on stdout/stderr, so a collector
// (journald, Loki, CloudWatch) can filter by level, request id or path without parsing stack traces.
// Fields must never carry personal data (names, e-mails, phones, query strings): callers pass ids.

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? "info").toLowerCase() as LogLevel;
  return LEVEL_RANK[configured] ?? LEVEL_RANK.info;
}

/** An error as loggable fields: its class, code and first stack frames on one line. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error).slice(0, 500) };
  const code = (error as { code?: unknown }).code;
  // Frames only: the stack's head repeats the message, all of its lines.
  const frames = (error.stack ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at "))
    .slice(0, 5)
    .join(" | ");
  return {
    error: error.name,
    errorCode: typeof code === "string" || typeof code === "number" ? code : undefined,
    // Prisma messages quote the failing call's arguments, which may hold personal data: first line only.
    message: error.message
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.slice(0, 300),
    stack: frames,
  };
}

/** One log line as text (exported for tests). */
export function formatLogLine(level: LogLevel, event: string, fields: LogFields = {}, now = new Date()): string {
  const context = currentRequestContext();
  const line: Record<string, unknown> = { time: now.toISOString(), level, event };
  if (context) line.requestId = context.requestId;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) line[key] = value;
  return JSON.stringify(line);
}

function write(level: LogLevel, event: string, fields?: LogFields) {
  if (LEVEL_RANK[level] < threshold()) return;
  const text = formatLogLine(level, event, fields);
  if (level === "error" || level === "warn") process.stderr.write(`${text}\n`);
  else process.stdout.write(`${text}\n`);
}

export const log = {
  debug: (event: string, fields?: LogFields) => write("debug", event, fields),
  info: (event: string, fields?: LogFields) => write("info", event, fields),
  warn: (event: string, fields?: LogFields) => write("warn", event, fields),
  error: (event: string, fields?: LogFields) => write("error", event, fields),
};
