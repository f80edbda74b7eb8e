// The embedded search engine at scale: build time, index memory and query latency (p50/p95) on the
// `contacts` index definition, with and without pinyin, in one run.
//
//   node --max-old-space-size=8192 --expose-gc --import tsx bench/search-engine.ts [--contacts 100000] [--queries 2000] [--only pinyin|plain]
//
// Memory is most accurate with --only (one configuration per process).
//
// Documents are generated in memory by the demo/scale record generator (no database): what is
// measured is the engine, i.e. what the app does at start-up after reading the rows (reading 100k
// contacts from MariaDB is measured separately by `npm run search:reindex` on a scaled database).
// Queries are a mix of what people type into the global search box: whole and partial Chinese
// names, company-name fragments, full pinyin, initials, pinyin prefixes while typing, e-mail
// fragments, mobile numbers, Latin words with a typo, and two-word queries.
import { createRandom } from "#prisma/seed/chinese-data.ts";
import { generateCompany, generateContact } from "#prisma/seed/record-generator.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import type { IndexSettings } from "#search/engine.ts";
import { SEARCH_INDEXES } from "#search/indexes.ts";
import { syllablesOf } from "#search/pinyin.ts";

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const contactCount = arg("contacts", 100_000);
const queryCount = arg("queries", 2000);
const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** CPU time of this process in ms: on a shared, loaded machine it tracks the idle wall time. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Doc {
  [field: string]: unknown;
  id: number;
  fullName: string;
  email: string;
  mobile: string;
  companyName: string;
}

function generate(count: number): Doc[] {
  const r = createRandom(6_2026);
  const companies = Array.from({ length: Math.ceil(count / 4) }, (_, i) => generateCompany(r, i + 1));
  return Array.from({ length: count }, (_, i) => {
    const company = companies[i % companies.length];
    const c = generateContact(r, company ?? null);
    return {
      id: i + 1,
      number: `CONT${String(i + 1).padStart(12, "0")}`,
      fullName: c.fullName,
      email: c.email,
      mobile: c.mobile,
      phone: c.phone,
      title: c.title,
      city: c.city,
      province: c.province,
      companyId: (i % companies.length) + 1,
      companyName: company?.name ?? "",
      ownerId: (i % 12) + 1,
    };
  });
}

type QueryKind =
  | "name"
  | "name-part"
  | "company-part"
  | "pinyin-full"
  | "pinyin-initials"
  | "pinyin-prefix"
  | "email-part"
  | "mobile"
  | "latin-typo"
  | "two-words";

function queries(docs: Doc[], count: number): Array<{ kind: QueryKind; q: string }> {
  const r = createRandom(17);
  const kinds: QueryKind[] = [
    "name",
    "name-part",
    "company-part",
    "pinyin-full",
    "pinyin-initials",
    "pinyin-prefix",
    "email-part",
    "mobile",
    "latin-typo",
    "two-words",
  ];
  const out: Array<{ kind: QueryKind; q: string }> = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length] as QueryKind;
    const doc = docs[r.int(0, docs.length - 1)] as Doc;
    const py = syllablesOf(doc.fullName, { personName: true });
    const local = doc.email.split("@")[0] ?? "";
    let q: string;
    switch (kind) {
      case "name":
        q = doc.fullName;
        break;
      case "name-part":
        q = [...doc.fullName].slice(0, 2).join("");
        break;
      case "company-part": {
        const chars = [...doc.companyName];
        const start = r.int(0, Math.max(0, chars.length - 4));
        q = chars.slice(start, start + 4).join("");
        break;
      }
      case "pinyin-full":
        q = py.join("");
        break;
      case "pinyin-initials":
        q = py.map((s) => s[0]).join("");
        break;
      case "pinyin-prefix":
        q = py.join("").slice(0, Math.max(3, py.join("").length - 3));
        break;
      case "email-part":
        q = local.split(/[._]/)[0] ?? local;
        break;
      case "mobile":
        q = doc.mobile.replace(/\D/g, "");
        break;
      case "latin-typo": {
        // A swap of two letters inside the e-mail's pinyin part (typos are off in e-mails, so this
        // finds the name through its pinyin, as a user typing a name with a typo would).
        const word = py.join("");
        const at = Math.min(word.length - 2, Math.max(1, r.int(1, word.length - 2)));
        q = word.length >= 5 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word;
        break;
      }
      case "two-words":
        q = `${doc.fullName} ${[...doc.companyName].slice(0, 2).join("")}`;
        break;
    }
    out.push({ kind, q });
  }
  return out;
}

async function run(label: string, settings: IndexSettings, docs: Doc[], qs: Array<{ kind: QueryKind; q: string }>) {
  const before = heapUsed();
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex("contacts", settings);
  const t0 = performance.now();
  const c0 = cpuMs();
  for (let i = 0; i < docs.length; i += 1000) await engine.upsert("contacts", docs.slice(i, i + 1000));
  const buildMs = performance.now() - t0;
  const buildCpuMs = cpuMs() - c0;
  const indexBytes = heapUsed() - before;

  // Warm-up (JIT), then measure the global search box's request: 5 hits with highlights.
  for (const { q } of qs.slice(0, 100)) await engine.query("contacts", { q, limit: 5, highlight: true });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  let found = 0;
  for (const { kind, q } of qs) {
    const t = performance.now();
    const c = cpuMs();
    const r = await engine.query("contacts", { q, limit: 5, highlight: true });
    const ms = performance.now() - t;
    times.push(ms);
    cpuTimes.push(cpuMs() - c);
    if (r.total > 0) found++;
    const list = byKind.get(kind) ?? [];
    list.push(cpuTimes.at(-1) ?? ms);
    byKind.set(kind, list);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  // With filters, as the box sends them for an "own" scope.
  const filtered: number[] = [];
  for (const { q } of qs.slice(0, 500)) {
    const c = cpuMs();
    await engine.query("contacts", { q, limit: 5, highlight: true, filters: { ownerId: 3 } });
    filtered.push(cpuMs() - c);
  }
  filtered.sort((a, b) => a - b);

  console.log(`\n## ${label}`);
  console.log(
    `build: ${(buildMs / 1000).toFixed(1)} s wall, ${(buildCpuMs / 1000).toFixed(1)} s CPU ` +
      `(${Math.round(docs.length / (buildCpuMs / 1000))} docs per CPU-second)`,
  );
  console.log(`index heap: ${(indexBytes / 1024 / 1024).toFixed(0)} MB`);
  console.log(
    `query (limit 5, highlight) CPU: p50 ${percentile(cpuTimes, 50).toFixed(2)} ms, p95 ${percentile(cpuTimes, 95).toFixed(2)} ms, ` +
      `max ${(cpuTimes.at(-1) ?? 0).toFixed(1)} ms; wall: p50 ${percentile(times, 50).toFixed(2)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(2)} ms; ${found}/${qs.length} queries had hits`,
  );
  console.log(
    `with ownerId filter CPU: p50 ${percentile(filtered, 50).toFixed(2)} ms, p95 ${percentile(filtered, 95).toFixed(2)} ms`,
  );
  console.log("| query kind | CPU p50 ms | CPU p95 ms |");
  console.log("| --- | ---: | ---: |");
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a - b);
    console.log(`| ${kind} | ${percentile(list, 50).toFixed(2)} | ${percentile(list, 95).toFixed(2)} |`);
  }
  return engine;
}

console.log(`# embedded engine, ${contactCount.toLocaleString("en-US")} contacts, ${queryCount} queries`);
console.log(`node ${process.version}, ${gc ? "with" : "WITHOUT"} --expose-gc (memory figures need it)`);
const t = performance.now();
const docs = generate(contactCount);
const qs = queries(docs, queryCount);
console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const withPinyin = SEARCH_INDEXES.contacts;
const { pinyinAttributes: _drop, ...withoutPinyin } = withPinyin;
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== "pinyin") await run("without pinyin", withoutPinyin, docs, qs);
if (only !== "plain") await run("with pinyin (the production definition)", withPinyin, docs, qs);
