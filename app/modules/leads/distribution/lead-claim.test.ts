import { beforeEach, describe, expect, it } from "vitest";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { ALL_RIGHTS, createAssignedLead, createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { claimLead } from "./lead-claim.server.ts";
import { distributeLeadTx, recallLeadTx } from "./lead-distribution.server.ts";
import { leadEditRights } from "../record/lead-edit-rights.server.ts";

function principalOf(staff: { id: number; teamId: number | null }) {
  return staffActorFor(staff, { grants: { leads: { browse: "own", modify: "own" } } });
}

describe("我处理 claim", () => {
  beforeEach(() => resetDatabase());

  it("20 salespeople claiming at once: exactly one holds it, 19 are told who, one event", async () => {
    const owner = await createTestSalesperson(db);
    const sales: Array<Awaited<ReturnType<typeof createTestSalesperson>>> = [];
    for (let i = 0; i < 20; i++) sales.push(await createTestSalesperson(db));
    const lead = await createAssignedLead(db, {
      ownerId: owner.id,
      assignees: sales.map((s) => rights(s.id, ALL_RIGHTS)),
    });

    const results = await Promise.all(sales.map((s) => claimLead(db, lead.id, s.id)));

    const winners = results.flatMap((r, i) => (r.kind === "claimed" ? [sales[i]!] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const losers = results.filter((r) => r.kind === "already-claimed");
    expect(losers).toHaveLength(19);
    for (const r of losers) {
      if (r.kind === "already-claimed") expect(r.by).toEqual({ id: winner.id, name: winner.name });
    }
    const row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row.claimedById).toBe(winner.id);
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "claimed" } })).toBe(1);
    expect(await db.notification.count({ where: { staffId: owner.id, type: "lead.claimed" } })).toBe(1);

    // The others lose their edit rights; the winner keeps theirs.
    const loser = sales.find((s) => s.id !== winner.id)!;
    expect(await leadEditRights(db, principalOf(loser), lead.id)).toEqual({
      rights: { need: false, contact: false, company: false, status: false },
      reason: "claimed-by-other",
    });
    expect((await leadEditRights(db, principalOf(winner), lead.id))?.rights.need).toBe(true);
  });

  it("only an active assignee may claim; claiming again is harmless", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const stranger = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id });
    await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(a1.id)], owner.id));

    expect((await claimLead(db, lead.id, stranger.id)).kind).toBe("not-assignee");
    expect((await claimLead(db, lead.id, owner.id)).kind).toBe("not-assignee");
    expect((await claimLead(db, 999_999, a1.id)).kind).toBe("not-found");
    expect((await claimLead(db, lead.id, a1.id)).kind).toBe("claimed");
    expect((await claimLead(db, lead.id, a1.id)).kind).toBe("already-yours");
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "claimed" } })).toBe(1);
  });

  it("a recalled assignee cannot claim, and recalling the claimer frees the lead for the others", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id });
    await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(a1.id), rights(a2.id)], owner.id));
    expect((await claimLead(db, lead.id, a1.id)).kind).toBe("claimed");
    const lost = await claimLead(db, lead.id, a2.id);
    expect(lost).toMatchObject({ kind: "already-claimed", by: { id: a1.id } });

    await db.$transaction((tx) => recallLeadTx(tx, lead.id, [a1.id], owner.id));
    expect((await claimLead(db, lead.id, a1.id)).kind).toBe("not-assignee");
    expect((await claimLead(db, lead.id, a2.id)).kind).toBe("claimed");
  });
});
