import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleError } from "#app/entry.server.tsx";
import { createDb, type Db } from "#app/lib/db.server.ts";
import { formatLogLine } from "./log.server.ts";
import { currentRequestContext, noteRequestPrincipal } from "./request-context.server.ts";
import { handleAppRequest } from "./request-guard.server.ts";

// The request pipeline the production server runs (issue #12 items 2 and 6): a request id on every
// answer and in every log line of the request, and a database outage answered 503 + Retry-After in
// the client's shape instead of a 500. The failing handler reports its error through the app's real
// `handleError` (what React Router calls for a failed loader), with an error the real driver raised.

let unreachable: Db;
let outageError: unknown;

beforeAll(async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  unreachable = createDb(`mysql://relay:relay@127.0.0.1:${port}/relay`, { acquireTimeoutMs: 300 });
  outageError = await unreachable.staff.count().then(
    () => null,
    (error: unknown) => error,
  );
});

afterAll(async () => {
  await unreachable.$disconnect().catch(() => {});
});

/** A handler that fails the way a loader does: React Router reports the error, then renders a 500. */
function failingWith(error: unknown) {
  return async (request: Request) => {
    handleError(error, { request });
    return new Response("<html>boom</html>", { status: 500, headers: { "Content-Type": "text/html" } });
  };
}

const options = { production: true };

describe("handleAppRequest: request ids", () => {
  it("gives every answer an id, keeps a proxy's plain id and replaces anything else", async () => {
    const seen: (string | undefined)[] = [];
    const handle = async () => {
      seen.push(currentRequestContext()?.requestId);
      return new Response("ok");
    };
    const fresh = await handleAppRequest(new Request("http://relay.test/"), handle, options);
    expect(fresh.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]).toBe(fresh.headers.get("X-Request-Id"));
    const kept = await handleAppRequest(
      new Request("http://relay.test/", { headers: { "X-Request-Id": "edge-7f3a9c21" } }),
      handle,
      options,
    );
    expect(kept.headers.get("X-Request-Id")).toBe("edge-7f3a9c21");
    const forged = await handleAppRequest(
      new Request("http://relay.test/", { headers: { "X-Request-Id": "<script>alert(1)</script>" } }),
      handle,
      options,
    );
    expect(forged.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts the request id and the signed-in staff id into log lines written during the request", async () => {
    let line = "";
    const response = await handleAppRequest(
      new Request("http://relay.test/crm/leads?q=13910001234"),
      async () => {
        noteRequestPrincipal({ staffId: 42 });
        line = formatLogLine("info", "lead.viewed", { leadId: 7 });
        return new Response("ok");
      },
      options,
    );
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toMatchObject({ level: "info", event: "lead.viewed", leadId: 7 });
    expect(parsed.requestId).toBe(response.headers.get("X-Request-Id"));
    expect(new Date(String(parsed.time)).getTime()).toBeGreaterThan(0);
  });

  it("writes one access-log line without the query string", async () => {
    vi.stubEnv("ACCESS_LOG", "1");
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      await handleAppRequest(
        new Request("http://relay.test/crm/contacts?q=%E5%88%98%E5%BC%BA%2013910001234"),
        async () => {
          noteRequestPrincipal({ staffId: 5 });
          return new Response("ok", { status: 201 });
        },
        options,
      );
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
    }
    const access = writes
      .map((w) => JSON.parse(w) as Record<string, unknown>)
      .filter((l) => l.event === "http.request");
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ method: "GET", path: "/crm/contacts", status: 201, staffId: 5 });
    expect(typeof access[0]!.durationMs).toBe("number");
    expect(writes.join("")).not.toContain("13910001234");
  });
});

describe("handleAppRequest: database outage", () => {
  it("the driver's error is one the app treats as an outage", () => {
    expect(outageError).not.toBeNull();
  });

  it("answers a page request 503 with Retry-After and a bilingual page showing the request id", async () => {
    const response = await handleAppRequest(
      new Request("http://relay.test/crm/leads", { headers: { Accept: "text/html" } }),
      failingWith(outageError),
      options,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    const html = await response.text();
    expect(html).toContain("服务暂时不可用");
    expect(html).toContain("Service temporarily unavailable");
    expect(html).toContain(response.headers.get("X-Request-Id")!);
    expect(response.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("answers the intake API 503 as JSON", async () => {
    const response = await handleAppRequest(
      new Request("http://relay.test/api/v1/leads", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      }),
      failingWith(outageError),
      options,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await response.json()).toMatchObject({
      error: "service_unavailable",
      requestId: response.headers.get("X-Request-Id"),
    });
  });

  it("keeps a data request's body for the client router and adds Retry-After", async () => {
    const response = await handleAppRequest(
      new Request("http://relay.test/crm/leads.data"),
      failingWith(outageError),
      options,
    );
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await response.text()).toBe("<html>boom</html>");
  });

  it("leaves other failures as 500 (a bug is not an outage)", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const response = await handleAppRequest(
        new Request("http://relay.test/crm/leads"),
        failingWith(new TypeError("cannot read properties of undefined")),
        options,
      );
      expect(response.status).toBe(500);
      expect(response.headers.get("Retry-After")).toBeNull();
    } finally {
      stderr.mockRestore();
    }
  });

  it("logs a failure as one JSON line with the request id and no multi-line stack", async () => {
    const lines: string[] = [];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    let id = "";
    try {
      const response = await handleAppRequest(
        new Request("http://relay.test/crm/leads"),
        failingWith(new RangeError("bad\nsecond line with 13910001234")),
        options,
      );
      id = response.headers.get("X-Request-Id")!;
    } finally {
      stderr.mockRestore();
    }
    const failure = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === "request.failed");
    expect(failure).toMatchObject({ level: "error", error: "RangeError", message: "bad", requestId: id });
    expect(lines.every((l) => l.trimEnd().split("\n").length === 1)).toBe(true);
    expect(lines.join("")).not.toContain("13910001234");
  });
});
