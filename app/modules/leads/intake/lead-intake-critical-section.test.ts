import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import {
  createIntakeCategory,
  createIntakeProducts,
  createIntakeStaff,
  createTokenGroupWith,
} from "#tests/factories/lead-intake.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { prepareIntake, submitLead } from "./lead-intake.server.ts";
import { findRecentDuplicateLead, leadKeys } from "./lead-matching.server.ts";
import { parseLeadSubmission, type LeadSubmission } from "./lead-submission.ts";

// Decision 061: what an intake reads without a lock (SKUs, member, matches, an earlier lead of the
// same person) happens before its transaction, and the duplicate probe reads through one index per key.

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

function submission(input: unknown): LeadSubmission {
  const parsed = parseLeadSubmission(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

async function channel() {
  const owner = await createIntakeStaff(db);
  const group = await createTokenGroupWith(db, [{ staffId: owner.id }]);
  const category = await createIntakeCategory(db, { designatedStaffId: owner.id, tokenGroupId: group.id });
  return { owner, group, category };
}

describe("prepareIntake", () => {
  it("reads items, matches and an earlier lead while another intake holds the channel's lock, writing nothing", async () => {
    const { category } = await channel();
    await createIntakeProducts(db, [{ sku: "RLY-CRM-STD", name: "接力 CRM 标准版" }]);
    const contact = await db.contact.create({
      data: { number: "CONT000000000001", familyName: "刘", fullName: "刘洋", emailKey: "liu.yang@xingchen.cn" },
    });
    const body = {
      contact: { name: "刘洋", email: "liu.yang@xingchen.cn" },
      company: { name: "北京星辰科技有限公司" },
      requirement: "第一次咨询。",
      items: [{ sku: "rly-crm-std", quantity: 3 }],
    };
    const first = await submitLead(db, body, { categoryId: category.id, source: "api" });
    if (first.status !== "created") throw new Error(first.status);
    const leadsBefore = await db.lead.count();

    // Another intake of this channel sits inside its critical section (category row locked).
    const prepared = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT \`id\` FROM \`RegistrationCategory\` WHERE \`id\` = ${category.id} FOR UPDATE`;
      const again = submission({ ...body, requirement: "第二次咨询。" });
      return Promise.race([
        prepareIntake(db, again, {}),
        new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 3000)),
      ]);
    });

    if (prepared === "blocked" || !prepared.ok) throw new Error(`prepareIntake: ${JSON.stringify(prepared)}`);
    expect(prepared.items).toEqual([{ sku: "RLY-CRM-STD", productName: "接力 CRM 标准版", quantity: 3 }]);
    expect(prepared.matches).toContainEqual({ type: "contact", id: contact.id, score: 1 });
    expect(prepared.possibleDuplicateOfId).toBe(first.lead.id);
    expect(await db.lead.count()).toBe(leadsBefore);
  });

  it("rejects an unknown SKU before any transaction, so nothing is locked or written", async () => {
    const { group, category } = await channel();
    const result = await submitLead(
      db,
      { contact: { name: "王芳" }, items: [{ sku: "NO-SUCH-SKU", quantity: 1 }] },
      { categoryId: category.id, source: "api" },
    );
    expect(result).toEqual({ status: "invalid", errors: { "items.0.sku": ["leads.error.unknownSku"] } });
    expect(await db.lead.count()).toBe(0);
    expect((await db.tokenGroup.findUniqueOrThrow({ where: { id: group.id } })).cursor).toBe(-1);
  });
});

describe("findRecentDuplicateLead: one indexed probe per key", () => {
  it("finds the newest matching lead by company key alone among many recent leads of other companies", async () => {
    const { category } = await channel();
    const ctx = { categoryId: category.id, source: "api" as const };
    const target = await submitLead(
      db,
      { contact: { name: "赵磊", mobile: "13912345678" }, company: { name: "杭州云帆网络科技有限公司", city: "杭州" } },
      ctx,
    );
    if (target.status !== "created") throw new Error(target.status);
    for (let i = 0; i < 60; i++) {
      await submitLead(db, { contact: { name: `客户${i}` }, company: { name: `苏州远景${i}号有限公司` } }, ctx);
    }
    // Same person and company, phone written differently; the company key alone finds the candidate.
    const again = { contact: { name: "赵磊", phone: "139-1234-5678" }, company: { name: "杭州云帆网络科技" } };
    expect(await findRecentDuplicateLead(db, again, leadKeys(again))).toBe(target.lead.id);
    // Nothing to probe with: no query, no match.
    expect(
      await findRecentDuplicateLead(db, { contact: { name: "赵磊" } }, leadKeys({ contact: { name: "赵磊" } })),
    ).toBe(null);
  });

  it("can read the company-key probe through an index (the key whose OR walked every lead)", async () => {
    // possible_keys, not the chosen key: on a near-empty test table any plan is cheap.
    const plan = await db.$queryRaw<Array<{ possible_keys: string | null }>>`
      EXPLAIN SELECT \`id\` FROM \`Lead\` WHERE \`companyKey\` = ${"云帆网络科技"} AND \`createdAt\` >= ${new Date(0)}
      ORDER BY \`id\` DESC LIMIT 50`;
    expect(plan[0]?.possible_keys?.split(",")).toContain("Lead_companyKey_idx");
  });
});
