// Opportunity list and kanban at scale (issue #18 item 4: p95 ≤ 100 ms at 200k opportunities). Times
// the services the two pages' loaders call (listOpportunities, loadOpportunityBoard) in-process for
// an "all"-scope admin, a "team"-scope sales manager and an "own"-scope rep: first page, a filtered
// page, a sort by amount, and the board with and without a filter. Prints p50 / p95 / max per case.
// Not in CI; do not run the 200k generation on a shared machine.
//
//   npx tsx bench/opportunity-board.ts --opportunities 5000            # builds the data, then measures
//   npx tsx bench/opportunity-board.ts --opportunities 200000          # the size (minutes)
//   npx tsx bench/opportunity-board.ts --no-setup --runs 40            # reuse the last data
//
// The database (BENCH_DATABASE_URL, default relay_bench_opps; only relay_bench_* names) is recreated,
// migrated and seeded with the demo organisation, then filled by `generateOpportunities` below:
// bounded (at most 500k rows, inserted in batches of 2,000), deterministic and reusable by other
// benchmarks (import it). Query plans, rows examined and CPU per request: bench/opportunity-queries.ts.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { OpportunityStage } from "#app/generated/prisma/client.ts";
import { createDb, type Db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { loadStaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { loadOpportunityBoard } from "#app/modules/crm/opportunities/opportunity-board.server.ts";
import { listOpportunities } from "#app/modules/crm/opportunities/opportunity-list.server.ts";
import { foldAllOpportunityTotals } from "#app/modules/crm/opportunities/opportunity-totals.server.ts";
import { defaultSalesMethod } from "#app/modules/crm/opportunities/sales-stages.server.ts";

export const MAX_GENERATED = 500_000;
const BATCH = 2_000;

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

/**
 * Adds `count` opportunities (capped at MAX_GENERATED) spread over the sales staff, their companies,
 * the default method's stages, amounts and close dates. Numbers are `BNCH` + serial (no counter).
 */
export async function generateOpportunities(db: Db, count: number, seed = 20261207): Promise<number> {
  const total = Math.min(Math.max(0, Math.floor(count)), MAX_GENERATED);
  const method = await defaultSalesMethod(db);
  const staff = await db.staff.findMany({ where: { status: { not: "inactive" } }, select: { id: true, teamId: true } });
  const companies = await db.company.findMany({ select: { id: true, ownerId: true }, take: 5_000 });
  if (staff.length === 0) throw new Error("generateOpportunities: seed the demo organisation first");
  const r = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const start = await db.opportunity.count();
  for (let done = 0; done < total; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, total - done) }, (_, k) => {
      const serial = start + done + k + 1;
      const owner = pick(staff);
      const stage = pick(method.stages);
      const company = companies.length > 0 ? pick(companies) : null;
      const amount = (Math.floor(r() * 200_000_000) / 100).toFixed(2);
      const close = new Date(Date.UTC(2026, Math.floor(r() * 24), 1 + Math.floor(r() * 28)));
      return {
        number: `BNCH${String(serial).padStart(12, "0")}`,
        name: `基准机会 ${serial}`,
        ownerId: owner.id,
        teamId: owner.teamId,
        companyId: company?.id ?? null,
        salesMethodId: method.id,
        stageId: stage.id,
        stage: stage.legacyStage as OpportunityStage,
        probability: stage.probability,
        amount,
        expectedCloseDate: close,
        closedAt: stage.kind === "open" ? null : close,
        updatedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 340 * 86_400_000)),
      };
    });
    await db.opportunity.createMany({ data: rows });
  }
  // The triggers wrote one delta row per opportunity (decision 052): fold them as the worker would.
  await foldAllOpportunityTotals(db);
  return total;
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      opportunities: { type: "string", default: "5000" },
      runs: { type: "string", default: "30" },
      "no-setup": { type: "boolean", default: false },
    },
  });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const url = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_opps";
  const dbName = new URL(url).pathname.slice(1);
  if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
    throw new Error(`Refusing to use ${dbName}: only relay_bench_* databases`);
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "development" };
  const run = (argv: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn("npx", argv, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(" ")}: ${code}`))));
    });

  const db = createDb(url);
  if (!args["no-setup"]) {
    const t0 = Date.now();
    await run(["tsx", "tests/setup/recreate-database.ts", url]);
    await run(["tsx", "prisma/migrate.ts"]);
    await run(["tsx", "prisma/seed/demo.ts"]);
    const made = await generateOpportunities(db, Number(args.opportunities));
    console.log(
      `generated ${made} opportunities in ${((Date.now() - t0) / 1000).toFixed(1)} s (incl. migrate + demo seed)`,
    );
  }
  const rows = await db.opportunity.count();

  const actorOf = async (email: string): Promise<StaffActor> => {
    const s = await db.staff.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const p = await loadStaffPrincipal(db, s.id, "bench");
    if (!p) throw new Error(`no principal for ${email}`);
    return { ...p.staff, ...p, staffId: s.id } as unknown as StaffActor;
  };
  const actors = {
    admin: await actorOf("admin@relay-demo.cn"),
    manager: await actorOf("wang.lei@relay-demo.cn"),
    rep: await actorOf("sales@relay-demo.cn"),
  };
  const method = await defaultSalesMethod(db);
  const proposal = method.stages.find((s) => s.legacyStage === "proposal")!.id;
  const cases: Array<[string, (a: StaffActor) => Promise<unknown>]> = [
    ["list first page", (a) => listOpportunities(db, a, {})],
    ["list stage filter", (a) => listOpportunities(db, a, { filters: { stage: proposal } })],
    ["list by amount", (a) => listOpportunities(db, a, { sort: { key: "amount", dir: "desc" } })],
    [
      "list close range",
      (a) => listOpportunities(db, a, { filters: { closeFrom: "2027-01-01", closeTo: "2027-03-31" } }),
    ],
    ["board", (a) => loadOpportunityBoard(db, a, {})],
    ["board owner filter", (a) => loadOpportunityBoard(db, a, { owner: actors.rep.staffId })],
  ];
  const runs = Number(args.runs);
  console.log(`${rows} opportunities; ${runs} runs per case (after 3 warm-up runs)`);
  console.log("case".padEnd(22), "actor".padEnd(8), "p50 ms".padStart(8), "p95 ms".padStart(8), "max ms".padStart(8));
  for (const [name, call] of cases) {
    for (const [who, actor] of Object.entries(actors)) {
      for (let i = 0; i < 3; i++) await call(actor);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await call(actor);
        times.push(performance.now() - t);
      }
      times.sort((x, y) => x - y);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
      console.log(name.padEnd(22), who.padEnd(8), at(0.5).padStart(8), at(0.95).padStart(8), at(1).padStart(8));
    }
  }
  await db.$disconnect();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
