import { describe, expect, it } from "vitest";
import { parseFreeText } from "./free-text-query.ts";
import { normalisePhone } from "./normalise.ts";
import { splitPhoneRun } from "./phone-runs.ts";

// Property-style: generated mobiles and landlines in the ways people write them, paired with every
// separator people put between two numbers; the parser must read two phones, each the same line as
// what was generated. A seeded generator keeps failures reproducible.

function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join("");
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { int, digits, pick };
}

type Gen = ReturnType<typeof generator>;

/** A mobile number written one of the usual ways, with the digits it stands for. */
function mobile(g: Gen): { text: string; key: string } {
  const key = `1${g.pick(["3", "5", "7", "8", "9"])}${g.digits(9)}`;
  const [a, b, c] = [key.slice(0, 3), key.slice(3, 7), key.slice(7)];
  const text = g.pick([
    key,
    `${a}-${b}-${c}`,
    `${a} ${b} ${c}`,
    `+86 ${key}`,
    `+86 ${a}-${b}-${c}`,
    `+86-${key}`,
    `0086 ${key}`,
  ]);
  return { text, key };
}

/** A landline with its area code (3 or 4 digits, 7 or 8 digit subscriber number). */
function landline(g: Gen): { text: string; key: string } {
  const area = g.pick(["010", "020", "021", "024", "0755", "0571", "0592", "0311"]);
  const local = `${g.pick(["2", "5", "6", "8"])}${g.digits(area.length === 3 ? 7 : g.pick([6, 7]))}`;
  const key = `${area}${local}`;
  const half = Math.floor(local.length / 2);
  const text = g.pick([
    `${area}-${local}`,
    `${area} ${local}`,
    `(${area}) ${local}`,
    `(${area})${local}`,
    `${area}-${local.slice(0, half)} ${local.slice(half)}`,
    `(${area}) ${local.slice(0, half)} ${local.slice(half)}`,
    `${area}-${local.slice(0, half)}-${local.slice(half)}`,
  ]);
  return { text, key };
}

const SEPARATORS = [" ", "  ", ", ", "，", "/", " / ", "、", "; ", "；", " 或 ", "\t"];

describe("two numbers are two phones", () => {
  it("reads the issue's example as a mobile and a landline", () => {
    expect(parseFreeText("13910001234 010-62345678").phones).toEqual(["13910001234", "010-62345678"]);
    expect(parseFreeText("王磊 13910001234 010-62345678 北京").phones).toEqual(["13910001234", "010-62345678"]);
  });

  it("keeps one number written with spaces as one phone", () => {
    expect(splitPhoneRun("138 1234 5678")).toEqual(["138 1234 5678"]);
    expect(splitPhoneRun("(010) 6234 5678")).toEqual(["(010) 6234 5678"]);
    expect(splitPhoneRun("+86 138-0013-8000")).toEqual(["+86 138-0013-8000"]);
  });

  it("splits generated pairs of mobiles and landlines under every separator (2,000 cases)", () => {
    const g = generator(20261206);
    const failures: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const first = g.pick([mobile, landline])(g);
      const second = g.pick([mobile, landline])(g);
      const input = `${first.text}${g.pick(SEPARATORS)}${second.text}`;
      const phones = parseFreeText(input).phones;
      const keys = phones.map((p) => normalisePhone(p)?.key);
      if (keys.length !== 2 || keys[0] !== first.key || keys[1] !== second.key) {
        failures.push(`${JSON.stringify(input)} → ${JSON.stringify(phones)}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("reads three numbers in a row, and a single generated number as one phone", () => {
    const g = generator(7);
    for (let n = 0; n < 500; n++) {
      const one = g.pick([mobile, landline])(g);
      expect(parseFreeText(`张伟 ${one.text}`).phones.map((p) => normalisePhone(p)?.key)).toEqual([one.key]);
      const parts = [mobile(g), landline(g), mobile(g)];
      const keys = parseFreeText(parts.map((p) => p.text).join(" ")).phones.map((p) => normalisePhone(p)?.key);
      expect(keys).toEqual(parts.map((p) => p.key));
    }
  });
});
