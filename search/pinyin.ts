// Pinyin for Chinese text (pure, no I/O; shared by both engines). Staff type Chinese names the way
// they type them into a phone: full pinyin (`liuqiang`), initials (`lq`), the start of the full
// pinyin while typing (`liuq`), or syllables with spaces (`liu qiang`). Per CJK run we derive
//   - the joined full pinyin    刘强伟 → liuqiangwei
//   - the joined initials       刘强伟 → lqw
//   - every syllable            刘强伟 → liu, qiang, wei
// The embedded engine indexes these as terms of the field; the Meilisearch adapter writes them into
// a derived field (Meilisearch has no pinyin for Chinese). `pinyin-pro` resolves most polyphones by
// context; in person-name fields the surname reading is used (单 → shan, 曾 → zeng).
// Every run also yields its adjacent syllable pairs (北京远航物流 → beijing, jingyuan, yuanhang …),
// the pinyin counterpart of CJK character bigrams: part of a long name is found by its pinyin
// (`yuanhang`) and a homophone slip typed in characters (远杭) meets the same pair. Organisation
// names also get the full pinyin and initials of their distinctive core, the part people call a
// company by (北京远航物流有限公司 → 远航物流 → yuanhangwuliu, yhwl), as a person's whole name does.

import { pinyin } from "pinyin-pro";
import { normaliseCompany } from "./fuzzy/normalise.ts";

const HAN_RUN = /\p{Script=Han}+/gu;
/** Runs longer than this (descriptions) get no pinyin: names and company names are short. */
const MAX_RUN = 16;

export interface PinyinOptions {
  /** Read the first character as a surname (单 → shan, not dan). For person-name fields. */
  personName?: boolean;
  /** An organisation's name: also index its distinctive core (see above). */
  organisation?: boolean;
}

/** Cores longer than this are not what anyone types as initials. */
const MAX_CORE = 8;

/**
 * Company names repeat across contacts, leads and opportunities, and pinyin-pro is the costly part
 * of indexing them: remember recent answers (bounded; emptied when full).
 */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string[]>();

/** Pinyin syllables of each Han character of `text`, lower-case, no tones, ü as v. */
export function syllablesOf(text: string, options: PinyinOptions = {}): string[] {
  const key = (options.personName ? "1" : "0") + text;
  const hit = cache.get(key);
  if (hit) return hit;
  const syllables = computeSyllables(text, options);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, syllables);
  return syllables;
}

function computeSyllables(run: string, options: PinyinOptions): string[] {
  const out = pinyin(run, {
    toneType: "none",
    type: "array",
    v: true,
    nonZh: "removed",
    ...(options.personName ? { surname: "head" as const } : {}),
  });
  return out.map((s) => s.toLowerCase().replace(/[^a-z]/g, "")).filter((s) => s.length > 0);
}

/** The distinct pinyin terms of a field value (empty when it has no Han characters). */
export function pinyinTerms(text: string, options: PinyinOptions = {}): string[] {
  const terms = new Set<string>();
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    if ([...run].length > MAX_RUN) continue;
    const syllables = syllablesOf(run, options);
    if (syllables.length === 0) continue;
    addWhole(terms, syllables);
    for (const s of syllables) terms.add(s);
    for (let i = 0; i + 1 < syllables.length; i++) terms.add(`${syllables[i]}${syllables[i + 1]}`);
  }
  const core = organisationCore(text, options);
  if (core) addWhole(terms, syllablesOf(core));
  return [...terms];
}

/** The distinctive core of an organisation's name (北京远航物流有限公司 → 远航物流), when it has one. */
function organisationCore(text: string, options: PinyinOptions): string | null {
  if (!options.organisation) return null;
  const core = normaliseCompany(text)?.key;
  if (!core || core === text || !/^\p{Script=Han}+$/u.test(core) || [...core].length > MAX_CORE) return null;
  return core;
}

/**
 * The whole-name forms a query may equal exactly (for the engine's exact-field bonus): the initials
 * of the whole text and, for an organisation, the full pinyin and initials of its core.
 */
export function wholeNameForms(text: string, options: PinyinOptions = {}): string[] {
  const forms = new Set<string>();
  const syllables = syllablesOf(text, options);
  if (syllables.length > 1) forms.add(syllables.map((s) => s[0]).join(""));
  const core = organisationCore(text, options);
  if (core) addWhole(forms, syllablesOf(core));
  return [...forms];
}

/** The joined full pinyin and initials of a multi-syllable name or run. */
function addWhole(terms: Set<string>, syllables: readonly string[]): void {
  if (syllables.length < 2) return;
  terms.add(syllables.join(""));
  terms.add(syllables.map((s) => s[0]).join(""));
}

/**
 * The pinyin syllable pairs of the Han text in a query (远杭 → yuanhang), for matching homophone
 * slips against the pairs `pinyinTerms` indexes. Empty when the text has fewer than two Han
 * characters in a run.
 */
export function homophonePairs(text: string): string[] {
  const pairs: string[] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    if ([...m[0]].length > MAX_RUN) continue;
    const syllables = syllablesOf(m[0]);
    for (let i = 0; i + 1 < syllables.length; i++) pairs.push(`${syllables[i]}${syllables[i + 1]}`);
  }
  return pairs;
}

/** The derived-field text the Meilisearch adapter stores: the same terms, space-separated. */
export function pinyinFieldText(text: string, options: PinyinOptions = {}): string {
  return pinyinTerms(text, options).join(" ");
}

/**
 * Where a Latin query word matches the pinyin of `text`: [start, end) UTF-16 ranges of the Han
 * characters it spells. Each character may be spelled by its full syllable or its initial, and the
 * last one may be cut short (`liuq` → 刘强, `lq` → 刘强, `qiang` → 强). Used for highlighting.
 */
export function pinyinMatchRanges(
  text: string,
  word: string,
  options: PinyinOptions & { prefix?: boolean } = {},
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!/^[a-z]+$/.test(word)) return ranges;
  for (const m of text.matchAll(HAN_RUN)) {
    const chars = [...m[0]];
    if (chars.length > MAX_RUN) continue;
    const syllables = syllablesOf(m[0], options);
    if (syllables.length !== chars.length) continue;
    const offsets: number[] = [];
    let pos = m.index ?? 0;
    for (const ch of chars) {
      offsets.push(pos);
      pos += ch.length;
    }
    offsets.push(pos);
    for (let start = 0; start < chars.length; start++) {
      const end = spell(syllables, start, word, 0, options.prefix ?? false);
      if (end > start) {
        ranges.push([offsets[start] ?? 0, offsets[end] ?? pos]);
        start = end - 1;
      }
    }
  }
  return ranges;
}

/** Index after the last character spelled when `word[at…]` spells syllables from `i`, else -1. */
function spell(syllables: readonly string[], i: number, word: string, at: number, prefix: boolean): number {
  if (at === word.length) return i;
  const s = syllables[i];
  if (s === undefined) return -1;
  const rest = word.slice(at);
  if (rest.startsWith(s)) {
    const end = spell(syllables, i + 1, word, at + s.length, prefix);
    if (end > i) return end;
  }
  // The word ends inside this syllable: only for the word being typed (or a lone initial).
  if (s.startsWith(rest) && (prefix || rest.length === 1)) return i + 1;
  if (rest[0] === s[0]) {
    const end = spell(syllables, i + 1, word, at + 1, prefix);
    if (end > i) return end;
  }
  return -1;
}
