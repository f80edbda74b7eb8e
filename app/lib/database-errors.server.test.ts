import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db, type Db } from "#app/lib/db.server.ts";
import { isDatabaseUnavailable } from "./database-errors.server.ts";

// The classifier is judged on errors the real driver raises, not on hand-made objects: a database
// that refuses connections, one that accepts and never answers, and ordinary query errors.

let refused: Db;
let silent: Db;
let silentServer: net.Server;

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

beforeAll(async () => {
  // A port nobody listens on: bind and close to get one that is free.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  refused = createDb(`mysql://relay:relay@127.0.0.1:${closedPort}/relay`, { acquireTimeoutMs: 500 });
  // A server that accepts the TCP connection and says nothing (a hung database).
  silentServer = net.createServer(() => {});
  await new Promise<void>((resolve) => silentServer.listen(0, "127.0.0.1", resolve));
  const silentPort = (silentServer.address() as net.AddressInfo).port;
  silent = createDb(`mysql://relay:relay@127.0.0.1:${silentPort}/relay`, { acquireTimeoutMs: 500 });
});

afterAll(async () => {
  await Promise.allSettled([refused.$disconnect(), silent.$disconnect(), db.$disconnect()]);
  silentServer.close();
});

describe("isDatabaseUnavailable", () => {
  it("is true for a refused connection, on raw queries and model queries", async () => {
    expect(isDatabaseUnavailable(await errorOf(() => refused.$queryRawUnsafe("SELECT 1")))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(() => refused.staff.findFirst()))).toBe(true);
  });

  it("is true for a database that accepts and never answers", async () => {
    expect(isDatabaseUnavailable(await errorOf(() => silent.staff.count()))).toBe(true);
  });

  it("is true for a transaction that cannot start", async () => {
    expect(isDatabaseUnavailable(await errorOf(() => refused.$transaction(async (tx) => tx.staff.count())))).toBe(true);
  });

  it("is false for errors that are the request's fault or a bug", async () => {
    const duplicate = await errorOf(async () => {
      const email = `dup-${Date.now()}@example.test`;
      const base = { email, name: "重复", passwordHash: "x" };
      try {
        await db.staff.create({ data: base });
        await db.staff.create({ data: base });
      } finally {
        await db.staff.deleteMany({ where: { email } });
      }
    });
    expect((duplicate as { code?: string }).code).toBe("P2002");
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(await errorOf(() => db.$queryRawUnsafe("SELECT * FROM no_such_table")))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
