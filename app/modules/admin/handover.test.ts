import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createStaffSession, validateStaffSessionToken } from "#app/modules/auth/staff-session.server.ts";
import { runWorkerOnce } from "#app/modules/jobs/worker.server.ts";
import { createLeadsInBulk } from "#tests/factories/distribution.ts";
import { createSalesCompany, createSalesContact, createSalesOpportunity } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  countHoldings,
  getHandOver,
  HANDOVER_JOB,
  HANDOVER_TYPES,
  processHandOver,
  startHandOver,
  type HandOverInput,
} from "./handover.server.ts";

/** A leaver holding some of every record type, a recipient, and a colleague already in one zone/group. */
async function world(leadCount = 1_250) {
  const { staff: admin } = await createTestStaff(db, { isAdmin: true });
  const { staff: leaver } = await createTestStaff(db);
  const { staff: heir } = await createTestStaff(db);
  const { staff: csr } = await createTestStaff(db);
  const actor = staffActorFor(admin, { isAdmin: true });
  await createLeadsInBulk(db, leadCount, { ownerId: leaver.id });
  const company = await createSalesCompany(db, { ownerId: leaver.id });
  await createSalesCompany(db, { ownerId: leaver.id });
  await createSalesContact(db, { ownerId: leaver.id, companyId: company.id });
  const opp = await createSalesOpportunity(db, { ownerId: leaver.id, companyId: company.id });
  await db.task.createMany({
    data: [
      { title: "回访", assigneeId: leaver.id, opportunityId: opp.id },
      { title: "报价", assigneeId: leaver.id, opportunityId: opp.id, doneAt: new Date() },
    ],
  });
  // The sales documents the leaver owns move too (a sales order and a proposal stand for them all).
  await db.salesOrder.create({
    data: {
      number: `SO-HO-${leaver.id}`,
      source: "opportunity",
      sourceKey: `opportunity:${opp.id}`,
      opportunityId: opp.id,
      companyId: company.id,
      ownerId: leaver.id,
      createdById: admin.id,
    },
  });
  await db.proposal.create({ data: { title: "方案建议书", companyId: company.id, ownerId: leaver.id } });
  const zoneA = await db.zone.create({ data: { companyId: company.id, name: "专区A" } });
  const other = await createSalesCompany(db, {});
  const zoneB = await db.zone.create({ data: { companyId: other.id, name: "专区B" } });
  // The heir already co-manages zone B: the leaver's seat there goes, the seat in zone A moves.
  await db.zoneManager.createMany({
    data: [
      { zoneId: zoneA.id, staffId: leaver.id },
      { zoneId: zoneB.id, staffId: leaver.id },
      { zoneId: zoneB.id, staffId: heir.id },
    ],
  });
  const group = await db.tokenGroup.create({ data: { name: `轮值${Date.now()}` } });
  await db.tokenGroupMember.createMany({
    data: [
      { groupId: group.id, staffId: csr.id, position: 0 },
      { groupId: group.id, staffId: leaver.id, position: 1 },
    ],
  });
  return { admin, actor, leaver, heir, csr, group, zoneA, zoneB };
}

function input(toStaffId: number, extra: Partial<HandOverInput> = {}): HandOverInput {
  return { toStaffId, deactivate: true, ...extra };
}

describe("hand-over (离职移交)", () => {
  beforeEach(() => resetDatabase());

  it("moves every record of the leaver, deactivates them and ends their sessions, with a report", async () => {
    const w = await world(30);
    const { token } = await createStaffSession(db, w.leaver.id);
    const before = await countHoldings(db, w.leaver.id);
    expect(before).toEqual({
      lead: 30,
      contact: 1,
      company: 2,
      opportunity: 1,
      quote: 0,
      salesContract: 0,
      proposal: 1,
      salesOrder: 1,
      serviceRequest: 0,
      task: 2,
      zoneSeat: 2,
      tokenGroupSeat: 1,
    });
    const started = await startHandOver(db, w.actor, w.leaver.id, input(w.heir.id));
    expect(started.status).toBe("ok");
    if (started.status !== "ok") return;
    // Deactivation happens with the start: sessions are gone before any record moved.
    expect(await validateStaffSessionToken(db, token)).toBeNull();
    expect((await db.staff.findUniqueOrThrow({ where: { id: w.leaver.id } })).status).toBe("inactive");
    expect(await db.job.count({ where: { type: HANDOVER_JOB } })).toBe(1);

    // The worker picks the job up and finishes it.
    await runWorkerOnce(db);
    const view = await getHandOver(db, started.value.runId);
    expect(view?.status).toBe("done");
    expect(view?.before).toEqual(before);
    expect(view?.moved).toEqual(before);
    expect(Object.values(view!.after!).every((n) => n === 0)).toBe(true);
    expect(view?.done).toBe(view?.total);
    expect(await countHoldings(db, w.leaver.id)).toEqual(view!.after);

    // Seats: zone A moved to the heir, zone B kept one seat for the heir; the rotation position is kept.
    expect(await db.zoneManager.findMany({ where: { staffId: w.heir.id }, orderBy: { zoneId: "asc" } })).toHaveLength(
      2,
    );
    const seat = await db.tokenGroupMember.findFirstOrThrow({ where: { groupId: w.group.id, staffId: w.heir.id } });
    expect(seat.position).toBe(1);
    expect(await db.lead.count({ where: { ownerId: w.heir.id } })).toBe(30);
  });

  it("splits by record type", async () => {
    const w = await world(10);
    const started = await startHandOver(
      db,
      w.actor,
      w.leaver.id,
      input(w.heir.id, { to_zoneSeat: w.csr.id, to_tokenGroupSeat: w.csr.id, deactivate: false }),
    );
    if (started.status !== "ok") throw new Error(started.status);
    await processHandOver(db, started.value.runId);
    expect(await db.lead.count({ where: { ownerId: w.heir.id } })).toBe(10);
    expect(await db.zoneManager.count({ where: { staffId: w.csr.id } })).toBe(2);
    // The csr already had a seat in the group: the leaver's seat is dropped, theirs stays.
    expect(await db.tokenGroupMember.count({ where: { groupId: w.group.id } })).toBe(1);
    expect((await db.staff.findUniqueOrThrow({ where: { id: w.leaver.id } })).status).toBe("active");
  });

  it("survives a kill and a crash mid-batch: resumes and moves everything exactly once", async () => {
    const w = await world(1_250);
    const started = await startHandOver(db, w.actor, w.leaver.id, input(w.heir.id));
    if (started.status !== "ok") throw new Error(started.status);
    const runId = started.value.runId;

    // The worker is killed after two batches (1,000 leads moved and counted).
    expect(await processHandOver(db, runId, { batchSize: 500, maxBatches: 2 })).toEqual({
      batches: 2,
      finished: false,
    });
    expect((await getHandOver(db, runId))?.moved.lead).toBe(1_000);
    expect((await getHandOver(db, runId))?.status).toBe("running");

    // The next worker crashes inside the third batch, after moving but before commit: rolled back.
    await expect(
      processHandOver(db, runId, {
        batchSize: 500,
        afterMove: () => {
          throw new Error("simulated crash");
        },
      }),
    ).rejects.toThrow("simulated crash");
    expect(await db.lead.count({ where: { ownerId: w.leaver.id } })).toBe(250);
    expect((await getHandOver(db, runId))?.moved.lead).toBe(1_000);

    // Resumed: finishes; every record moved once, the counters match, and a further run is a no-op.
    expect((await processHandOver(db, runId, { batchSize: 500 })).finished).toBe(true);
    const view = (await getHandOver(db, runId))!;
    expect(view.status).toBe("done");
    expect(view.moved).toEqual(view.before);
    expect(view.done).toBe(view.total);
    expect(await processHandOver(db, runId)).toEqual({ batches: 0, finished: true });

    // The audit trail has one row per batch; together they list each moved id exactly once.
    const batches = await db.auditLog.findMany({ where: { action: "handover.batch", entityId: String(runId) } });
    const leadIds = batches
      .map((b) => b.after as { type: string; ids: number[] })
      .filter((a) => a.type === "lead")
      .flatMap((a) => a.ids);
    expect(leadIds).toHaveLength(1_250);
    expect(new Set(leadIds).size).toBe(1_250);
    const perType = new Map<string, number>();
    for (const b of batches) {
      const a = b.after as { type: string; ids: number[] };
      perType.set(a.type, (perType.get(a.type) ?? 0) + a.ids.length);
    }
    for (const type of HANDOVER_TYPES) expect(perType.get(type) ?? 0).toBe(view.before[type]);
  });

  it("refuses a hand-over to the leaver, to a deactivated colleague, and a second one while running", async () => {
    const w = await world(5);
    expect(await startHandOver(db, w.actor, w.leaver.id, input(w.leaver.id))).toMatchObject({
      status: "invalid",
      fieldErrors: { toStaffId: ["adminStaff.handover.error.self"] },
    });
    const { staff: gone } = await createTestStaff(db, { status: "inactive" });
    expect(await startHandOver(db, w.actor, w.leaver.id, input(w.heir.id, { to_lead: gone.id }))).toMatchObject({
      status: "invalid",
      fieldErrors: { toStaffId: ["adminStaff.handover.error.target"] },
    });
    expect(await db.handOverRun.count()).toBe(0);
    expect((await db.staff.findUniqueOrThrow({ where: { id: w.leaver.id } })).status).toBe("active");
    expect((await startHandOver(db, w.actor, w.leaver.id, input(w.heir.id))).status).toBe("ok");
    expect(await startHandOver(db, w.actor, w.leaver.id, input(w.heir.id))).toMatchObject({ status: "conflict" });
  });
});
