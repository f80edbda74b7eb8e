import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
import { fieldErrors, LeadSubmissionSchema, parseLeadSubmission } from "./lead-submission.ts";

function errorsOf(input: unknown) {
  const parsed = LeadSubmissionSchema.safeParse(input);
  if (parsed.success) throw new Error(`expected errors for ${JSON.stringify(input)}`);
  return fieldErrors(parsed.error);
}

describe("LeadSubmissionSchema", () => {
  it("trims every string and turns blanks and nulls into absent fields", () => {
    const parsed = LeadSubmissionSchema.parse({
      contact: { name: "  张伟 ", title: "", email: null, phone: "   ", mobile: " 13800138000 " },
      company: { name: " 星辰科技 ", province: "", city: "北京" },
      requirement: "  ",
      items: [],
      memberEmail: "",
    });
    expect(parsed).toEqual({
      contact: { name: "张伟", mobile: "13800138000" },
      company: { name: "星辰科技", city: "北京" },
    });
  });

  it("lower-cases e-mail addresses and accepts quantities posted as text", () => {
    const parsed = LeadSubmissionSchema.parse({
      contact: { email: " Zhang.Wei@Example.CN " },
      items: [{ sku: " RLY-CRM-STD ", quantity: "12" }],
      memberEmail: "ME@Example.cn",
    });
    expect(parsed.contact?.email).toBe("zhang.wei@example.cn");
    expect(parsed.memberEmail).toBe("me@example.cn");
    expect(parsed.items).toEqual([{ sku: "RLY-CRM-STD", quantity: 12 }]);
  });

  it("drops empty contact and company objects", () => {
    const parsed = LeadSubmissionSchema.parse({ contact: { name: "", email: "" }, company: { name: "星辰" } });
    expect(parsed.contact).toBeUndefined();
    expect(parsed.company).toEqual({ name: "星辰" });
  });

  describe("the 联系人@单位 rule", () => {
    it("accepts a contact name, a contact e-mail, a phone or mobile, or a company name alone", () => {
      for (const input of [
        { contact: { name: "张伟" } },
        { contact: { email: "a@b.cn" } },
        { contact: { phone: "010-62345678" } },
        { contact: { mobile: "13800138000" } },
        { company: { name: "星辰科技" } },
      ]) {
        expect(LeadSubmissionSchema.safeParse(input).success, JSON.stringify(input)).toBe(true);
      }
    });

    it("rejects a submission with neither, on both contact and company", () => {
      const expected = {
        contact: ["leads.error.contactOrCompany"],
        company: ["leads.error.contactOrCompany"],
      };
      expect(errorsOf({})).toEqual(expected);
      expect(errorsOf({ requirement: "只写了需求", contact: { title: "经理" }, company: { city: "北京" } })).toEqual(
        expected,
      );
      expect(errorsOf({ contact: { name: "  " }, company: { name: "" } })).toEqual(expected);
    });

    it("is reported together with other field errors by parseLeadSubmission", () => {
      const result = parseLeadSubmission({ contact: { title: "x".repeat(101) }, requirement: "需求" });
      expect(result).toEqual({
        success: false,
        errors: {
          "contact.title": ["leads.error.tooLong"],
          contact: ["leads.error.contactOrCompany"],
          company: ["leads.error.contactOrCompany"],
        },
      });
    });
  });

  it("reports each bad field under its path with a leads message key", () => {
    expect(
      errorsOf({
        contact: { name: "张伟", email: "zhang@", phone: "call me", fax: 12345 },
        company: { name: "x".repeat(201) },
        requirement: "需".repeat(5001),
        items: [
          { sku: "", quantity: 1 },
          { sku: "A", quantity: 1.5 },
          { sku: "B", quantity: 100_001 },
          { quantity: 2 },
        ],
        memberEmail: "nope",
      }),
    ).toEqual({
      "contact.email": ["leads.error.invalidEmail"],
      "contact.phone": ["leads.error.invalidPhone"],
      "contact.fax": ["leads.error.invalid"],
      "company.name": ["leads.error.tooLong"],
      requirement: ["leads.error.requirementTooLong"],
      "items.0.sku": ["leads.error.required"],
      "items.1.quantity": ["leads.error.quantity"],
      "items.2.quantity": ["leads.error.quantity"],
      "items.3.sku": ["leads.error.required"],
      memberEmail: ["leads.error.invalidEmail"],
    });
  });

  it("accepts phone numbers as people write them and refuses ones without enough digits", () => {
    for (const phone of [
      "+86 138-0013-8000",
      "(010) 6234 5678 转 801",
      "021-5555 1234 ext. 12",
      "０１０－６２３４５６７８",
    ]) {
      expect(LeadSubmissionSchema.safeParse({ contact: { phone } }).success, phone).toBe(true);
    }
    for (const phone of ["1234", "abc-defg", "138 0013 8000 <script>"]) {
      expect(errorsOf({ company: { name: "星辰" }, contact: { phone } }), phone).toEqual({
        "contact.phone": ["leads.error.invalidPhone"],
      });
    }
  });

  it("limits items to 50 and quantities to 1..100000", () => {
    const items = Array.from({ length: 51 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 1 }));
    expect(errorsOf({ company: { name: "星辰" }, items })).toEqual({ items: ["leads.error.tooManyItems"] });
    expect(
      LeadSubmissionSchema.safeParse({ company: { name: "星辰" }, items: [{ sku: "A", quantity: 100_000 }] }).success,
    ).toBe(true);
    expect(errorsOf({ company: { name: "星辰" }, items: [{ sku: "A", quantity: 0 }] })).toEqual({
      "items.0.quantity": ["leads.error.quantity"],
    });
  });

  it("rejects a body that is not an object", () => {
    expect(parseLeadSubmission(null)).toEqual({ success: false, errors: { form: ["leads.error.invalid"] } });
    expect(parseLeadSubmission([1, 2])).toEqual({ success: false, errors: { form: ["leads.error.invalid"] } });
  });

  it("only produces keys that exist in both dictionaries", () => {
    const result = parseLeadSubmission({
      contact: { email: "x", phone: "y", title: "z".repeat(200) },
      items: [{ sku: "", quantity: -1 }],
      requirement: "r".repeat(6000),
    });
    if (result.success) throw new Error("expected errors");
    const keys = Object.values(result.errors).flat();
    expect(keys.length).toBeGreaterThan(4);
    for (const key of keys) {
      for (const messages of Object.values(DICTIONARIES)) {
        expect(Object.hasOwn(messages, key), key).toBe(true);
      }
    }
  });
});
