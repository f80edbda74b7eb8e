import { describe, expect, it } from "vitest";
import { companyNameKey, contactPhoneKey, emailKey, phoneKey } from "./match-keys.ts";
import { recordNumber } from "./record-numbers.ts";

describe("emailKey", () => {
  it("lower-cases, trims and folds full-width characters", () => {
    expect(emailKey("  Liu.Qiang@XYZ.com ")).toBe("liu.qiang@xyz.com");
    expect(emailKey("ｌｉｕ＠ｘｙｚ．ｃｏｍ")).toBe("liu@xyz.com");
  });
  it("rejects empty and non-addresses", () => {
    expect(emailKey("")).toBeNull();
    expect(emailKey(null)).toBeNull();
    expect(emailKey("not an email")).toBeNull();
  });
});

describe("phoneKey", () => {
  it("makes mobiles with and without +86 meet", () => {
    expect(phoneKey("+86 138-0013-8000")).toBe("13800138000");
    expect(phoneKey("0086 13800138000")).toBe("13800138000");
    expect(phoneKey("8613800138000")).toBe("13800138000");
    expect(phoneKey("138 0013 8000")).toBe("13800138000");
  });
  it("keeps landline area codes and restores the trunk 0 after 86", () => {
    expect(phoneKey("010-62345678")).toBe("01062345678");
    expect(phoneKey("+86 10 6234 5678")).toBe("01062345678");
    expect(phoneKey("(0755) 8888-1234")).toBe("075588881234");
  });
  it("ignores fragments too short to identify anyone", () => {
    expect(phoneKey("123")).toBeNull();
    expect(phoneKey(undefined)).toBeNull();
  });
  it("prefers the mobile for contacts", () => {
    expect(contactPhoneKey({ mobile: "13900001111", phone: "010-1234567" })).toBe("13900001111");
    expect(contactPhoneKey({ mobile: null, phone: "010-1234567" })).toBe("0101234567");
  });
});

describe("companyNameKey", () => {
  it("drops legal-form suffixes, brackets and punctuation", () => {
    expect(companyNameKey("北京星辰科技有限公司")).toBe("北京星辰科技");
    expect(companyNameKey("深圳华创电子股份有限公司")).toBe("深圳华创电子");
    expect(companyNameKey("上海（浦东）远航物流集团有限公司")).toBe("上海远航物流");
    expect(companyNameKey("Acme Trading Co., Ltd.")).toBe("acmetrading");
  });
  it("does not reduce a name that is only a suffix to nothing", () => {
    expect(companyNameKey("有限公司")).toBe("有限公司");
  });
});

describe("recordNumber", () => {
  it("pads to the seeds' 16-character format", () => {
    expect(recordNumber("company", 1)).toBe("ACNT000000000001");
    expect(recordNumber("contact", 4)).toBe("CONT000000000004");
  });
});
