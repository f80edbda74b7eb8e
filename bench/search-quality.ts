// Search quality of issue #14 items 1–2 on generated companies (in memory, no database), with the
// `companies` and `leads` index definitions:
//   - company pinyin: share of companies found by the full pinyin of their core
//     (`yuanhang`), the initials of their core name (`yhwl`) and a homophone slip of the core (远杭);
//   - noise: for "core + another trade" queries ("恒通科技" where no 恒通科技 exists), how many leads
//     the old rule returned (any bigram, when none match all) and the new one (drop from the end).
//
//   node --max-old-space-size=4000 --import tsx bench/search-quality.ts [--companies 5000] [--queries 500]
import { createRandom } from "#prisma/seed/chinese-data.ts";
import { generateCompany } from "#prisma/seed/record-generator.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { SEARCH_INDEXES } from "#search/indexes.ts";
import { syllablesOf } from "#search/pinyin.ts";
import { normaliseCompany } from "#search/fuzzy/normalise.ts";
import { parseQuery } from "#search/tokenize.ts";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const companyCount = arg("companies", 5000);
const queryCount = arg("queries", 500);
const r = createRandom(1406);

const engine = new EmbeddedSearchEngine();
await engine.ensureIndex("companies", SEARCH_INDEXES.companies);
await engine.ensureIndex("leads", SEARCH_INDEXES.leads);
const companies = Array.from({ length: companyCount }, (_, i) => ({ id: i + 1, ...generateCompany(r, i) }));
await engine.upsert(
  "companies",
  companies.map((c) => ({ id: c.id, number: `CO${c.id}`, name: c.name, city: c.city, ownerId: 1 })),
);
await engine.upsert(
  "leads",
  companies.map((c) => ({
    id: c.id,
    number: `LD${c.id}`,
    companyName: c.name,
    contactName: null,
    status: "new",
    ownerId: 1,
  })),
);

// Homophones seen in the data: syllable → characters, to type a slip the way an IME offers it.
const bySyllable = new Map<string, Set<string>>();
for (const c of companies) {
  for (const ch of c.name) {
    const [s] = syllablesOf(ch);
    if (s) (bySyllable.get(s) ?? bySyllable.set(s, new Set()).get(s)!).add(ch);
  }
}
const slip = (core: string): string | null => {
  const chars = [...core];
  for (let i = chars.length - 1; i >= 0; i--) {
    const [s] = syllablesOf(chars[i]!);
    const other = [...(bySyllable.get(s ?? "") ?? [])].find((ch) => ch !== chars[i]);
    if (other) return [...chars.slice(0, i), other, ...chars.slice(i + 1)].join("");
  }
  return null;
};

const found = { full: 0, initials: 0, initialsAsked: 0, slip: 0, slipAsked: 0 };
for (let n = 0; n < queryCount; n++) {
  const c = r.pick(companies);
  const core = normaliseCompany(c.name)?.key ?? "";
  const syllables = syllablesOf(core);
  // Found at all (generated companies share cores: rank among ~100 namesakes says little).
  const foundBy = async (q: string) =>
    (await engine.query("companies", { q, limit: 1000 })).hits.some((h) => h.id === String(c.id));
  if (await foundBy(syllables.slice(0, 2).join(""))) found.full++;
  // Initials of a core as people write it: generated names past the first few hundred carry a
  // serial number inside (福瑞838环保), which no real company's initials would include.
  if (/^\p{Script=Han}+$/u.test(core)) {
    found.initialsAsked++;
    if (await foundBy(syllables.map((s) => s[0]).join(""))) found.initials++;
  }
  const typo = slip(core.slice(0, 2));
  if (typo) {
    found.slipAsked++;
    if (await foundBy(typo)) found.slip++;
  }
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)} %`;
console.log(`companies: ${companyCount}, queries: ${queryCount}`);
console.log(`found by the core's first two syllables (yuanhang): ${pct(found.full, queryCount)}`);
console.log(
  `found by the core's initials (yhwl):               ${pct(found.initials, found.initialsAsked)} of ${found.initialsAsked}`,
);
console.log(
  `found by a homophone slip (远杭):                  ${pct(found.slip, found.slipAsked)} of ${found.slipAsked}`,
);

// Noise: "brand + trade" that does not exist. Old rule: all bigrams, else any bigram.
const trades = ["科技", "物流", "电子", "机械", "贸易"];
/** Results under the old rule (all bigrams, else any) and the new one (drop from the end). */
async function noise(q: string): Promise<{ before: number; after: number }> {
  const after = (await engine.query("leads", { q, limit: 1 })).total;
  const tokens = parseQuery(q).required.map((t) => t.term);
  const matched = (await Promise.all(tokens.map((t) => engine.query("leads", { q: `${t} `, limit: 1000 })))).map(
    (res) => new Set(res.hits.map((h) => h.id)),
  );
  const all = matched.reduce((acc, s) => new Set([...acc].filter((id) => s.has(id))));
  const any = matched.reduce((acc, s) => new Set([...acc, ...s]));
  return { before: all.size > 0 ? all.size : any.size, after };
}
for (const q of ["恒通科技", "星辰物流", "远航科技"]) {
  const { before, after } = await noise(q);
  console.log(`noise "${q}": ${before} leads before, ${after} after`);
}
let oldTotal = 0;
let newTotal = 0;
let asked = 0;
for (let n = 0; n < queryCount; n++) {
  const c = r.pick(companies);
  const brand = (normaliseCompany(c.name)?.key ?? "").slice(0, 2);
  const { before, after } = await noise(`${brand}${r.pick(trades)}`);
  oldTotal += before;
  newTotal += after;
  asked++;
}
console.log(
  `noise, "brand + trade" queries over ${companyCount} leads: mean results old ${(oldTotal / asked).toFixed(1)}, new ${(newTotal / asked).toFixed(1)}`,
);
