import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { db } from "#app/lib/db.server.ts";
import { createLeadOwnerActor, createLeadsInBulk, createTestDistributionRule } from "#tests/factories/distribution.ts";
import { ALL_RIGHTS, createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { batchProgress, createLeadBatch, processLeadBatch, type BatchRequest } from "./lead-batches.server.ts";

// 10,000 leads through distribute-by-rules, recall and transfer, each as the worker runs it (set-based
// chunks, decisions 055 and 058). Loading the leads alone takes a while, so it runs only with
// RELAY_SCALE_TESTS=1 (the same scenario, timed, is bench/lead-batch.ts; figures in docs/benchmarks.md).

const LEADS = Number(process.env.RELAY_SCALE_LEADS ?? 10_000);

describe.skipIf(!process.env.RELAY_SCALE_TESTS)(`a batch of ${LEADS} leads`, () => {
  let actor: StaffActor;
  let ids: number[];
  let newOwner: number;

  beforeAll(async () => {
    await resetDatabase();
    const owner = await createLeadOwnerActor(db);
    actor = owner.actor;
    const [a1, a2, b1, wang] = await Promise.all([1, 2, 3, 4].map(() => createTestSalesperson(db)));
    newOwner = (await createTestSalesperson(db)).id;
    await createTestDistributionRule(db, {
      name: "北京地区",
      region: "北京 OR beijing",
      phone: "010- OR 8610-",
      assignees: [rights(a1!.id, { need: true }), rights(a2!.id)],
    });
    await createTestDistributionRule(db, {
      name: "上海地区",
      region: "上海 OR shanghai",
      phone: "021- OR 8621-",
      assignees: [rights(b1!.id, ALL_RIGHTS)],
    });
    await createTestDistributionRule(db, { name: "其它地区", isCatchAll: true, assignees: [rights(wang!.id)] });
    const regions = [
      { companyProvince: "北京市" },
      { companyProvince: "上海" },
      { companyProvince: "广东省" },
      { contactPhone: "010-6253" },
    ];
    ids = await createLeadsInBulk(db, LEADS, { ownerId: owner.staffId, each: (i) => regions[i % regions.length]! });
  }, 600_000);

  async function run(request: BatchRequest) {
    const created = await createLeadBatch(db, actor, { kind: "ids", ids }, request, { inlineLimit: 0 });
    if (!created.ok) throw new Error(created.error.key);
    const seen: number[] = [];
    const poll = setInterval(() => {
      void batchProgress(db, created.batchId).then((p) => seen.push(p.processed));
    }, 500);
    const started = performance.now();
    await processLeadBatch(db, created.batchId);
    clearInterval(poll);
    const seconds = (performance.now() - started) / 1000;
    console.log(`${request.kind}: ${LEADS} leads in ${seconds.toFixed(1)} s (${(LEADS / seconds).toFixed(0)}/s)`);
    const batch = await db.leadBatch.findUniqueOrThrow({ where: { id: created.batchId } });
    expect(batch).toMatchObject({ status: "done", total: LEADS, processed: LEADS });
    // The progress counters moved forward while the job ran.
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    return batch;
  }

  it("distributes by rules, recalls and transfers them all, one history row per lead per batch", async () => {
    const distributed = await run({ kind: "distribute_rules", ruleIds: "all" });
    expect(distributed.succeeded).toBe(LEADS);
    const recalled = await run({ kind: "recall", fromStaffIds: "all" });
    expect(recalled.succeeded).toBe(LEADS);
    const transferred = await run({ kind: "transfer", toStaffId: newOwner });
    expect(transferred.succeeded).toBe(LEADS);
    expect(await db.lead.count({ where: { ownerId: newOwner } })).toBe(LEADS);
    const perLead = await db.leadEvent.groupBy({ by: ["leadId"], _count: { _all: true } });
    expect(perLead).toHaveLength(LEADS);
    expect(perLead.every((p) => p._count._all === 3)).toBe(true);
  }, 3_600_000);
});
