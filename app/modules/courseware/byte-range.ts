// HTTP range requests (RFC 9110 §14) for one representation of `size` bytes. Pure, so the rules are
// tested without a server; lesson-media.server.ts turns the answer into a response.

export type RangeAnswer =
  /** Send the whole representation (no Range, an If-Range that no longer matches, or a header to ignore). */
  | { kind: "full" }
  /** 206 with this inclusive byte span. */
  | { kind: "partial"; start: number; end: number }
  /** 416: the header was well-formed but no range overlaps the representation. */
  | { kind: "unsatisfiable" };

const SPEC = /^(\d*)-(\d*)$/;

/**
 * Decides what a `Range` header asks of a representation of `size` bytes.
 * - Not `bytes=`, or a malformed list: ignored (RFC 9110 §14.2 lets a server ignore Range) → full.
 * - Several ranges: served as the whole file rather than multipart/byteranges (video players ask for
 *   one range at a time; the whole body is a correct answer) → full.
 * - `a-b`, `a-`, `-n` (the last n bytes); `b` past the end is clamped to the last byte.
 * - `a` at or past the end, `a > b`, or `-0`: unsatisfiable → 416.
 */
export function parseRange(header: string | null, size: number): RangeAnswer {
  if (header === null) return { kind: "full" };
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return { kind: "full" };
  const specs = match[1]!
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (specs.length === 0) return { kind: "full" };
  const parsed = specs.map((s) => SPEC.exec(s));
  if (parsed.some((m) => m === null || (m[1] === "" && m[2] === ""))) return { kind: "full" };
  if (specs.length > 1) return { kind: "full" };
  const [, first, last] = parsed[0]!;
  if (first === "") {
    // Suffix range: the last n bytes.
    const n = Number(last);
    if (!Number.isSafeInteger(n) || n === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isFinite(end)) return { kind: "unsatisfiable" };
  if (start >= size || start > end) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

/**
 * Whether a conditional `If-Range` still names this representation. Only a strong entity tag or the
 * exact Last-Modified date counts (weak tags never match, §13.1.5); no header at all counts as a match.
 */
export function ifRangeMatches(header: string | null, validators: { etag: string; lastModified: Date }): boolean {
  if (header === null) return true;
  const value = header.trim();
  if (value.startsWith("W/")) return false;
  if (value.startsWith('"')) return value === validators.etag;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return false;
  return Math.floor(date / 1000) === Math.floor(validators.lastModified.getTime() / 1000);
}

/** Whether `If-None-Match` names this representation (weak comparison, `*` matches). */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const bare = etag.replace(/^W\//, "");
  return header
    .split(",")
    .map((t) => t.trim())
    .some((t) => t === "*" || t.replace(/^W\//, "") === bare);
}
