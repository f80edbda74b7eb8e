// Every query the opportunity list and board loaders send (issue #18 item 4, decision 052): runs the
// real route loaders in-process against the bench database (`bench/opportunity-board.ts` builds it)
// with a query-logging Prisma client and prints per page: queries, the database's own time and rows
// examined for each (MariaDB `ANALYZE FORMAT=JSON`: Σ r_loops × r_rows over the plan's tables, the
// access type and index, filesort), and the server CPU ms per request of the loaders (what a `.data`
// request costs in our code, without rendering). Not in CI.
//
//   npx tsx bench/opportunity-queries.ts [--repeat 20] [--sql] [--only "own"]
import { analyzeQuery, demoScopeCookies, loaderBenchArgs, openQueryLog } from "./support/loader-queries.ts";

const args = loaderBenchArgs();
const { client, logged, state } = await openQueryLog(
  process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_opps",
);

const list = await import("#backoffice/routes/opportunities-list.tsx");
const board = await import("#backoffice/routes/opportunity/opportunities-board.tsx");
const crmLayout = await import("#backoffice/routes/crm-layout.tsx");
const { defaultSalesMethod } = await import("#app/modules/crm/opportunities/sales-stages.server.ts");

type Loader = (a: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const db = client;
const { rep, cookies } = await demoScopeCookies(db);
const method = await defaultSalesMethod(db);
const proposal = method.stages.find((s) => s.legacyStage === "proposal")!.id;

const pages: Record<string, { cookie: string; path: string; loader: Loader }> = {};
for (const [who, cookie] of Object.entries(cookies)) {
  const at = (name: string, path: string, loader: unknown) => {
    pages[`${who}: ${name}`] = { cookie, path, loader: loader as Loader };
  };
  at("list first page", "/crm/opportunities", list.loader);
  at("list by amount", "/crm/opportunities?sort=amount&dir=desc", list.loader);
  at("list by close", "/crm/opportunities?sort=close&dir=asc", list.loader);
  at("list stage", `/crm/opportunities?stage=${proposal}`, list.loader);
  at("list stage p2", `/crm/opportunities?stage=${proposal}&page=2`, list.loader);
  at("list close range", "/crm/opportunities?closeFrom=2027-01-01&closeTo=2027-03-31", list.loader);
  at("list q", `/crm/opportunities?q=${encodeURIComponent("基准机会 1999")}`, list.loader);
  at("board", "/crm/opportunities/board", board.loader);
  at("board owner", `/crm/opportunities/board?owner=${rep}`, board.loader);
  at("board close range", "/crm/opportunities/board?closeFrom=2027-01-01&closeTo=2027-03-31", board.loader);
}

const repeat = Number(args.repeat);
for (const [name, p] of Object.entries(pages)) {
  if (args.only && !name.includes(args.only)) continue;
  const loaders = [crmLayout.loader as unknown as Loader, p.loader];
  const once = async () => {
    for (const [i, loader] of loaders.entries()) {
      state.loader = i;
      const request = new Request(`http://localhost${p.path}`, { headers: { Cookie: p.cookie } });
      await loader({ request, params: {}, context: {} });
    }
  };
  await once(); // warm
  logged.length = 0;
  state.logging = true;
  await once();
  state.logging = false;
  const queries = logged.filter((q) => q.loader > 0);
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < repeat; i++) await once();
  const c = process.cpuUsage(cpu0);
  const wall = (performance.now() - w0) / repeat;
  const plans = await Promise.all(queries.map((q) => analyzeQuery(client, q.sql, q.params)));
  const dbMs = plans.reduce((s, x) => s + (x?.ms ?? 0), 0);
  const examined = plans.reduce((s, x) => s + (x?.rows ?? 0), 0);
  const worst = plans.reduce((m, x) => (x && x.rows > (m?.rows ?? -1) ? x : m), null as (typeof plans)[number]);
  console.log(
    `${name.padEnd(24)} ${String(queries.length).padStart(2)} q  db ${dbMs.toFixed(1).padStart(7)} ms  rows ${String(examined).padStart(7)}  cpu ${((c.user + c.system) / 1000 / repeat).toFixed(1).padStart(6)} ms/req  wall ${wall.toFixed(0).padStart(4)} ms  worst: ${worst?.rows ?? 0} ${worst?.access ?? ""}${worst?.sort ? " +sort" : ""}`,
  );
  if (args.sql) {
    queries.forEach((q, i) => {
      const x = plans[i];
      console.log(
        `   ${(x?.ms ?? 0).toFixed(1).padStart(7)} ms ${String(x?.rows ?? "-").padStart(7)} rows ${x?.access ?? ""}${x?.sort ? " +sort" : ""}\n      ${q.sql.slice(0, 600)}  ${q.params.slice(0, 160)}`,
      );
    });
  }
}
await client.$disconnect();
process.exit(0);
