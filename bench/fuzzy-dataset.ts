// Labelled synthetic data for the fuzzy-matching benchmark (deterministic for a given seed).
//
// Contacts: surname-frequency-weighted Chinese names, companies "<city><core><trade><legal form>"
// with their own domains, pinyin e-mails (company mailbox or qq/163/gmail with digits), mobiles and
// company landlines, cities from the gazetteer. Queries are free text ("刘强 深圳 liu@xyz.com") made
// by corrupting a known contact in one of several ways, plus queries for people who do not exist.
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
  | "nonexistent";

export interface LabelledQuery {
  kind: QueryKind;
  text: string;
  /** The contact this query describes, or null for a person who does not exist. */
  targetId: number | null;
}

interface SyntheticCompany {
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
const EXTRA_CORE_CHARS = [..."华新瑞恒泰丰达信诚德盛鑫源通海天宇晨光明远博创智联云峰金银辉宏嘉禾润安顺和康"];

function personName(rnd: Random): string {
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

export function generateDataset(contactCount: number, queryCount: number, seed = 20261122): Dataset {
  const rnd = createRandom(seed);
  const companies = makeCompanies(rnd, Math.max(50, Math.round(contactCount / 8)));
  const contacts: SyntheticContact[] = [];
  const usedEmails = new Set<string>();
  const usedMobiles = new Set<string>();
  const companyOf = new Map<number, SyntheticCompany>();

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
        if (company && rnd.next() < 0.6) {
          const local = rnd.next() < 0.5 ? pinyin : `${family}.${given}`;
          email = `${local}${suffix}@${company.domain}`;
        } else {
          const local = rnd.next() < 0.5 ? `${pinyin}${rnd.int(1, 9999)}` : `${initials(name)}${rnd.int(100, 99999)}`;
          email = `${local}${suffix}@${rnd.pick(FREE)}`;
        }
      }
      usedEmails.add(email);
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
    });
    if (company) companyOf.set(id, company);
  }

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
  return { contacts, queries };
}
