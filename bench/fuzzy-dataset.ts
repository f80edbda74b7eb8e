// Labelled synthetic data for the fuzzy-matching benchmark (deterministic for a given seed).
//
// Contacts: surname-frequency-weighted Chinese names, companies "<city><core><trade><legal form>"
// with their own domains, pinyin e-mails (company mailbox or qq/163/gmail with digits), mobiles and
// company landlines, cities from the gazetteer. Queries are free text ("刘强 深圳 liu@xyz.com") made
// by corrupting a known contact in one of several ways, plus queries for people who do not exist.
// The second half of the kinds (issue #15 item 8) probes what a team that did not write the matcher
// would type: a bare "@domain" beside initials and a city, long pinyin, names that are also a city's
// pinyin, ü, honorifics (王经理), contradicting companies, an e-mail typo that is exactly a colleague's
// address, short local parts, same-surname colleagues, and more people who do not exist.
import {
  COMPANY_CORES,
  COMPANY_SUFFIX_POOL,
  COMPANY_TRADES,
  createRandom,
  GIVEN_CHARS,
  SURNAMES,
  type Random,
} from "#prisma/seed/chinese-data.ts";
import { tify } from "chinese-conv";
import { PLACES } from "#search/fuzzy/gazetteer.ts";
import { normaliseName, textPinyin } from "#search/fuzzy/normalise.ts";

export interface SyntheticContact {
  id: number;
  name: string;
  email: string | null;
  mobile: string | null;
  phone: string | null;
  companyName: string | null;
  city: string;
  province: string;
  /** The company's website domain (its mail domain), for contacts of a company. */
  website: string | null;
}

export type QueryKind =
  | "exact-copy"
  | "traditional-name+company"
  | "name-typo+company"
  | "landline+name"
  | "invented-name"
  | "name-typo+phone"
  | "pinyin-email"
  | "name+company"
  | "email-typo"
  | "phone-reformatted"
  | "latin-name+company"
  | "nonexistent"
  | "initials+domain+city"
  | "long-pinyin"
  | "city-like-name"
  | "umlaut-name"
  | "honorific+company"
  | "company+namesake"
  | "typo-equals-colleague"
  | "short-local-typo"
  | "same-surname-colleague"
  | "nonexistent-colleague"
  | "nonexistent-namesake";

export interface LabelledQuery {
  kind: QueryKind;
  text: string;
  /** The contact this query describes, or null for a person who does not exist. */
  targetId: number | null;
}

export interface SyntheticCompany {
  name: string;
  /** The name as a person might type it: without legal form, with the city in brackets, … */
  variant: string;
  domain: string;
  phone: string;
  city: string;
  province: string;
}

const GIVEN = [...GIVEN_CHARS];
const FREE = ["qq.com", "163.com", "126.com", "gmail.com", "sina.com", "foxmail.com"];
/** Names whose pinyin is also a city's in the gazetteer (林毅 = linyi = 临沂). */
const CITY_LIKE_NAMES = [
  "林毅",
  "林怡",
  "吴涵",
  "何飞",
  "吴曦",
  "朱海",
  "钟山",
  "金桦",
  "徐洲",
  "纪林",
  "常舟",
  "兰洲",
  "席宁",
  "桂阳",
  "唐山",
];
/** Names with ü in their pinyin (吕 lv, 女/绿 in given names). */
const UMLAUT_NAMES = ["吕强", "吕丽", "吕志强", "吕晓东", "吕婷婷", "吕明", "张绿", "李律", "王旅", "吕欣怡"];
/** Long pinyin (> 12 letters): compound surnames and long syllables. */
const LONG_NAMES = [
  "欧阳晓东",
  "欧阳振华",
  "司马庄爽",
  "诸葛创",
  "上官双",
  "黄壮爽",
  "庄创双",
  "欧阳淑珍",
  "皇甫俊杰",
  "慕容雪梅",
];
const TITLES = ["经理", "总", "工", "老师", "主任", "女士", "先生", "总监", "主管"];
const EXTRA_CORE_CHARS = [..."华新瑞恒泰丰达信诚德盛鑫源通海天宇晨光明远博创智联云峰金银辉宏嘉禾润安顺和康"];

function personName(rnd: Random): string {
  // A few names the hard kinds need (they exist in real bases too).
  const r = rnd.next();
  if (r < 0.004) return rnd.pick(CITY_LIKE_NAMES);
  if (r < 0.008) return rnd.pick(UMLAUT_NAMES);
  if (r < 0.012) return rnd.pick(LONG_NAMES);
  const surname = rnd.weighted(SURNAMES);
  const given = rnd.next() < 0.65 ? rnd.pick(GIVEN) + rnd.pick(GIVEN) : rnd.pick(GIVEN);
  return surname + given;
}

function mobile(rnd: Random): string {
  const prefix = rnd.pick(["13", "15", "18", "17", "19"]) + String(rnd.int(0, 9));
  return prefix + String(rnd.int(0, 99_999_999)).padStart(8, "0");
}

const pinyinCache = new Map<string, string>();
function py(text: string): string {
  let v = pinyinCache.get(text);
  if (v === undefined) {
    v = textPinyin(text);
    pinyinCache.set(text, v);
  }
  return v;
}

/** Family and given name in pinyin, surname-aware (曾 → zeng, 单 → shan), as people write them. */
function nameParts(name: string): [string, string] {
  const f = normaliseName(name)!;
  const familyLength = f.surname.length;
  const familyPinyin = textPinyin(name.slice(0, familyLength));
  // normaliseName's pinyin reads the surname correctly; cut it where the family name ends.
  const family = f.pinyin.slice(0, f.pinyin.length - textPinyin(name.slice(familyLength)).length) || familyPinyin;
  return [family, f.pinyin.slice(family.length)];
}

function initials(name: string): string {
  return [...name].map((c) => py(c)[0] ?? "").join("");
}

function makeCompanies(rnd: Random, count: number): SyntheticCompany[] {
  const companies: SyntheticCompany[] = [];
  const usedDomains = new Set<string>();
  const usedNames = new Set<string>();
  for (let attempts = 0; companies.length < count; attempts++) {
    if (attempts > count * 20) throw new Error(`could not make ${count} distinct company names`);
    const place = rnd.pick(PLACES);
    // 2-character cores run out at scale (≈ 2k × 15 trades); 3-character ones do not.
    const r = rnd.next();
    const core =
      r < 0.1
        ? rnd.pick(COMPANY_CORES)
        : rnd.pick(EXTRA_CORE_CHARS) + rnd.pick(EXTRA_CORE_CHARS) + (r < 0.4 ? "" : rnd.pick(EXTRA_CORE_CHARS));
    const [trade] = rnd.pick(COMPANY_TRADES);
    const name = `${place.city}${core}${trade}${rnd.pick(COMPANY_SUFFIX_POOL)}`;
    if (usedNames.has(`${core}${trade}`)) continue;
    usedNames.add(`${core}${trade}`);
    let domain = `${py(core)}${initials(trade)}.com.cn`;
    for (let n = 2; usedDomains.has(domain); n++) domain = `${py(core)}${initials(trade)}${n}.com`;
    usedDomains.add(domain);
    const variant = rnd.next() < 0.5 ? `${core}${trade}（${place.city}）有限公司` : `${core}${trade}`;
    companies.push({
      name,
      variant,
      domain,
      phone: `0${rnd.pick(["10", "21", "755", "571", "20", "28", "25"])}-${rnd.int(2000_0000, 8999_9999)}`,
      city: place.city,
      province: place.province,
    });
  }
  return companies;
}

export interface Dataset {
  companies: SyntheticCompany[];
  contacts: SyntheticContact[];
  queries: LabelledQuery[];
}

function typo(rnd: Random, text: string): string {
  const chars = [...text];
  const at = rnd.int(1, chars.length - 2);
  if (rnd.next() < 0.5) {
    [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!]; // transposition
  } else {
    chars[at] = rnd.pick([..."abcdefghijklmnopqrstuvwxyz"]); // substitution
  }
  return chars.join("");
}

function reformatMobile(rnd: Random, m: string): string {
  const styles = [
    `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
    `0086-${m}`,
    `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    `(+86)${m}`,
  ];
  return rnd.pick(styles);
}

/** One letter of a local part changed (never the first: people get that right). */
function mutateLocal(rnd: Random, local: string): string {
  const chars = [...local];
  const at = chars.length > 1 ? rnd.int(1, chars.length - 1) : 0;
  let next = chars[at]!;
  while (next === chars[at]) next = rnd.pick([..."abcdefghijklmnopqrstuvwxyz"]);
  chars[at] = next;
  return chars.join("");
}

/**
 * @param extended adds the blind-spot kinds (default); false reproduces the original 12-kind set.
 */
export function generateDataset(contactCount: number, queryCount: number, seed = 20261122, extended = true): Dataset {
  const rnd = createRandom(seed);
  const companies = makeCompanies(rnd, Math.max(50, Math.round(contactCount / 8)));
  const contacts: SyntheticContact[] = [];
  const usedEmails = new Set<string>();
  const usedMobiles = new Set<string>();
  const companyOf = new Map<number, SyntheticCompany>();
  const companyEmails = new Map<string, string>();

  for (let id = 1; id <= contactCount; id++) {
    const name = personName(rnd);
    const company = rnd.next() < 0.85 ? rnd.pick(companies) : null;
    const place = company && rnd.next() < 0.85 ? { city: company.city, province: company.province } : rnd.pick(PLACES);
    const [family, given] = nameParts(name);
    const pinyin = family + given;
    let email: string | null = null;
    if (rnd.next() < 0.75) {
      for (let n = 0; !email || usedEmails.has(email); n++) {
        const suffix = n === 0 ? "" : String(n);
        const lastAtCompany = company ? companyEmails.get(company.domain) : undefined;
        if (company && lastAtCompany && n === 0 && rnd.next() < 0.03) {
          // A colleague's address one letter away (wangli@ / wangqi@): the typo-equals-colleague kind.
          email = `${mutateLocal(rnd, lastAtCompany)}@${company.domain}`;
        } else if (company && rnd.next() < 0.6) {
          // Some mailboxes are initials (lzq@) or the family name (li@): short local parts.
          const short = rnd.next() < 0.08;
          const local = short ? initials(name) : rnd.next() < 0.5 ? pinyin : `${family}.${given}`;
          email = `${local}${suffix}@${company.domain}`;
        } else {
          const local = rnd.next() < 0.5 ? `${pinyin}${rnd.int(1, 9999)}` : `${initials(name)}${rnd.int(100, 99999)}`;
          email = `${local}${suffix}@${rnd.pick(FREE)}`;
        }
      }
      usedEmails.add(email);
      if (company && email.endsWith(`@${company.domain}`)) companyEmails.set(company.domain, email.split("@")[0]!);
    }
    let m: string | null = null;
    if (rnd.next() < 0.8) {
      do m = mobile(rnd);
      while (usedMobiles.has(m));
      usedMobiles.add(m);
    }
    contacts.push({
      id,
      name,
      email,
      mobile: m,
      phone: company && rnd.next() < 0.5 ? company.phone : null,
      companyName: company?.name ?? null,
      city: place.city,
      province: place.province,
      website: company?.domain ?? null,
    });
    if (company) companyOf.set(id, company);
  }
  const byCompany = new Map<SyntheticCompany, SyntheticContact[]>();
  const byName = new Map<string, SyntheticContact[]>();
  const byEmail = new Map<string, SyntheticContact>();
  for (const c of contacts) {
    const company = companyOf.get(c.id);
    if (company) byCompany.set(company, [...(byCompany.get(company) ?? []), c]);
    byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    if (c.email) byEmail.set(c.email, c);
  }
  const surnameOf = (name: string) => normaliseName(name)!.surname;

  const kinds: QueryKind[] = [
    "exact-copy",
    "traditional-name+company",
    "name-typo+company",
    "landline+name",
    "invented-name",
    "name-typo+phone",
    "pinyin-email",
    "name+company",
    "email-typo",
    "phone-reformatted",
    "latin-name+company",
    "nonexistent",
    ...(extended
      ? ([
          "initials+domain+city",
          "long-pinyin",
          "city-like-name",
          "umlaut-name",
          "honorific+company",
          "company+namesake",
          "typo-equals-colleague",
          "short-local-typo",
          "same-surname-colleague",
          "nonexistent-colleague",
          "nonexistent-namesake",
        ] as const)
      : []),
  ];
  const queries: LabelledQuery[] = [];
  let guard = 0;
  while (queries.length < queryCount && guard++ < queryCount * 50) {
    const kind = kinds[queries.length % kinds.length]!;
    const c = contacts[rnd.int(0, contacts.length - 1)]!;
    const company = companyOf.get(c.id) ?? null;
    let text: string | null = null;
    switch (kind) {
      case "exact-copy":
        // What the anchors handle: the stored values, typed exactly.
        text = [c.name, c.city, c.email ?? c.mobile ?? c.companyName].filter(Boolean).join(" ");
        break;
      case "traditional-name+company":
        if (company) text = `${tify(c.name)} ${company.variant} ${c.city}`;
        break;
      case "name-typo+company":
        if (company && c.name.length >= 3) {
          const chars = [...c.name];
          chars[rnd.int(1, chars.length - 1)] = rnd.pick(GIVEN);
          text = `${chars.join("")} ${company.variant} ${c.city}`;
        }
        break;
      case "landline+name":
        if (c.phone) {
          const [area, local] = c.phone.split("-") as [string, string];
          text = `${c.name} ${rnd.next() < 0.5 ? `(${area}) ${local.slice(0, 4)} ${local.slice(4)}` : `+86 ${area.slice(1)} ${local}`}`;
        }
        break;
      case "invented-name":
        if (c.email) text = `${personName(rnd)} ${c.city} ${c.email}`;
        break;
      case "name-typo+phone":
        if (c.mobile) {
          const chars = [...c.name];
          chars[chars.length - 1] = rnd.pick(GIVEN);
          text = `${chars.join("")} ${reformatMobile(rnd, c.mobile)}`;
        }
        break;
      case "pinyin-email":
        if (company) text = `${nameParts(c.name).join("")}@${rnd.pick(FREE)} ${company.variant} ${c.city}`;
        break;
      case "name+company":
        if (company) text = `${c.name} ${company.variant}`;
        break;
      case "email-typo":
        if (c.email && c.email.indexOf("@") >= 4) {
          const [local, domain] = c.email.split("@") as [string, string];
          text = `${c.name} ${typo(rnd, local)}@${domain} ${c.city}`;
        }
        break;
      case "phone-reformatted":
        if (c.mobile) text = `${reformatMobile(rnd, c.mobile)} ${c.city}`;
        break;
      case "latin-name+company":
        if (company) {
          const [family, given] = nameParts(c.name);
          const latin = `${given[0]!.toUpperCase()}${given.slice(1)} ${family[0]!.toUpperCase()}${family.slice(1)}`;
          text = `${latin} ${company.variant}`;
        }
        break;
      case "initials+domain+city":
        if (company) text = `${normaliseName(c.name)!.initials.toUpperCase()} @${company.domain} ${c.city}`;
        break;
      case "long-pinyin": {
        const joined = nameParts(c.name).join("");
        if (company && joined.length > 12) {
          const cap = `${joined[0]!.toUpperCase()}${joined.slice(1)}`;
          text = `${rnd.next() < 0.5 ? cap : nameParts(c.name).join(" ")} ${company.variant}`;
        }
        break;
      }
      case "city-like-name":
        if (CITY_LIKE_NAMES.includes(c.name)) {
          const clue = c.mobile ? reformatMobile(rnd, c.mobile) : company ? company.variant : null;
          if (clue) text = `${nameParts(c.name).join("")} ${clue}`;
        }
        break;
      case "umlaut-name":
        if (company && nameParts(c.name).join("").includes("v")) {
          const [family, given] = nameParts(c.name).map((p) => p.replace("v", rnd.pick(["ü", "u:", "ǚ"])));
          text = `${given![0]!.toUpperCase()}${given!.slice(1)} ${family![0]!.toUpperCase()}${family!.slice(1)} ${company.variant}`;
        }
        break;
      case "honorific+company":
        if (company) {
          const surname = surnameOf(c.name);
          const sameSurname = (byCompany.get(company) ?? []).filter(
            (o) => o.id !== c.id && surnameOf(o.name) === surname,
          );
          const who = rnd.next() < 0.3 ? c.name : surname;
          if (sameSurname.length === 0) text = `${who}${rnd.pick(TITLES)} ${company.variant} ${c.city}`;
        }
        break;
      case "company+namesake":
        // Namesakes elsewhere: the company the query names must sink them.
        if (company && (byName.get(c.name) ?? []).some((o) => o.id !== c.id && companyOf.get(o.id) !== company)) {
          text = `${c.name} ${company.variant}`;
        }
        break;
      case "typo-equals-colleague":
        if (c.email && company) {
          const [local, domain] = c.email.split("@") as [string, string];
          const twin = (byCompany.get(company) ?? []).find(
            (o) => o.id !== c.id && o.email?.endsWith(`@${domain}`) && oneSubstitution(local, o.email.split("@")[0]!),
          );
          if (twin) text = `${c.name} ${twin.email} ${c.city}`;
        }
        break;
      case "short-local-typo":
        if (c.email && company && c.email.indexOf("@") <= 4 && c.email.endsWith(company.domain)) {
          const [local, domain] = c.email.split("@") as [string, string];
          const typed = `${mutateLocal(rnd, local)}@${domain}`;
          if (!byEmail.has(typed)) text = `${c.name} ${typed} ${c.city}`;
        }
        break;
      case "same-surname-colleague":
        if (company && c.mobile) {
          const surname = surnameOf(c.name);
          const colleagues = (byCompany.get(company) ?? []).filter(
            (o) => o.id !== c.id && surnameOf(o.name) === surname,
          );
          if (colleagues.length > 0)
            text = `${surname}${rnd.pick(TITLES)} ${company.variant} 尾号${c.mobile.slice(-4)}`;
        }
        break;
      case "nonexistent-colleague": {
        const company = rnd.pick(companies);
        const name = personName(rnd);
        if ((byName.get(name) ?? []).some((o) => companyOf.get(o.id) === company)) continue;
        const local = nameParts(name).join("");
        if (byEmail.has(`${local}@${company.domain}`)) continue;
        queries.push({
          kind,
          text: `${name} ${company.variant} ${company.city} ${local}@${company.domain}`,
          targetId: null,
        });
        continue;
      }
      case "nonexistent-namesake": {
        // A real name and city, at a company that person has nothing to do with.
        const other = rnd.pick(companies);
        if (other === company) continue;
        const parts = [c.name, c.city, other.variant];
        if (rnd.next() < 0.5) parts.push(`@${other.domain}`);
        queries.push({ kind, text: parts.join(" "), targetId: null });
        continue;
      }
      case "nonexistent": {
        const name = personName(rnd);
        const place = rnd.pick(PLACES);
        const parts = [name, place.city];
        if (rnd.next() < 0.5) parts.push(`${nameParts(name).join("")}${rnd.int(10000, 99999)}@${rnd.pick(FREE)}`);
        else parts.push(mobile(rnd));
        if (rnd.next() < 0.5) parts.push(rnd.pick(companies).variant);
        queries.push({ kind, text: parts.join(" "), targetId: null });
        continue;
      }
    }
    if (text) queries.push({ kind, text, targetId: c.id });
  }
  return { companies, contacts, queries };
}

function oneSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let diffs = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs++;
  return diffs === 1;
}
