// Shared by the in-process loader benches (bench/contact-queries.ts, opportunity-queries.ts): a
// query-logging Prisma client installed as the app's `db` before any route module loads, and the
// database's own account of each logged query (MariaDB `ANALYZE FORMAT=JSON`: time, rows examined
// as Σ r_loops × r_rows over the plan's tables, access type and index, filesort). Not in CI.
import { parseArgs } from "node:util";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";

export interface LoggedQuery {
  sql: string;
  params: string;
  ms: number;
  /** Index of the loader that sent it (set with `at`). */
  loader: number;
}

/** Points the app at `url` (only relay_bench_* databases) and installs the logging client. */
export async function openQueryLog(url: string) {
  if (!/\/relay_bench_[a-z0-9_]+$/.test(new URL(url).pathname)) throw new Error("only relay_bench_* databases");
  process.env.DATABASE_URL = url;
  process.env.NODE_ENV = "production";
  const { PrismaClient } = await import("#app/generated/prisma/client.ts");
  const u = new URL(url);
  const adapter = new PrismaMariaDb(
    {
      host: u.hostname,
      port: Number(u.port || 3306),
      user: u.username,
      password: u.password,
      database: u.pathname.slice(1),
      connectionLimit: 10,
      timezone: "Z",
    },
    { useTextProtocol: true },
  );
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const state = { logging: false, loader: 0 };
  const logged: LoggedQuery[] = [];
  client.$on("query", (e) => {
    if (state.logging) logged.push({ sql: e.query, params: e.params, ms: e.duration, loader: state.loader });
  });
  (globalThis as unknown as { __relayDb: unknown }).__relayDb = client;
  return { client, logged, state };
}

interface PlanTable {
  table_name?: string;
  access_type?: string;
  key?: string;
  r_loops?: number;
  r_rows?: number;
}

/** Rows examined, the tables' access and whether a filesort/temporary table was used. */
function planOf(json: unknown) {
  let rows = 0;
  const access: string[] = [];
  let sort = false;
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    for (const [k, v] of Object.entries(n)) {
      if (k === "filesort" || k === "temporary_table") sort = true;
      if (k === "table" && v && typeof v === "object" && !Array.isArray(v)) {
        const t = v as PlanTable;
        rows += (t.r_loops ?? 1) * (t.r_rows ?? 0);
        access.push(`${t.table_name}:${t.access_type}${t.key ? `(${t.key})` : ""}`);
      }
      walk(v);
    }
  };
  walk(json);
  return { rows: Math.round(rows), access: access.join(" "), sort };
}

type RawClient = { $queryRawUnsafe<T>(sql: string): Promise<T> };

/** ANALYZE one logged SELECT (parameters inlined: numbers bare so LIMITs keep their plan). */
export async function analyzeQuery(client: RawClient, sql: string, params: string) {
  if (!/^\s*SELECT/i.test(sql)) return null;
  const values = JSON.parse(params) as unknown[];
  let i = 0;
  const inlined = sql.replace(/\?/g, () => {
    const v = values[i++];
    if (v === null || v === undefined) return "NULL";
    const text = String(v);
    return /^-?\d+(\.\d+)?$/.test(text) ? text : `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
  });
  const res = await client.$queryRawUnsafe<Array<Record<string, string>>>(`ANALYZE FORMAT=JSON ${inlined}`);
  const json = JSON.parse(Object.values(res[0]!)[0]!) as { query_block?: { r_total_time_ms?: number } };
  return { ms: json.query_block?.r_total_time_ms ?? 0, ...planOf(json) };
}

/** The flags every loader bench takes: `--repeat N`, `--sql` (print each statement), `--only <page>`. */
export function loaderBenchArgs() {
  return parseArgs({
    options: {
      repeat: { type: "string", default: "20" },
      sql: { type: "boolean", default: false },
      only: { type: "string" },
    },
  }).values;
}

type BenchDb = Awaited<ReturnType<typeof openQueryLog>>["client"];

/** Session cookies of the demo's admin (all), the 华北 manager (team) and a sales rep (own). */
export async function demoScopeCookies(db: BenchDb) {
  const { staffCookie } = await import("#tests/route-harness.ts");
  const staff = async (email: string) => (await db.staff.findFirstOrThrow({ where: { email } })).id;
  const rep = await staff("sales@relay-demo.cn");
  const cookies = {
    all: await staffCookie(await staff("admin@relay-demo.cn")),
    team: await staffCookie(await staff("wang.lei@relay-demo.cn")),
    own: await staffCookie(rep),
  };
  return { rep, cookies };
}
