// Every query the contact pages' loaders send (issue #15, decision 054): runs the real route
// loaders in-process against the bench database with a query-logging Prisma client and prints per
// page the number of queries (the page's own, beside the back-office shell's), the database's own
// time and rows examined for them (ANALYZE), and the server CPU ms per request of the loaders (what
// a `.data` request costs in our code, without rendering). Not in CI.
//
//   BENCH_DATABASE_URL=mysql://relay:relay@127.0.0.1:3307/relay_bench_contacts \
//     npx tsx bench/contact-queries.ts [--repeat 20] [--sql] [--only "own"]
import { analyzeQuery, demoScopeCookies, loaderBenchArgs, openQueryLog } from "./support/loader-queries.ts";

const args = loaderBenchArgs();
const { client, logged, state } = await openQueryLog(
  process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_contacts",
);

const contactsList = await import("#backoffice/routes/contacts-list.tsx");
const contactLayout = await import("#backoffice/routes/contact/contact-layout.tsx");
const contactOverview = await import("#backoffice/routes/contact/contact-overview.tsx");
const crmLayout = await import("#backoffice/routes/crm-layout.tsx");

type Loader = (a: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
const db = client;
const { rep, cookies } = await demoScopeCookies(db);
// The bench's 360° contact: one with a manager-less chain, reports and a company; and one of the rep's.
const [rich] = await db.$queryRawUnsafe<Array<{ id: number }>>(
  "SELECT c.id FROM Contact c WHERE c.reportsToId IS NULL AND c.companyId IS NOT NULL AND EXISTS (SELECT 1 FROM Contact r WHERE r.reportsToId = c.id) ORDER BY c.id DESC LIMIT 1",
);
const repContact = await db.contact.findFirstOrThrow({ where: { ownerId: rep }, orderBy: { id: "desc" } });

// The shell (crm-layout, the lead's) runs first on every page; the rest are the page's own loaders.
const shell = crmLayout.loader as unknown as Loader;
const listLoaders = [shell, contactsList.loader as unknown as Loader];
const pageLoaders = [shell, contactLayout.loader, contactOverview.loader] as unknown as Loader[];
const pages: Record<string, { cookie: string; path: string; loaders: Loader[]; params?: Record<string, string> }> = {};
for (const [who, cookie] of Object.entries(cookies)) {
  for (const [name, qs] of [
    ["first page", ""],
    ["last page", "?cursor=last"],
    ["q=张", `?q=${encodeURIComponent("张")}`],
    ["name", "?sort=name"],
    ["name last", "?sort=name&cursor=last"],
    ["title", "?sort=title"],
    ["region desc", "?sort=region&dir=desc"],
    ["company", "?sort=company"],
    ["owner", "?sort=owner"],
    ["mobile", "?sort=mobile"],
    ["email", "?sort=email"],
    ["number", "?sort=number"],
  ] as const) {
    pages[`${who}: list ${name}`] = { cookie, path: `/crm/contacts${qs}`, loaders: listLoaders };
  }
}
for (const [who, id] of [
  ["all", rich?.id ?? 1],
  ["own", repContact.id],
] as const) {
  const cookie = who === "all" ? cookies.all : cookies.own;
  pages[`${who}: 360°`] = {
    cookie,
    path: `/crm/contacts/${id}`,
    loaders: pageLoaders,
    params: { contactId: String(id) },
  };
}

const repeat = Number(args.repeat);
for (const [name, p] of Object.entries(pages)) {
  if (args.only && !name.includes(args.only)) continue;
  const once = async () => {
    for (const [i, loader] of p.loaders.entries()) {
      state.loader = i;
      const request = new Request(`http://localhost${p.path}`, { headers: { Cookie: p.cookie } });
      await loader({ request, params: p.params ?? {}, context: {} });
    }
  };
  await once(); // warm
  logged.length = 0;
  state.logging = true;
  await once();
  state.logging = false;
  const all = [...logged];
  const own = all.filter((q) => q.loader > 0);
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < repeat; i++) await once();
  const c = process.cpuUsage(cpu0);
  const wall = (performance.now() - w0) / Math.max(repeat, 1);
  const cpu = repeat > 0 ? ((c.user + c.system) / 1000 / repeat).toFixed(1) : "-";
  const plans = await Promise.all(own.map((q) => analyzeQuery(client, q.sql, q.params)));
  const dbMs = plans.reduce((s, x) => s + (x?.ms ?? 0), 0);
  const examined = plans.reduce((s, x) => s + (x?.rows ?? 0), 0);
  const worst = plans.reduce((m, x) => (x && x.rows > (m?.rows ?? -1) ? x : m), null as (typeof plans)[number]);
  console.log(
    `${name.padEnd(22)} ${String(all.length).padStart(2)} q (page ${String(own.length).padStart(2)})  db ${dbMs.toFixed(1).padStart(7)} ms  rows ${String(examined).padStart(7)}  cpu ${cpu.padStart(5)} ms/req  wall ${wall.toFixed(0).padStart(5)} ms  worst: ${worst?.rows ?? 0} ${worst?.access ?? ""}${worst?.sort ? " +sort" : ""}`,
  );
  if (args.sql) {
    own.forEach((q, i) => {
      const x = plans[i];
      console.log(
        `   ${(x?.ms ?? 0).toFixed(1).padStart(7)} ms ${String(x?.rows ?? "-").padStart(7)} rows ${x?.access ?? ""}${x?.sort ? " +sort" : ""}\n      ${q.sql.replace(/\s+/g, " ").slice(0, 600)}  ${q.params.slice(0, 160)}`,
      );
    });
  }
}
await client.$disconnect();
process.exit(0);
