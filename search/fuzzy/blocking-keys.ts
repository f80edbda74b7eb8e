// Blocking keys: cheap exact keys under which a record is filed, so a query only scores the few
// records that share at least one key with it instead of the whole table.
//
//   e:<canonical e-mail>        d:<e-mail domain> (company domains only, never qq.com/163.com/gmail …)
//   p:<phone key>               t:<last 7 digits> (reformatted / area-code-less / partly typed phones)
//   n:<name>                    n:<name minus one character> (Han names of 3+ chars: one-character typos)
//   y:<name pinyin>             (also the letters of an e-mail local part: liuqiang@… meets 刘强)
//   i:<initials>|<city>         c:<company key>
//
// City alone is not a key (tens of thousands of contacts share one); it is evidence in the scorer
// and part of the initials key. Keys whose posting list is too long are skipped at query time.
import type { MatchFeatures } from "./features.ts";

const MIN_PINYIN_LETTERS = 4;

export function recordKeys(f: MatchFeatures): string[] {
  const keys = new Set<string>();
  if (f.email) {
    keys.add(`e:${f.email.canonical}`);
    if (!f.email.free) keys.add(`d:${f.email.domain}`);
    if (f.email.letters.length >= MIN_PINYIN_LETTERS) keys.add(`y:${f.email.letters}`);
  }
  // The company's website domain files its contacts under d: too (their mail may be on qq.com).
  if (f.domain) keys.add(`d:${f.domain}`);
  for (const phone of f.phones) {
    keys.add(`p:${phone.key}`);
    if (phone.key.length >= 7) keys.add(`t:${phone.key.slice(-7)}`);
  }
  if (f.name?.surnameOnly) {
    // 王经理: only the family name is known; the company, domain or phone must find the candidates.
  } else if (f.name) {
    keys.add(`n:${f.name.key}`);
    if (f.name.han && f.name.key.length >= 3) {
      const chars = [...f.name.key];
      for (let i = 0; i < chars.length; i++) keys.add(`n:${chars.filter((_, j) => j !== i).join("")}`);
    }
    if (f.name.pinyin.length >= MIN_PINYIN_LETTERS) keys.add(`y:${f.name.pinyin}`);
    if (f.name.pinyinAlt) keys.add(`y:${f.name.pinyinAlt}`);
    if (f.city && f.name.initials.length >= 2) keys.add(`i:${f.name.initials}|${f.city}`);
  }
  if (f.company) keys.add(`c:${f.company.key}`);
  return [...keys];
}

/**
 * Keys a query probes: the record keys plus cross-field probes — a query e-mail's letters against
 * names' pinyin (already shared under y:), and a query phone's suffix.
 */
export function queryKeys(f: MatchFeatures): string[] {
  const keys = new Set(recordKeys(f));
  if (f.email && f.email.local.length >= MIN_PINYIN_LETTERS) {
    // "liu.qiang@…" letters → y:liuqiang already; a bare surname+initial like "liuq" is too loose.
    keys.add(`y:${f.email.letters}`);
  }
  // Initials typed on their own ("LQ @xyz.com 深圳") meet records' initials|city keys.
  if (f.initials && f.city) keys.add(`i:${f.initials}|${f.city}`);
  return [...keys];
}
