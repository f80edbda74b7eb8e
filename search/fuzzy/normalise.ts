// Normalisation for the fuzzy contact matcher (pure, no I/O). Every comparison in the scorer and
// every blocking key works on these forms, so "ＬＩＵ.Qiang+crm@GMAIL.com", "+86 138-0013-8000",
// "星辰科技（北京）有限公司" and "劉強" meet their stored counterparts.
import { sify } from "chinese-conv";
import { pinyin } from "pinyin-pro";
import { stripHonorific } from "./honorifics.ts";
import { foldPinyinLatin } from "./pinyin-syllables.ts";
import { PLACE_NAMES, placeKey, provinceOf } from "./gazetteer.ts";

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Full-width → half-width (NFKC), traditional → simplified (only when Han is present), trimmed. */
export function foldText(text: string): string {
  const nfkc = text.normalize("NFKC").trim();
  return hasHan(nfkc) ? sify(nfkc) : nfkc;
}

// ───────────────────────────── e-mail ─────────────────────────────

/** Mailboxes anyone can open: a shared domain says nothing about the company. */
export const FREE_MAIL_DOMAINS = new Set([
  "qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "yeah.net",
  "sina.com",
  "sina.cn",
  "sohu.com",
  "aliyun.com",
  "139.com",
  "189.cn",
  "wo.cn",
  "tom.com",
  "21cn.com",
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "proton.me",
  "protonmail.com",
]);
/** Providers that ignore dots in the local part. */
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

export interface EmailFeatures {
  /** Lower-cased address as given. */
  raw: string;
  /** Address with "+tag" removed and, for Gmail, dots removed: the identity of the mailbox. */
  canonical: string;
  local: string;
  domain: string;
  free: boolean;
  /** Letters only of the local part ("liu.qiang88" → "liuqiang"): compared with name pinyin. */
  letters: string;
}

export function normaliseEmail(email: string | null | undefined): EmailFeatures | null {
  if (!email) return null;
  const raw = email.normalize("NFKC").trim().toLowerCase();
  const at = raw.lastIndexOf("@");
  if (at <= 0 || at === raw.length - 1) return null;
  let domain = raw.slice(at + 1);
  if (domain === "googlemail.com") domain = "gmail.com";
  let local = raw.slice(0, at).split("+")[0] ?? "";
  if (DOTLESS_DOMAINS.has(domain)) local = local.replaceAll(".", "");
  if (!local) return null;
  return {
    raw,
    canonical: `${local}@${domain}`,
    local,
    domain,
    free: FREE_MAIL_DOMAINS.has(domain),
    letters: local.replace(/[^a-z]+/g, ""),
  };
}

// ───────────────────────────── phone ─────────────────────────────

export interface PhoneFeatures {
  /** Digits with the China country prefix removed; landlines keep their 0-area code. */
  key: string;
  mobile: boolean;
  /** Subscriber number without area code (landlines) or the whole mobile number. */
  local: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

export function normalisePhone(phone: string | null | undefined): PhoneFeatures | null {
  if (!phone) return null;
  // An extension ("转 8001", "ext. 12", "-8001" after a full landline) is not part of the line.
  const main = phone.normalize("NFKC").split(/(?:转|ext\.?|x)\s*\d+\s*$/i)[0] ?? "";
  let digits = main.replace(/\D+/g, "");
  if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.startsWith("86") && digits.length >= 12) digits = digits.slice(2);
  else if (digits.startsWith("86") && digits.length === 11 && !MOBILE.test(digits)) digits = digits.slice(2);
  if (digits.length < 5) return null;
  if (MOBILE.test(digits)) return { key: digits, mobile: true, local: digits };
  if (!digits.startsWith("0") && digits.length >= 9) digits = `0${digits}`; // area code without trunk 0
  if (digits.startsWith("0")) {
    // 010 and 02x are three-digit codes; the rest are four digits (0755, 0571 …).
    const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
    return { key: digits, mobile: false, local: digits.slice(areaLength) };
  }
  return { key: digits, mobile: false, local: digits };
}

// ───────────────────────────── company ─────────────────────────────

// Longest first: legal forms, then generic words that say nothing about which company it is.
const COMPANY_TAILS = [
  "股份有限公司",
  "有限责任公司",
  "集团有限公司",
  "集团股份有限公司",
  "有限公司",
  "集团公司",
  "分公司",
  "总公司",
  "公司",
  "集团",
  "股份",
  "控股",
  "实业",
  "发展",
  "信息技术",
  "科技",
  "技术",
  "co., ltd.",
  "co.,ltd.",
  "co., ltd",
  "co.,ltd",
  "co. ltd",
  "company limited",
  "limited",
  "ltd.",
  "ltd",
  "inc.",
  "inc",
  "corporation",
  "corp.",
  "corp",
  "group",
  "technology",
  "technologies",
  "tech",
].sort((a, b) => b.length - a.length);

export interface CompanyFeatures {
  /** Name without brackets, place prefix, legal-form and generic suffixes, spaces or punctuation. */
  key: string;
  /** The folded name as written, for display-level comparison. */
  folded: string;
}

export function normaliseCompany(name: string | null | undefined): CompanyFeatures | null {
  if (!name) return null;
  const folded = foldText(name).toLowerCase();
  let key = folded.replace(/[(（[【][^)）\]】]*[)）\]】]/gu, "").trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const tail of COMPANY_TAILS) {
      if (key.endsWith(tail) && key.length > tail.length + 1) {
        key = key.slice(0, -tail.length).trim();
        changed = true;
      }
    }
  }
  key = key.replace(/[\s\p{P}\p{S}]+/gu, "");
  // A leading place name (北京星辰 → 星辰) when something distinctive remains.
  for (const place of PLACE_NAMES) {
    for (const prefix of [`${place}市`, `${place}省`, place]) {
      if (key.startsWith(prefix) && key.length - prefix.length >= 2) {
        key = key.slice(prefix.length);
        break;
      }
    }
  }
  if (!key) return null;
  return { key, folded };
}

// ───────────────────────────── person name ─────────────────────────────

const COMPOUND_SURNAMES = new Set([
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "令狐",
  "端木",
  "独孤",
  "南宫",
  "西门",
]);

export interface NameFeatures {
  /** Folded name: Han without spaces/dots (刘强), Latin lower-case words joined by one space. */
  key: string;
  han: boolean;
  /** Surname-aware pinyin without tones or spaces, family name first: "liuqiang", "shanxiongxin". */
  pinyin: string;
  /** Pinyin initials ("lq"). */
  initials: string;
  /** Family name (Han) or its pinyin (Latin input). */
  surname: string;
  /** For Latin input, the other order ("qiang liu" → "liuqiang") so both conventions meet. */
  pinyinAlt: string | null;
  /** Only a family name is known (王经理, 刘总, 老王 → 王): it can agree or differ, nothing more. */
  surnameOnly: boolean;
}

const pinyinCache = new Map<string, { full: string[]; surnameLength: number }>();

function hanPinyin(name: string): { full: string[]; surnameLength: number } {
  const cached = pinyinCache.get(name);
  if (cached) return cached;
  const full = pinyin(name, { toneType: "none", type: "array", surname: "head", v: true }).map((s) =>
    s.toLowerCase().replace(/[^a-z]/g, ""),
  );
  const surnameLength = name.length >= 3 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? 2 : 1;
  const value = { full, surnameLength };
  if (pinyinCache.size > 200_000) pinyinCache.clear();
  pinyinCache.set(name, value);
  return value;
}

/** Pinyin of any Han text (cities, company words), no tones, no spaces. */
export function textPinyin(text: string): string {
  return pinyin(text, { toneType: "none", type: "array", v: true })
    .join("")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

export function normaliseName(name: string | null | undefined): NameFeatures | null {
  if (!name) return null;
  const folded = foldPinyinLatin(foldText(name))
    .replace(/[·•・.\s]+/gu, " ")
    .trim();
  if (!folded) return null;
  let compact = folded.replaceAll(" ", "");
  if (HAN_ONLY.test(compact)) {
    // Titles are not given names: 王经理 → 王, 王强经理 → 王强.
    compact = stripHonorific(compact)?.name ?? compact;
    const { full, surnameLength } = hanPinyin(compact);
    const surnameOnly = compact.length === 1 || (compact.length === 2 && COMPOUND_SURNAMES.has(compact));
    return {
      key: compact,
      han: true,
      pinyin: full.join(""),
      initials: full.map((s) => s[0] ?? "").join(""),
      surname: surnameOnly ? compact : compact.slice(0, surnameLength),
      pinyinAlt: null,
      surnameOnly,
    };
  }
  const words = folded
    .toLowerCase()
    .split(" ")
    .map((w) => w.replace(/[^\p{L}]/gu, ""))
    .filter(Boolean);
  if (words.length === 0) return null;
  // Latin names: "Liu Qiang" (Chinese order) or "Qiang Liu" (Western order) — keep both joins.
  const joined = words.join("");
  // Western order: the family name last ("Qiang Liu", "Zhi Qiang Liu").
  const reversed = words.length >= 2 ? `${words[words.length - 1]}${words.slice(0, -1).join("")}` : null;
  return {
    key: words.join(" "),
    han: false,
    pinyin: joined,
    initials: words.map((w) => w[0] ?? "").join(""),
    surname: words[0] ?? "",
    pinyinAlt: reversed,
    surnameOnly: false,
  };
}

// ───────────────────────────── place ─────────────────────────────

export interface PlaceFeatures {
  city: string | null;
  province: string | null;
}

export function normalisePlace(city: string | null | undefined, province?: string | null): PlaceFeatures {
  const c = placeKey(city ? foldText(city) : null);
  const p = placeKey(province ? foldText(province) : null) ?? provinceOf(c);
  return { city: c, province: p };
}
