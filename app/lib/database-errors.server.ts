// Which errors mean "the database cannot serve right now" (issue #12 item 2): a client should retry
// later (503 + Retry-After), not read it as a bug in the request (500).

/** Prisma codes for an unreachable/overloaded database or a transaction that could not start. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/**
 * MariaDB/MySQL and mariadb-connector codes: 1040 too many connections, 1053 server shutdown,
 * 1205 lock wait timeout, 2002/2003 cannot connect, 2006 gone away, 2013 lost connection,
 * 45009/45012/45028 connector connection/pool timeouts.
 */
const DRIVER_UNAVAILABLE = new Set([1040, 1053, 1205, 2002, 2003, 2006, 2013, 45009, 45012, 45028]);
const NETWORK_CODES = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|PROTOCOL_CONNECTION_LOST)\b/;

function driverCause(error: object): Record<string, unknown> | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } }).meta;
  const fromMeta = meta?.driverAdapterError?.cause;
  if (fromMeta) return fromMeta;
  // The adapter error itself, when it escapes without a Prisma wrapper.
  if ((error as { name?: unknown }).name === "DriverAdapterError") {
    return (error as { cause?: Record<string, unknown> }).cause;
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 3) return false;
  const name = (error as { name?: unknown }).name;
  if (name === "PrismaClientInitializationError") return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && PRISMA_UNAVAILABLE.has(code)) return true;
  const cause = driverCause(error);
  if (cause) {
    const driverCode = Number(cause.code ?? cause.originalCode);
    if (DRIVER_UNAVAILABLE.has(driverCode)) return true;
    if (typeof cause.cause === "string" && NETWORK_CODES.test(cause.cause)) return true;
  }
  if (typeof code === "string" && NETWORK_CODES.test(code)) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
