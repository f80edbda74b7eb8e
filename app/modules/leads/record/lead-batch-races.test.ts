import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { claimLead } from "#app/modules/leads/distribution/lead-claim.server.ts";
import { submitLead } from "#app/modules/leads/intake/lead-intake.server.ts";
import { createLeadOwnerActor, createLeadsInBulk, createTestDistributionRule } from "#tests/factories/distribution.ts";
import {
  createIntakeCategory,
  createIntakeStaff,
  createTokenGroupWith,
  sampleSubmission,
} from "#tests/factories/lead-intake.ts";
import { createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { createLeadBatch, getLeadBatch, processLeadBatch } from "./lead-batches.server.ts";

// Set-based chunks (decision 058) under concurrency: a chunk locks all its leads in one statement
// and decides from what it reads after the lock, so it must serialise with whatever else touches
// those leads or the same people — the web intake handing out turns, salespeople claiming leads.

async function eventsOf(leadIds: number[], type: string) {
  const rows = await db.leadEvent.findMany({
    where: { leadId: { in: leadIds }, type },
    orderBy: { id: "asc" },
    select: { id: true, leadId: true, detail: true },
  });
  return rows;
}

describe("set-based lead batches racing other writers", () => {
  beforeEach(() => resetDatabase(), 300_000);

  it("a rules batch distributing to a token group's members leaves the intake's turn strict and fair", async () => {
    const { actor, staffId: ownerId } = await createLeadOwnerActor(db);
    const designated = await createIntakeStaff(db);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createIntakeStaff(db)));
    const group = await createTokenGroupWith(db, [{ staffId: a!.id }, { staffId: b!.id }, { staffId: c!.id }]);
    const category = await createIntakeCategory(db, { designatedStaffId: designated.id, tokenGroupId: group.id });
    const beijing = await createTestDistributionRule(db, {
      region: "北京",
      assignees: [rights(a!.id, { need: true }), rights(b!.id)],
    });
    const others = await createTestDistributionRule(db, { isCatchAll: true, assignees: [rights(c!.id)] });
    const ids = await createLeadsInBulk(db, 400, {
      ownerId,
      each: (i) => ({ companyProvince: i % 2 === 0 ? "北京市" : "广东省" }),
    });
    const created = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids },
      { kind: "distribute_rules", ruleIds: "all" },
      { inlineLimit: 0 },
    );
    if (!created.ok) throw new Error(created.error.key);

    // The batch (four chunks at once) and 90 web leads to the same people, at the same time.
    const [, ...intakes] = await Promise.all([
      processLeadBatch(db, created.batchId, { transactionSize: 20 }),
      ...Array.from({ length: 90 }, (_, i) =>
        submitLead(db, sampleSubmission(i), {
          categoryId: category.id,
          source: "api",
          submitterIp: "203.0.113.9",
          userAgent: "vitest",
        }),
      ),
    ]);
    expect(intakes.every((r) => r.status === "created")).toBe(true);
    // Strict turn: in id order a, b, c, a, b, c … and 30 each.
    const web = await db.lead.findMany({ where: { categoryId: category.id }, orderBy: { id: "asc" } });
    expect(web.map((l) => l.ownerId)).toEqual(Array.from({ length: 90 }, (_, i) => [a!.id, b!.id, c!.id][i % 3]));
    expect((await db.tokenGroup.findUniqueOrThrow({ where: { id: group.id } })).cursor).toBe(2);

    // The batch did exactly its work: one history row per lead, the people its rules name.
    expect(await getLeadBatch(db, created.batchId)).toMatchObject({ status: "done", processed: 400, succeeded: 400 });
    const events = await eventsOf(ids, "distributed");
    expect(events).toHaveLength(400);
    expect(new Set(events.map((e) => e.leadId)).size).toBe(400);
    const perRule = await db.leadAssignment.groupBy({
      by: ["ruleId", "staffId"],
      where: { leadId: { in: ids } },
      _count: { _all: true },
    });
    expect(perRule.map((g) => [g.ruleId, g.staffId, g._count._all]).sort()).toEqual(
      [
        [beijing.id, a!.id, 200],
        [beijing.id, b!.id, 200],
        [others.id, c!.id, 200],
      ].sort(),
    );
    // Nobody's bell got a batch notification twice for one lead.
    const bells = await db.notification.groupBy({
      by: ["staffId", "link"],
      where: { type: "lead.distributed" },
      _count: { _all: true },
    });
    expect(bells).toHaveLength(600);
    expect(bells.every((n) => n._count._all === 1)).toBe(true);
  }, 300_000);

  it("a recall batch racing claims: nobody keeps a claim on a lead they were recalled from", async () => {
    const { actor, staffId: ownerId } = await createLeadOwnerActor(db);
    const [s1, s2] = await Promise.all([1, 2].map(() => createTestSalesperson(db)));
    const ids = await createLeadsInBulk(db, 200, { ownerId });
    const given = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids },
      { kind: "distribute_manual", assignees: [rights(s1!.id), rights(s2!.id)] },
    );
    if (!given.ok) throw new Error(given.error.key);
    await processLeadBatch(db, given.batchId);
    const recall = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids },
      { kind: "recall", fromStaffIds: [s1!.id] },
      { inlineLimit: 0 },
    );
    if (!recall.ok) throw new Error(recall.error.key);

    // s1 claims every lead, eight at a time, while the recall runs in chunks of ten, four at once.
    // claimLead's locking subquery (REPEATABLE READ gap locks on the assignment index) can be chosen
    // as a deadlock victim against a chunk recalling the same person, or outlive its 5 s transaction
    // on a loaded machine; its transaction then rolled back whole, which for this test is a refused
    // claim (the batch itself retries its chunk).
    let claimDeadlocks = 0;
    const claim = (id: number) =>
      claimLead(db, id, s1!.id).catch((error: unknown) => {
        if (!/deadlock|lock wait timeout|expired transaction/i.test(String(error))) throw error;
        claimDeadlocks++;
      });
    const claims = async () => {
      for (let i = 0; i < ids.length; i += 8) await Promise.all(ids.slice(i, i + 8).map(claim));
    };
    await Promise.all([claims(), processLeadBatch(db, recall.batchId, { transactionSize: 10 })]);

    expect(await getLeadBatch(db, recall.batchId)).toMatchObject({ status: "done", succeeded: 200 });
    expect(await db.lead.count({ where: { id: { in: ids }, claimedById: { not: null } } })).toBe(0);
    expect(await db.leadAssignment.count({ where: { leadId: { in: ids }, staffId: s1!.id, recalledAt: null } })).toBe(
      0,
    );
    const recalled = new Map((await eventsOf(ids, "recalled")).map((e) => [e.leadId, e]));
    expect(recalled.size).toBe(200);
    const claimed = new Map((await eventsOf(ids, "claimed")).map((e) => [e.leadId, e]));
    console.log(
      `claims: ${claimed.size} won before the recall, ${claimDeadlocks} rolled back (deadlock or timeout), of ${ids.length}`,
    );
    for (const id of ids) {
      const recall = recalled.get(id)!;
      const claim = claimed.get(id);
      // Either the claim came first and the recall cleared it, or the recall came first and the
      // claim was refused: never a claim after the recall, never a cleared claim nobody made.
      const cleared = (recall.detail as { claimClearedStaffId?: number }).claimClearedStaffId;
      if (claim) {
        expect(claim.id < recall.id).toBe(true);
        expect(cleared).toBe(s1!.id);
      } else {
        expect(cleared).toBeUndefined();
      }
    }
  }, 300_000);
});
