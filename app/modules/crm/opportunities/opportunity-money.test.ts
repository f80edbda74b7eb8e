import { describe, expect, it } from "vitest";
import { fromFen, lineTotal, sumMoney, toFen, weighted } from "./opportunity-money.ts";

describe("opportunity money (fen arithmetic)", () => {
  it("reads and writes amounts exactly", () => {
    expect(toFen("1234.5")).toBe(123450n);
    expect(toFen("0.07")).toBe(7n);
    expect(toFen("12.345")).toBeNull();
    expect(toFen("abc")).toBeNull();
    expect(fromFen(7n)).toBe("0.07");
    expect(fromFen(-123450n)).toBe("-1234.50");
  });

  it("rounds the discounted unit price half-up to the fen, then multiplies", () => {
    expect(lineTotal(3, "0.10")).toBe("0.30");
    expect(lineTotal(1, "0.05", "50")).toBe("0.03"); // 0.025 → 0.03
    expect(lineTotal(1, "0.05", "70")).toBe("0.02"); // 0.015 → 0.02
    expect(lineTotal(7, "19.99", "12.5")).toBe("122.43"); // 17.49125 → 17.49 × 7
    expect(lineTotal(2, "315000", "100")).toBe("0.00");
    expect(() => lineTotal(1, "1", "100.01")).toThrow(RangeError);
  });

  it("sums without float drift and weights by probability", () => {
    expect(sumMoney(["0.10", "0.20", "0.30"])).toBe("0.60");
    expect(sumMoney(Array.from({ length: 1000 }, () => "0.01"))).toBe("10.00");
    expect(weighted("315000.00", 60)).toBe("189000.00");
    expect(weighted("0.05", 50)).toBe("0.03");
  });
});
