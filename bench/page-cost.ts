// Page cost: how much dearer is one server-rendered page than sending its bytes? For each page, N
// signed-in clients request it for a few seconds from the production build, then the same clients
// request the same HTML (captured once, per page) from a bare node:http server; both are measured
// in the same run, one after the other, so machine noise hits both. Prints req/s, p50, p95 and the
// ratio. Not part of CI.
//
// Also measured per page: its `.data` request (the same loaders, no render; what a client-side
// navigation costs), the shell alone (a trivial signed-in back-office page, a trivial portal page as
// a member and as a visitor: root + layout loaders and the frame's render), and — in process, after
// the HTTP runs — how many SQL statements each request sends (bench/support/request-queries.ts).
//
//   RR_BUILD_DIR=build-perf npx react-router build
//   npx tsx bench/page-cost.ts                          # 20 clients, 8 s per page and server
//   npx tsx bench/page-cost.ts --duration 15 --clients 20 --build build-perf --port 3190
//   npx tsx bench/page-cost.ts --no-setup                # reuse the database of the previous run
//   npx tsx bench/page-cost.ts --cpu-prof                # app server writes .cpuprofile files to bench/results/profiles/
//
// The database (BENCH_DATABASE_URL, default relay_bench_pages; only relay_bench_* names) is
// recreated, migrated, seeded with the demo organisation like the e2e server, and topped up to
// --leads leads (1,340 by default, the issue's figure) with realistic generated names.
// Clients send `Accept-Encoding: gzip, deflate, br` as browsers do; the bare server replays the
// exact (compressed) bytes the app sent for the page, so both sides put the same bytes on the wire.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import mysql from "mysql2/promise";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { createRandom } from "#prisma/seed/chinese-data.ts";
import { generateCompany, generateContact } from "#prisma/seed/record-generator.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "8" },
    warmup: { type: "string", default: "2" },
    clients: { type: "string", default: "20" },
    leads: { type: "string", default: "1340" },
    port: { type: "string", default: "3190" },
    "bare-port": { type: "string", default: "3191" },
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build-perf" },
    pages: { type: "string" },
    "no-setup": { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    "no-data": { type: "boolean", default: false },
    "no-queries": { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const DURATION_MS = Number(args.duration) * 1000;
const WARMUP_MS = Number(args.warmup) * 1000;
const CLIENTS = Number(args.clients);
const PORT = Number(args.port);
const BARE_PORT = Number(args["bare-port"]);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_pages";
const dbName = new URL(url).pathname.slice(1);
if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
  throw new Error(`Refusing to use ${dbName}: only relay_bench_* databases`);

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")}: ${code}`))));
  });
}

/** Tops the demo data up to `target` leads, spread over the sales staff, statuses and months. */
async function topUpLeads(target: number): Promise<number> {
  const conn = await mysql.createConnection(url);
  try {
    const [[{ n }]] = (await conn.query("SELECT COUNT(*) AS n FROM `Lead`")) as unknown as [[{ n: number }]];
    const [[{ m }]] = (await conn.query("SELECT COALESCE(MAX(id), 0) AS m FROM `Lead`")) as unknown as [
      [{ m: number }],
    ];
    const [owners] = (await conn.query(
      "SELECT s.id FROM Staff s WHERE s.status <> 'inactive' ORDER BY s.id",
    )) as unknown as [Array<{ id: number }>];
    const r = createRandom(11);
    const statuses = ["new", "new", "assigned", "contacted", "qualified", "closed"];
    const rows: unknown[][] = [];
    for (let i = 0; i < target - Number(n); i++) {
      const id = Number(m) + i + 1;
      const company = generateCompany(r, id);
      const contact = generateContact(r, company);
      const created = new Date(Date.now() - r.int(0, 180 * 24 * 3600) * 1000);
      rows.push([
        recordNumber("lead", 900_000 + id),
        owners[i % owners.length]!.id,
        r.pick(statuses),
        contact.fullName,
        contact.title,
        contact.email,
        contact.mobile,
        company.name,
        company.province,
        company.city,
        r.pick(["想了解标准版报价", "需要上门演示", "续订许可", "咨询售后服务方案", "询问集成接口"]),
        "manual",
        "staff",
        created,
        created,
      ]);
    }
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await conn.query(
        "INSERT INTO `Lead` (number, ownerId, status, contactName, contactTitle, contactEmail, contactMobile, companyName, companyProvince, companyCity, requirement, routedBy, source, createdAt, updatedAt) VALUES " +
          chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(","),
        chunk.flat(),
      );
    }
    const [[after]] = (await conn.query("SELECT COUNT(*) AS n FROM `Lead`")) as unknown as [[{ n: number }]];
    return Number(after.n);
  } finally {
    await conn.end();
  }
}

async function ids(): Promise<{ leadId: number; memberId: number }> {
  const conn = await mysql.createConnection(url);
  try {
    // A seeded lead with history and a linked member: the richest detail pages the demo has.
    const [[lead]] = (await conn.query(
      "SELECT l.id FROM `Lead` l LEFT JOIN LeadEvent e ON e.leadId = l.id GROUP BY l.id ORDER BY COUNT(e.id) DESC, l.id LIMIT 1",
    )) as unknown as [[{ id: number }]];
    const [[member]] = (await conn.query(
      "SELECT id FROM Member WHERE email = 'customer@relay-demo.cn'",
    )) as unknown as [[{ id: number }]];
    return { leadId: lead.id, memberId: member.id };
  } finally {
    await conn.end();
  }
}

// The whole bare server: answer each captured path with exactly the bytes the app sent for it.
const BARE_SERVER = `
import http from "node:http";
import { readFileSync } from "node:fs";
const pages = JSON.parse(readFileSync(process.argv[1], "utf8"));
const bytes = Object.fromEntries(Object.entries(pages).map(([p, [body, encoding]]) => [p, [Buffer.from(body, "base64"), encoding]]));
http.createServer((req, res) => {
  const page = bytes[req.url];
  if (!page) return res.writeHead(req.url === "/" ? 200 : 404).end();
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": page[1] });
  res.end(page[0]);
}).listen(Number(process.argv[2]), "127.0.0.1");
`;

/** "/crm/leads?x" → "/crm/leads.data?x", "/" → "/_root.data": the loaders' answer without the render. */
function dataPath(p: string): string {
  const [pathname, search] = p.split("?");
  return `${pathname === "/" ? "/_root" : pathname}.data${search ? `?${search}` : ""}`;
}

/** CPU time (user + system) a process has used so far, in ms: steadier than wall time on a busy machine. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

// Keep-alive sockets, one per client, as a browser keeps its connection.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(
  port: number,
  pathname: string,
  init: { method?: string; cookie?: string; form?: Record<string, string> } = {},
): Promise<Reply> {
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
          "User-Agent": "Mozilla/5.0 (page-cost bench)",
          ...(init.cookie ? { Cookie: init.cookie } : {}),
          ...(body
            ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

async function signIn(pathname: string, email: string, password: string): Promise<string> {
  const reply = await request(PORT, pathname, { method: "POST", form: { email, password } });
  const cookie = (reply.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  if (reply.status !== 302 || !cookie) throw new Error(`sign-in at ${pathname} as ${email} answered ${reply.status}`);
  return cookie;
}

async function waitFor(port: number, pathname: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await request(port, pathname)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing answered on :${port}`);
}

interface Load {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
}

async function load(port: number, pathname: string, cookies: string[], ms: number): Promise<Load> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const reply = await request(port, pathname, { cookie: cookies[client % cookies.length] });
          latencies.push(performance.now() - t0);
          if (reply.status !== 200) errors++;
        } catch {
          // A keep-alive socket the server closed as it was reused: count it, carry on.
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, errors, seconds, p50: at(0.5), p95: at(0.95) };
}

// --- setup --------------------------------------------------------------------------------------
const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: url,
  NODE_ENV: "production",
  RR_BUILD_DIR: args.build,
  PORT: String(PORT),
  HOST: "127.0.0.1",
  APP_URL: `http://localhost:${PORT}`,
  // Plain HTTP on loopback: the cookie must not demand TLS. No worker polling beside the load.
  SESSION_COOKIE_SECURE: "false",
  RUN_WORKER: "0",
};
if (!args["no-setup"]) {
  await run("npx", ["tsx", "tests/setup/recreate-database.ts", url], appEnv);
  await run("npx", ["tsx", "prisma/migrate.ts"], appEnv);
  await run("npx", ["tsx", "prisma/seed/demo.ts"], { ...appEnv, NODE_ENV: "development" });
}
const leadCount = await topUpLeads(Number(args.leads));
const { leadId, memberId } = await ids();

const nodeArgs = args["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", path.join(root, "bench/results/profiles")] : [];
// No search / fuzzy-index warm-up (as bench/support/http-load.ts): these pages use neither, and on a
// large bench database the warm-up would take the cores for minutes while the pages are measured.
const skipWarmup = ["--import", "data:text/javascript,globalThis.__relaySearchWarm=true"];
const app: ChildProcess = spawn(process.execPath, [...nodeArgs, ...skipWarmup, "scripts/serve.mjs"], {
  cwd: root,
  env: appEnv,
  stdio: ["ignore", "ignore", "inherit"],
});
const stopApp = () =>
  new Promise<void>((resolve) => {
    if (app.exitCode !== null) return resolve();
    app.once("exit", () => resolve());
    app.kill("SIGINT");
  });
process.on("exit", () => app.kill());

try {
  await waitFor(PORT, "/healthz");
  // One session per client, signed in one after the other: concurrent sign-ins of one account
  // collide on the staff row's last-sign-in update (a deadlock answered 500).
  const staff: string[] = [];
  const member: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    staff.push(await signIn("/crm/login", "admin@relay-demo.cn", "Relay-demo-2026"));
    member.push(await signIn("/login", "customer@relay-demo.cn", "Relay-member-2026"));
  }
  const shellPages = [
    // The shell alone: pages whose own loader reads nothing but the signed-in principal.
    { name: "shell crm", path: "/crm/me/away", cookies: staff },
    { name: "shell portal", path: "/policies/terms", cookies: member },
    { name: "shell visitor", path: "/policies/terms", cookies: [""] },
  ];
  const pagePaths = [
    ...shellPages,
    { name: "/crm/leads", path: "/crm/leads", cookies: staff },
    { name: "/crm/service", path: "/crm/service", cookies: staff },
    { name: "lead detail", path: `/crm/leads/${leadId}`, cookies: staff },
    { name: "member detail", path: `/crm/members/${memberId}`, cookies: staff },
    { name: "/knowledge", path: "/knowledge", cookies: member },
    { name: "portal home", path: "/", cookies: member },
  ].filter((p) => !args.pages || args.pages.split(",").some((want) => p.name.includes(want)));
  // Each page as the document and as its `.data` request; the bare server replays either by path,
  // so a page requested with and without a cookie gets its own key.
  const pages = pagePaths.flatMap((page) => [
    page,
    ...(args["no-data"] ? [] : [{ ...page, name: `${page.name} .data`, path: dataPath(page.path) }]),
  ]);
  const keyOf = (page: { path: string; cookies: string[] }) =>
    page.cookies[0] ? page.path : `${page.path}${page.path.includes("?") ? "&" : "?"}visitor`;

  // Capture each page once: the bare server answers with exactly these bytes.
  const captured = new Map<string, { html: Buffer; wire: Buffer; encoding: string }>();
  for (const page of pages) {
    const reply = await request(PORT, page.path, { cookie: page.cookies[0] });
    if (reply.status !== 200) throw new Error(`${page.path} answered ${reply.status}`);
    const encoding = reply.headers["content-encoding"] ?? "identity";
    const html =
      encoding === "br" ? brotliDecompressSync(reply.body) : encoding === "gzip" ? gunzipSync(reply.body) : reply.body;
    captured.set(keyOf(page), { html, wire: reply.body, encoding });
  }
  // The bare server runs in its own process, like the app, so its CPU time can be read the same way.
  const pagesFile = path.join(os.tmpdir(), `page-cost-${process.pid}.json`);
  writeFileSync(
    pagesFile,
    JSON.stringify(Object.fromEntries([...captured].map(([p, c]) => [p, [c.wire.toString("base64"), c.encoding]]))),
  );
  const bare = spawn(process.execPath, ["--input-type=module", "-e", BARE_SERVER, pagesFile, String(BARE_PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.on("exit", () => bare.kill());
  await waitFor(BARE_PORT, "/");

  console.log(
    `page-cost: ${CLIENTS} clients, ${DURATION_MS / 1000} s per page and server, build ${args.build}, ${leadCount} leads`,
  );
  const rows = [];
  for (const page of pages) {
    await load(PORT, page.path, page.cookies, WARMUP_MS);
    const appCpu0 = cpuMs(app.pid);
    const appLoad = await load(PORT, page.path, page.cookies, DURATION_MS);
    const appCpu = (cpuMs(app.pid) - appCpu0) / appLoad.requests;
    await load(BARE_PORT, keyOf(page), page.cookies, WARMUP_MS / 2);
    const bareCpu0 = cpuMs(bare.pid);
    const bareLoad = await load(BARE_PORT, keyOf(page), page.cookies, DURATION_MS);
    const bareCpu = (cpuMs(bare.pid) - bareCpu0) / bareLoad.requests;
    const { html, wire, encoding } = captured.get(keyOf(page))!;
    const appRps = appLoad.requests / appLoad.seconds;
    const bareRps = bareLoad.requests / bareLoad.seconds;
    const row = {
      page: page.name,
      queries: NaN,
      htmlKB: +(html.length / 1024).toFixed(1),
      wireKB: +(wire.length / 1024).toFixed(1),
      encoding,
      appRps: +appRps.toFixed(0),
      appP50: +appLoad.p50.toFixed(1),
      appP95: +appLoad.p95.toFixed(1),
      appCpuMs: +appCpu.toFixed(2),
      appErrors: appLoad.errors,
      bareRps: +bareRps.toFixed(0),
      bareP50: +bareLoad.p50.toFixed(1),
      bareP95: +bareLoad.p95.toFixed(1),
      bareCpuMs: +bareCpu.toFixed(2),
      ratio: +(bareRps / appRps).toFixed(1),
      cpuRatio: +(appCpu / bareCpu).toFixed(1),
    };
    rows.push(row);
    const pad = (v: number | string, n: number) => String(v).padStart(n);
    console.log(
      `${row.page.padEnd(20)}${pad(row.htmlKB, 6)} KB${pad(row.wireKB, 5)} KB ${row.encoding.padEnd(4)} | app${pad(row.appRps, 5)} req/s p50${pad(row.appP50, 7)} p95${pad(row.appP95, 7)} ms${pad(row.appCpuMs, 6)} ms CPU/req${row.appErrors ? ` (${row.appErrors} non-200)` : ""} | bare${pad(row.bareRps, 5)} req/s p95${pad(row.bareP95, 6)} ms${pad(row.bareCpuMs, 5)} ms CPU/req | ${row.ratio}× (CPU ${row.cpuRatio}×)`,
    );
  }
  bare.kill();
  rmSync(pagesFile);
  await stopApp();
  if (!args["no-queries"]) {
    // The same requests in this process with a query-logging client (the sessions are in the database).
    const { openBuild } = await import("./support/request-queries.ts");
    const inProcess = await openBuild(root, args.build, url);
    console.log("SQL statements per request (in process, second request of each page):");
    for (const [i, page] of pages.entries()) {
      await inProcess.send(page.path, { cookie: page.cookies[0] });
      const { response, queries } = await inProcess.send(page.path, { cookie: page.cookies[0] });
      rows[i]!.queries = queries.length;
      console.log(
        `${page.name.padEnd(20)} ${String(queries.length).padStart(3)} statements (status ${response.status})`,
      );
    }
    await inProcess.close();
  }
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify({ clients: CLIENTS, seconds: DURATION_MS / 1000, leadCount, rows }, null, 2),
    );
  }
} finally {
  agent.destroy();
  await stopApp();
}
