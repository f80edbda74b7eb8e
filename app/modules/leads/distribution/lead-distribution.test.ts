import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { ALL_RIGHTS, createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { distributeLeadTx, LeadTransferTargetError, recallLeadTx, transferLeadTx } from "./lead-distribution.server.ts";

async function eventsOf(leadId: number) {
  return db.leadEvent.findMany({ where: { leadId }, orderBy: { id: "asc" } });
}

describe("lead distribution primitives", () => {
  beforeEach(() => resetDatabase());

  it("distributes with rights, sets a new lead assigned, records one event and notifies", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id });

    const result = await db.$transaction((tx) =>
      distributeLeadTx(tx, lead.id, [rights(a1.id, { need: true }), rights(a2.id)], owner.id, {
        ruleId: null,
        batchId: 7,
      }),
    );
    expect(result.changed).toBe(true);

    const assignments = await db.leadAssignment.findMany({ where: { leadId: lead.id }, orderBy: { staffId: "asc" } });
    expect(assignments.map((a) => [a.staffId, a.canEditNeed, a.canEditContact, a.recalledAt])).toEqual([
      [a1.id, true, false, null],
      [a2.id, false, false, null],
    ]);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("assigned");
    const events = await eventsOf(lead.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "distributed", actorType: "staff", actorId: owner.id });
    expect(events[0]!.detail).toMatchObject({ batchId: 7, assignees: [{ staffId: a1.id, change: "added" }, {}] });
    const bells = await db.notification.findMany({ where: { type: "lead.distributed" } });
    expect(bells.map((b) => b.staffId).sort()).toEqual([a1.id, a2.id].sort());
    expect(bells[0]!.link).toBe(`/crm/leads/${lead.id}`);
  });

  it("is idempotent: the same distribution again changes nothing; new rights update without duplicates", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id });
    await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(a1.id)], owner.id, { ruleId: 3 }));

    const again = await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(a1.id)], owner.id));
    expect(again.changed).toBe(false);
    expect(await eventsOf(lead.id)).toHaveLength(1);

    const upgraded = await db.$transaction((tx) =>
      distributeLeadTx(tx, lead.id, [rights(a1.id, ALL_RIGHTS)], owner.id),
    );
    expect(upgraded.changed).toBe(true);
    const rows = await db.leadAssignment.findMany({ where: { leadId: lead.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ canEditNeed: true, canEditStatus: true, ruleId: 3 });
    const events = await eventsOf(lead.id);
    expect(events).toHaveLength(2);
    expect(events[1]!.detail).toMatchObject({ assignees: [{ staffId: a1.id, change: "rights" }] });
    // Only the first distribution rang the bell.
    expect(await db.notification.count({ where: { staffId: a1.id } })).toBe(1);
  });

  it("skips the owner and a missing lead without writing anything", async () => {
    const owner = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id });
    const self = await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(owner.id)], owner.id));
    expect(self.changed).toBe(false);
    const missing = await db.$transaction((tx) => distributeLeadTx(tx, 999_999, [rights(owner.id)], owner.id));
    expect(missing.changed).toBe(false);
    expect(await db.leadAssignment.count()).toBe(0);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("new");
  });

  it("recalls some assignees, clears the claim of a recalled claimer, and back to new when nobody is left", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id });
    await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(a1.id), rights(a2.id)], owner.id));
    await db.lead.update({ where: { id: lead.id }, data: { claimedById: a1.id, claimedAt: new Date() } });

    const first = await db.$transaction((tx) => recallLeadTx(tx, lead.id, [a1.id], owner.id, { batchId: 4 }));
    expect(first.changed).toBe(true);
    let row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({ claimedById: null, claimedAt: null, status: "assigned" });

    // a1 is no longer assigned: recalling again is a no-op.
    const noop = await db.$transaction((tx) => recallLeadTx(tx, lead.id, [a1.id], owner.id));
    expect(noop.changed).toBe(false);

    await db.$transaction((tx) => recallLeadTx(tx, lead.id, "all", owner.id));
    row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row.status).toBe("new");
    const active = await db.leadAssignment.count({ where: { leadId: lead.id, recalledAt: null } });
    expect(active).toBe(0);

    const events = (await eventsOf(lead.id)).map((e) => [e.type, e.detail]);
    expect(events).toEqual([
      ["distributed", expect.anything()],
      ["recalled", { fromStaffIds: [a1.id], claimClearedStaffId: a1.id, batchId: 4 }],
      ["recalled", { fromStaffIds: [a2.id], statusFrom: "assigned", statusTo: "new" }],
    ]);

    // Redistribution restores the recalled assignment instead of adding a second row.
    await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(a1.id, { contact: true })], owner.id));
    const rows = await db.leadAssignment.findMany({ where: { leadId: lead.id, staffId: a1.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recalledAt: null, canEditContact: true });
  });

  it("transfers ownership once, ends the new owner's own assignment, and refuses an inactive target", async () => {
    const owner = await createTestSalesperson(db);
    const next = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id, ownerSeenAt: new Date() });
    await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(next.id)], owner.id));

    const moved = await db.$transaction((tx) => transferLeadTx(tx, lead.id, next.id, owner.id, { batchId: 9 }));
    expect(moved.changed).toBe(true);
    const again = await db.$transaction((tx) => transferLeadTx(tx, lead.id, next.id, owner.id, { batchId: 9 }));
    expect(again.changed).toBe(false);

    const row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({ ownerId: next.id, ownerSeenAt: null });
    const assignment = await db.leadAssignment.findFirstOrThrow({ where: { leadId: lead.id, staffId: next.id } });
    expect(assignment.recalledAt).not.toBeNull();
    const transfers = (await eventsOf(lead.id)).filter((e) => e.type === "transferred");
    expect(transfers).toHaveLength(1);
    expect(transfers[0]!.detail).toMatchObject({ fromOwnerId: owner.id, toOwnerId: next.id, batchId: 9 });

    const gone = await db.staff.update({ where: { id: owner.id }, data: { status: "inactive" } });
    await expect(db.$transaction((tx) => transferLeadTx(tx, lead.id, gone.id, next.id))).rejects.toBeInstanceOf(
      LeadTransferTargetError,
    );
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerId).toBe(next.id);
  });
});
