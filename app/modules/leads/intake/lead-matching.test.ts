import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { findExactMatches, leadKeys, PROBE_HIT_LIMIT } from "./lead-matching.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

let serial = 0;
function contact(data: { emailKey?: string; phoneKey?: string }) {
  serial++;
  return db.contact.create({
    data: { number: recordNumber("contact", serial), familyName: "王", fullName: `王${serial}`, ...data },
  });
}
function company(nameKey: string) {
  serial++;
  return db.company.create({ data: { number: recordNumber("company", serial), name: nameKey, nameKey } });
}

describe("leadKeys", () => {
  it("normalises e-mail, phones (mobile first) and the company name", () => {
    expect(
      leadKeys({
        contact: { email: "Wang.Fang@YunFan.cn", phone: "010-6234 5678", mobile: "+86 139 1000 0001" },
        company: { name: "上海云帆物流有限公司" },
      }),
    ).toEqual({
      emailKey: "wang.fang@yunfan.cn",
      phoneKey: "13910000001",
      companyKey: "上海云帆物流",
      phoneProbes: ["13910000001", "01062345678"],
    });
    expect(leadKeys({ company: { name: "（）" } })).toEqual({
      emailKey: null,
      phoneKey: null,
      companyKey: null,
      phoneProbes: [],
    });
  });
});

describe("findExactMatches", () => {
  it("scores e-mail 1.0, phone 0.9 and company name 0.8, best score per record, best first", async () => {
    const both = await contact({ emailKey: "wang.fang@yunfan.cn", phoneKey: "13910000001" });
    const phoneOnly = await contact({ phoneKey: "01062345678" });
    await contact({ emailKey: "someone.else@yunfan.cn" });
    const firm = await company("上海云帆物流");
    await company("上海云帆");
    const keys = leadKeys({
      contact: { email: "wang.fang@yunfan.cn", phone: "010-62345678", mobile: "13910000001" },
      company: { name: "上海云帆物流有限公司" },
    });
    expect(await findExactMatches(db, keys)).toEqual([
      { type: "contact", id: both.id, score: 1 },
      { type: "contact", id: phoneOnly.id, score: 0.9 },
      { type: "company", id: firm.id, score: 0.8 },
    ]);
  });

  it("finds nothing without keys, and drops a probe that hits too many records", async () => {
    expect(await findExactMatches(db, leadKeys({}))).toEqual([]);
    for (let i = 0; i < PROBE_HIT_LIMIT; i++) await contact({ phoneKey: "4008001234" });
    const named = await contact({ emailKey: "li@x.cn", phoneKey: "4008001234" });
    const keys = leadKeys({ contact: { email: "li@x.cn", phone: "400-800-1234" } });
    // The shared hotline matches 22 contacts: useless as evidence; the e-mail still counts.
    expect(await findExactMatches(db, keys)).toEqual([{ type: "contact", id: named.id, score: 1 }]);
  });
});
