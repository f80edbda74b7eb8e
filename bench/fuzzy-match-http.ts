// Fuzzy contact matching end to end: the labelled queries of fuzzy-dataset.ts sent over HTTP to
// GET /crm/api/contacts/match of the production build, by N concurrent signed-in clients, against a
// database holding the same synthetic contacts. Measures what a user gets (the DB-backed index,
// exact-key lookups, re-scoring of fresh rows, scope masking, JSON) and how long the server takes to
// report ready (the index is built at start, before /readyz answers 200).
//
//   RR_BUILD_DIR=build-match npx react-router build
//   npx tsx bench/fuzzy-match-http.ts --contacts 100000 --queries 2300 --clients 4
//   npx tsx bench/fuzzy-match-http.ts --no-setup       # reuse the database of the previous run
//   npx tsx bench/fuzzy-match-http.ts --server direct  # the same loaders on a bare node:http server
//                                                      # (bench/fuzzy-match-server.ts), no build needed
//
// The database (BENCH_DATABASE_URL, default relay_bench_match; only relay_bench_* names) is
// recreated, migrated, seeded with the demo organisation (for the admin sign-in) and filled with
// the generated companies and contacts.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { companyNameKey, contactPhoneKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { generateDataset, type LabelledQuery, type QueryKind } from "./fuzzy-dataset.ts";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "100000" },
    queries: { type: "string", default: "2300" },
    clients: { type: "string", default: "4" },
    port: { type: "string", default: "3192" },
    build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build-match" },
    "no-setup": { type: "boolean", default: false },
    "show-misses": { type: "boolean", default: false },
    /** build: scripts/serve.mjs on the production build; direct: bench/fuzzy-match-server.ts (same loaders). */
    server: { type: "string", default: "build" },
  },
});
const CONTACTS = Number(args.contacts);
const QUERIES = Number(args.queries);
const CLIENTS = Number(args.clients);
const PORT = Number(args.port);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_match";
const dbName = new URL(url).pathname.slice(1);
if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
  throw new Error(`Refusing to use ${dbName}: only relay_bench_* databases`);

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")}: ${code}`))));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(
  pathname: string,
  init: { method?: string; cookie?: string; form?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: pathname,
        method: init.method ?? "GET",
        agent,
        headers: {
          Accept: "application/json",
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
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const dataset = generateDataset(CONTACTS, QUERIES);

/** Inserts the synthetic companies and contacts; returns synthetic contact id → database id. */
async function fill(): Promise<void> {
  const conn = await mysql.createConnection(url);
  try {
    const now = new Date();
    const [[{ c0 }]] = (await conn.query("SELECT COALESCE(MAX(id), 0) AS c0 FROM Company")) as unknown as [
      [{ c0: number }],
    ];
    const companyId = new Map<string, number>();
    for (let i = 0; i < dataset.companies.length; i += 2000) {
      const batch = dataset.companies.slice(i, i + 2000);
      const rows = batch.map((c, j) => {
        const id = c0 + i + j + 1;
        companyId.set(c.name, id);
        return [
          id,
          `ACNT${String(id).padStart(12, "0")}`,
          c.name,
          companyNameKey(c.name),
          c.city,
          c.province,
          c.phone,
          phoneKey(c.phone),
          `www.${c.domain}`,
          now,
          now,
        ];
      });
      await conn.query(
        "INSERT INTO Company (id, number, name, nameKey, city, province, phone, phoneKey, website, createdAt, updatedAt) VALUES ?",
        [rows],
      );
    }
    const [[{ p0 }]] = (await conn.query("SELECT COALESCE(MAX(id), 0) AS p0 FROM Contact")) as unknown as [
      [{ p0: number }],
    ];
    for (let i = 0; i < dataset.contacts.length; i += 2000) {
      const rows = dataset.contacts.slice(i, i + 2000).map((c) => {
        const id = p0 + c.id;
        return [
          id,
          `CONT${String(id).padStart(12, "0")}`,
          c.name.slice(0, 1),
          c.name.slice(1) || null,
          c.name,
          c.companyName ? (companyId.get(c.companyName) ?? null) : null,
          c.city,
          c.province,
          c.email,
          emailKey(c.email),
          c.mobile,
          c.phone,
          contactPhoneKey(c),
          now,
          now,
        ];
      });
      await conn.query(
        "INSERT INTO Contact (id, number, familyName, givenName, fullName, companyId, city, province, email, emailKey, mobile, phone, phoneKey, createdAt, updatedAt) VALUES ?",
        [rows],
      );
    }
  } finally {
    await conn.end();
  }
}

async function contactOffset(): Promise<number> {
  const conn = await mysql.createConnection(url);
  try {
    const [[{ m }]] = (await conn.query("SELECT COALESCE(MAX(id), 0) AS m FROM Contact")) as unknown as [
      [{ m: number }],
    ];
    return m - CONTACTS;
  } finally {
    await conn.end();
  }
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
  const t = performance.now();
  await run("npx", ["tsx", "tests/setup/recreate-database.ts", url], appEnv);
  await run("npx", ["tsx", "prisma/migrate.ts"], appEnv);
  await run("npx", ["tsx", "prisma/seed/demo.ts"], { ...appEnv, NODE_ENV: "development" });
  await fill();
  console.log(`database filled in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
const offset = await contactOffset();

const started = performance.now();
const direct = args.server === "direct";
const serverArgv = direct ? ["--import", "tsx", "bench/fuzzy-match-server.ts"] : ["scripts/serve.mjs"];
const app: ChildProcess = spawn(process.execPath, serverArgv, {
  cwd: root,
  env: appEnv,
  stdio: ["ignore", "pipe", "inherit"],
});
app.stdout?.on("data", (d: Buffer) => {
  for (const line of d.toString().split("\n"))
    if (/match index|listening/.test(line)) console.log(`  [server] ${line}`);
});
process.on("exit", () => app.kill());

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);

try {
  let firstListen: number | null = null;
  for (let i = 0; ; i++) {
    if (i > 3000) throw new Error("the server never reported ready");
    try {
      const reply = await request("/readyz");
      firstListen ??= performance.now();
      if (reply.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyMs = performance.now() - started;
  console.log(
    `server ready (readyz 200) ${(readyMs / 1000).toFixed(1)} s after start; listening after ${(((firstListen ?? 0) - started) / 1000).toFixed(1)} s`,
  );
  const cookies: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    if (direct) {
      cookies.push(String((await request("/bench/session")).headers["x-cookie"]));
      continue;
    }
    const reply = await request("/crm/login", {
      method: "POST",
      form: { email: "admin@relay-demo.cn", password: "Relay-demo-2026" },
    });
    const cookie = (reply.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    if (reply.status !== 302 || !cookie) throw new Error(`sign-in answered ${reply.status}`);
    cookies.push(cookie);
  }

  interface Answer {
    q: LabelledQuery;
    ms: number;
    ids: number[];
    topVerdict: string | null;
  }
  const answers: Answer[] = [];
  const ask = async (q: LabelledQuery, cookie: string): Promise<Answer> => {
    const t0 = performance.now();
    const reply = await request(`/crm/api/contacts/match?q=${encodeURIComponent(q.text)}`, { cookie });
    const ms = performance.now() - t0;
    if (reply.status !== 200) throw new Error(`${q.text}: ${reply.status} ${reply.body.slice(0, 200)}`);
    const body = JSON.parse(reply.body) as { candidates: Array<{ id: number; verdict: string }> };
    return {
      q,
      ms,
      ids: body.candidates.slice(0, 5).map((c) => c.id - offset),
      topVerdict: body.candidates[0]?.verdict ?? null,
    };
  };
  // Warm-up (JIT, connection pool), not counted.
  for (const q of dataset.queries.slice(0, 20)) await ask(q, cookies[0]!);
  let next = 0;
  const wall0 = performance.now();
  await Promise.all(
    cookies.map(async (cookie) => {
      while (next < dataset.queries.length) answers.push(await ask(dataset.queries[next++]!, cookie));
    }),
  );
  const wallMs = performance.now() - wall0;

  const byKind = new Map<QueryKind, { n: number; top1: number; top5: number; same: number }>();
  let real = 0;
  let top1 = 0;
  let top5 = 0;
  let wrongSame = 0;
  let none = 0;
  let falseSame = 0;
  const misses: Answer[] = [];
  for (const a of answers) {
    const k = byKind.get(a.q.kind) ?? { n: 0, top1: 0, top5: 0, same: 0 };
    k.n++;
    if (a.q.targetId === null) {
      none++;
      if (a.topVerdict === "same") {
        k.same++;
        falseSame++;
        misses.push(a);
      }
    } else {
      real++;
      if (a.ids[0] === a.q.targetId) {
        k.top1++;
        top1++;
      } else misses.push(a);
      if (a.ids.includes(a.q.targetId)) {
        k.top5++;
        top5++;
      }
      if (a.topVerdict === "same" && a.ids[0] !== a.q.targetId) {
        k.same++;
        wrongSame++;
      }
    }
    byKind.set(a.q.kind, k);
  }
  console.log(
    `\n${CONTACTS.toLocaleString("en")} contacts, ${answers.length} queries over HTTP, ${CLIENTS} clients, server: ${direct ? "direct (bench/fuzzy-match-server.ts)" : "production build"}`,
  );
  console.log('per query kind             n   top-1   top-5   wrong/false "same"');
  for (const [kind, k] of byKind) {
    const exists = answers.find((a) => a.q.kind === kind)!.q.targetId !== null;
    console.log(
      `${kind.padEnd(24)} ${String(k.n).padStart(5)} ${exists ? pct(k.top1, k.n).padStart(7) : "      –"} ${exists ? pct(k.top5, k.n).padStart(7) : "      –"} ${pct(k.same, k.n).padStart(9)}`,
    );
  }
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  console.log("\nsummary");
  console.log(`  top-1 ${pct(top1, real)}  top-5 ${pct(top5, real)}  (${real} queries for real people)`);
  console.log(`  false "same" on people who do not exist ${pct(falseSame, none)} (${falseSame} of ${none})`);
  console.log(`  wrong "same" on real people ${pct(wrongSame, real)} (${wrongSame} of ${real})`);
  console.log(
    `  HTTP latency p50 ${percentile(ms, 50).toFixed(1)} ms  p95 ${percentile(ms, 95).toFixed(1)} ms  p99 ${percentile(ms, 99).toFixed(1)} ms  (${(answers.length / (wallMs / 1000)).toFixed(0)} req/s)`,
  );
  if (args["show-misses"]) {
    for (const a of misses.slice(0, 30))
      console.log("  miss:", a.q.kind, a.q.text, "target", a.q.targetId, "→", a.ids.join(","), a.topVerdict);
  }
} finally {
  app.kill("SIGINT");
}
