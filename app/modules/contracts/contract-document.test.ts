import { describe, expect, it } from "vitest";
import { mergeSegments } from "./contract-document.ts";

describe("mergeSegments", () => {
  it("fills scalar fields, splits around block fields and keeps unknown fields as typed", () => {
    expect(
      mergeSegments("合同编号：{{contract.number}}\n{{ products }}\n甲方 {{company.name}} {{contract.bogus}}{{plan}}", {
        "contract.number": "CTRT202612070001",
        "company.name": "上海脉动健康有限公司",
      }),
    ).toEqual([
      { kind: "text", text: "合同编号：CTRT202612070001\n" },
      { kind: "block", block: "products" },
      { kind: "text", text: "\n甲方 上海脉动健康有限公司 {{contract.bogus}}" },
      { kind: "block", block: "plan" },
    ]);
  });

  it("never turns merged values into markup: a value with {{…}} or <b> stays text", () => {
    expect(mergeSegments("{{company.name}}", { "company.name": "<b>{{products}}</b>" })).toEqual([
      { kind: "text", text: "<b>{{products}}</b>" },
    ]);
  });
});
