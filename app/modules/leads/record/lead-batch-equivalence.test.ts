import { beforeAll, describe, expect, it } from "vitest";
import type { LeadStatus } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createLeadOwnerActor, createTestDistributionRule } from "#tests/factories/distribution.ts";
import { createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { createRandom } from "#prisma/seed/chinese-data.ts";
import { createLeadBatch, processLeadBatch, type BatchRequest } from "./lead-batches.server.ts";

// The set-based chunks (decision 058) against the single-lead primitives they replace in batches:
// random leads are created in identical pairs (same region, phones, owner, status, claim and
// assignment rows), every batch runs lead by lead on one twin and set-based on the other, and after
// each batch every row either path wrote must be the same — assignments (rights, rule, who, touched
// or not), lead status and claim, history rows with their detail, bell notifications (language
// included), item outcomes. Seeded, so a failure replays.

/** The seed's deterministic generator, with the two draws this test needs. */
function random(seed: number) {
  const { next, pick } = createRandom(seed);
  return {
    pick,
    chance: (p: number) => next() < p,
    some: <T>(items: readonly T[], p = 0.5): T[] => items.filter(() => next() < p),
  };
}

const REGIONS = ["北京市", "Beijing", "上海", "广东省", "深圳", null] as const;
const PHONES = ["010-6253", "021-5555", "8610-1234", "0755-888", null] as const;
const STATUSES: LeadStatus[] = ["new", "new", "assigned", "assigned", "contacted"];
const OLD = new Date("2020-01-01T00:00:00Z");

describe("set-based batch chunks do what the single-lead primitives do", () => {
  let actor: StaffActor;
  let ownerId: number;
  let staff: number[];

  beforeAll(async () => {
    await resetDatabase();
    const owner = await createLeadOwnerActor(db);
    actor = owner.actor;
    ownerId = owner.staffId;
    staff = await Promise.all(Array.from({ length: 6 }, async () => (await createTestSalesperson(db)).id));
    // Bell titles in both languages; one salesperson away (away people still get assignments).
    await db.staff.update({ where: { id: staff[1]! }, data: { locale: "en" } });
    await db.staff.update({ where: { id: staff[2]! }, data: { status: "away" } });
  }, 300_000); // resetting the database takes minutes on the shared machine

  async function randomRules(rng: ReturnType<typeof random>) {
    await db.distributionRule.deleteMany();
    const someRights = () =>
      rng.some(staff, 0.4).map((id) =>
        rights(id, {
          need: rng.chance(0.5),
          contact: rng.chance(0.5),
          company: rng.chance(0.3),
          status: rng.chance(0.3),
        }),
      );
    const keywordRules = [
      { region: "北京 OR beijing", phone: "010- OR 8610-" },
      { region: "上海", phone: "021-" },
      { region: "广东 OR 深圳", phone: "" },
      { region: "", phone: "0755" },
    ];
    for (const [position, kw] of rng.some(keywordRules, 0.7).entries()) {
      await createTestDistributionRule(db, {
        ...kw,
        position,
        alsoApply: rng.chance(0.3),
        // Sometimes the owner is named too (the primitive leaves the owner out).
        assignees: [...someRights(), ...(rng.chance(0.2) ? [rights(ownerId)] : [])],
      });
    }
    if (rng.chance(0.7))
      await createTestDistributionRule(db, { position: 10, isCatchAll: true, assignees: someRights() });
  }

  /** `count` pairs of identical leads; returns [per-lead twins, set-based twins] in the same order. */
  async function twinLeads(rng: ReturnType<typeof random>, count: number, tag: string) {
    const sides: [number[], number[]] = [[], []];
    for (let i = 0; i < count; i++) {
      const fields = {
        ownerId: rng.chance(0.8) ? ownerId : rng.pick(staff),
        status: rng.pick(STATUSES),
        contactName: rng.chance(0.8) ? `联系人${i}` : null,
        companyName: rng.chance(0.8) ? `单位${i}` : null,
        companyProvince: rng.pick(REGIONS),
        companyCity: rng.pick(REGIONS),
        contactPhone: rng.pick(PHONES),
        companyFax: rng.pick(PHONES),
        routedBy: "manual" as const,
        source: "staff",
      };
      const rows = rng.some(staff, 0.3).map((staffId) => ({
        staffId,
        canEditNeed: rng.chance(0.5),
        canEditContact: rng.chance(0.5),
        canEditCompany: rng.chance(0.5),
        canEditStatus: rng.chance(0.5),
        ruleId: null,
        assignedById: ownerId,
        assignedAt: OLD,
        recalledAt: rng.chance(0.4) ? OLD : null,
      }));
      const active = rows.filter((r) => r.recalledAt === null);
      const claimedById = active.length > 0 && rng.chance(0.4) ? rng.pick(active).staffId : null;
      for (const [side, ids] of sides.entries()) {
        const lead = await db.lead.create({
          data: {
            ...fields,
            number: `EQ${tag}${side}-${i}`,
            claimedById,
            claimedAt: claimedById ? OLD : null,
          },
        });
        await db.leadAssignment.createMany({ data: rows.map((r) => ({ ...r, leadId: lead.id })) });
        ids.push(lead.id);
      }
    }
    return sides;
  }

  /** Everything a batch could have written about one lead, with the lead's own id and number left out. */
  async function state(leadId: number, batchId: number, since: Date, notificationsAfter: number) {
    const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
    const assignments = await db.leadAssignment.findMany({ where: { leadId }, orderBy: { staffId: "asc" } });
    const events = await db.leadEvent.findMany({ where: { leadId }, orderBy: { id: "asc" } });
    const notifications = await db.notification.findMany({
      where: { link: `/crm/leads/${leadId}`, id: { gt: notificationsAfter } },
    });
    const item = await db.leadBatchItem.findUniqueOrThrow({ where: { batchId_leadId: { batchId, leadId } } });
    return {
      status: lead.status,
      claimedById: lead.claimedById,
      claimed: lead.claimedAt !== null,
      assignments: assignments.map((a) => ({
        staffId: a.staffId,
        rights: [a.canEditNeed, a.canEditContact, a.canEditCompany, a.canEditStatus],
        ruleId: a.ruleId,
        assignedById: a.assignedById,
        assignedNow: a.assignedAt >= since,
        recalled: a.recalledAt === null ? "no" : a.recalledAt >= since ? "now" : "before",
      })),
      events: events
        .filter((e) => (e.detail as { batchId?: number } | null)?.batchId === batchId)
        .map((e) => ({ type: e.type, actorType: e.actorType, actorId: e.actorId, detail: e.detail })),
      notifications: notifications.map((n) => `${n.staffId} ${n.type} ${n.title.replaceAll(lead.number, "#")}`).sort(),
      item: [item.state, item.outcome],
    };
  }

  async function runBoth(request: BatchRequest, [perLead, setBased]: [number[], number[]]) {
    const results = [];
    for (const [ids, options] of [
      [perLead, { setBased: false }],
      [setBased, { setBased: true, transactionSize: 7 }],
    ] as const) {
      const since = new Date();
      const last = await db.notification.aggregate({ _max: { id: true } });
      const created = await createLeadBatch(db, actor, { kind: "ids", ids: [...ids] }, request, { inlineLimit: 0 });
      if (!created.ok) throw new Error(created.error.key);
      await processLeadBatch(db, created.batchId, options);
      const states = [];
      for (const id of ids) {
        const s = await state(id, created.batchId, since, last._max.id ?? 0);
        // The batch id differs between the two runs; everything else must not.
        states.push(JSON.parse(JSON.stringify(s).replaceAll(`"batchId":${created.batchId}`, `"batchId":"B"`)));
      }
      results.push(states);
    }
    return results as [unknown[], unknown[]];
  }

  it.each([1, 2, 3])(
    "random round %i: rules, manual, recalls, again",
    async (seed) => {
      const rng = random(seed * 7919);
      await randomRules(rng);
      const twins = await twinLeads(rng, 24, `${seed}`);
      const batches: BatchRequest[] = [
        { kind: "distribute_rules", ruleIds: "all" },
        { kind: "recall", fromStaffIds: rng.some(staff, 0.5) },
        // Again after the recall: restores, rights changes, unchanged leads.
        { kind: "distribute_rules", ruleIds: "all" },
        {
          kind: "distribute_manual",
          assignees: rng.some(staff, 0.5).map((id) => rights(id, { need: rng.chance(0.5), status: rng.chance(0.5) })),
        },
        { kind: "recall", fromStaffIds: "all" },
      ];
      let compared = 0;
      for (const request of batches) {
        if (request.kind === "distribute_manual" && request.assignees.length === 0) continue;
        if (request.kind === "recall" && request.fromStaffIds !== "all" && request.fromStaffIds.length === 0) continue;
        const [perLead, setBased] = await runBoth(request, twins);
        expect(setBased, `${request.kind} (seed ${seed})`).toEqual(perLead);
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(3);
    },
    300_000,
  );
});
