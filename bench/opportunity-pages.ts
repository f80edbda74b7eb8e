// Opportunity list and kanban over HTTP at 200k opportunities (issue #18: "list and kanban p95 ≤ 100 ms
// at 200k"): the production server on the bench database (bench/opportunity-board.ts builds it), each
// page requested by N closed-loop clients as an admin ("all"), the 华北 manager ("team") and a rep
// ("own"), as the full server render (html) and as its `.data` request; prints req/s, p50, p95 and
// the server's CPU ms per request. Not in CI.
//
//   RR_BUILD_DIR=build-opps npx react-router build
//   npx tsx bench/opportunity-pages.ts --clients 1     # one user at a time
//   npx tsx bench/opportunity-pages.ts --clients 20    # 20 at once
//   npx tsx bench/opportunity-pages.ts --build build-after --compare build-before --rounds 3 --only text
//       # two servers side by side (port and port + 1), each page measured on one then the other,
//       # alternating for --rounds rounds: before/after ratios under the same load
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { httpLoad, startServer } from "./support/http-load.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "8" },
    warmup: { type: "string", default: "2" },
    clients: { type: "string", default: "1" },
    port: { type: "string", default: "3194" },
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build-opps" },
    workers: { type: "string", default: "1" },
    only: { type: "string" },
    compare: { type: "string" },
    rounds: { type: "string", default: "2" },
    "no-data": { type: "boolean", default: false },
    // Flags for the server's node, e.g. --node-args=--cpu-prof
    "node-args": { type: "string", default: "" },
  },
});
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_opps";
if (!/^\/relay_bench_[a-z0-9_]+$/.test(new URL(url).pathname)) throw new Error("only relay_bench_* databases");
const PORT = Number(args.port);
const CLIENTS = Number(args.clients);

const conn = await mysql.createConnection(url);
const [[{ n }]] = (await conn.query("SELECT COUNT(*) AS n FROM Opportunity")) as unknown as [[{ n: number }]];
const [[rep]] = (await conn.query("SELECT id FROM Staff WHERE email = 'sales@relay-demo.cn'")) as unknown as [
  [{ id: number }],
];
await conn.end();

// The text pages build the search index on their first request; no snapshot file afterwards (its
// write would be charged to the requests measured meanwhile, and the file is shared by the tree).
process.env.SEARCH_SNAPSHOT_DIR ??= "off";
const builds = [args.build, ...(args.compare ? [args.compare] : [])];
const servers = builds.map((build, i) => {
  const app = startServer({
    root,
    port: PORT + i,
    build,
    databaseUrl: url,
    workers: Number(args.workers),
    nodeArgs: args["node-args"].split(" ").filter(Boolean),
  });
  return { build, app, load: httpLoad(PORT + i, CLIENTS) };
});

/** The pages of the bench, with cookies signed in on one server. */
async function pagesOf(signIn: (email: string) => Promise<string>) {
  const as = async (email: string) => Promise.all(Array.from({ length: CLIENTS }, () => signIn(email)));
  const [admin, manager, sales] = [
    await as("admin@relay-demo.cn"),
    await as("wang.lei@relay-demo.cn"),
    await as("sales@relay-demo.cn"),
  ];
  return [
    { name: "all: list", path: "/crm/opportunities", cookies: admin },
    { name: "all: list by amount", path: "/crm/opportunities?sort=amount&dir=desc", cookies: admin },
    { name: "all: board", path: "/crm/opportunities/board", cookies: admin },
    { name: "all: board, one owner", path: `/crm/opportunities/board?owner=${rep.id}`, cookies: admin },
    { name: "team: list", path: "/crm/opportunities", cookies: manager },
    { name: "team: board", path: "/crm/opportunities/board", cookies: manager },
    { name: "own: list", path: "/crm/opportunities", cookies: sales },
    { name: "own: board", path: "/crm/opportunities/board", cookies: sales },
    // Text search (decision 057): a word of the demo's names, a broad one (every bench row: the
    // index hands over its best 1,000) and a record number (`--only text`; `--only ": board"` skips them).
    { name: "text all list 空压机", path: `/crm/opportunities?q=${encodeURIComponent("空压机")}`, cookies: admin },
    {
      name: "text all list 基准机会 12",
      path: `/crm/opportunities?q=${encodeURIComponent("基准机会 12")}`,
      cookies: admin,
    },
    { name: "text all list number", path: "/crm/opportunities?q=BNCH000000123456", cookies: admin },
    {
      name: "text all board 基准机会",
      path: `/crm/opportunities/board?q=${encodeURIComponent("基准机会")}`,
      cookies: admin,
    },
    {
      name: "text team list 基准机会",
      path: `/crm/opportunities?q=${encodeURIComponent("基准机会")}`,
      cookies: manager,
    },
    {
      name: "text own list 基准机会",
      path: `/crm/opportunities?q=${encodeURIComponent("基准机会")}`,
      cookies: sales,
    },
  ];
}

try {
  const sites = [];
  for (const server of servers) {
    await server.load.waitForServer();
    sites.push({ ...server, pages: await pagesOf(server.load.signIn) });
  }
  console.log(
    `opportunity-pages: ${Number(n)} opportunities; ${CLIENTS} client(s), ${args.duration} s per page, build ${builds.join(" vs ")}`,
  );
  const options = {
    warmupMs: Number(args.warmup) * 1000,
    durationMs: Number(args.duration) * 1000,
    withData: !args["no-data"],
    only: args.only,
  };
  if (sites.length === 1) {
    const [site] = sites;
    await site!.load.measurePages(site!.pages, { ...options, serverPid: site!.app.pid! });
  } else {
    // Side by side: each page on one build, then on the other, round after round.
    for (let round = 1; round <= Number(args.rounds); round++) {
      for (let i = 0; i < (sites[0]?.pages.length ?? 0); i++) {
        for (const site of sites) {
          const page = site.pages[i]!;
          await site.load.measurePages([{ ...page, name: `r${round} ${site.build}: ${page.name}` }], {
            ...options,
            serverPid: site.app.pid!,
          });
        }
      }
    }
  }
} finally {
  for (const server of servers) {
    server.load.close();
    server.app.kill("SIGINT");
  }
}
