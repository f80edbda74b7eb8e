import { describe, expect, it } from "vitest";
import { parseFreeText } from "./free-text-query.ts";

describe("parseFreeText", () => {
  it("splits the seed example into name, city and e-mail", () => {
    expect(parseFreeText("刘强 深圳 liu@xyz.com")).toEqual({
      name: "刘强",
      email: "liu@xyz.com",
      phones: [],
      city: "深圳",
      province: null,
      companyName: null,
      emailDomain: null,
      initials: null,
      phoneFragments: [],
      nameMayBeCity: false,
    });
  });

  it("finds phones with punctuation, places glued to names, pinyin cities and company words", () => {
    expect(parseFreeText("深圳刘强 +86 138-0013-8000")).toMatchObject({
      name: "刘强",
      city: "深圳",
      phones: ["+86 138-0013-8000"],
    });
    expect(parseFreeText("Liu Qiang shenzhen 星辰科技")).toMatchObject({
      name: "Liu Qiang",
      city: "深圳",
      companyName: "星辰科技",
    });
    expect(parseFreeText("星辰科技（北京）有限公司，王磊，010-6234 5678")).toMatchObject({
      name: "王磊",
      companyName: "星辰科技(北京)有限公司",
      phones: ["010-6234 5678"],
    });
    expect(parseFreeText("广东省 深圳市 劉強")).toMatchObject({ name: "刘强", city: "深圳", province: "广东" });
  });
});
