// Tokenisation for the embedded engine (pure, no I/O; safe to import anywhere).
//
// Chinese has no spaces and word segmenters disagree with each other (Intl.Segmenter splits 刘强伟
// into 刘|强|伟), so CJK text is indexed as character bigrams, which match any substring of two or
// more characters whatever the segmenter did; segmenter words are added on top as ranking boosts.
// Latin text uses the segmenter's words, plus their parts when a word holds inner punctuation
// ("liu.qiang" → liu, qiang) so the pieces of e-mail addresses are searchable.

const CJK_CHARS = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}";
const CJK_RUN = new RegExp(`[${CJK_CHARS}]+`, "gu");
const CJK_ONE = new RegExp(`[${CJK_CHARS}]`, "u");
/** Punctuation the segmenter keeps inside a word ("liu.qiang", "example.com", "o'brien", "a_b"). */
const INNER_PUNCT = /[.'’_\-·:@]+/u;
/** A run of digits possibly broken by phone-number punctuation: "138-1234-5678", "(010) 6123 4567". */
const DIGIT_GROUPS = /\d[\d\s\-().+]*\d/g;

const wordSegmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Lower-case + NFKC: full-width letters/digits become half-width (ＺＨＡＮＧ１２ → zhang12). */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function isCjk(char: string): boolean {
  return CJK_ONE.test(char);
}

export function hasCjk(text: string): boolean {
  return CJK_ONE.test(text);
}

interface Piece {
  term: string;
  /** Position in the normalised text, used to find the query's last token. */
  start: number;
}

const NON_CJK_STRETCH = new RegExp(`[^${CJK_CHARS}\\s]+`, "gu");

/**
 * One segmenter pass (the costly part of indexing): Latin/number words with CJK characters left
 * out (those go through bigrams), and the words made only of CJK characters.
 */
function segmentWords(normalized: string): { latin: Piece[]; cjk: string[] } {
  const latin: Piece[] = [];
  const cjk: string[] = [];
  for (const seg of wordSegmenter.segment(normalized)) {
    if (!seg.isWordLike) continue;
    const word = seg.segment;
    if (!hasCjk(word)) {
      latin.push({ term: word, start: seg.index });
    } else if ([...word].every(isCjk)) {
      cjk.push(word);
    } else {
      // A mixed segment (rare): keep its non-CJK stretches as words.
      for (const m of word.matchAll(NON_CJK_STRETCH)) latin.push({ term: m[0], start: seg.index + (m.index ?? 0) });
    }
  }
  return { latin, cjk };
}

/** Character bigrams of every CJK run; a run of one character yields that character. */
function cjkGrams(normalized: string): Array<Piece & { kind: "bigram" | "unigram" }> {
  const out: Array<Piece & { kind: "bigram" | "unigram" }> = [];
  for (const m of normalized.matchAll(CJK_RUN)) {
    const chars = [...m[0]];
    let pos = m.index ?? 0;
    if (chars.length === 1) {
      out.push({ term: m[0], start: pos, kind: "unigram" });
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i] ?? "";
      out.push({ term: a + (chars[i + 1] ?? ""), start: pos, kind: "bigram" });
      pos += a.length;
    }
  }
  return out;
}

/** Digits joined across phone punctuation, so 13812345678 finds "138-1234-5678". */
function joinedDigits(normalized: string): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(DIGIT_GROUPS)) {
    const digits = m[0].replace(/\D/g, "");
    if (digits.length >= 5 && digits !== m[0]) out.push(digits);
  }
  return out;
}

/** The distinct index terms of one field value. */
export function indexTerms(text: string): string[] {
  const normalized = normalizeText(text);
  const terms = new Set<string>();
  const words = segmentWords(normalized);
  for (const { term } of words.latin) {
    terms.add(term);
    if (INNER_PUNCT.test(term)) {
      for (const part of term.split(INNER_PUNCT)) if (part) terms.add(part);
    }
  }
  for (const { term } of cjkGrams(normalized)) terms.add(term);
  for (const word of words.cjk) if ([...word].length >= 2) terms.add(word);
  for (const digits of joinedDigits(normalized)) terms.add(digits);
  return [...terms];
}

export interface QueryToken {
  term: string;
  kind: "word" | "bigram" | "unigram";
  /** Also match index terms that start with `term` (as-you-type on the last token). */
  prefix: boolean;
}

export interface ParsedQuery {
  /** The normalised query with whitespace collapsed (used for exact-field bonuses). */
  normalized: string;
  /**
   * In query order. Documents must match all of these; when none do, the engine drops tokens from
   * the end until some match (Meilisearch's matching strategy "last").
   */
  required: QueryToken[];
  /** Whole CJK words of 3+ characters: not required, they only lift documents that contain them. */
  boosts: string[];
}

export function parseQuery(q: string): ParsedQuery {
  const normalized = normalizeText(q).replace(/\s+/g, " ").trim();
  const words = segmentWords(normalized);
  // In the order typed: the engine drops tokens from the end when nothing matches them all.
  const pieces: Array<Piece & { kind: QueryToken["kind"] }> = [
    ...words.latin.map((p) => ({ ...p, kind: "word" as const })),
    ...cjkGrams(normalized),
  ].sort((a, b) => a.start - b.start);
  // The token that ends last is the one the user is still typing, unless a space follows it.
  let last = -1;
  let lastEnd = -1;
  pieces.forEach((p, i) => {
    const end = p.start + p.term.length;
    if (end >= lastEnd) {
      lastEnd = end;
      last = i;
    }
  });
  const typingLast = !/\s$/.test(normalizeText(q));
  const byTerm = new Map<string, QueryToken>();
  pieces.forEach((p, i) => {
    // A lone CJK character is always a prefix: single characters are not indexed on their own.
    const prefix = (typingLast && i === last) || p.kind === "unigram";
    const existing = byTerm.get(p.term);
    if (existing) existing.prefix ||= prefix;
    else byTerm.set(p.term, { term: p.term, kind: p.kind, prefix });
  });
  const required = [...byTerm.values()];
  const boosts = words.cjk.filter((w) => [...w].length >= 3 && !byTerm.has(w));
  return { normalized, required, boosts };
}
