import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createIntakeCategory, createIntakeStaff } from "#tests/factories/lead-intake.ts";
import { createMatchCompany, createMatchContact } from "#tests/factories/matching.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { setMatchIndexSyncInterval } from "#search/fuzzy/contact-index.server.ts";
import { submitLead, type IntakeResult } from "./lead-intake.server.ts";
import { DUPLICATE_WINDOW_DAYS, findLeadMatches, findRecentDuplicateLead, leadKeys } from "./lead-matching.server.ts";

// Lead intake × the fuzzy matcher: matches beyond the exact keys, and possible duplicates of
// recent leads.

beforeAll(() => setMatchIndexSyncInterval(0));
beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  setMatchIndexSyncInterval(5000);
  await db.$disconnect();
});

function created(result: IntakeResult) {
  if (result.status !== "created") throw new Error(`expected created, got ${JSON.stringify(result)}`);
  return result.lead;
}

describe("findLeadMatches", () => {
  it("keeps the exact anchors' scores and adds fuzzy candidates the keys miss", async () => {
    const company = await createMatchCompany(db, { name: "上海云帆物流有限公司", city: "上海" });
    const exact = await createMatchContact(db, { name: "王芳", email: "wang.fang@yunfan.cn", companyId: company.id });
    // Same person, but the lead writes the mobile the contact does not have and the e-mail with a typo.
    const fuzzy = await createMatchContact(db, {
      name: "陈晓东",
      email: "chen.xiaodong@yunfan.cn",
      city: "上海",
      companyId: company.id,
    });
    await createMatchContact(db, { name: "李娜", email: "li.na@other.cn", city: "广州" });

    const matches = await findLeadMatches(db, {
      contact: { name: "王芳", email: "Wang.Fang@YunFan.cn" },
      company: { name: "云帆物流（上海）有限公司", city: "上海" },
    });
    expect(matches).toContainEqual({ type: "contact", id: exact.id, score: 1 });
    expect(matches.find((m) => m.type === "company")).toMatchObject({ id: company.id });

    const typo = await findLeadMatches(db, {
      contact: { name: "陈晓冬", email: "chen.xiaodogn@yunfan.cn" },
      company: { name: "上海云帆物流有限公司", city: "上海" },
    });
    const hit = typo.find((m) => m.type === "contact" && m.id === fuzzy.id);
    expect(hit?.score).toBeGreaterThanOrEqual(0.8);
    expect(typo.every((m) => Object.keys(m).sort().join() === "id,score,type")).toBe(true);
    expect(typo.some((m) => m.type === "contact" && m.id === exact.id)).toBe(false);
  });
});

describe("possible duplicates of recent leads", () => {
  it("links a new lead to a recent lead of the same person, not to a colleague's or an old one", async () => {
    const owner = await createIntakeStaff(db);
    const category = await createIntakeCategory(db, { designatedStaffId: owner.id });
    const ctx = { categoryId: category.id, source: "api" as const };
    const first = created(
      await submitLead(
        db,
        {
          contact: { name: "刘强", email: "liu@xyz.com", mobile: "13902661088" },
          company: { name: "深圳讯驰科技有限公司", city: "深圳" },
          requirement: "想了解 CRM。",
        },
        ctx,
      ),
    );
    const again = created(
      await submitLead(
        db,
        {
          contact: { name: "刘志强", email: "LIU@xyz.com", mobile: "+86 139 0266 1088" },
          company: { name: "讯驰科技", city: "深圳" },
          requirement: "上次的需求，预算已批。",
        },
        ctx,
      ),
    );
    const colleague = created(
      await submitLead(
        db,
        {
          contact: { name: "王芳", email: "wang.fang@xyz.com" },
          company: { name: "深圳讯驰科技有限公司", city: "深圳" },
          requirement: "同一家公司的另一个人。",
        },
        ctx,
      ),
    );
    const rows = await db.lead.findMany({
      where: { id: { in: [first.id, again.id, colleague.id] } },
      select: { id: true, possibleDuplicateOfId: true },
      orderBy: { id: "asc" },
    });
    expect(rows).toEqual([
      { id: first.id, possibleDuplicateOfId: null },
      { id: again.id, possibleDuplicateOfId: first.id },
      { id: colleague.id, possibleDuplicateOfId: null },
    ]);

    // Outside the window it is a new conversation, not a duplicate.
    const submission = { contact: { name: "刘强", email: "liu@xyz.com" }, company: { name: "讯驰科技" } };
    const later = new Date(Date.now() + (DUPLICATE_WINDOW_DAYS + 1) * 24 * 3600 * 1000);
    expect(await findRecentDuplicateLead(db, submission, leadKeys(submission), later)).toBeNull();
    // Both earlier leads are this person; the one whose name also agrees is the better match.
    expect(await findRecentDuplicateLead(db, submission, leadKeys(submission))).toBe(first.id);
  });
});
