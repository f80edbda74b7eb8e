import { describe, expect, it } from "vitest";
import {
  foldText,
  normaliseCompany,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  normalisePlace,
} from "./normalise.ts";

describe("normaliseEmail", () => {
  it("lower-cases, folds full-width, drops +tags, and drops dots only where the provider ignores them", () => {
    expect(normaliseEmail("ＬＩＵ.Qiang+crm@GoogleMail.com")).toMatchObject({
      canonical: "liuqiang@gmail.com",
      domain: "gmail.com",
      free: true,
      letters: "liuqiang",
    });
    expect(normaliseEmail("Liu.Qiang+x@XingChen.cn")).toMatchObject({
      canonical: "liu.qiang@xingchen.cn",
      free: false,
      letters: "liuqiang",
    });
    expect(normaliseEmail("not-an-address")).toBeNull();
    expect(normaliseEmail("@x.cn")).toBeNull();
  });
});

describe("normalisePhone", () => {
  it("strips +86 / 0086 / 86 and punctuation, keeps landline area codes and extracts the local number", () => {
    for (const p of ["+86 138-0013-8000", "0086 13800138000", "8613800138000", "（138）0013 8000"]) {
      expect(normalisePhone(p)).toEqual({ key: "13800138000", mobile: true, local: "13800138000" });
    }
    expect(normalisePhone("(010) 6234 5678")).toEqual({ key: "01062345678", mobile: false, local: "62345678" });
    expect(normalisePhone("+86 10 6234 5678")).toEqual({ key: "01062345678", mobile: false, local: "62345678" });
    expect(normalisePhone("0755-86001234转801")).toEqual({ key: "075586001234", mobile: false, local: "86001234" });
    expect(normalisePhone("123")).toBeNull();
  });
});

describe("normaliseCompany", () => {
  it("removes brackets, legal forms, generic words and a leading place so variants meet", () => {
    const keys = [
      "北京星辰科技有限公司",
      "星辰科技（北京）有限公司",
      "星辰科技(集团)股份有限公司",
      "北京市星辰科技有限责任公司",
      "星辰集团",
    ].map((n) => normaliseCompany(n)?.key);
    expect(new Set(keys)).toEqual(new Set(["星辰"]));
    expect(normaliseCompany("上海云帆物流有限公司")?.key).toBe("云帆物流");
    expect(normaliseCompany("Huachuang Technology Co., Ltd.")?.key).toBe("huachuang");
    expect(normaliseCompany("臺灣積體電路製造股份有限公司")?.key).toBe("积体电路制造");
  });
});

describe("normaliseName", () => {
  it("gives simplified Han, surname-aware pinyin and initials", () => {
    expect(normaliseName("劉強")).toMatchObject({
      key: "刘强",
      han: true,
      pinyin: "liuqiang",
      initials: "lq",
      surname: "刘",
    });
    expect(normaliseName("单雄信")?.pinyin).toBe("shanxiongxin");
    expect(normaliseName("曾强")?.pinyin).toBe("zengqiang");
    expect(normaliseName("欧阳娜娜")).toMatchObject({ surname: "欧阳", initials: "oynn" });
  });

  it("keeps both orders for Latin names", () => {
    expect(normaliseName("Qiang LIU")).toMatchObject({ han: false, pinyin: "qiangliu", pinyinAlt: "liuqiang" });
  });
});

describe("places", () => {
  it("strips 市/省 and infers the province of a known city", () => {
    expect(normalisePlace("深圳市")).toEqual({ city: "深圳", province: "广东" });
    expect(normalisePlace(null, "广东省")).toEqual({ city: null, province: "广东" });
    expect(foldText(" 東莞 ")).toBe("东莞");
  });
});
