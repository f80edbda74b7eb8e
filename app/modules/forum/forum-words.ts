// The sensitive-word matcher (decision 041). Text and words are folded the same way before they are
// compared: NFKC (full-width → half-width), lower case, and every space, punctuation mark, symbol or
// invisible format character dropped — so "敏 感", "敏.感", "敏\u200b感" and "ＢＡＤ" all match. Each
// folded character remembers where it came from, so a "replace" word masks exactly the original
// characters that spelled it (the separators in between stay).

export const WORD_ACTIONS = ["block", "replace", "hold"] as const;
/** Longest word the admin may list (the column is VARCHAR(50)). */
export const WORD_MAX = 50;
export type WordAction = (typeof WORD_ACTIONS)[number];

export interface SensitiveWord {
  word: string;
  normalized: string;
  action: WordAction;
}

export interface WordHit {
  word: string;
  action: WordAction;
}

export const MASK = "＊";
const SEPARATOR = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]/u;

/** The folded form of one character (NFKC may expand it, e.g. "㎏" → "kg"). */
function foldChar(char: string): string {
  let out = "";
  for (const part of char.normalize("NFKC").toLowerCase()) {
    if (!SEPARATOR.test(part)) out += part;
  }
  return out;
}

/** The folded form of a word as the admin typed it ("" when nothing is left to match). */
export function normalizeWord(word: string): string {
  let out = "";
  for (const char of word) out += foldChar(char);
  return out;
}

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, the index in the source of the character it came from. */
  origin: number[];
}

/**
 * Folds a source string. In "html" mode tags and character references are skipped (they are never
 * part of a word), so a word split by inline markup ("<b>敏</b>感") is still found.
 */
function fold(source: string, mode: "text" | "html"): Folded {
  const origin: number[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const char = String.fromCodePoint(source.codePointAt(i)!);
    if (mode === "html" && char === "<") {
      const end = source.indexOf(">", i);
      i = end === -1 ? source.length : end + 1;
      continue;
    }
    if (mode === "html" && char === "&") {
      const end = source.indexOf(";", i);
      if (end !== -1 && end - i <= 10) {
        i = end + 1;
        continue;
      }
    }
    for (const unit of foldChar(char)) {
      text += unit;
      for (let k = 0; k < unit.length; k++) origin.push(i);
    }
    i += char.length;
  }
  return { text, origin };
}

interface Match {
  word: SensitiveWord;
  /** Source indices of the characters that spelled the word. */
  sources: number[];
}

function findMatches(source: string, words: readonly SensitiveWord[], mode: "text" | "html"): Match[] {
  if (words.length === 0 || source === "") return [];
  const folded = fold(source, mode);
  const matches: Match[] = [];
  for (const word of words) {
    if (word.normalized === "") continue;
    let at = folded.text.indexOf(word.normalized);
    while (at !== -1) {
      const sources = new Set(folded.origin.slice(at, at + word.normalized.length));
      matches.push({ word, sources: [...sources] });
      at = folded.text.indexOf(word.normalized, at + word.normalized.length);
    }
  }
  return matches;
}

/**
 * Screens a title ("text") or a sanitised body ("html"): the words found (one hit per word) and the
 * source with every "replace" word masked by ＊ (one per original character).
 */
export function screenText(
  source: string,
  words: readonly SensitiveWord[],
  mode: "text" | "html",
): { hits: WordHit[]; masked: string } {
  const matches = findMatches(source, words, mode);
  if (matches.length === 0) return { hits: [], masked: source };
  const hits = new Map<string, WordHit>();
  const mask = new Set<number>();
  for (const { word, sources } of matches) {
    hits.set(word.normalized, { word: word.word, action: word.action });
    if (word.action === "replace") for (const index of sources) mask.add(index);
  }
  let masked = "";
  let i = 0;
  while (i < source.length) {
    const char = String.fromCodePoint(source.codePointAt(i)!);
    masked += mask.has(i) ? MASK : char;
    i += char.length;
  }
  return { hits: [...hits.values()], masked };
}

/** The strongest action among the hits: block beats hold beats replace. */
export function strongestAction(hits: readonly WordHit[]): WordAction | null {
  for (const action of ["block", "hold", "replace"] as const) {
    if (hits.some((hit) => hit.action === action)) return action;
  }
  return null;
}
