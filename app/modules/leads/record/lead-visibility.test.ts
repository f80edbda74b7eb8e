import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createTestLead, createTestTeam, leadActor } from "#tests/factories/lead-inbox.ts";
import { createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { claimLead } from "../distribution/lead-claim.server.ts";
import { distributeLeadTx, recallLeadTx } from "../distribution/lead-distribution.server.ts";
import {
  canAccessLead,
  countLeads,
  getLeadDetail,
  listLeads,
  type LeadCursor,
  type LeadTab,
} from "./lead-queries.server.ts";

async function walk(viewer: StaffActor, tab: LeadTab, take = 2) {
  const ids: number[] = [];
  let after: LeadCursor | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listLeads(db, viewer, { tab, after, take });
    ids.push(...page.items.map((i) => i.id));
    if (!page.next) break;
    after = page.next;
  }
  return ids;
}

describe("lead visibility for salespeople", () => {
  beforeEach(() => resetDatabase());

  it("a salesperson sees owned leads and those distributed to them, until recalled; the list shows assignees and the claim", async () => {
    const team = await createTestTeam(db);
    const owner = await createTestSalesperson(db, { teamId: team.id });
    const me = await createTestSalesperson(db, { teamId: team.id });
    const other = await createTestSalesperson(db, { teamId: team.id });
    const mine = await createTestLead(db, { ownerId: me.id, status: "contacted" });
    const given = await createTestLead(db, { ownerId: owner.id });
    const notGiven = await createTestLead(db, { ownerId: owner.id });
    const later = await createTestLead(db, { ownerId: me.id, status: "contacted" });
    await db.$transaction((tx) => distributeLeadTx(tx, given.id, [rights(me.id), rights(other.id)], owner.id));
    await claimLead(db, given.id, other.id);

    const viewer = leadActor({ id: me.id, teamId: team.id }, "own");
    // Interleaved ids across the two sources page correctly with a small page size.
    expect(await walk(viewer, "all")).toEqual([later.id, given.id, mine.id]);
    expect(await walk(viewer, "assigned")).toEqual([given.id]);
    const page = await listLeads(db, viewer, { tab: "all" });
    const row = page.items.find((i) => i.id === given.id)!;
    expect(row.assignees.map((a) => a.id)).toEqual([me.id, other.id]);
    expect(row.claimedBy).toEqual({ id: other.id, name: other.name });

    const detail = (await getLeadDetail(db, given.id))!;
    expect(canAccessLead(viewer, detail)).toBe(true);
    expect(canAccessLead(viewer, (await getLeadDetail(db, notGiven.id))!)).toBe(false);

    await db.$transaction((tx) => recallLeadTx(tx, given.id, [me.id], owner.id));
    expect(await walk(viewer, "all")).toEqual([later.id, mine.id]);
    expect(canAccessLead(viewer, (await getLeadDetail(db, given.id))!)).toBe(false);
    // The team manager sees all three of the owner's and mine regardless of assignments.
    const manager = leadActor({ id: owner.id, teamId: team.id }, "team");
    expect(await walk(manager, "all", 10)).toEqual([later.id, notGiven.id, given.id, mine.id]);
  });

  it("the 待认领 queue holds open leads distributed to me that nobody has claimed (#14 item 17)", async () => {
    const team = await createTestTeam(db);
    const owner = await createTestSalesperson(db, { teamId: team.id });
    const me = await createTestSalesperson(db, { teamId: team.id });
    const other = await createTestSalesperson(db, { teamId: team.id });
    const open = await createTestLead(db, { ownerId: owner.id });
    const claimedByOther = await createTestLead(db, { ownerId: owner.id });
    const claimedByMe = await createTestLead(db, { ownerId: owner.id });
    const recalled = await createTestLead(db, { ownerId: owner.id });
    const notMine = await createTestLead(db, { ownerId: owner.id });
    const closed = await createTestLead(db, { ownerId: owner.id });
    for (const lead of [open, claimedByOther, claimedByMe, recalled, closed]) {
      await db.$transaction((tx) => distributeLeadTx(tx, lead.id, [rights(me.id), rights(other.id)], owner.id));
    }
    await db.$transaction((tx) => distributeLeadTx(tx, notMine.id, [rights(other.id)], owner.id));
    await claimLead(db, claimedByOther.id, other.id);
    await claimLead(db, claimedByMe.id, me.id);
    await db.$transaction((tx) => recallLeadTx(tx, recalled.id, [me.id], owner.id));
    await db.lead.update({ where: { id: closed.id }, data: { status: "closed" } });

    const viewer = leadActor({ id: me.id, teamId: team.id }, "own");
    expect(await walk(viewer, "toClaim")).toEqual([open.id]);
    expect(await countLeads(db, viewer, { tab: "toClaim" })).toEqual({ count: 1, capped: false });
    // The other assignee's queue: the open lead, the one recalled from me only and the one only they got.
    const theirs = leadActor({ id: other.id, teamId: team.id }, "own");
    expect(await walk(theirs, "toClaim", 10)).toEqual([notMine.id, recalled.id, open.id]);
    await claimLead(db, open.id, other.id);
    expect(await walk(viewer, "toClaim")).toEqual([]);
  });
});
