// Contact list and contact 360° page at scale (issue #15): 20 signed-in clients request each page
// for a few seconds against the production build; prints req/s, p50 and p95 per page. Not in CI.
//
//   RR_BUILD_DIR=build-contacts npx react-router build
//   npx tsx bench/contact-list.ts --contacts 1000000 --companies 250000   # builds the data (minutes)
//   npx tsx bench/contact-list.ts --no-setup                                # reuse the last data
//   npx tsx bench/contact-list.ts --no-setup --duration 15 --clients 20 --build build-contacts
//   (--index-warmup: let the search / match indexes build at start as in production; see below)
//   (--no-data: skip the `.data` rows, the same loaders without the server render; see below)
//
// The database (BENCH_DATABASE_URL, default relay_bench_contacts; only relay_bench_* names) is
// recreated, migrated, seeded with the demo organisation, then filled by the scale generator
// (prisma/seed/scale.ts). Pages: the first page (sorted by updated), a filtered page (name prefix),
// the last page, sorted by name / title / region, and one contact's 360° page, as an "all"-scope admin
// and as a sales rep with "own" scope. Each page is measured twice, side by side: the full server
// render (HTML) and its `.data` request (React Router's single fetch: the same loaders, no render),
// which is what a client-side navigation costs; when the HTML p95 misses 100 ms the `.data` row
// tells whether the database work or the render is the cost.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { httpLoad, startServer } from "./support/http-load.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "8" },
    warmup: { type: "string", default: "2" },
    clients: { type: "string", default: "20" },
    contacts: { type: "string", default: "1000000" },
    companies: { type: "string" },
    port: { type: "string", default: "3192" },
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build-contacts" },
    "no-setup": { type: "boolean", default: false },
    "index-warmup": { type: "boolean", default: false },
    "no-data": { type: "boolean", default: false },
    // Only the pages whose name contains this text; extra flags for the server's node (e.g. --cpu-prof).
    only: { type: "string" },
    // Server processes sharing the port (scripts/serve-cluster.mjs, as the start command runs it).
    workers: { type: "string", default: "1" },
    "node-args": { type: "string", default: "" },
  },
});
const DURATION_MS = Number(args.duration) * 1000;
const WARMUP_MS = Number(args.warmup) * 1000;
const CLIENTS = Number(args.clients);
const PORT = Number(args.port);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_contacts";
const dbName = new URL(url).pathname.slice(1);
if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
  throw new Error(`Refusing to use ${dbName}: only relay_bench_* databases`);

function run(command: string, argv: string[], env: NodeJS.ProcessEnv, show = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", show ? "inherit" : "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")}: ${code}`))));
  });
}

const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: url,
  NODE_ENV: "production",
  RR_BUILD_DIR: args.build,
  PORT: String(PORT),
  HOST: "127.0.0.1",
  APP_URL: `http://localhost:${PORT}`,
  SESSION_COOKIE_SECURE: "false",
  RUN_WORKER: "0",
};

if (!args["no-setup"]) {
  const started = Date.now();
  await run("npx", ["tsx", "tests/setup/recreate-database.ts", url], appEnv);
  await run("npx", ["tsx", "prisma/migrate.ts"], appEnv);
  await run("npx", ["tsx", "prisma/seed/demo.ts"], { ...appEnv, NODE_ENV: "development" });
  const scale = ["tsx", "prisma/seed/scale.ts", "--contacts", args.contacts];
  if (args.companies) scale.push("--companies", args.companies);
  await run("npx", scale, appEnv, true);
  console.log(`setup: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const conn = await mysql.createConnection(url);
const [[counts]] = (await conn.query(
  "SELECT (SELECT COUNT(*) FROM Contact) AS contacts, (SELECT COUNT(*) FROM Company) AS companies",
)) as unknown as [[{ contacts: number; companies: number }]];
// A contact with a manager, reports and a company: the richest 360° page of the generated data.
const [[rich]] = (await conn.query(
  "SELECT c.id FROM Contact c WHERE c.reportsToId IS NULL AND c.companyId IS NOT NULL AND EXISTS (SELECT 1 FROM Contact r WHERE r.reportsToId = c.id) ORDER BY c.id DESC LIMIT 1",
)) as unknown as [[{ id: number }]];
// A sales rep of the demo organisation with "own" contacts scope, if one is seeded.
const [[rep]] = (await conn.query(
  "SELECT s.email FROM Staff s JOIN StaffRole sr ON sr.staffId = s.id JOIN RolePermission p ON p.roleId = sr.roleId WHERE p.module = 'contacts' AND p.action = 'browse' AND p.scope = 'own' AND s.status = 'active' LIMIT 1",
)) as unknown as [[{ email: string } | undefined]];
await conn.end();

// The search and fuzzy-match indexes warm up at start-up; at a million contacts that takes many
// minutes of both cores here, beside the load. These pages use neither, so by default the bench
// measures the steady state: the warm-up is marked done before the server starts
// (--index-warmup keeps it).
const app = startServer({
  root,
  port: PORT,
  build: args.build,
  databaseUrl: url,
  workers: Number(args.workers),
  nodeArgs: args["node-args"].split(" ").filter(Boolean),
  skipIndexWarmup: !args["index-warmup"],
});
const { signIn, waitForServer, measurePages, close } = httpLoad(PORT, CLIENTS);

try {
  await waitForServer();
  const admin: string[] = [];
  const sales: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    admin.push(await signIn("admin@relay-demo.cn"));
    if (rep) sales.push(await signIn(rep.email).catch(() => ""));
  }
  const pages = [
    { name: "first page", path: "/crm/contacts", cookies: admin },
    { name: "filtered (q=张)", path: `/crm/contacts?q=${encodeURIComponent("张")}`, cookies: admin },
    { name: "last page", path: "/crm/contacts?cursor=last", cookies: admin },
    { name: "sorted by name", path: "/crm/contacts?sort=name", cookies: admin },
    { name: "name, last page", path: "/crm/contacts?sort=name&cursor=last", cookies: admin },
    { name: "sorted by title", path: "/crm/contacts?sort=title", cookies: admin },
    { name: "sorted by region", path: "/crm/contacts?sort=region&dir=desc", cookies: admin },
    { name: "360° page", path: `/crm/contacts/${rich?.id ?? 1}`, cookies: admin },
    ...(sales.length && sales[0] ? [{ name: "own scope list", path: "/crm/contacts", cookies: sales }] : []),
  ];
  console.log(
    `contact-list: ${Number(counts.contacts)} contacts, ${Number(counts.companies)} companies; ${CLIENTS} clients, ${DURATION_MS / 1000} s per page, build ${args.build}`,
  );
  await measurePages(pages, {
    serverPid: app.pid!,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
    withData: !args["no-data"],
    only: args.only,
  });
} finally {
  close();
  app.kill("SIGINT");
}
