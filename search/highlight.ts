// HTML-safe highlighting shared by both engines: the result is escaped text with `<mark>` around
// matches, so the UI can render it as HTML without trusting document content.

import { isCjk } from "./tokenize.ts";

export const MARK_OPEN = "<mark>";
export const MARK_CLOSE = "</mark>";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** What to look for in a field: an index term matched by the query, and how it may match. */
export interface Needle {
  text: string;
  /** "word": whole Latin word; "prefix": start of a Latin word; "anywhere": CJK text. */
  mode: "word" | "prefix" | "anywhere";
}

interface NormalizedWithMap {
  text: string;
  /** For each UTF-16 unit of `text`, the [start, end) of the original grapheme it came from. */
  starts: number[];
  ends: number[];
}

const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

/**
 * Normalises like the tokenizer (NFKC + lower case) but grapheme by grapheme, remembering where
 * each normalised unit came from, so matches found in normalised text map back onto the original.
 */
function normalizeWithMap(original: string): NormalizedWithMap {
  const starts: number[] = [];
  const ends: number[] = [];
  // ASCII fast path: lower-casing keeps every position.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(original)) {
    for (let i = 0; i < original.length; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    return { text: original.toLowerCase(), starts, ends };
  }
  let text = "";
  for (const { segment, index } of graphemes.segment(original)) {
    const n = segment.normalize("NFKC").toLowerCase();
    text += n;
    for (let i = 0; i < n.length; i++) {
      starts.push(index);
      ends.push(index + segment.length);
    }
  }
  return { text, starts, ends };
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !isCjk(ch);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Ranges [start, end) in normalised text where the needle occurs. */
function findNeedle(text: string, needle: Needle): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!needle.text) return out;
  // Digit strings also match across phone punctuation ("13812345678" in "138-1234-5678").
  const pattern = /^\d{5,}$/.test(needle.text)
    ? needle.text.split("").map(escapeRegExp).join("[\\s\\-().+]*")
    : escapeRegExp(needle.text);
  for (const m of text.matchAll(new RegExp(pattern, "g"))) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (needle.mode !== "anywhere") {
      if (isWordChar(text[start - 1])) continue;
      if (needle.mode === "word" && isWordChar(text[end])) continue;
    }
    out.push([start, end]);
  }
  return out;
}

/**
 * Escapes `original` and wraps every occurrence of the needles in `<mark>`, plus `extra` ranges
 * (UTF-16 offsets into `original`, e.g. the characters a pinyin query spelled).
 */
export function highlightText(
  original: string,
  needles: readonly Needle[],
  extra: ReadonlyArray<readonly [number, number]> = [],
): string {
  if (needles.length === 0 && extra.length === 0) return escapeHtml(original);
  const norm = normalizeWithMap(original);
  const ranges: Array<[number, number]> = extra.map(([s, e]) => [s, e]);
  for (const needle of needles) {
    for (const [s, e] of findNeedle(norm.text, needle)) {
      ranges.push([norm.starts[s] ?? 0, norm.ends[e - 1] ?? original.length]);
    }
  }
  if (ranges.length === 0) return escapeHtml(original);
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Overlapping or touching ranges (CJK bigrams 北京 + 京大) become one mark.
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  let out = "";
  let pos = 0;
  for (const [s, e] of merged) {
    out += escapeHtml(original.slice(pos, s)) + MARK_OPEN + escapeHtml(original.slice(s, e)) + MARK_CLOSE;
    pos = e;
  }
  return out + escapeHtml(original.slice(pos));
}

// Meilisearch inserts highlight tags into the raw (unescaped) text. We ask it for private-use
// characters instead of `<mark>`, escape the text ourselves and only then turn them into marks:
// with literal `<mark>` tags we could not tell our tags from a "<mark>" typed into a record.
export const SENTINEL_OPEN = "\uE000";
export const SENTINEL_CLOSE = "\uE001";

export function sentinelsToHtml(formatted: string): string {
  let out = "";
  let open = false;
  for (const part of formatted.split(/([\uE000\uE001])/u)) {
    if (part === SENTINEL_OPEN) {
      if (!open) out += MARK_OPEN;
      open = true;
    } else if (part === SENTINEL_CLOSE) {
      if (open) out += MARK_CLOSE;
      open = false;
    } else {
      out += escapeHtml(part);
    }
  }
  return open ? out + MARK_CLOSE : out;
}
