// SQL statements per request of a production build, counted in process: the build is imported with
// a query-logging Prisma client installed as the app's `db` (loader-queries.ts), and each page is
// requested through the same request guard and handler scripts/serve.mjs uses, as html and as
// `.data`. Shows what the shell (root + layout loaders) costs in round trips. Not in CI.
//
//   npx tsx bench/support/request-queries.ts --build build-d --member a@b.cn:pw /forum/t/1 /forum/2
//   (BENCH_DATABASE_URL as for the benches; --staff email:password signs a staff member in; --sql
//   prints each statement of the first request)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openQueryLog } from "./loader-queries.ts";

interface ServerBuild {
  entry: {
    module: {
      handleAppRequest(
        request: Request,
        handle: (request: Request) => Promise<Response>,
        options: { production: boolean },
      ): Promise<Response>;
    };
  };
}

/** Loads `buildDir`'s server build against `url` and returns a fetch-like function that counts queries. */
export async function openBuild(root: string, buildDir: string, url: string) {
  const log = await openQueryLog(url);
  process.env.RUN_WORKER = "0";
  // The access log line per request would interleave with the figures.
  process.env.LOG_LEVEL ??= "warn";
  process.env.SESSION_COOKIE_SECURE = "false";
  // No search / fuzzy-index warm-up: the shell does not use them.
  (globalThis as unknown as { __relaySearchWarm: boolean }).__relaySearchWarm = true;
  const build = (await import(path.resolve(root, buildDir, "server/index.js"))) as ServerBuild;
  const { createRequestHandler } = await import("react-router");
  const handler = createRequestHandler(build as never, "production");

  async function send(pathname: string, init: { cookie?: string; form?: Record<string, string> } = {}) {
    const headers = new Headers({ Accept: "text/html", "User-Agent": "Mozilla/5.0 (request-queries bench)" });
    if (init.cookie) headers.set("Cookie", init.cookie);
    const form = init.form ? new URLSearchParams(init.form) : undefined;
    const request = new Request(`http://localhost${pathname}`, { method: form ? "POST" : "GET", headers, body: form });
    log.logged.length = 0;
    log.state.logging = true;
    const response = await build.entry.module.handleAppRequest(request, (r) => handler(r, { clientIp: "127.0.0.1" }), {
      production: true,
    });
    const body = Buffer.from(await response.arrayBuffer());
    log.state.logging = false;
    return { response, body, queries: [...log.logged] };
  }

  async function signIn(loginPath: string, credentials: string): Promise<string> {
    const [email, password] = credentials.split(":") as [string, string];
    const { response } = await send(loginPath, { form: { email, password } });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    if (response.status !== 302 || !cookie) throw new Error(`sign-in at ${loginPath} answered ${response.status}`);
    return cookie;
  }

  return { send, signIn, close: () => log.client.$disconnect() };
}

/** The language cookie as createCookie() writes it without secrets (base64 of the JSON value). */
export function localeCookieValue(locale: string): string {
  return `relay_lang=${encodeURIComponent(Buffer.from(JSON.stringify(locale)).toString("base64"))}`;
}

/** "/forum/2?x=1" → "/forum/2.data?x=1" (React Router's single fetch of the same loaders). */
export function dataPath(p: string): string {
  const [pathname, search] = p.split("?");
  return `${pathname === "/" ? "/_root" : pathname}.data${search ? `?${search}` : ""}`;
}

type BenchApp = Awaited<ReturnType<typeof openBuild>>;

/**
 * The build opened on BENCH_DATABASE_URL and the cookie of the principal the flags name (`--staff` or
 * `--member` as email:password, `--locale en`): the setup every in-process page tool shares.
 */
export async function openSignedIn(args: {
  build: string;
  staff?: string;
  member?: string;
  locale?: string;
}): Promise<{ app: BenchApp; cookie: string | undefined }> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_pages";
  const app = await openBuild(root, args.build, url);
  const signedIn = args.staff
    ? await app.signIn("/crm/login", args.staff)
    : args.member
      ? await app.signIn("/login", args.member)
      : undefined;
  const cookie =
    [signedIn, args.locale ? localeCookieValue(args.locale) : undefined].filter(Boolean).join("; ") || undefined;
  return { app, cookie };
}

/**
 * CPU ms per request of one page, in this process: `warm` requests first, then `rounds` rounds of
 * `repeat`; the median and the least round (on a shared machine the quietest round is closest to
 * the page's own cost).
 */
export async function cpuPerRequest(
  app: BenchApp,
  page: string,
  cookie: string | undefined,
  options: { repeat: number; rounds: number; warm: number },
): Promise<{ median: number; least: number }> {
  for (let i = 0; i < options.warm; i++) await app.send(page, { cookie });
  const perRound: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < options.repeat; i++) await app.send(page, { cookie });
    const cpu = process.cpuUsage(cpu0);
    perRound.push((cpu.user + cpu.system) / 1000 / options.repeat);
  }
  perRound.sort((a, b) => a - b);
  return { median: perRound[Math.floor(perRound.length / 2)]!, least: perRound[0]! };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      build: { type: "string", default: process.env.RR_BUILD_DIR ?? "build" },
      member: { type: "string" },
      staff: { type: "string" },
      // "en" sends the language cookie (zh-CN, the default, without it).
      locale: { type: "string" },
      sql: { type: "boolean", default: false },
      // Requests per page for the CPU column (one after the other, in this process: no HTTP, no noise
      // from other clients; the driver's and Prisma's CPU is in it, MariaDB's is not).
      repeat: { type: "string", default: "200" },
      // Rounds of `repeat` requests; the least CPU per request of the rounds is printed too — on a
      // shared machine the quietest round is the closest to the page's own cost.
      rounds: { type: "string", default: "3" },
    },
  });
  const { app, cookie } = await openSignedIn(args);
  for (const page of positionals) {
    for (const p of [page, dataPath(page)]) {
      await app.send(p, { cookie }); // warm: the versioned caches fill on the first request
      const { response, body, queries } = await app.send(p, { cookie });
      const repeat = Number(args.repeat);
      const cpu = await cpuPerRequest(app, p, cookie, {
        repeat,
        rounds: Number(args.rounds),
        warm: Math.min(50, repeat),
      });
      console.log(
        `${p.padEnd(40)} ${response.status}  ${String(queries.length).padStart(3)} queries  ${String(body.length).padStart(7)} bytes  CPU ${cpu.median.toFixed(2).padStart(6)} ms/req (least ${cpu.least.toFixed(2)})`,
      );
      if (args.sql) for (const q of queries) console.log(`    ${q.sql.slice(0, 160)}`);
    }
  }
  await app.close();
  process.exit(0);
}
