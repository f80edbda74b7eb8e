import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { runWorkerOnce } from "#app/modules/jobs/worker.server.ts";
import { createTestAsset, createTestContract, createTestCsr, createTestZone } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  createContract,
  dueThreshold,
  enqueueContractExpiryReminders,
  findCoveringContract,
  getZoneContract,
  listContracts,
  listZoneContracts,
  sendContractExpiryReminder,
  setCoveredAsset,
  transitionContract,
  updateContract,
} from "./service-contracts.server.ts";
import { contractList } from "./service-list-queries.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("findCoveringContract", () => {
  it("finds the in-force approved contract covering the asset on that day", async () => {
    const { company } = await createTestZone(db);
    const asset = await createTestAsset(db, company.id);
    const loose = await createTestAsset(db, company.id);
    const contract = await createTestContract(db, company.id, {
      startDate: d("2026-01-01"),
      endDate: d("2026-12-31"),
      responseMode: "h24x7",
      responseTime: "onsite_4h",
      assetIds: [asset.id],
    });
    // 2026-12-31 23:30 in Shanghai is still the last day; 16:30 UTC on 12-31 is 00:30 on 2027-01-01 there
    expect(
      await findCoveringContract(db, {
        companyId: company.id,
        assetId: asset.id,
        at: new Date("2026-12-31T15:30:00Z"),
      }),
    ).toEqual({
      id: contract.id,
      responseMode: "h24x7",
      responseTime: "onsite_4h",
    });
    expect(
      await findCoveringContract(db, {
        companyId: company.id,
        assetId: asset.id,
        at: new Date("2026-12-31T16:30:00Z"),
      }),
    ).toBeNull();
    expect(
      await findCoveringContract(db, {
        companyId: company.id,
        assetId: loose.id,
        at: new Date("2026-06-01T04:00:00Z"),
      }),
    ).toBeNull();
    expect((await findCoveringContract(db, { companyId: company.id, at: new Date("2026-06-01T04:00:00Z") }))?.id).toBe(
      contract.id,
    );
  });

  it("ignores drafts, unapproved and completed contracts and other companies, and prefers the better mode", async () => {
    const { company } = await createTestZone(db);
    const other = await createTestZone(db);
    const at = new Date("2026-06-01T04:00:00Z");
    await createTestContract(db, company.id, { status: "drafting" });
    await createTestContract(db, company.id, { approvalState: "pending" });
    await createTestContract(db, company.id, { status: "completed" });
    await createTestContract(db, other.company.id, { responseMode: "h24x7" });
    expect(await findCoveringContract(db, { companyId: company.id, at })).toBeNull();
    await createTestContract(db, company.id, { responseMode: "h8x5" });
    const better = await createTestContract(db, company.id, { responseMode: "h8x7" });
    expect((await findCoveringContract(db, { companyId: company.id, at }))?.id).toBe(better.id);
  });
});

describe("contract lifecycle", () => {
  it("drafting → approved → in force → completed; only approvers approve; zone sees approved ones only", async () => {
    const { company, csr } = await createTestZone(db);
    const { id, number } = await createContract(
      db,
      {
        companyId: company.id,
        name: "年度维保",
        responseMode: "h8x5",
        responseTime: "next_business_day",
        startDate: "2026-01-01",
        endDate: "2026-12-31",
      },
      csr.actor,
    );
    expect(number).toMatch(/^SCON0+\d+$/);
    expect(await listZoneContracts(db, company.id)).toHaveLength(0);
    await expect(
      transitionContract(db, { contractId: id, transition: "activate", actor: csr.actor, canApprove: false }),
    ).rejects.toMatchObject({
      code: "invalid-state",
    });
    await expect(
      transitionContract(db, { contractId: id, transition: "approve", actor: csr.actor, canApprove: false }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await transitionContract(db, { contractId: id, transition: "reject", actor: csr.actor, canApprove: true });
    await transitionContract(db, { contractId: id, transition: "submit", actor: csr.actor, canApprove: false });
    await transitionContract(db, { contractId: id, transition: "approve", actor: csr.actor, canApprove: true });
    expect(
      await transitionContract(db, { contractId: id, transition: "activate", actor: csr.actor, canApprove: false }),
    ).toEqual({
      status: "in_force",
      approvalState: "approved",
    });
    expect(await listZoneContracts(db, company.id)).toHaveLength(1);
    const zoneView = await getZoneContract(db, company.id, id);
    expect(zoneView).not.toHaveProperty("remindedDays");
    await transitionContract(db, { contractId: id, transition: "complete", actor: csr.actor, canApprove: false });
    await expect(
      updateContract(
        db,
        id,
        {
          companyId: company.id,
          name: "x",
          responseMode: "h8x5",
          responseTime: "onsite_4h",
          startDate: "2026-01-01",
          endDate: "2026-12-31",
        },
        csr.actor,
      ),
    ).rejects.toMatchObject({ code: "invalid-state" });
  });

  it("covers only the company's own assets, with values", async () => {
    const { company, csr } = await createTestZone(db);
    const other = await createTestZone(db);
    const contract = await createTestContract(db, company.id, { ownerId: csr.staff.id });
    const asset = await createTestAsset(db, company.id);
    const foreign = await createTestAsset(db, other.company.id);
    await setCoveredAsset(db, contract.id, { assetId: asset.id, netValue: "1200.50", totalValue: "3000" }, csr.actor);
    await expect(
      setCoveredAsset(db, contract.id, { assetId: foreign.id, netValue: null, totalValue: null }, csr.actor),
    ).rejects.toMatchObject({
      code: "wrong-company",
    });
    const row = await db.serviceContractAsset.findUniqueOrThrow({
      where: { contractId_assetId: { contractId: contract.id, assetId: asset.id } },
    });
    expect(row.netValue?.toString()).toBe("1200.5");
    await expect(getZoneContract(db, other.company.id, contract.id)).resolves.toBeNull();
  });
});

describe("expiry reminders", () => {
  it("picks the smallest threshold reached", () => {
    const now = new Date("2026-06-01T02:00:00Z");
    expect(dueThreshold(d("2026-07-15"), now)).toBeNull();
    expect(dueThreshold(d("2026-07-01"), now)).toBe(30);
    expect(dueThreshold(d("2026-06-08"), now)).toBe(7);
    expect(dueThreshold(d("2026-05-31"), now)).toBeNull();
  });

  it("reminds the owner once at 30 days and once at 7 days, through the worker", async () => {
    const { company, csr } = await createTestZone(db);
    const owner = await createTestCsr(db);
    const contract = await createTestContract(db, company.id, { endDate: d("2026-07-01"), ownerId: owner.staff.id });
    await createTestContract(db, company.id, { endDate: d("2026-09-01"), ownerId: owner.staff.id }); // not yet
    const day1 = new Date("2026-06-01T02:00:00Z");
    expect(await enqueueContractExpiryReminders(db, day1)).toBe(1);
    expect(await enqueueContractExpiryReminders(db, day1)).toBe(1); // re-enqueue is deduplicated
    expect(await db.job.count({ where: { type: "service-contract.expiry-reminder" } })).toBe(1);
    await runWorkerOnce(db);
    expect(await db.notification.count({ where: { staffId: owner.staff.id, type: "service-contract.expiring" } })).toBe(
      1,
    );
    expect(
      await db.emailOutbox.count({ where: { template: "service-contract-expiring", toAddress: owner.staff.email } }),
    ).toBe(1);
    expect(await db.notification.count({ where: { staffId: csr.staff.id } })).toBe(0);

    // the next day's check finds nothing new
    expect(await enqueueContractExpiryReminders(db, new Date("2026-06-02T02:00:00Z"))).toBe(0);
    // 7 days before: one more
    expect(await enqueueContractExpiryReminders(db, new Date("2026-06-24T02:00:00Z"))).toBe(1);
    const job = await db.job.findFirstOrThrow({ where: { dedupeKey: { endsWith: "/7" } } });
    expect(await sendContractExpiryReminder(db, job.payload, new Date("2026-06-24T02:00:00Z"))).toBe(true);
    expect(await sendContractExpiryReminder(db, job.payload, new Date("2026-06-24T02:00:00Z"))).toBe(false);
    expect(await db.emailOutbox.count({ where: { template: "service-contract-expiring" } })).toBe(2);
    const row = await db.serviceContract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(row.remindedDays).toEqual(["2026-07-01/30", "2026-07-01/7"]);
  });

  it("concurrent sends of the same reminder produce one mail", async () => {
    const { company } = await createTestZone(db);
    const owner = await createTestCsr(db);
    const contract = await createTestContract(db, company.id, { endDate: d("2026-06-05"), ownerId: owner.staff.id });
    const payload = { contractId: contract.id, endDate: "2026-06-05", threshold: 7 };
    const now = new Date("2026-06-01T02:00:00Z");
    const results = await Promise.all([1, 2, 3].map(() => sendContractExpiryReminder(db, payload, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.emailOutbox.count({ where: { template: "service-contract-expiring" } })).toBe(1);
  });

  it("an extended contract is reminded again for its new end; a completed one is not", async () => {
    const { company, csr } = await createTestZone(db);
    const contract = await createTestContract(db, company.id, { endDate: d("2026-06-05"), ownerId: csr.staff.id });
    const now = new Date("2026-06-01T02:00:00Z");
    await sendContractExpiryReminder(db, { contractId: contract.id, endDate: "2026-06-05", threshold: 7 }, now);
    await db.serviceContract.update({ where: { id: contract.id }, data: { endDate: d("2026-06-20") } });
    // the old job for the old end date does nothing
    expect(
      await sendContractExpiryReminder(db, { contractId: contract.id, endDate: "2026-06-05", threshold: 7 }, now),
    ).toBe(false);
    expect(await enqueueContractExpiryReminders(db, now)).toBe(1);
    await db.serviceContract.update({ where: { id: contract.id }, data: { status: "completed" } });
    expect(
      await sendContractExpiryReminder(db, { contractId: contract.id, endDate: "2026-06-20", threshold: 30 }, now),
    ).toBe(false);
  });
});

describe("contract list", () => {
  it("keeps to the actor's scope, filters those about to end and sorts from the allow-list", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const now = d("2026-06-01");
    const soon = await createTestContract(db, a.company.id, { startDate: d("2025-06-01"), endDate: d("2026-06-20") });
    const later = await createTestContract(db, a.company.id, { startDate: d("2026-01-01"), endDate: d("2027-05-31") });
    await createTestContract(db, b.company.id);
    const query = (search: string) => contractList.parse(new URLSearchParams(search));

    const all = await listContracts(db, a.csr.actor, contractList.defaults, now);
    expect(all.rows.map((r) => r.id)).toEqual([soon.id, later.id]);
    expect(all.total).toEqual({ count: 2, capped: false });
    expect(all.rows[0]?.daysLeft).toBe(19);
    expect((await listContracts(db, a.csr.actor, query("expiring=30"), now)).rows.map((r) => r.id)).toEqual([soon.id]);
    expect((await listContracts(db, a.csr.actor, query("sort=start&dir=desc"), now)).rows.map((r) => r.id)).toEqual([
      later.id,
      soon.id,
    ]);
    expect((await listContracts(db, b.csr.actor, contractList.defaults, now)).rows).toHaveLength(1);
  });
});
