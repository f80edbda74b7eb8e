// The HTTP side of the page benches (contact list, opportunity pages): start the production server on
// a bench database, sign staff in, and load one URL with N closed-loop keep-alive clients, printing
// req/s, p50, p95 and the server's own CPU milliseconds per request (/proc, process-cpu.ts).
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import { cpuMs, processTree } from "./process-cpu.ts";

export interface ServerOptions {
  root: string;
  port: number;
  build: string;
  databaseUrl: string;
  /** >1 runs scripts/serve-cluster.mjs with WEB_CONCURRENCY workers (what the start command runs). */
  workers?: number;
  /** Extra flags for the server's node, e.g. ["--cpu-prof"]. */
  nodeArgs?: string[];
  /** Mark the search / fuzzy-index warm-up done: list pages use neither, and at scale it takes minutes. */
  skipIndexWarmup?: boolean;
}

export function startServer(o: ServerOptions): ChildProcess {
  const workers = o.workers ?? 1;
  const warm =
    o.skipIndexWarmup === false ? [] : ["--import", "data:text/javascript,globalThis.__relaySearchWarm=true"];
  const app = spawn(
    process.execPath,
    [...(o.nodeArgs ?? []), ...warm, workers === 1 ? "scripts/serve.mjs" : "scripts/serve-cluster.mjs"],
    {
      cwd: o.root,
      env: {
        ...process.env,
        DATABASE_URL: o.databaseUrl,
        NODE_ENV: "production",
        RR_BUILD_DIR: o.build,
        PORT: String(o.port),
        HOST: "127.0.0.1",
        APP_URL: `http://localhost:${o.port}`,
        SESSION_COOKIE_SECURE: "false",
        RUN_WORKER: "0",
        WEB_CONCURRENCY: String(workers),
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  process.on("exit", () => app.kill());
  return app;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  cpuPerRequest: number;
}

/** "/crm/contacts?sort=name" → "/crm/contacts.data?sort=name": the loaders' data, no render. */
export function dataPath(p: string): string {
  const [pathname, search] = p.split("?");
  return `${pathname}.data${search ? `?${search}` : ""}`;
}

export function httpLoad(port: number, clients: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients * 2 });

  function request(
    pathname: string,
    init: { method?: string; cookie?: string; form?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          path: pathname,
          method: init.method ?? "GET",
          agent,
          headers: {
            "Accept-Encoding": "gzip, deflate, br",
            Accept: "text/html",
            ...(init.cookie ? { Cookie: init.cookie } : {}),
            ...(body
              ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) }
              : {}),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      if (body) req.write(body);
      req.end();
    });
  }

  async function signIn(email: string, password = "Relay-demo-2026"): Promise<string> {
    const reply = await request("/crm/login", { method: "POST", form: { email, password } });
    const cookie = (reply.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    if (reply.status !== 302 || !cookie) throw new Error(`sign-in as ${email} answered ${reply.status}`);
    return cookie;
  }

  async function waitForServer() {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await request("/healthz")).status < 500) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`nothing answered on :${port}`);
  }

  /** Another bench's server left on the port would answer instead of ours (other data, other build). */
  async function assertPortFree() {
    const taken = await request("/healthz").then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`something already listens on :${port}; choose another --port`);
  }

  /** `clients` closed-loop clients on one URL for `ms`; `serverPid` for the CPU column. */
  async function load(pathname: string, cookies: string[], ms: number, serverPid: number): Promise<LoadResult> {
    const latencies: number[] = [];
    let errors = 0;
    const pids = processTree(serverPid);
    const cpuBefore = cpuMs(pids);
    const start = performance.now();
    const deadline = start + ms;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          try {
            const reply = await request(pathname, { cookie: cookies[client % cookies.length] });
            latencies.push(performance.now() - t0);
            if (reply.status !== 200) errors++;
          } catch {
            errors++;
          }
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    const cpuPerRequest = (cpuMs(pids) - cpuBefore) / Math.max(1, latencies.length);
    return { rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95), errors, cpuPerRequest };
  }

  /** Each page as html and as `.data`: probe, warm up, measure, print one line each. */
  async function measurePages(
    pages: Array<{ name: string; path: string; cookies: string[] }>,
    o: { serverPid: number; warmupMs: number; durationMs: number; withData?: boolean; only?: string },
  ) {
    const variants = pages
      .flatMap((page) => [
        { ...page, name: `${page.name} (html)` },
        ...(o.withData === false ? [] : [{ ...page, name: `${page.name} (.data)`, path: dataPath(page.path) }]),
      ])
      .filter((page) => !o.only || page.name.includes(o.only));
    for (const page of variants) {
      const probe = await request(page.path, { cookie: page.cookies[0] });
      if (probe.status !== 200) throw new Error(`${page.path} answered ${probe.status}`);
      await load(page.path, page.cookies, o.warmupMs, o.serverPid);
      const r = await load(page.path, page.cookies, o.durationMs, o.serverPid);
      const verdict = r.p95 <= 100 ? "" : "  > 100 ms";
      console.log(
        `${page.name.padEnd(32)} ${r.rps.toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  server CPU ${r.cpuPerRequest.toFixed(1).padStart(5)} ms/req  load ${os.loadavg()[0]!.toFixed(1)}${verdict}${r.errors ? `  (${r.errors} errors)` : ""}`,
      );
    }
  }

  return { request, signIn, assertPortFree, waitForServer, load, measurePages, close: () => agent.destroy() };
}
