// Lead inbox pagination at scale: keyset (what /crm/leads runs) against OFFSET for the same page,
// side by side in one run. Not part of CI.
//
//   npx tsx bench/lead-inbox/run.ts                 # 1,000,000 leads into relay_bench_leads, 15 runs each
//   npx tsx bench/lead-inbox/run.ts --reuse         # keep the loaded data, only measure again
//   npx tsx bench/lead-inbox/run.ts --leads 200000 --runs 9
//
// BENCH_DATABASE_URL picks the scratch database (it must be named relay_bench_*; it is dropped and
// recreated unless --reuse finds it already loaded).
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { companyNameKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { ensureDatabase, migrate } from "#prisma/migrator.server.ts";
import { createRandom } from "#prisma/seed/chinese-data.ts";
import { generateCompany, generateContact } from "#prisma/seed/record-generator.ts";

const { values: args } = parseArgs({
  options: {
    leads: { type: "string", default: "1000000" },
    runs: { type: "string", default: "15" },
    reuse: { type: "boolean", default: false },
  },
});
const LEADS = Number(args.leads);
const RUNS = Number(args.runs);
const TEAMS = 5;
const STAFF_PER_TEAM = 10;
const CATEGORIES = 8;
const BATCH = 5000;

const baseUrl = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_leads";
const dbName = new URL(baseUrl).pathname.slice(1);
if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
  throw new Error(`Refusing to use ${dbName}: only relay_bench_* scratch databases`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function recreate(): Promise<void> {
  const server = new URL(baseUrl);
  server.pathname = "/";
  const conn = await mysql.createConnection(server.toString());
  await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await conn.end();
  await ensureDatabase(baseUrl);
  await migrate(baseUrl);
}

async function loadedLeads(): Promise<number> {
  try {
    const conn = await mysql.createConnection(baseUrl);
    const [[row]] = (await conn.query("SELECT COUNT(*) AS n FROM `Lead`")) as unknown as [[{ n: number }]];
    await conn.end();
    return Number(row.n);
  } catch {
    return 0;
  }
}

const STATUSES: ReadonlyArray<readonly [string, number]> = [
  ["new", 20],
  ["contacted", 30],
  ["qualified", 15],
  ["converted", 10],
  ["closed", 25],
];

async function generate(): Promise<void> {
  const conn = await mysql.createConnection(baseUrl);
  const r = createRandom(20261201);
  const started = performance.now();
  try {
    // Load speed only: the rows are generated consistent, so skipping the per-row checks is safe.
    await conn.query("SET unique_checks = 0, foreign_key_checks = 0");
    const now = new Date();

    const staffIds: number[] = [];
    for (let t = 1; t <= TEAMS; t++) {
      await conn.query("INSERT INTO Team (id, name, updatedAt) VALUES (?, ?, ?)", [t, `销售${t}部`, now]);
      for (let s = 0; s < STAFF_PER_TEAM; s++) {
        const id = (t - 1) * STAFF_PER_TEAM + s + 1;
        staffIds.push(id);
        await conn.query(
          "INSERT INTO Staff (id, email, name, passwordHash, status, teamId, updatedAt) VALUES (?, ?, ?, 'x', 'active', ?, ?)",
          [id, `bench${id}@bench.relay`, `销售${id}`, t, now],
        );
      }
    }
    await conn.query(
      "INSERT INTO Campaign (id, name, ownerId, updatedAt) VALUES (1, '春季展会', 1, ?), (2, '线上研讨会', 2, ?)",
      [now, now],
    );
    await conn.query("INSERT INTO TokenGroup (id, name, updatedAt) VALUES (1, '网站线索组', ?)", [now]);
    for (let c = 1; c <= CATEGORIES; c++) {
      await conn.query(
        "INSERT INTO RegistrationCategory (id, code, name, kind, campaignId, tokenGroupId, designatedStaffId, updatedAt) VALUES (?, ?, ?, 'requirement', ?, ?, 1, ?)",
        [c, `BENCH-${c}`, `分类${c}`, c <= 2 ? c : null, c % 2 ? 1 : null, now],
      );
    }

    // A pool of realistic people and companies; leads sample from it (repeat customers are real).
    const pool = Array.from({ length: 5000 }, (_, i) => {
      const company = generateCompany(r, i + 1);
      const contact = generateContact(r, company);
      return { company, contact };
    });

    const span = 3 * 365 * 24 * 3600 * 1000;
    const start = now.getTime() - span;
    for (let from = 1; from <= LEADS; from += BATCH) {
      const rows: unknown[][] = [];
      for (let id = from; id < Math.min(from + BATCH, LEADS + 1); id++) {
        const { company, contact } = pool[Math.floor(r.next() * pool.length)]!;
        const categoryId = r.next() < 0.9 ? r.int(1, CATEGORIES) : null;
        const status = r.weighted(STATUSES);
        const createdAt = new Date(start + Math.floor((span * id) / LEADS));
        const withCompany = r.next() < 0.85;
        rows.push([
          id,
          recordNumber("lead", id),
          categoryId,
          categoryId !== null && categoryId <= 2 ? categoryId : null,
          staffIds[r.int(0, staffIds.length - 1)],
          status,
          contact.fullName,
          contact.email,
          contact.mobile,
          withCompany ? company.name : null,
          emailKey(contact.email),
          phoneKey(contact.mobile),
          withCompany ? companyNameKey(company.name) : null,
          categoryId === null ? "manual" : categoryId % 2 ? "token_group" : "default_owner",
          categoryId === null ? "staff" : r.next() < 0.7 ? "portal" : "api",
          status === "new" && r.next() < 0.3 ? null : createdAt,
          createdAt,
          createdAt,
        ]);
      }
      await conn.query(
        `INSERT INTO \`Lead\` (id, number, categoryId, campaignId, ownerId, status, contactName, contactEmail, contactMobile,
           companyName, emailKey, phoneKey, companyKey, routedBy, source, ownerSeenAt, createdAt, updatedAt) VALUES ?`,
        [rows],
      );
      if ((from - 1) % 100_000 === 0) process.stdout.write(`  ${from - 1 + rows.length} leads…\n`);
    }
    await conn.query("ANALYZE TABLE `Lead`");
    console.log(`Loaded ${LEADS} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await conn.end();
  }
}

async function main(): Promise<void> {
  if (args.reuse && (await loadedLeads()) === LEADS) {
    console.log(`Reusing ${LEADS} leads in ${dbName}`);
  } else {
    console.log(`Recreating ${dbName} and loading ${LEADS} leads…`);
    await recreate();
    await generate();
  }

  // The app's modules read DATABASE_URL when first imported.
  process.env.DATABASE_URL = baseUrl;
  const { createDb } = await import("#app/lib/db.server.ts");
  const { listLeads, LEAD_PAGE_SIZE } = await import("#app/modules/leads/record/lead-queries.server.ts");
  const { staffActorFor } = await import("#app/modules/auth/staff-actor.ts");
  type Viewer = Parameters<typeof listLeads>[1];
  const leadsActor = (staffId: number, scope: "own" | "team" | "all"): Viewer =>
    staffActorFor({ id: staffId, teamId: 1 }, { grants: { leads: { browse: scope } } });
  type Options = Parameters<typeof listLeads>[2];
  const db = createDb(baseUrl);
  const raw = await mysql.createConnection(baseUrl);

  const all = leadsActor(1, "all");
  const team = leadsActor(1, "team");
  const teamIds = Array.from({ length: STAFF_PER_TEAM }, (_, i) => i + 1);

  // The same select the list uses, so OFFSET pays for the same columns and joins.
  const select = {
    id: true,
    number: true,
    contactName: true,
    companyName: true,
    routedBy: true,
    routedTokenGroupId: true,
    routedPosition: true,
    status: true,
    source: true,
    createdAt: true,
    ownerSeenAt: true,
    category: { select: { name: true } },
    campaign: { select: { name: true } },
    owner: { select: { id: true, name: true } },
  } as const;

  // Each list's WHERE as the inbox writes it (equalities as closed ranges, see pageIds in
  // lead-queries.server.ts), so both sides get the same plan and differ only in OFFSET vs id bound.
  const range = (col: string, v: string | number) => {
    const value = typeof v === "number" ? String(v) : `'${v}'`;
    return `${col} >= ${value} AND ${col} <= ${value}`;
  };
  const lists: Array<{ label: string; viewer: Viewer; options: Omit<Options, "after" | "before">; sqlWhere: string }> =
    [
      { label: "全部线索 (all scope)", viewer: all, options: { tab: "all" }, sqlWhere: "1 = 1" },
      {
        label: "team scope (10 owners)",
        viewer: team,
        options: { tab: "all" },
        sqlWhere: `ownerId IN (${teamIds.join(",")})`,
      },
      {
        label: "team scope + status",
        viewer: team,
        options: { tab: "all", filters: { status: "contacted" } },
        sqlWhere: `ownerId IN (${teamIds.join(",")}) AND ${range("status", "contacted")}`,
      },
      {
        label: "status filter",
        viewer: all,
        options: { tab: "all", filters: { status: "qualified" } },
        sqlWhere: range("status", "qualified"),
      },
      {
        label: "category filter",
        viewer: all,
        options: { tab: "all", filters: { categoryId: 3 } },
        sqlWhere: range("categoryId", 3),
      },
      {
        label: "owner filter",
        viewer: all,
        options: { tab: "all", filters: { ownerId: 7 } },
        sqlWhere: range("ownerId", 7),
      },
    ];

  const results: Array<{ name: string; page: string; rows: number; keyset: number; offset: number }> = [];
  for (const list of lists) {
    const [[countRow]] = (await raw.query(`SELECT COUNT(*) AS n FROM \`Lead\` WHERE ${list.sqlWhere}`)) as unknown as [
      [{ n: number }],
    ];
    const total = Number(countRow.n);
    const lastPage = Math.max(1, Math.ceil(total / LEAD_PAGE_SIZE));
    const pages = [...new Set([1, 2000, 20000, lastPage].filter((p) => p <= lastPage))];
    for (const page of pages) {
      const skip = (page - 1) * LEAD_PAGE_SIZE;
      // The cursor a user reaches by paging: the id just before the page (found once, untimed).
      let after: { id: number; seen: boolean } | null = null;
      if (skip > 0) {
        const [[row]] = (await raw.query(
          `SELECT id FROM \`Lead\` WHERE ${list.sqlWhere} ORDER BY id DESC LIMIT 1 OFFSET ?`,
          [skip - 1],
        )) as unknown as [[{ id: number }]];
        after = { id: row.id, seen: false };
      }

      const keysetRun = () => listLeads(db, list.viewer, { ...list.options, after });
      // OFFSET twin: same WHERE, same two reads (ids, then rows), but LIMIT … OFFSET.
      const offsetRun = async () => {
        const ids = await db.$queryRawUnsafe<Array<{ id: number }>>(
          `SELECT id FROM \`Lead\` WHERE ${list.sqlWhere} ORDER BY id DESC LIMIT ${LEAD_PAGE_SIZE + 1} OFFSET ${skip}`,
        );
        const rows = await db.lead.findMany({
          where: { id: { in: ids.slice(0, LEAD_PAGE_SIZE).map((r) => Number(r.id)) } },
          select,
        });
        return rows.sort((a, b) => b.id - a.id);
      };

      const k0 = await keysetRun();
      const o0 = await offsetRun();
      if (k0.items.map((i) => i.id).join() !== o0.map((i) => i.id).join()) {
        throw new Error(`${list.label} page ${page}: keyset and OFFSET disagree`);
      }
      // Warm-up: plans and buffer pool, for both sides.
      for (let i = 0; i < 2; i++) {
        await keysetRun();
        await offsetRun();
      }
      const keysetTimes: number[] = [];
      const offsetTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Alternate so drift (caches, other load) hits both sides alike.
        let t = performance.now();
        await keysetRun();
        keysetTimes.push(performance.now() - t);
        t = performance.now();
        await offsetRun();
        offsetTimes.push(performance.now() - t);
      }
      const row = {
        name: list.label,
        page: page === lastPage ? `${page} (last)` : String(page),
        rows: total,
        keyset: median(keysetTimes),
        offset: median(offsetTimes),
      };
      results.push(row);
      console.log(
        `${row.name.padEnd(26)} page ${row.page.padStart(12)}  keyset ${row.keyset.toFixed(2).padStart(8)} ms  OFFSET ${row.offset
          .toFixed(2)
          .padStart(9)} ms  ratio ${(row.offset / row.keyset).toFixed(1)}×`,
      );
    }
  }

  // 我的新线索 of a busy owner has no OFFSET twin (its order is unseen-first); its own cost is shown.
  const mineTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await listLeads(db, leadsActor(7, "own"), { tab: "mine" });
    mineTimes.push(performance.now() - t);
  }
  const [[mineRow]] = (await raw.query(
    "SELECT COUNT(*) AS n FROM `Lead` WHERE ownerId = 7 AND status = 'new'",
  )) as unknown as [[{ n: number }]];
  console.log(`我的新线索 (owner with ${mineRow.n} new leads), first page: ${median(mineTimes).toFixed(2)} ms`);

  // Free text is a LIKE scan bounded by LIMIT: cheap for common names, a full scan for no match.
  for (const q of ["王", "不存在的名字"]) {
    const times: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 5); i++) {
      const t = performance.now();
      await listLeads(db, all, { tab: "all", filters: { q } });
      times.push(performance.now() - t);
    }
    console.log(`search "${q}", first page: ${median(times).toFixed(2)} ms`);
  }

  console.log("\n| list | page | rows in list | keyset (ms) | OFFSET (ms) | OFFSET / keyset |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.page} | ${r.rows.toLocaleString("en")} | ${r.keyset.toFixed(2)} | ${r.offset.toFixed(2)} | ${(r.offset / r.keyset).toFixed(1)}× |`,
    );
  }

  await raw.end();
  await db.$disconnect();
}

await main();
