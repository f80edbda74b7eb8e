import { describe, expect, it } from "vitest";
import { ifNoneMatchMatches, ifRangeMatches, parseRange } from "./byte-range.ts";

// RFC 9110 range rules for a 1000-byte representation.

describe("parseRange", () => {
  const size = 1000;
  it("serves a closed, open and suffix range", () => {
    expect(parseRange("bytes=0-99", size)).toEqual({ kind: "partial", start: 0, end: 99 });
    expect(parseRange("bytes=900-", size)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("bytes=-100", size)).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(parseRange("Bytes = 5-5", size)).toEqual({ kind: "partial", start: 5, end: 5 });
  });

  it("clamps an end past the last byte and a suffix longer than the file", () => {
    expect(parseRange("bytes=990-5000", size)).toEqual({ kind: "partial", start: 990, end: 999 });
    expect(parseRange("bytes=-5000", size)).toEqual({ kind: "partial", start: 0, end: 999 });
    expect(parseRange("bytes=0-99999999999999999999", size)).toEqual({ kind: "partial", start: 0, end: 999 });
  });

  it("answers unsatisfiable for a start past the end, an inverted range and a zero suffix", () => {
    expect(parseRange("bytes=1000-", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=5000-6000", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=50-10", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", size)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("ignores what it does not understand, and several ranges, by sending the whole file", () => {
    for (const header of [null, "", "items=0-5", "bytes=", "bytes=abc", "bytes=-", "bytes=1-2-3", "bytes=0-1,5-9"]) {
      expect(parseRange(header, size), String(header)).toEqual({ kind: "full" });
    }
  });
});

describe("conditional range validators", () => {
  const validators = { etag: '"abc"', lastModified: new Date("2026-12-01T08:00:00.000Z") };
  it("If-Range matches only the strong tag or the exact date", () => {
    expect(ifRangeMatches(null, validators)).toBe(true);
    expect(ifRangeMatches('"abc"', validators)).toBe(true);
    expect(ifRangeMatches('"old"', validators)).toBe(false);
    expect(ifRangeMatches('W/"abc"', validators)).toBe(false);
    expect(ifRangeMatches("Tue, 01 Dec 2026 08:00:00 GMT", validators)).toBe(true);
    expect(ifRangeMatches("Tue, 01 Dec 2026 08:00:01 GMT", validators)).toBe(false);
    expect(ifRangeMatches("not a date", validators)).toBe(false);
  });

  it("If-None-Match compares weakly and honours *", () => {
    expect(ifNoneMatchMatches('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(ifNoneMatchMatches("*", '"abc"')).toBe(true);
    expect(ifNoneMatchMatches('"x"', '"abc"')).toBe(false);
    expect(ifNoneMatchMatches(null, '"abc"')).toBe(false);
  });
});
