import http from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FORM_MAX_BYTES,
  handleAppRequest,
  handleGuarded,
  JSON_API_MAX_BYTES,
  routeClassOf,
  UPLOAD_MAX_BYTES,
} from "./request-guard.server.ts";

// Issue #13: body limits per route class enforced on the stream (413 beyond, chunked bodies too) and
// 400/415 for bodies a form action cannot read. The last block runs the guard behind a real node:http
// server, as scripts/serve.mjs does, and sends 100 MB at it.

const readsForm = async (request: Request) => {
  const form = await request.formData();
  return new Response(`fields: ${[...form.keys()].length}`);
};

function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

/** A body of `bytes` bytes streamed in 64 KiB chunks, without a Content-Length (chunked). */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const next = Math.min(chunk.length, bytes - sent);
      sent += next;
      controller.enqueue(chunk.subarray(0, next));
    },
  });
}

describe("route classes", () => {
  it("classifies forms, JSON APIs and upload routes", () => {
    const url = (p: string) => new URL(`http://localhost${p}`);
    expect(routeClassOf(url("/login"), "application/x-www-form-urlencoded")).toBe("form");
    expect(routeClassOf(url("/api/v1/leads"), "application/json")).toBe("json-api");
    expect(routeClassOf(url("/crm/api/search"), null)).toBe("json-api");
    expect(routeClassOf(url("/crm/service/12"), "multipart/form-data; boundary=x")).toBe("upload");
    expect(routeClassOf(url("/crm/service/12.data"), "multipart/form-data; boundary=x")).toBe("upload");
    expect(routeClassOf(url("/zone/requests/new"), "multipart/form-data; boundary=x")).toBe("upload");
    // Multipart elsewhere is an ordinary form: no upload cap on the sign-in page.
    expect(routeClassOf(url("/login"), "multipart/form-data; boundary=x")).toBe("form");
  });
});

describe("the request guard", () => {
  it("refuses a declared oversize body before reading it, per class", async () => {
    const cases: Array<[string, string, number]> = [
      ["/login", "application/x-www-form-urlencoded", FORM_MAX_BYTES],
      ["/api/v1/leads", "application/json", JSON_API_MAX_BYTES],
      ["/crm/service/new", "multipart/form-data; boundary=abc", UPLOAD_MAX_BYTES],
    ];
    for (const [path, type, limit] of cases) {
      let called = false;
      const over = post(path, chunked(1), { "Content-Type": type, "Content-Length": String(limit + 1) });
      const response = await handleGuarded(over, async () => {
        called = true;
        return new Response("ok");
      });
      expect(response.status, path).toBe(413);
      expect(called).toBe(false);
    }
  });

  it("enforces the limit on the stream when no Content-Length is sent (chunked)", async () => {
    const form = post("/login", chunked(FORM_MAX_BYTES + 1), { "Content-Type": "application/x-www-form-urlencoded" });
    expect((await handleGuarded(form, readsForm)).status).toBe(413);
    const upload = post("/crm/service/new", chunked(UPLOAD_MAX_BYTES + 10), {
      "Content-Type": "multipart/form-data; boundary=abc",
    });
    expect((await handleGuarded(upload, readsForm)).status).toBe(413);
    // Under the limit the action reads it as usual.
    const small = post("/login", "a=1&b=2", { "Content-Type": "application/x-www-form-urlencoded" });
    const ok = await handleGuarded(small, readsForm);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("fields: 2");
  });

  it("answers 415 / 400 for bodies a form action cannot read, and lets APIs judge their own", async () => {
    const status = async (path: string, body: string | null, type?: string) => {
      const headers: Record<string, string> = type ? { "Content-Type": type } : {};
      return (await handleGuarded(post(path, body, headers), readsForm)).status;
    };
    expect(await status("/login", '{"email":"a"}', "application/json")).toBe(415);
    expect(await status("/login", "email=a", "text/plain")).toBe(415);
    expect(await status("/crm/login.data", "x", "application/octet-stream")).toBe(415);
    expect(await status("/login", "--x\r\n", "multipart/form-data")).toBe(400);
    expect(await status("/login", "--x\r\n", "multipart/form-data; boundary=")).toBe(400);
    expect(await status("/login", "x", "")).toBe(415);
    expect(await status("/login", null)).toBe(415);
    expect(await status("/login", "email=a", "application/x-www-form-urlencoded; charset=UTF-8")).toBe(200);
    // The API route answers its own 415 (with its JSON error shape): the guard does not step in.
    const api = await handleGuarded(post("/api/v1/leads", "x", { "Content-Type": "text/plain" }), async () => {
      return new Response("api decides", { status: 415 });
    });
    expect(await api.text()).toBe("api decides");
  });

  it("adds the security headers to every answer, HSTS only in production", async () => {
    const answer = (production: boolean) =>
      handleAppRequest(new Request("http://localhost/api/v1/openapi.json"), async () => Response.json({}), {
        production,
      });
    const prod = await answer(true);
    expect(prod.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(prod.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(prod.headers.get("X-Frame-Options")).toBe("DENY");
    expect(prod.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(prod.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d+/);
    expect((await answer(false)).headers.get("Strict-Transport-Security")).toBeNull();
    // A route's own policy (file downloads: sandbox) is kept; immutable headers are copied.
    const download = await handleAppRequest(
      new Request("http://localhost/crm/files/1"),
      async () => new Response("x", { headers: { "Content-Security-Policy": "default-src 'none'; sandbox" } }),
      { production: true },
    );
    expect(download.headers.get("Content-Security-Policy")).toBe("default-src 'none'; sandbox");
    const redirect = await handleAppRequest(
      new Request("http://localhost/x"),
      async () => Response.redirect("http://localhost/y", 302),
      {
        production: true,
      },
    );
    expect(redirect.headers.get("X-Frame-Options")).toBe("DENY");
  });
});

describe("behind a real HTTP server", () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const request = new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === "POST" ? createReadableStreamFromReadable(req) : undefined,
        duplex: "half",
      } as RequestInit & { duplex: "half" });
      const response = await handleAppRequest(request, readsForm, { production: true });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
      // As scripts/serve.mjs: the unread rest of a refused body is discarded, then the line is cut.
      if (!req.complete) setTimeout(() => req.socket.destroy(), 1000).unref();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `bytes` to /login (chunked unless `declare`); the status and how long the answer took. */
  function send(bytes: number, declare: boolean): Promise<{ status: number; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const request = http.request(`${base}/login`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          ...(declare ? { "Content-Length": String(bytes) } : {}),
        },
      });
      request.on("response", (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started });
        request.destroy();
      });
      // The server hangs up on a refused body: that is expected once the answer is in.
      request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
      const chunk = Buffer.alloc(256 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < bytes) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", pump);
        }
        request.end();
      };
      pump();
    });
  }

  it("refuses 100 MB within a second with 413, declared or chunked, without buffering it", async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const declared = await send(100 * 1024 * 1024, true);
    const streamed = await send(100 * 1024 * 1024, false);
    const grown = (process.memoryUsage().rss - before) / 1024 / 1024;
    if (process.env.SECURITY_FIGURES) console.log({ declared, streamed, rssGrowthMb: grown });
    expect(declared.status).toBe(413);
    expect(streamed.status).toBe(413);
    expect(declared.ms).toBeLessThan(1000);
    expect(streamed.ms).toBeLessThan(1000);
    // A buffered 100 MB body would add well over 100 MB; the limit lets at most ~1 MB in.
    expect(grown).toBeLessThan(50);
  });
});
