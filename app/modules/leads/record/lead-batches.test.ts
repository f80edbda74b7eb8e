import { beforeEach, describe, expect, it } from "vitest";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants } from "#app/modules/auth/permissions.ts";
import { getJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { runWorkerOnce } from "#app/modules/jobs/worker.server.ts";
import {
  createBatchActor,
  createLeadOwnerActor,
  createLeadsInBulk,
  createTestDistributionRule,
} from "#tests/factories/distribution.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { ALL_RIGHTS, createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  createLeadBatch,
  getLeadBatch,
  LEAD_BATCH_JOB,
  previewDistribution,
  processLeadBatch,
} from "./lead-batches.server.ts";
import { LeadEditForbiddenError, updateLeadGroup } from "./lead-edit-rights.server.ts";

const SALES_GRANTS = [
  { module: "leads", action: "browse", scope: "own" },
  { module: "leads", action: "modify", scope: "own" },
] as const;

/** The principal updateLeadGroup expects, for a salesperson with own-scope lead rights. */
function salesPrincipal(staffId: number) {
  return staffActorFor({ id: staffId, teamId: null }, { grants: mergeGrants([...SALES_GRANTS]) });
}

async function activeAssignees(leadId: number) {
  const rows = await db.leadAssignment.findMany({
    where: { leadId, recalledAt: null },
    orderBy: { staffId: "asc" },
  });
  return rows.map((r) => r.staffId);
}

async function batchEvents(batchId: number) {
  const events = await db.leadEvent.findMany({ select: { leadId: true, type: true, detail: true } });
  return events.filter((e) => (e.detail as { batchId?: number } | null)?.batchId === batchId);
}

describe("the seed's worked example (000.md §2.H.1)", () => {
  beforeEach(() => resetDatabase());

  it("puts a mixed batch exactly where the seed says and enforces the granted rights", async () => {
    const { actor, staffId: ownerId } = await createLeadOwnerActor(db);
    const [a1, a2, b1, b2, xiaoWang, xiaoLi] = await Promise.all(
      Array.from({ length: 6 }, () => createTestSalesperson(db)),
    );
    const beijing = await createTestDistributionRule(db, {
      name: "北京地区",
      region: "北京 OR beijing",
      phone: "010- OR 8610-",
      assignees: [rights(a1!.id, { need: true }), rights(a2!.id)],
    });
    const shanghai = await createTestDistributionRule(db, {
      name: "上海地区",
      region: "上海 OR shanghai",
      phone: "021- OR 8621-",
      assignees: [rights(b1!.id, ALL_RIGHTS), rights(b2!.id, ALL_RIGHTS)],
    });
    const others = await createTestDistributionRule(db, {
      name: "其它地区",
      isCatchAll: true,
      assignees: [rights(xiaoWang!.id), rights(xiaoLi!.id)],
    });

    const lead = async (fields: Record<string, string>) =>
      (
        await db.lead.update({
          where: { id: (await createTestLead(db, { ownerId, requirement: "原始需求" })).id },
          data: fields,
        })
      ).id;
    const bjProvince = await lead({ companyProvince: "北京市" });
    const bjCity = await lead({ companyCity: "BeiJing" });
    const bjPhone = await lead({ contactPhone: "010-62530000" });
    const bjIntl = await lead({ companyFax: "+8610-62530001" });
    const shProvince = await lead({ companyProvince: "上海" });
    const shFax = await lead({ contactFax: "8621-55556666" });
    const guangzhou = await lead({ companyProvince: "广东省", companyCity: "广州市", contactPhone: "020-88889999" });
    const unknown = await lead({});
    // Beijing company, Shanghai phone: matches both rules; the first one wins.
    const both = await lead({ companyCity: "北京", contactPhone: "021-12345678" });
    const all = [bjProvince, bjCity, bjPhone, bjIntl, shProvince, shFax, guangzhou, unknown, both];

    const preview = await previewDistribution(db, actor, { kind: "ids", ids: all }, "all");
    expect(preview.total).toBe(9);
    expect(preview.matched).toBe(9);
    expect(preview.rules.map((r) => [r.name, r.count])).toEqual([
      ["北京地区", 5],
      ["上海地区", 2],
      ["其它地区", 2],
    ]);
    expect(preview.unmatched.count).toBe(0);

    const created = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids: all },
      { kind: "distribute_rules", ruleIds: "all" },
    );
    expect(created).toMatchObject({ ok: true, total: 9 });
    if (!created.ok) return;

    const A = [a1!.id, a2!.id].sort((x, y) => x - y);
    const B = [b1!.id, b2!.id].sort((x, y) => x - y);
    const O = [xiaoWang!.id, xiaoLi!.id].sort((x, y) => x - y);
    for (const id of [bjProvince, bjCity, bjPhone, bjIntl, both]) expect(await activeAssignees(id)).toEqual(A);
    for (const id of [shProvince, shFax]) expect(await activeAssignees(id)).toEqual(B);
    for (const id of [guangzhou, unknown]) expect(await activeAssignees(id)).toEqual(O);

    // Rights as the rule grants them, and the rule remembered on each assignment.
    const a2Row = await db.leadAssignment.findFirstOrThrow({ where: { leadId: bjProvince, staffId: a2!.id } });
    expect([a2Row.canEditNeed, a2Row.ruleId]).toEqual([false, beijing.id]);
    const a1Row = await db.leadAssignment.findFirstOrThrow({ where: { leadId: bjProvince, staffId: a1!.id } });
    expect([a1Row.canEditNeed, a1Row.canEditContact]).toEqual([true, false]);
    const b1Row = await db.leadAssignment.findFirstOrThrow({ where: { leadId: shFax, staffId: b1!.id } });
    expect([b1Row.canEditNeed, b1Row.canEditContact, b1Row.canEditCompany, b1Row.canEditStatus, b1Row.ruleId]).toEqual([
      true,
      true,
      true,
      true,
      shanghai.id,
    ]);

    const batch = await getLeadBatch(db, created.batchId);
    expect(batch).toMatchObject({ status: "done", total: 9, processed: 9, succeeded: 9, skipped: 0 });
    expect(batch!.summary).toEqual({
      [`rule:${beijing.id}`]: 5,
      [`rule:${shanghai.id}`]: 2,
      [`rule:${others.id}`]: 2,
    });
    // One history row per lead, naming the batch and the rule.
    const events = await batchEvents(created.batchId);
    expect(events).toHaveLength(9);
    expect(new Set(events.map((e) => e.leadId)).size).toBe(9);

    // A1 may edit the need; A2 may not (403, data unchanged); nobody from another rule may.
    await expect(
      updateLeadGroup(db, salesPrincipal(a1!.id), bjProvince, "need", { requirement: "A1 改的需求" }),
    ).resolves.toMatchObject({ ok: true });
    await expect(
      updateLeadGroup(db, salesPrincipal(a2!.id), bjProvince, "need", { requirement: "A2 想改" }),
    ).rejects.toBeInstanceOf(LeadEditForbiddenError);
    await expect(
      updateLeadGroup(db, salesPrincipal(a1!.id), bjProvince, "contact", { contactName: "A1 想改联系人" }),
    ).rejects.toBeInstanceOf(LeadEditForbiddenError);
    await expect(
      updateLeadGroup(db, salesPrincipal(b1!.id), bjProvince, "need", { requirement: "B1 想改" }),
    ).rejects.toBeInstanceOf(LeadEditForbiddenError);
    const after = await db.lead.findUniqueOrThrow({ where: { id: bjProvince } });
    expect(after.requirement).toBe("A1 改的需求");
    expect(after.contactName).not.toBe("A1 想改联系人");

    // B1 and B2 may edit everything on Shanghai leads.
    await expect(
      updateLeadGroup(db, salesPrincipal(b2!.id), shProvince, "company", { companyName: "上海新名称" }),
    ).resolves.toMatchObject({ ok: true });
    // 其它地区's assistants got read-only assignments (the seed states no rights).
    await expect(
      updateLeadGroup(db, salesPrincipal(xiaoWang!.id), guangzhou, "status", { identified: "on" }),
    ).rejects.toBeInstanceOf(LeadEditForbiddenError);
    expect((await db.lead.findUniqueOrThrow({ where: { id: guangzhou } })).identified).toBe(false);
  });

  it("applying a subset: the catch-all takes only what the chosen rules leave", async () => {
    const { actor, staffId: ownerId } = await createLeadOwnerActor(db);
    const [a1, b1, wang] = await Promise.all([1, 2, 3].map(() => createTestSalesperson(db)));
    await createTestDistributionRule(db, { name: "北京地区", region: "北京", assignees: [rights(a1!.id)] });
    const shanghai = await createTestDistributionRule(db, {
      name: "上海地区",
      region: "上海",
      assignees: [rights(b1!.id)],
    });
    const others = await createTestDistributionRule(db, {
      name: "其它地区",
      isCatchAll: true,
      assignees: [rights(wang!.id)],
    });
    const bj = (await createTestLead(db, { ownerId })).id;
    await db.lead.update({ where: { id: bj }, data: { companyProvince: "北京" } });
    const sh = (await createTestLead(db, { ownerId })).id;
    await db.lead.update({ where: { id: sh }, data: { companyProvince: "上海" } });

    const preview = await previewDistribution(db, actor, { kind: "ids", ids: [bj, sh] }, [shanghai.id]);
    expect(preview.rules.map((r) => r.count)).toEqual([1]);
    expect(preview.unmatched.count).toBe(1);

    const created = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids: [bj, sh] },
      { kind: "distribute_rules", ruleIds: [shanghai.id, others.id] },
    );
    expect(created.ok).toBe(true);
    expect(await activeAssignees(sh)).toEqual([b1!.id]);
    // Beijing was not applied, so the Beijing lead counts as "no other rule" and goes to 其它地区.
    expect(await activeAssignees(bj)).toEqual([wang!.id]);
  });
});

describe("batch permissions and the other operations", () => {
  beforeEach(() => resetDatabase());

  it("skips leads the actor neither owns nor has in scope, with an outcome, and changes nothing on them", async () => {
    const { actor, staffId: me } = await createBatchActor(db, [...SALES_GRANTS]);
    const other = await createTestSalesperson(db);
    const helper = await createTestSalesperson(db);
    const mine = await createTestLead(db, { ownerId: me });
    const theirs = await createTestLead(db, { ownerId: other.id });

    const created = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids: [mine.id, theirs.id] },
      { kind: "distribute_manual", assignees: [rights(helper.id, { need: true })] },
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const batch = await getLeadBatch(db, created.batchId);
    expect(batch).toMatchObject({ status: "done", succeeded: 1, skipped: 1 });
    expect(batch!.summary).toEqual({ distributed: 1, forbidden: 1 });
    expect(await activeAssignees(mine.id)).toEqual([helper.id]);
    expect(await activeAssignees(theirs.id)).toEqual([]);
    expect(await db.leadEvent.count({ where: { leadId: theirs.id } })).toBe(0);
  });

  it("refuses a transfer batch to someone without the transfer permission, and to an inactive owner", async () => {
    const { actor, staffId: me } = await createBatchActor(db, [...SALES_GRANTS]);
    const target = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me });
    const refused = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids: [lead.id] },
      { kind: "transfer", toStaffId: target.id },
    );
    expect(refused).toEqual({ ok: false, error: { key: "distribution.batch.error.forbidden" } });

    const owner = await createLeadOwnerActor(db);
    const gone = await db.staff.update({ where: { id: target.id }, data: { status: "inactive" } });
    const inactive = await createLeadBatch(
      db,
      owner.actor,
      { kind: "ids", ids: [lead.id] },
      { kind: "transfer", toStaffId: gone.id },
    );
    expect(inactive).toEqual({ ok: false, error: { key: "distribution.batch.error.target" } });
    expect(await db.leadBatch.count()).toBe(0);
  });

  it("transfers, then recalls from chosen salespeople, each lead recording the step and the actor", async () => {
    const { actor, staffId: me } = await createLeadOwnerActor(db);
    const newOwner = await createTestSalesperson(db);
    const s1 = await createTestSalesperson(db);
    const s2 = await createTestSalesperson(db);
    const ids = await createLeadsInBulk(db, 5, { ownerId: me });
    const distributed = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids },
      { kind: "distribute_manual", assignees: [rights(s1.id), rights(s2.id, ALL_RIGHTS)] },
    );
    expect(distributed.ok).toBe(true);
    const recall = await createLeadBatch(db, actor, { kind: "ids", ids }, { kind: "recall", fromStaffIds: [s1.id] });
    expect(recall.ok).toBe(true);
    for (const id of ids) expect(await activeAssignees(id)).toEqual([s2.id]);

    const again = await createLeadBatch(db, actor, { kind: "ids", ids }, { kind: "recall", fromStaffIds: [s1.id] });
    if (!again.ok) throw new Error("recall batch refused");
    expect((await getLeadBatch(db, again.batchId))!.summary).toEqual({ "nothing-to-recall": 5 });

    const transfer = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids },
      { kind: "transfer", toStaffId: newOwner.id },
    );
    if (!transfer.ok) throw new Error("transfer batch refused");
    expect((await getLeadBatch(db, transfer.batchId))!.summary).toEqual({ transferred: 5 });
    expect(await db.lead.count({ where: { id: { in: ids }, ownerId: newOwner.id } })).toBe(5);
    const types = await db.leadEvent.findMany({ where: { leadId: ids[0] }, orderBy: { id: "asc" } });
    expect(types.map((e) => [e.type, e.actorId])).toEqual([
      ["distributed", me],
      ["recalled", me],
      ["transferred", me],
    ]);
  });

  it("resolves a filter selection to the leads the inbox lists, at creation", async () => {
    const { actor, staffId: me } = await createLeadOwnerActor(db);
    const helper = await createTestSalesperson(db);
    const matching = await createLeadsInBulk(db, 30, { ownerId: me, companyCity: "北京" });
    await db.lead.updateMany({ where: { id: { in: matching } }, data: { companyName: "星辰科技" } });
    const others = await createLeadsInBulk(db, 7, { ownerId: me });
    const created = await createLeadBatch(
      db,
      actor,
      { kind: "filter", tab: "all", filters: { q: "星辰" } },
      { kind: "distribute_manual", assignees: [rights(helper.id)] },
      { inlineLimit: 0 },
    );
    expect(created).toMatchObject({ ok: true, total: 30 });
    if (!created.ok) return;
    // Not processed inline: the worker's job does it.
    expect((await getLeadBatch(db, created.batchId))!.status).toBe("pending");
    expect(getJobHandler(LEAD_BATCH_JOB)).toBeTypeOf("function");
    const tick = await runWorkerOnce(db);
    // Housekeeping may enqueue and run jobs of its own in the same pass (e.g. opportunity totals).
    expect(tick.jobsDone).toBeGreaterThanOrEqual(1);
    expect(await getLeadBatch(db, created.batchId)).toMatchObject({ status: "done", processed: 30, succeeded: 30 });
    expect(await db.leadAssignment.count({ where: { leadId: { in: others } } })).toBe(0);
  });
});

describe("a batch killed midway", () => {
  beforeEach(() => resetDatabase());

  it("resumes where it stopped: every lead moved exactly once, no duplicate history", async () => {
    const { actor, staffId: me } = await createLeadOwnerActor(db);
    const s1 = await createTestSalesperson(db);
    const ids = await createLeadsInBulk(db, 300, { ownerId: me });
    const created = await createLeadBatch(
      db,
      actor,
      { kind: "ids", ids },
      { kind: "distribute_manual", assignees: [rights(s1.id, { need: true })] },
      { inlineLimit: 0 },
    );
    if (!created.ok) throw new Error("batch refused");
    const id = created.batchId;

    // 1. The worker stops after 120 leads (as if the process were killed between two leads).
    expect(await processLeadBatch(db, id, { maxItems: 120, chunkSize: 50 })).toEqual({
      processed: 120,
      finished: false,
    });
    expect(await getLeadBatch(db, id)).toMatchObject({ status: "running", processed: 120, succeeded: 120 });
    expect(await db.leadAssignment.count({ where: { leadId: { in: ids } } })).toBe(120);

    // 2. It crashes inside a chunk's transaction (chunks of 10 leads), after the 35th lead's change and
    //    before its item is marked: the three chunks before it stay committed, its own chunk (leads
    //    151–160, four of them already changed) rolls back entirely.
    let calls = 0;
    await expect(
      processLeadBatch(db, id, {
        concurrency: 1,
        transactionSize: 10,
        afterApply: () => {
          if (++calls === 35) throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    const mid = await getLeadBatch(db, id);
    expect(mid).toMatchObject({ processed: 150, succeeded: 150 });
    expect(mid!.lastError).toContain("killed");
    expect(await db.leadAssignment.count({ where: { leadId: { in: ids } } })).toBe(150);
    expect(await db.leadEvent.count({ where: { leadId: { in: ids } } })).toBe(150);

    // 3. Two workers resume at once (a stale job released while the first still runs).
    await Promise.all([processLeadBatch(db, id, { chunkSize: 40 }), processLeadBatch(db, id, { chunkSize: 40 })]);
    const done = await getLeadBatch(db, id);
    expect(done).toMatchObject({ status: "done", total: 300, processed: 300, succeeded: 300, skipped: 0 });
    expect(done!.summary).toEqual({ distributed: 300 });
    expect(await db.leadAssignment.count({ where: { leadId: { in: ids } } })).toBe(300);
    const events = await db.leadEvent.groupBy({
      by: ["leadId"],
      where: { leadId: { in: ids } },
      _count: { _all: true },
    });
    expect(events).toHaveLength(300);
    expect(events.every((e) => e._count._all === 1)).toBe(true);
    expect(await db.leadBatchItem.count({ where: { batchId: id, state: "pending" } })).toBe(0);

    // 4. Running a finished batch again is a no-op.
    expect(await processLeadBatch(db, id)).toEqual({ processed: 0, finished: true });
    expect(await db.leadEvent.count({ where: { leadId: { in: ids } } })).toBe(300);
  }, 180_000); // 300 leads in chunked transactions, about three times over
});
