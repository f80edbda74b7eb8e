import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createMatchCompany, createMatchContact, createSeedExamplePeople } from "#tests/factories/matching.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { matchIndex, setMatchIndexSyncInterval } from "#search/fuzzy/contact-index.server.ts";
import { suggestRecordMatches } from "./record-suggestions.server.ts";

beforeAll(() => setMatchIndexSyncInterval(0));
beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  setMatchIndexSyncInterval(5000);
  await db.$disconnect();
});

describe("suggestRecordMatches", () => {
  it("ranks the seed example's person first as the same person, with evidence", async () => {
    const people = await createSeedExamplePeople(db);
    const { contacts, companies } = await suggestRecordMatches(db, {
      name: "刘强",
      email: "liu@xyz.com",
      city: "深圳",
    });
    expect(contacts[0]).toMatchObject({ type: "contact", id: people.target.id, verdict: "same", label: "刘志强" });
    expect(contacts[0]!.evidence.map((e) => e.code)).toEqual(expect.arrayContaining(["email_exact", "city_match"]));
    const ids = contacts.map((c) => c.id);
    // The 深圳 namesake comes before the 北京 one; all scores are 0..1 and descending.
    expect(ids.indexOf(people.namesake.id)).toBeLessThan(ids.indexOf(people.elsewhere.id));
    expect(contacts.every((c, i) => c.score <= 1 && (i === 0 || contacts[i - 1]!.score >= c.score))).toBe(true);
    expect(companies).toEqual([]);
  });

  it("finds fuzzy matches the exact keys miss: pinyin e-mail + company variant, typo'd e-mail", async () => {
    const company = await createMatchCompany(db, { name: "北京星辰科技有限公司", city: "北京" });
    const wang = await createMatchContact(db, {
      name: "王芳",
      email: "wang.fang@xingchen.cn",
      city: "北京",
      companyId: company.id,
    });
    const pinyin = await suggestRecordMatches(db, {
      email: "wangfang@163.com",
      companyName: "星辰科技（北京）有限公司",
    });
    expect(pinyin.contacts[0]).toMatchObject({ id: wang.id, verdict: "possible" });
    expect(pinyin.contacts[0]!.evidence.map((e) => e.code)).toEqual(["email_local_pinyin", "company_exact"]);
    expect(pinyin.companies[0]).toMatchObject({ id: company.id, verdict: "same" });

    const typo = await suggestRecordMatches(db, { name: "王芳", email: "wang.fnag@xingchen.cn" });
    expect(typo.contacts[0]).toMatchObject({ id: wang.id, verdict: "same" });
  });

  it("sees rows created and changed since the last sync, and forgets deleted ones", async () => {
    const first = await suggestRecordMatches(db, { mobile: "+86 139 0000 0001" });
    expect(first.contacts).toEqual([]);
    const c = await createMatchContact(db, { name: "赵磊", mobile: "13900000001" });
    // A phone ending only (not an exact key): found through the index's t: key after the sync.
    const bySuffix = await suggestRecordMatches(db, { phone: "0000001", name: "赵磊" });
    expect(bySuffix.contacts[0]).toMatchObject({ id: c.id });
    await db.contact.update({
      where: { id: c.id },
      data: { fullName: "赵雷", mobile: "13900000002", phoneKey: "13900000002" },
    });
    const renamed = await suggestRecordMatches(db, { name: "赵雷", phone: "0000002" });
    expect(renamed.contacts[0]).toMatchObject({ id: c.id, label: "赵雷" });
    await db.contact.delete({ where: { id: c.id } });
    expect((await suggestRecordMatches(db, { name: "赵雷", phone: "0000002" })).contacts).toEqual([]);
    expect(matchIndex().contacts.has(c.id)).toBe(false);
  });

  it("returns nothing for empty input and stays under the limit", async () => {
    expect(await suggestRecordMatches(db, {})).toEqual({ contacts: [], companies: [] });
    for (let i = 0; i < 7; i++) await createMatchContact(db, { name: "张伟", city: "上海" });
    const { contacts } = await suggestRecordMatches(db, { name: "张伟", city: "上海" }, { limit: 3 });
    expect(contacts).toHaveLength(3);
    expect(contacts.every((c) => c.verdict === "possible")).toBe(true);
  });
});
