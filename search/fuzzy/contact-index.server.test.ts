import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createMatchCompany, createMatchContact } from "#tests/factories/matching.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { matchIndex, setMatchIndexSyncInterval } from "./contact-index.server.ts";
import { toFeatures } from "./features.ts";

beforeAll(() => setMatchIndexSyncInterval(0));
beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  setMatchIndexSyncInterval(5000);
  await db.$disconnect();
});

describe("the DB-backed match index", () => {
  it("builds from the database, reports its size, and re-indexes contacts of a renamed company", async () => {
    const company = await createMatchCompany(db, { name: "杭州瑞丰贸易有限公司", city: "杭州" });
    const contact = await createMatchContact(db, { name: "孙丽", email: "sun.li@ruifeng.cn", companyId: company.id });
    const index = matchIndex();
    await index.ready(db, true);
    expect(index.stats()).toMatchObject({ contacts: 1, companies: 1 });
    expect(index.stats().keys).toBeGreaterThan(3);
    expect(index.contacts.candidates(toFeatures({ companyName: "瑞丰贸易" })).has(contact.id)).toBe(true);

    await db.company.update({ where: { id: company.id }, data: { name: "杭州恒通物流有限公司" } });
    await index.ready(db);
    expect(index.contacts.candidates(toFeatures({ companyName: "恒通物流" })).has(contact.id)).toBe(true);
    expect(index.contacts.candidates(toFeatures({ companyName: "瑞丰贸易" })).has(contact.id)).toBe(false);
    expect(index.companies.candidates(toFeatures({ companyName: "恒通物流（杭州）有限公司" })).has(company.id)).toBe(
      true,
    );
  });

  it("waits for the sync interval between checks", async () => {
    const index = matchIndex();
    await index.ready(db, true);
    setMatchIndexSyncInterval(60_000);
    try {
      const c = await createMatchContact(db, { name: "钱多多", mobile: "13700000009" });
      await index.ready(db);
      expect(index.contacts.has(c.id)).toBe(false);
      await index.ready(db, true);
      expect(index.contacts.has(c.id)).toBe(true);
    } finally {
      setMatchIndexSyncInterval(0);
    }
  });
});
