import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createMatchContact } from "#tests/factories/matching.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { setMatchIndexSyncInterval } from "#search/fuzzy/contact-index.server.ts";
import { suggestLinks } from "./member-linking.server.ts";

// Member linking × the fuzzy matcher: after the exact-key suggestions, contacts only fuzzy
// matching finds (pinyin e-mail, reformatted/other phone) with their score and evidence.

beforeAll(() => setMatchIndexSyncInterval(0));
beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  setMatchIndexSyncInterval(5000);
  await db.$disconnect();
});

describe("suggestLinks with fuzzy candidates", () => {
  it("adds contacts only fuzzy matching finds (traditional characters, homophones) after the exact ones", async () => {
    const { member } = await createTestMember(db, { email: "liuyang@qq.com", realName: "劉洋" });
    const byEmail = await createMatchContact(db, { name: "刘小洋", email: "LiuYang@qq.com" });
    const traditional = await createMatchContact(db, { name: "刘洋", city: "杭州" });
    const homophone = await createMatchContact(db, { name: "柳阳", mobile: "13910002000" });
    await createMatchContact(db, { name: "李娜", email: "li.na@qq.com" });

    const { contacts } = await suggestLinks(db, member.id);
    expect(contacts.map((c) => c.id)).toEqual([byEmail.id, traditional.id, homophone.id]);
    expect(contacts[0]).toMatchObject({ evidence: ["email"] });
    expect(contacts[0]!.fuzzy).toBeUndefined();
    expect(contacts[1]).toMatchObject({ evidence: [], fuzzy: { verdict: "possible" } });
    expect(contacts[1]!.fuzzy!.evidence.map((e) => e.code)).toEqual(["name_exact"]);
    expect(contacts[2]!.fuzzy!.evidence.map((e) => e.code)).toEqual(["name_pinyin"]);
    expect(contacts[1]!.fuzzy!.score).toBeGreaterThan(contacts[2]!.fuzzy!.score);
  });
});
