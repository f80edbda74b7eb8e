// The duplicate-pair job (issue #15) on a seeded set with known duplicates: loads N contacts, a
// known share of which are re-entered copies of another contact (changed phone, other mail domain,
// a one-letter e-mail typo at the same company, a typo in the given name), runs the scan exactly
// as the job does (scanAllDuplicates, batch by batch), and reports run time, pairs found, precision
// and recall against the known copies. Not in CI.
//
//   npx tsx bench/duplicate-scan.ts                      # 100,000 contacts (about 2% copies)
//   npx tsx bench/duplicate-scan.ts --contacts 1000000   # 1M contacts
//   npx tsx bench/duplicate-scan.ts --reuse              # scan again on the loaded data
//
// BENCH_DATABASE_URL picks the scratch database (default relay_bench_dups; only relay_bench_* names),
// dropped and recreated unless --reuse finds it loaded.
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { companyNameKey, contactPhoneKey, emailKey } from "#app/modules/crm/match-keys.ts";
import { ensureDatabase, migrate } from "#prisma/migrator.server.ts";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "100000" },
    "copy-rate": { type: "string", default: "0.02" },
    batch: { type: "string", default: "2000" },
    reuse: { type: "boolean", default: false },
  },
});
const CONTACTS = Number(args.contacts);
const COPY_RATE = Number(args["copy-rate"]);
const COMPANIES = Math.max(100, Math.round(CONTACTS / 20));
const baseUrl = process.env.BENCH_DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay_bench_dups";
const dbName = new URL(baseUrl).pathname.slice(1);
if (!/^relay_bench_[a-z0-9_]+$/.test(dbName))
  throw new Error(`Refusing to use ${dbName}: only relay_bench_* databases`);

const FAMILY = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"];
const GIVEN = [
  ..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力国峰鹏云飞宇浩然思雨欣怡佳琪子涵梓博文轩嘉",
];
const CITIES = ["北京", "上海", "深圳", "广州", "杭州", "南京", "成都", "武汉", "西安", "沈阳"];

/** Deterministic pseudo-random numbers (mulberry32: the same data on every run). */
let seed = 42;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
}

interface Person {
  id: number;
  familyName: string;
  givenName: string;
  companyId: number;
  city: string;
  email: string | null;
  mobile: string | null;
}

function typo(text: string): string {
  const at = rand(Math.max(1, text.indexOf("@")));
  const letters = "abcdefghijkmnpqrstuvwxyz";
  return text.slice(0, at) + letters[rand(letters.length)] + text.slice(at + 1);
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

/** Loads the data; returns the known duplicate pairs as "smallId:largeId". */
async function generate(conn: mysql.Connection): Promise<Set<string>> {
  const companies: unknown[][] = [];
  for (let i = 1; i <= COMPANIES; i++) {
    const name = `${CITIES[i % CITIES.length]}${FAMILY[rand(FAMILY.length)]}${GIVEN[rand(GIVEN.length)]}科技${i}有限公司`;
    companies.push([i, `ACNT${String(i).padStart(12, "0")}`, name, companyNameKey(name), CITIES[i % CITIES.length]]);
  }
  for (let i = 0; i < companies.length; i += 5000) {
    await conn.query("INSERT INTO `Company` (id, number, name, nameKey, city, updatedAt) VALUES ?", [
      companies.slice(i, i + 5000).map((c) => [...c, new Date()]),
    ]);
  }
  const truth = new Set<string>();
  const people: Person[] = [];
  let copies = 0;
  for (let id = 1; id <= CONTACTS; id++) {
    const original = people.length > 100 && rand(10_000) < COPY_RATE * 10_000 ? people[rand(people.length)] : undefined;
    let p: Person;
    if (original) {
      copies++;
      const kind = copies % 4;
      p = { ...original, id };
      if (kind === 0) p.mobile = `139${String(rand(1e8)).padStart(8, "0")}`; // new phone, same e-mail
      if (kind === 1) p.email = original.email?.replace(/@.*/, "@qq.com") ?? null; // private mail, same phone
      if (kind === 2) {
        p.email = original.email ? typo(original.email) : null; // typo, same company, no phone
        p.mobile = null;
      }
      if (kind === 3) p.givenName = GIVEN[rand(GIVEN.length)]! + original.givenName.slice(1); // name typo
      truth.add(`${original.id}:${id}`);
    } else {
      p = {
        id,
        familyName: FAMILY[rand(FAMILY.length)]!,
        givenName: GIVEN[rand(GIVEN.length)]! + (rand(3) ? GIVEN[rand(GIVEN.length)]! : ""),
        companyId: 1 + rand(COMPANIES),
        city: CITIES[rand(CITIES.length)]!,
        email: rand(10) < 8 ? `u${id}.${rand(1000)}@co${rand(COMPANIES)}.com.cn` : null,
        mobile: rand(10) < 7 ? `13${String(100_000_000 + id).slice(-9)}` : null,
      };
    }
    people.push(p);
  }
  const rows = people.map((p) => [
    p.id,
    `CONT${String(p.id).padStart(12, "0")}`,
    p.familyName,
    p.givenName,
    p.familyName + p.givenName,
    p.companyId,
    p.city,
    p.email,
    p.mobile,
    emailKey(p.email),
    contactPhoneKey({ mobile: p.mobile }),
    new Date(),
  ]);
  for (let i = 0; i < rows.length; i += 5000) {
    await conn.query(
      "INSERT INTO `Contact` (id, number, familyName, givenName, fullName, companyId, city, email, mobile, emailKey, phoneKey, updatedAt) VALUES ?",
      [rows.slice(i, i + 5000)],
    );
  }
  await conn.query("CREATE TABLE IF NOT EXISTS bench_truth (pair VARCHAR(40) PRIMARY KEY)");
  await conn.query("DELETE FROM bench_truth");
  const list = [...truth].map((t) => [t]);
  for (let i = 0; i < list.length; i += 5000)
    await conn.query("INSERT INTO bench_truth (pair) VALUES ?", [list.slice(i, i + 5000)]);
  return truth;
}

async function main(): Promise<void> {
  let conn = await mysql.createConnection(baseUrl).catch(() => null);
  const loaded = conn
    ? Number(
        (
          (await conn.query("SELECT COUNT(*) AS n FROM `Contact`").catch(() => [[{ n: 0 }]])) as unknown as [
            [{ n: number }],
          ]
        )[0][0].n,
      )
    : 0;
  let truth: Set<string>;
  if (args.reuse && conn && loaded === CONTACTS) {
    const [rows] = (await conn.query("SELECT pair FROM bench_truth")) as unknown as [Array<{ pair: string }>];
    truth = new Set(rows.map((r) => r.pair));
    console.log(`Reusing ${CONTACTS} contacts in ${dbName}`);
  } else {
    await conn?.end();
    console.log(
      `Recreating ${dbName}: ${CONTACTS} contacts, ${COMPANIES} companies, about ${COPY_RATE * 100}% copies…`,
    );
    await recreate();
    conn = await mysql.createConnection(baseUrl);
    const started = performance.now();
    truth = await generate(conn);
    console.log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; ${truth.size} known copies`);
  }
  await conn!.query("DELETE FROM `DuplicatePair`");

  process.env.DATABASE_URL = baseUrl;
  const { createDb } = await import("#app/lib/db.server.ts");
  const { scanAllDuplicates } = await import("#app/modules/crm/duplicates/duplicate-scan.server.ts");
  const db = createDb(baseUrl);
  const started = performance.now();
  const result = await scanAllDuplicates(db, "contact", Number(args.batch));
  const seconds = (performance.now() - started) / 1000;
  const pairs = await db.duplicatePair.findMany({
    where: { entityType: "contact" },
    select: { leftId: true, rightId: true, score: true },
  });
  const found = (minScore: number) => pairs.filter((p) => p.score >= minScore).map((p) => `${p.leftId}:${p.rightId}`);
  const report = (label: string, minScore: number) => {
    const list = found(minScore);
    const hits = list.filter((p) => truth.has(p)).length;
    console.log(
      `${label.padEnd(22)} pairs ${String(list.length).padStart(7)}  precision ${((hits / Math.max(1, list.length)) * 100).toFixed(1)}%  recall ${((hits / Math.max(1, truth.size)) * 100).toFixed(1)}%`,
    );
  };
  console.log(
    `Scanned ${result.scanned} contacts in ${seconds.toFixed(1)} s (${Math.round(result.scanned / seconds)} contacts/s)`,
  );
  report("possible (score ≥ 45)", 45);
  report("same (score ≥ 80)", 80);
  await db.$disconnect();
  await conn!.end();
}

await main();
