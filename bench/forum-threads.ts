// Training-classroom forum at scale (issue #17: thread list and thread page p95 ≤ 100 ms at 1M posts
// with 20 concurrent clients). 20 clients request each page for a few seconds over real HTTP against
// the production build; prints req/s, p50 (median) and p95 per page, and the server process's CPU
// milliseconds per request (/proc utime+stime; the figure that does not depend on the machine's load)
// with the load average. Not in CI. bench/forum-explain.ts shows each page query's plan and rows.
//
//   RR_BUILD_DIR=build-forum npx react-router build
//   npx tsx bench/forum-threads.ts --posts 100000                    # builds the data, then measures
//   npx tsx bench/forum-threads.ts --posts 1000000                   # the issue's size (minutes to seed)
//   npx tsx bench/forum-threads.ts --no-setup --duration 15           # reuse the last data
//   npx tsx bench/forum-threads.ts --posts 1000000 --setup-only       # only (re)build the data
//
// The database (BENCH_DATABASE_URL, default relay_bench_forum; only relay_bench_* names) is recreated
// and migrated; one public classroom is filled with `--posts` posts (opening posts + replies, about
// 8 per thread, a fifth of the threads unanswered, 5 % essence, 1 % hidden) by multi-row INSERTs, plus
// one long thread (`--long-replies` replies) for the thread page. Pages: the classroom list in each
// order (latest activity / newest / unanswered / essence), first page and a deep keyset page (90 %
// down), the long thread's first and last reply page, as a visitor and (first page) as a signed-in
// member; each as the server render (html) and its `.data` request (the same loaders, no render).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { httpLoad, startServer } from "./support/http-load.ts";

const { values: args } = parseArgs({
  options: {
    posts: { type: "string", default: "1000000" },
    "long-replies": { type: "string", default: "600" },
    duration: { type: "string", default: "8" },
    warmup: { type: "string", default: "2" },
    clients: { type: "string", default: "20" },
    port: { type: "string", default: "3193" },
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build-forum" },
    "no-setup": { type: "boolean", default: false },
    "setup-only": { type: "boolean", default: false },
    "no-data": { type: "boolean", default: false },
    // Server processes: 1 = scripts/serve.mjs; more = scripts/serve-cluster.mjs, what the start command runs.
    workers: { type: "string", default: "1" },
    // Only the pages whose name contains this text; extra flags for the server's node (e.g. --cpu-prof).
    only: { type: "string" },
    "node-args": { type: "string", default: "" },
    // The server talks to MariaDB over this Unix socket instead of TCP loopback (db.server.ts `?socket=`).
    "db-socket": { type: "string" },
  },
});
const DURATION_MS = Number(args.duration) * 1000;
const WARMUP_MS = Number(args.warmup) * 1000;
const CLIENTS = Number(args.clients);
const PORT = Number(args.port);
const MAX_POSTS = 5_000_000;
const BATCH = 5_000;
const MEMBER_EMAIL = "bench.member@relay-bench.cn";
const MEMBER_PASSWORD = "Relay-bench-2026";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_forum";
const dbName = new URL(url).pathname.slice(1);
if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
  throw new Error(`Refusing to use ${dbName}: only relay_bench_* databases`);

/** Deterministic pseudo-random numbers (mulberry32), so two runs build the same data. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")}: ${code}`))));
  });
}

const TOPICS = ["安装", "部署", "授权", "报表", "接口", "备份", "升级", "权限", "导入", "审批", "移动端", "集成"];
const VERBS = ["失败怎么办", "如何配置", "报错求助", "最佳实践", "性能问题", "有没有教程", "和旧版本的区别"];
const SENTENCES = [
  "我们按文档操作后仍然遇到这个问题，",
  "日志里没有明显的错误信息，",
  "换了一台服务器也一样，",
  "请问有没有人遇到过类似的情况？",
  "补充一下环境：MariaDB 11，Node 24。",
];

/**
 * Fills one classroom with about `posts` posts: threads with 0–16 replies (a fifth unanswered),
 * authors spread over `members`, times spread over two years. Ids are assigned here so replies need
 * no read-back. Returns the long thread's id.
 */
async function seedForum(
  conn: mysql.Connection,
  postConn: mysql.Connection,
  classroomId: number,
  memberIds: number[],
  posts: number,
  longReplies: number,
) {
  const r = random(20261208);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const [[maxes]] = (await conn.query(
    "SELECT COALESCE(MAX(t.id), 0) AS thread, (SELECT COALESCE(MAX(id), 0) FROM ForumPost) AS post FROM ForumThread t",
  )) as unknown as [[{ thread: number; post: number }]];
  let threadId = Number(maxes.thread);
  let postId = Number(maxes.post);
  const start = Date.UTC(2024, 11, 1);
  const span = 730 * 86_400_000;
  let threadRows: unknown[][] = [];
  let postRows: unknown[][] = [];
  // Threads and posts go through two connections, and the next batch is generated while the last
  // one is being inserted: the server inserts into both tables at once and never waits for us.
  let threadsInFlight: Promise<unknown> = Promise.resolve();
  let postsInFlight: Promise<unknown> = Promise.resolve();
  const flush = async (force = false) => {
    if (threadRows.length >= BATCH || (force && threadRows.length > 0)) {
      const rows = threadRows;
      threadRows = [];
      await threadsInFlight;
      threadsInFlight = conn.query(
        "INSERT INTO ForumThread (id, classroomId, title, authorMemberId, essence, hiddenAt, replyCount, lastActivityAt, createdAt, updatedAt) VALUES ?",
        [rows],
      );
    }
    if (postRows.length >= BATCH || (force && postRows.length > 0)) {
      const rows = postRows;
      postRows = [];
      await postsInFlight;
      postsInFlight = postConn.query(
        "INSERT INTO ForumPost (id, threadId, isOpening, authorMemberId, bodyHtml, bodyText, hiddenAt, createdAt, updatedAt) VALUES ?",
        [rows],
      );
    }
    if (force) await Promise.all([threadsInFlight, postsInFlight]);
  };
  const body = () => {
    const text = `${pick(SENTENCES)}${pick(SENTENCES)}${pick(SENTENCES)}`;
    return [`<p>${text}</p>`, text];
  };
  const addThread = async (replies: number) => {
    threadId++;
    const created = new Date(start + Math.floor(r() * span));
    const hidden = r() < 0.01 ? created : null;
    const author = pick(memberIds);
    let last = created;
    const openingId = ++postId;
    const [html, text] = body();
    postRows.push([openingId, threadId, true, author, html, text, hidden, created, created]);
    for (let k = 0; k < replies; k++) {
      last = new Date(last.getTime() + 60_000 + Math.floor(r() * 3 * 86_400_000));
      const [replyHtml, replyText] = body();
      postRows.push([++postId, threadId, false, pick(memberIds), replyHtml, replyText, null, last, last]);
      if (postRows.length >= BATCH) await flush();
    }
    const title = `${pick(TOPICS)}${pick(VERBS)}（${threadId}）`;
    threadRows.push([threadId, classroomId, title, author, r() < 0.05, hidden, replies, last, created, last]);
    await flush();
    return threadId;
  };
  const longThread = await addThread(longReplies);
  let made = longReplies + 1;
  while (made < posts) {
    const replies = r() < 0.2 ? 0 : 1 + Math.floor(r() * 16);
    const n = Math.min(replies, Math.max(0, posts - made - 1));
    await addThread(n);
    made += n + 1;
  }
  await flush(true);
  return longThread;
}

async function setup(appEnv: NodeJS.ProcessEnv) {
  const started = Date.now();
  await run("npx", ["tsx", "tests/setup/recreate-database.ts", url], appEnv);
  await run("npx", ["tsx", "prisma/migrate.ts"], appEnv);
  const conn = await mysql.createConnection({ uri: url, multipleStatements: false });
  await conn.query("SET SESSION unique_checks = 0, foreign_key_checks = 0");
  const [room] = (await conn.query(
    "INSERT INTO Classroom (name, description, visibility, sortOrder, createdAt, updatedAt) VALUES ('基准教室', '1M 帖子基准', 'everyone', 0, NOW(3), NOW(3))",
  )) as unknown as [{ insertId: number }];
  const migrated = Date.now();
  const hash = await hashPassword(MEMBER_PASSWORD);
  const members = Array.from({ length: 1_000 }, (_, i) => [
    i === 0 ? MEMBER_EMAIL : `bench${i}@relay-bench.cn`,
    `基准会员${i}`,
    hash,
    "customer",
    "active",
    new Date(),
    new Date(),
    new Date(),
  ]);
  await conn.query(
    "INSERT INTO Member (email, nickname, passwordHash, level, status, activatedAt, forumTrustedAt, updatedAt) VALUES ?",
    [members],
  );
  const [ids] = (await conn.query("SELECT id FROM Member ORDER BY id")) as unknown as [Array<{ id: number }>];
  const posts = Math.min(MAX_POSTS, Math.max(1_000, Math.floor(Number(args.posts))));
  const postConn = await mysql.createConnection({ uri: url, multipleStatements: false });
  await postConn.query("SET SESSION unique_checks = 0, foreign_key_checks = 0");
  await seedForum(
    conn,
    postConn,
    room.insertId,
    ids.map((m) => m.id),
    posts,
    Number(args["long-replies"]),
  );
  await conn.query(
    "UPDATE Classroom c SET threadCount = (SELECT COUNT(*) FROM ForumThread t WHERE t.classroomId = c.id AND t.deletedAt IS NULL AND t.hiddenAt IS NULL), lastActivityAt = (SELECT MAX(lastActivityAt) FROM ForumThread t WHERE t.classroomId = c.id)",
  );
  const inserted = Date.now();
  await postConn.end();
  await conn.query("ANALYZE TABLE ForumThread, ForumPost");
  await conn.end();
  const s = (from: number, to: number) => `${((to - from) / 1000).toFixed(0)} s`;
  console.log(
    `setup: ${posts} posts in ${s(started, Date.now())}: migrate ${s(started, migrated)}, inserts ${s(migrated, inserted)}, counters + analyze ${s(inserted, Date.now())}`,
  );
}

/** Keyset cursors 90 % down each order, as the pager would hand them out ("<ms>.<id>"). */
async function deepCursors(conn: mysql.Connection, classroomId: number) {
  const visible = `classroomId = ${Number(classroomId)} AND deletedAt IS NULL AND hiddenAt IS NULL`;
  const orders = {
    activity: { key: "lastActivityAt", where: `${visible} AND pinned = false` },
    newest: { key: "createdAt", where: visible },
    unanswered: { key: "createdAt", where: `${visible} AND replyCount = 0` },
    essence: { key: "lastActivityAt", where: `${visible} AND essence = true` },
  } as const;
  const cursors: Record<string, string> = {};
  for (const [sort, { key, where }] of Object.entries(orders)) {
    const [[{ n }]] = (await conn.query(`SELECT COUNT(*) AS n FROM ForumThread WHERE ${where}`)) as unknown as [
      [{ n: number }],
    ];
    const [[row]] = (await conn.query(
      `SELECT ${key} AS at, id FROM ForumThread WHERE ${where} ORDER BY ${key} DESC, id DESC LIMIT 1 OFFSET ?`,
      [Math.floor(Number(n) * 0.9)],
    )) as unknown as [[{ at: Date; id: number } | undefined]];
    if (row) cursors[sort] = `${new Date(row.at).getTime()}.${row.id}`;
  }
  return cursors;
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

if (!args["no-setup"]) await setup(appEnv);
if (args["setup-only"]) process.exit(0);

const conn = await mysql.createConnection(url);
const [[room]] = (await conn.query(
  "SELECT id, threadCount FROM Classroom WHERE name = '基准教室' ORDER BY id LIMIT 1",
)) as unknown as [[{ id: number; threadCount: number }]];
const [[counts]] = (await conn.query("SELECT COUNT(*) AS posts FROM ForumPost")) as unknown as [[{ posts: number }]];
const [[long]] = (await conn.query(
  "SELECT id, replyCount FROM ForumThread WHERE classroomId = ? ORDER BY replyCount DESC, id LIMIT 1",
  [room.id],
)) as unknown as [[{ id: number; replyCount: number }]];
const [[lastReplies]] = (await conn.query(
  "SELECT id FROM ForumPost WHERE threadId = ? AND isOpening = false ORDER BY id DESC LIMIT 1 OFFSET 10",
  [long.id],
)) as unknown as [[{ id: number } | undefined]];
const cursors = await deepCursors(conn, room.id);
await conn.end();

const { request, assertPortFree, waitForServer, measurePages, close } = httpLoad(PORT, CLIENTS);
await assertPortFree();
// The search index warms up at start-up; these pages do not use it (similar questions is a separate
// endpoint), so the bench measures the steady state, as bench/contact-list.ts does.
const app = startServer({
  root,
  port: PORT,
  build: args.build,
  databaseUrl: args["db-socket"] ? `${url}?socket=${encodeURIComponent(args["db-socket"])}` : url,
  workers: Number(args.workers),
  nodeArgs: args["node-args"].split(" ").filter(Boolean),
});

try {
  await waitForServer();
  const reply = await request("/login", { method: "POST", form: { email: MEMBER_EMAIL, password: MEMBER_PASSWORD } });
  const member = (reply.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  if (reply.status !== 302 || !member) throw new Error(`member sign-in answered ${reply.status}`);
  const list = `/forum/${room.id}`;
  const sortQuery = (sort: string) => (sort === "activity" ? "" : `sort=${sort}`);
  const pages: Array<{ name: string; path: string; cookie?: string }> = [];
  for (const sort of ["activity", "newest", "unanswered", "essence"]) {
    const query = sortQuery(sort);
    const label = sort === "activity" ? "latest" : sort;
    pages.push({ name: `list ${label}, first`, path: `${list}${query ? `?${query}` : ""}` });
    if (cursors[sort]) {
      pages.push({
        name: `list ${label}, deep`,
        path: `${list}?${query ? `${query}&` : ""}cursor=${encodeURIComponent(cursors[sort])}`,
      });
    }
  }
  pages.push({ name: "list latest, member", path: list, cookie: member });
  pages.push({ name: "thread page, first", path: `/forum/t/${long.id}` });
  if (lastReplies) pages.push({ name: "thread page, last", path: `/forum/t/${long.id}?cursor=0.${lastReplies.id}` });
  pages.push({ name: "thread page, member", path: `/forum/t/${long.id}`, cookie: member });
  console.log(
    `forum-threads: ${Number(counts.posts)} posts, ${room.threadCount} visible threads in the classroom, long thread ${long.replyCount} replies; ${CLIENTS} clients, ${DURATION_MS / 1000} s per page, build ${args.build}`,
  );
  await measurePages(
    pages.map((page) => ({ name: page.name, path: page.path, cookies: [page.cookie ?? ""] })),
    { serverPid: app.pid!, warmupMs: WARMUP_MS, durationMs: DURATION_MS, withData: !args["no-data"], only: args.only },
  );
} finally {
  close();
  app.kill("SIGINT");
}
