import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, db } from "#app/lib/db.server.ts";
import { checkReadiness } from "./readiness.server.ts";

// A database that accepts connections and never answers (a hung server, a black-holed network):
// the probe must still answer within the load balancer's budget.
const silent = net.createServer(() => {});
const sockets = new Set<net.Socket>();
silent.on("connection", (socket) => sockets.add(socket));

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

describe("readiness", () => {
  it("is ready when the database answers", async () => {
    // A generous timer: this checks the answer, not the speed (a cold pool on a busy machine is slow).
    const result = await checkReadiness({ db, timeoutMs: 10_000 });
    expect(result).toMatchObject({ ready: true, checks: { database: "ok" } });
  });

  it("answers within 1.5 s when the database hangs, and says so", async () => {
    const port = await listen(silent);
    const hung = createDb(`mysql://relay:relay@127.0.0.1:${port}/relay`);
    const started = Date.now();
    const result = await checkReadiness({ db: hung });
    // The budget is 1.5 s; without the timer the driver waits 10 s or more. (2 s allows for a busy CI.)
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ ready: false, checks: { database: "timeout" } });
  });

  it("is not ready, and says so quickly, when the database refuses connections", async () => {
    const closed = net.createServer();
    const port = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = createDb(`mysql://relay:relay@127.0.0.1:${port}/relay`);
    const started = Date.now();
    const result = await checkReadiness({ db: refused });
    // The pool keeps retrying a refused connect, so the timer is what answers.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.ready).toBe(false);
    expect(["unavailable", "timeout"]).toContain(result.checks.database);
  });
});
