import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestDistributionRule } from "#tests/factories/distribution.ts";
import { createMarketingManager, createRulesActor } from "#tests/factories/rules.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  addRuleAssignee,
  createDistributionRule,
  deleteDistributionRule,
  getDistributionRule,
  listDistributionRules,
  moveDistributionRule,
  removeRuleAssignee,
  saveRuleAssigneeRights,
  setDistributionRuleActive,
  setDistributionRuleFlag,
  updateDistributionRule,
} from "./distribution-rules.server.ts";
import { RulesForbiddenError } from "./rules-access.server.ts";

const NO_RIGHTS = { canEditNeed: false, canEditContact: false, canEditCompany: false, canEditStatus: false };

describe("distribution rules", () => {
  beforeEach(() => resetDatabase());

  it("creates rules from the seed's OR notation, at the end of the order, with an audit row", async () => {
    const { actor } = await createMarketingManager(db);
    const bj = await createDistributionRule(db, actor, {
      name: " 北京地区 ",
      regionKeywords: "北京 OR beijing",
      phoneKeywords: "010- OR 8610-",
    });
    const sh = await createDistributionRule(db, actor, {
      name: "上海地区",
      regionKeywords: "上海，shanghai",
      alsoApply: "on",
    });
    expect(bj.ok && sh.ok).toBe(true);
    const rules = await listDistributionRules(db);
    expect(rules.map((r) => [r.name, r.position, r.regionKeywords, r.phoneKeywords, r.alsoApply])).toEqual([
      ["北京地区", 0, ["北京", "beijing"], ["010-", "8610-"], false],
      ["上海地区", 1, ["上海", "shanghai"], [], true],
    ]);
    expect(await db.auditLog.count({ where: { action: "distribution_rule.created" } })).toBe(2);
  });

  it("refuses a rule without keywords (unless catch-all), a second catch-all, and over-long lists", async () => {
    const { actor } = await createMarketingManager(db);
    expect(
      await createDistributionRule(db, actor, { name: "空规则", regionKeywords: " OR ", phoneKeywords: "" }),
    ).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { regionKeywords: { key: "distribution.validation.keywordsRequired" } },
      formError: undefined,
    });
    expect(await createDistributionRule(db, actor, { name: "" })).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "validation.required" } },
    });
    const many = Array.from({ length: 31 }, (_, i) => `k${i}`).join(",");
    expect(await createDistributionRule(db, actor, { name: "多", regionKeywords: many })).toMatchObject({
      ok: false,
      fieldErrors: { regionKeywords: { key: "distribution.validation.tooManyKeywords", vars: { max: 30 } } },
    });
    // The catch-all needs no keywords and drops any it is given.
    const others = await createDistributionRule(db, actor, { name: "其它地区", isCatchAll: "on", regionKeywords: "x" });
    expect(others.ok).toBe(true);
    if (others.ok) expect((await getDistributionRule(db, others.ruleId))!.regionKeywords).toEqual([]);
    expect(await createDistributionRule(db, actor, { name: "兜底二", isCatchAll: "on" })).toMatchObject({
      ok: false,
      fieldErrors: { isCatchAll: { key: "distribution.validation.catchAllTaken", vars: { name: "其它地区" } } },
    });
    expect(await db.distributionRule.count()).toBe(1);
  });

  it("only company-wide lead managers may change rules", async () => {
    const { actor } = await createRulesActor(db, { grants: [{ module: "leads", action: "modify", scope: "team" }] });
    await expect(createDistributionRule(db, actor, { name: "x", regionKeywords: "北京" })).rejects.toBeInstanceOf(
      RulesForbiddenError,
    );
  });

  it("moves rules up and down, keeping the catch-all last, and survives concurrent moves", async () => {
    const { actor } = await createMarketingManager(db);
    const a = await createTestDistributionRule(db, { name: "A", region: "a" });
    const b = await createTestDistributionRule(db, { name: "B", region: "b" });
    const c = await createTestDistributionRule(db, { name: "C", region: "c" });
    // A catch-all stored at position 0 is still evaluated (and listed) last.
    await db.distributionRule.update({ where: { id: a.id }, data: { position: 10 } });
    const z = await createTestDistributionRule(db, { name: "Z", isCatchAll: true, position: 0 });
    const names = async () => (await listDistributionRules(db)).map((r) => r.name);
    expect(await names()).toEqual(["B", "C", "A", "Z"]);

    expect(await moveDistributionRule(db, actor, a.id, "up")).toEqual({ ok: true, moved: true });
    expect(await names()).toEqual(["B", "A", "C", "Z"]);
    expect(await moveDistributionRule(db, actor, b.id, "up")).toEqual({ ok: true, moved: false });
    expect(await moveDistributionRule(db, actor, z.id, "up")).toEqual({ ok: true, moved: false });
    expect(await moveDistributionRule(db, actor, 999_999, "up")).toEqual({ ok: false, reason: "not-found" });

    // Ten moves at once: each locks the list, positions stay unique, the rules stay the same set.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        moveDistributionRule(db, actor, [a.id, b.id, c.id][i % 3]!, i % 2 ? "up" : "down"),
      ),
    );
    const after = await listDistributionRules(db);
    expect(after.map((r) => r.name).sort()).toEqual(["A", "B", "C", "Z"]);
    expect(after[3]!.name).toBe("Z");
    expect(new Set(after.map((r) => r.position)).size).toBe(4);
  });

  it("edits conditions and flags; the catch-all cannot keep matching and leaves its role only with keywords", async () => {
    const { actor } = await createMarketingManager(db);
    const rule = await createTestDistributionRule(db, { name: "北京地区", region: "北京" });
    expect(
      await updateDistributionRule(db, actor, rule.id, {
        name: "北京地区",
        regionKeywords: "北京\nBeijing",
        phoneKeywords: "010-",
        alsoApply: "on",
      }),
    ).toEqual({ ok: true });
    expect(await getDistributionRule(db, rule.id)).toMatchObject({
      regionKeywords: ["北京", "Beijing"],
      phoneKeywords: ["010-"],
      alsoApply: true,
    });
    expect(await setDistributionRuleActive(db, actor, rule.id, false)).toEqual({ ok: true });
    expect((await getDistributionRule(db, rule.id))!.active).toBe(false);

    expect(await setDistributionRuleFlag(db, actor, rule.id, "isCatchAll", true)).toEqual({ ok: true });
    expect(await getDistributionRule(db, rule.id)).toMatchObject({
      isCatchAll: true,
      alsoApply: false,
      regionKeywords: [],
    });
    expect(await setDistributionRuleFlag(db, actor, rule.id, "alsoApply", true)).toMatchObject({
      ok: false,
      fieldErrors: { alsoApply: { key: "distribution.validation.alsoApplyCatchAll" } },
    });
    expect(await setDistributionRuleFlag(db, actor, rule.id, "isCatchAll", false)).toMatchObject({
      ok: false,
      fieldErrors: { isCatchAll: { key: "distribution.validation.catchAllOffNeedsKeywords" } },
    });
  });

  it("adds salespeople with rights, saves changed rights, removes them; refuses inactive staff and duplicates", async () => {
    const { actor } = await createMarketingManager(db);
    const rule = await createTestDistributionRule(db, { name: "北京地区", region: "北京" });
    const a1 = (await createTestStaff(db)).staff;
    const a2 = (await createTestStaff(db)).staff;
    const gone = (await createTestStaff(db, { status: "inactive" })).staff;

    expect(await addRuleAssignee(db, actor, rule.id, a1.id, { ...NO_RIGHTS, canEditNeed: true })).toEqual({ ok: true });
    expect(await addRuleAssignee(db, actor, rule.id, a2.id, NO_RIGHTS)).toEqual({ ok: true });
    expect(await addRuleAssignee(db, actor, rule.id, a2.id, NO_RIGHTS)).toMatchObject({
      fieldErrors: { staffId: { key: "distribution.validation.alreadyAssignee" } },
    });
    expect(await addRuleAssignee(db, actor, rule.id, gone.id, NO_RIGHTS)).toMatchObject({
      fieldErrors: { staffId: { key: "distribution.validation.staffUnavailable" } },
    });

    await saveRuleAssigneeRights(db, actor, rule.id, [
      { staffId: a1.id, ...NO_RIGHTS, canEditNeed: true },
      { staffId: a2.id, canEditNeed: false, canEditContact: true, canEditCompany: true, canEditStatus: true },
    ]);
    const view = await getDistributionRule(db, rule.id);
    expect(view!.assignees.map((a) => [a.staffId, a.canEditNeed, a.canEditContact])).toEqual([
      [a1.id, true, false],
      [a2.id, false, true],
    ]);
    // Only the changed person is in the audit.
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "distribution_rule.rights_changed" } });
    expect((audit.after as { changes: Array<{ staffId: number }> }).changes.map((c) => c.staffId)).toEqual([a2.id]);

    expect(await removeRuleAssignee(db, actor, rule.id, a1.id)).toEqual({ ok: true });
    expect(await removeRuleAssignee(db, actor, rule.id, a1.id)).toEqual({ ok: false, reason: "not-found" });
    expect(await deleteDistributionRule(db, actor, rule.id)).toEqual({ ok: true });
    expect(await db.distributionRuleAssignee.count()).toBe(0);
  });
});
