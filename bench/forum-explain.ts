// The forum's page queries at scale, one by one (decision 053): runs the real services (thread list in
// every order, first and a deep keyset page, a tag filter, as a visitor and a member; the thread page
// first and last reply page) against the bench database with Prisma's query log on, then replays each
// captured statement under `ANALYZE FORMAT=JSON` and prints, per statement, the index used, whether it
// sorts (filesort), the rows it examined and the server's time. Not in CI.
//
//   npx tsx bench/forum-threads.ts --posts 1000000 --setup-only   # the data (relay_bench_forum)
//   npx tsx bench/forum-explain.ts                                 # BENCH_DATABASE_URL to choose another
import mysql from "mysql2/promise";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "#app/generated/prisma/client.ts";

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_forum";
const dbName = new URL(url).pathname.slice(1);
if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
  throw new Error(`Refusing to use ${dbName}: only relay_bench_* databases`);
// The services import the app's env; point it at the bench database before they load.
process.env.DATABASE_URL = url;
const { listThreads } = await import("#app/modules/forum/forum-threads.server.ts");
const { openThread } = await import("#app/modules/forum/forum-thread-page.server.ts");

const u = new URL(url);
const adapter = new PrismaMariaDb({
  host: u.hostname,
  port: Number(u.port || 3306),
  user: decodeURIComponent(u.username),
  password: decodeURIComponent(u.password),
  database: dbName,
  connectionLimit: 2,
  timezone: "Z",
});
const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
let captured: Array<{ query: string; params: string }> = [];
client.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
const conn = await mysql.createConnection({ uri: url, timezone: "Z", dateStrings: false });

/** Inlines the logged parameters (strings quoted, dates as UTC literals) for ANALYZE. */
function inline(query: string, params: string): string {
  const values = JSON.parse(params) as unknown[];
  let i = 0;
  return query.replace(/\?/g, () => {
    const v = values[i++];
    if (v === null || v === undefined) return "NULL";
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    const s = String(v);
    // The adapter logs numbers as strings; LIMIT wants them bare.
    if (/^-?\d{1,15}$/.test(s)) return s;
    if (/^\d{4}-\d\d-\d\dT/.test(s)) return conn.escape(s.replace("T", " ").replace("Z", ""));
    return conn.escape(s);
  });
}

interface PlanSummary {
  tables: string[];
  filesort: boolean;
  rows: number;
}

/** Walks an ANALYZE FORMAT=JSON plan: tables with access type and key, rows examined, any filesort. */
function summarise(node: unknown, out: PlanSummary = { tables: [], filesort: false, rows: 0 }): PlanSummary {
  if (Array.isArray(node)) {
    for (const n of node) summarise(n, out);
    return out;
  }
  if (!node || typeof node !== "object") return out;
  const o = node as Record<string, unknown>;
  if ("filesort" in o) out.filesort = true;
  if (typeof o.table_name === "string") {
    const loops = Number(o.r_loops ?? 1);
    const rows = Number(o.r_rows ?? 0) * loops;
    out.rows += rows;
    out.tables.push(`${o.table_name}:${String(o.access_type)}${o.key ? `(${String(o.key)})` : ""}`);
  }
  for (const v of Object.values(o)) summarise(v, out);
  return out;
}

async function explain(name: string, run: () => Promise<unknown>) {
  captured = [];
  const t0 = performance.now();
  await run();
  const wall = performance.now() - t0;
  console.log(`\n${name}  (service wall ${wall.toFixed(1)} ms, ${captured.length} statements)`);
  for (const { query, params } of captured) {
    // Transaction statements and the like have no plan.
    if (!/^\s*SELECT/i.test(query) || !/\bFROM\b/i.test(query)) continue;
    const sql = inline(query, params);
    const [rows] = (await conn.query(`ANALYZE FORMAT=JSON ${sql}`)) as unknown as [Array<Record<string, string>>];
    const plan = JSON.parse(Object.values(rows[0]!)[0]!) as { query_block?: { r_total_time_ms?: number } };
    const s = summarise(plan);
    const ms = plan.query_block?.r_total_time_ms ?? NaN;
    console.log(
      `  ${ms.toFixed(2).padStart(8)} ms  rows ${String(Math.round(s.rows)).padStart(7)}  ${s.filesort ? "FILESORT " : ""}${s.tables.join(" ")}`,
    );
  }
}

const [[room]] = (await conn.query(
  "SELECT id FROM Classroom WHERE name = '基准教室' ORDER BY id LIMIT 1",
)) as unknown as [[{ id: number }]];
const [[long]] = (await conn.query(
  "SELECT id FROM ForumThread WHERE classroomId = ? ORDER BY replyCount DESC, id LIMIT 1",
  [room.id],
)) as unknown as [[{ id: number }]];
const [[member]] = (await conn.query("SELECT id FROM Member ORDER BY id LIMIT 1")) as unknown as [[{ id: number }]];
const [[tag]] = (await conn.query("SELECT tag FROM ForumThreadTag LIMIT 1")) as unknown as [
  [{ tag: string } | undefined],
];
const visitor = { kind: "visitor" } as const;
const asMember = { kind: "member", memberId: member.id, audience: "customer" } as const;

/** Keyset cursor 90 % down an order, as the pager hands them out. */
async function deep(sort: "activity" | "newest" | "unanswered" | "essence") {
  const key = sort === "newest" || sort === "unanswered" ? "createdAt" : "lastActivityAt";
  const filter =
    sort === "activity"
      ? "AND pinned = false"
      : sort === "unanswered"
        ? "AND replyCount = 0"
        : sort === "essence"
          ? "AND essence = true"
          : "";
  const where = `classroomId = ${room.id} AND deletedAt IS NULL AND hiddenAt IS NULL ${filter}`;
  const [[{ n }]] = (await conn.query(`SELECT COUNT(*) AS n FROM ForumThread WHERE ${where}`)) as unknown as [
    [{ n: number }],
  ];
  const [[row]] = (await conn.query(
    `SELECT ${key} AS at, id FROM ForumThread WHERE ${where} ORDER BY ${key} DESC, id DESC LIMIT 1 OFFSET ?`,
    [Math.floor(Number(n) * 0.9)],
  )) as unknown as [[{ at: Date; id: number }]];
  return `${new Date(row.at).getTime()}.${row.id}`;
}

for (const sort of ["activity", "newest", "unanswered", "essence"] as const) {
  await explain(`list ${sort}, first page (visitor)`, () => listThreads(client, visitor, room.id, { sort }));
  const cursor = await deep(sort);
  await explain(`list ${sort}, 90 % down (visitor)`, () => listThreads(client, visitor, room.id, { sort, cursor }));
}
await explain("list activity, first page (member)", () => listThreads(client, asMember, room.id, { sort: "activity" }));
await explain("list activity, 90 % down (member)", async () =>
  listThreads(client, asMember, room.id, { sort: "activity", cursor: await deep("activity") }),
);
if (tag)
  await explain(`list by tag ${tag.tag}`, () =>
    listThreads(client, visitor, room.id, { sort: "activity", tag: tag.tag }),
  );
await explain("thread page, first (visitor)", () => openThread(client, visitor, long.id));
const [[lastPage]] = (await conn.query(
  "SELECT id FROM ForumPost WHERE threadId = ? AND isOpening = false ORDER BY id DESC LIMIT 1 OFFSET 10",
  [long.id],
)) as unknown as [[{ id: number }]];
await explain("thread page, last replies (visitor)", () =>
  openThread(client, visitor, long.id, { cursor: `0.${lastPage.id}` }),
);
await explain("thread page, first (member)", () => openThread(client, asMember, long.id));
/** The services' own CPU per call in this process (Prisma + mapping; no HTTP, no render, no shell). */
async function cpuPerCall(name: string, run: () => Promise<unknown>, calls = 200) {
  for (let i = 0; i < 20; i++) await run();
  const before = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) await run();
  const used = process.cpuUsage(before);
  console.log(
    `${name.padEnd(36)} ${((used.user + used.system) / 1000 / calls).toFixed(2).padStart(6)} ms CPU/call  ${((performance.now() - t0) / calls).toFixed(2).padStart(6)} ms wall/call`,
  );
}
captured = [];
client.$on("query", () => (captured = []));
console.log("\nservice CPU per call (sequential, one connection):");
const deepLatest = await deep("activity");
await cpuPerCall("listThreads latest, first", () => listThreads(client, visitor, room.id, { sort: "activity" }));
await cpuPerCall("listThreads latest, 90 % down", () =>
  listThreads(client, visitor, room.id, { sort: "activity", cursor: deepLatest }),
);
await cpuPerCall("openThread 600 replies, first", () => openThread(client, visitor, long.id));
await client.$disconnect();
await conn.end();
