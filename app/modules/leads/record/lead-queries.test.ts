import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor, type StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  createTestCampaign,
  createTestCategory,
  createTestLead,
  createTestTeam,
  leadActor,
} from "#tests/factories/lead-inbox.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  assignableOwners,
  canAccessLead,
  countUnseenNewLeads,
  getLeadDetail,
  listLeads,
  markLeadSeen,
  type LeadCursor,
  type LeadListFilters,
  type LeadTab,
} from "./lead-queries.server.ts";

async function staffWithScope(scope: "own" | "team" | "all", teamId: number | null = null) {
  const { staff } = await createTestStaff(db, {
    teamId,
    grants: [
      { module: "leads", action: "browse", scope },
      { module: "leads", action: "add", scope },
    ],
  });
  return staff;
}

/** Every id in the list, walking `after` cursors page by page. */
async function walk(viewer: StaffActor, tab: LeadTab, filters: LeadListFilters = {}, take = 3) {
  const ids: number[] = [];
  let after: LeadCursor | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listLeads(db, viewer, { tab, filters, after, take });
    ids.push(...page.items.map((i) => i.id));
    if (!page.next) break;
    after = page.next;
  }
  return ids;
}

describe("lead inbox queries", () => {
  beforeEach(() => resetDatabase());

  it("limits 全部线索 to the viewer's scope: own, team or all", async () => {
    const north = await createTestTeam(db, "北区");
    const south = await createTestTeam(db, "南区");
    const me = await staffWithScope("own", north.id);
    const teammate = await staffWithScope("own", north.id);
    const other = await staffWithScope("own", south.id);
    const mine = await createTestLead(db, { ownerId: me.id, status: "contacted" });
    const teammates = await createTestLead(db, { ownerId: teammate.id });
    const others = await createTestLead(db, { ownerId: other.id });

    expect(await walk(leadActor(me, "own"), "all")).toEqual([mine.id]);
    expect(await walk(leadActor(me, "team"), "all")).toEqual([teammates.id, mine.id]);
    expect(await walk(leadActor(me, "all"), "all")).toEqual([others.id, teammates.id, mine.id]);
    // Team scope without a team: only one's own.
    expect(await walk(leadActor({ id: other.id, teamId: null }, "team"), "all")).toEqual([others.id]);
    // No grant at all: nothing, even on the all tab.
    expect(await walk(leadActor(me, null), "all")).toEqual([]);
  });

  it("shows 我的新线索 as my new leads only, unseen first, across page boundaries", async () => {
    const me = await staffWithScope("own");
    const other = await staffWithScope("own");
    const seenOld = await createTestLead(db, { ownerId: me.id, ownerSeenAt: new Date() });
    const unseenOld = await createTestLead(db, { ownerId: me.id });
    const seenNew = await createTestLead(db, { ownerId: me.id, ownerSeenAt: new Date() });
    const unseenNew = await createTestLead(db, { ownerId: me.id });
    await createTestLead(db, { ownerId: me.id, status: "contacted" });
    await createTestLead(db, { ownerId: other.id });

    const viewer = leadActor(me, "own");
    // take 3 puts the unseen/seen boundary inside the first page and 1 row on the second.
    expect(await walk(viewer, "mine", {}, 3)).toEqual([unseenNew.id, unseenOld.id, seenNew.id, seenOld.id]);
    expect(await walk(viewer, "mine", {}, 1)).toEqual([unseenNew.id, unseenOld.id, seenNew.id, seenOld.id]);
    expect(await countUnseenNewLeads(db, me.id)).toBe(2);

    // Walking back from the last page returns the same rows in the same order.
    const first = await listLeads(db, viewer, { tab: "mine", take: 2 });
    expect(first.prev).toBeNull();
    const second = await listLeads(db, viewer, { tab: "mine", take: 2, after: first.next });
    expect(second.items.map((i) => i.id)).toEqual([seenNew.id, seenOld.id]);
    expect(second.next).toBeNull();
    const back = await listLeads(db, viewer, { tab: "mine", take: 2, before: second.prev });
    expect(back.items.map((i) => i.id)).toEqual([unseenNew.id, unseenOld.id]);
    expect(back.prev).toBeNull();
  });

  it("applies each filter: category, campaign, status, created range, owner and free text", async () => {
    const manager = await staffWithScope("all");
    const a = await staffWithScope("own");
    const b = await staffWithScope("own");
    const campaign = await createTestCampaign(db, manager.id);
    const cat1 = await createTestCategory(db, { designatedStaffId: manager.id });
    const cat2 = await createTestCategory(db, { designatedStaffId: manager.id, campaignId: campaign.id });

    const l1 = await createTestLead(db, {
      ownerId: a.id,
      categoryId: cat1.id,
      contactName: "王芳",
      companyName: "北京星辰科技有限公司",
      contactEmail: "Wang.Fang@Xingchen.cn",
      contactMobile: "138-0013-8000",
      createdAt: new Date("2026-03-01T02:00:00Z"),
    });
    const l2 = await createTestLead(db, {
      ownerId: b.id,
      categoryId: cat2.id,
      campaignId: campaign.id,
      status: "qualified",
      contactName: "李强",
      companyName: "上海远航物流",
      contactEmail: "liqiang@yuanhang.com",
      createdAt: new Date("2026-03-05T02:00:00Z"),
    });
    const l3 = await createTestLead(db, {
      ownerId: a.id,
      status: "closed",
      contactName: null,
      companyName: "深圳华星电子",
      createdAt: new Date("2026-03-09T02:00:00Z"),
    });
    const v = leadActor(manager, "all");

    expect(await walk(v, "all", { categoryId: cat1.id })).toEqual([l1.id]);
    expect(await walk(v, "all", { campaignId: campaign.id })).toEqual([l2.id]);
    expect(await walk(v, "all", { status: "closed" })).toEqual([l3.id]);
    expect(
      await walk(v, "all", {
        createdFrom: new Date("2026-03-02T00:00:00Z"),
        createdBefore: new Date("2026-03-09T00:00:00Z"),
      }),
    ).toEqual([l2.id]);
    expect(await walk(v, "all", { ownerId: a.id })).toEqual([l3.id, l1.id]);
    expect(await walk(v, "all", { q: "王芳" })).toEqual([l1.id]);
    expect(await walk(v, "all", { q: "星辰" })).toEqual([l1.id]);
    expect(await walk(v, "all", { q: "wang.fang@xingchen.cn" })).toEqual([l1.id]);
    expect(await walk(v, "all", { q: "liqiang" })).toEqual([l2.id]);
    expect(await walk(v, "all", { q: "13800138000" })).toEqual([l1.id]);
    expect(await walk(v, "all", { q: "8000" })).toEqual([l1.id]);
    expect(await walk(v, "all", { q: l3.number.toLowerCase() })).toEqual([l3.id]);
    expect(await walk(v, "all", { q: "不存在的名字" })).toEqual([]);
    // LIKE wildcards typed by a user are literal characters, not "match anything".
    expect(await walk(v, "all", { q: "%" })).toEqual([]);
    expect(await walk(v, "all", { q: "王_" })).toEqual([]);
    // Combined filters intersect.
    expect(await walk(v, "all", { ownerId: a.id, status: "new" })).toEqual([l1.id]);

    // An own-scope viewer cannot widen the list through the owner filter.
    expect(await walk(leadActor(a, "own"), "all", { ownerId: b.id })).toEqual([l3.id, l1.id]);
  });

  it("keeps keyset pages free of gaps and overlaps while new leads arrive", async () => {
    const me = await staffWithScope("all");
    const original: number[] = [];
    for (let i = 0; i < 8; i++) original.push((await createTestLead(db, { ownerId: me.id })).id);
    const v = leadActor(me, "all");

    const page1 = await listLeads(db, v, { tab: "all", take: 3 });
    // Two leads arrive between page views: they belong before page 1 and must not shift later pages.
    const arrived = [
      (await createTestLead(db, { ownerId: me.id })).id,
      (await createTestLead(db, { ownerId: me.id })).id,
    ];
    const page2 = await listLeads(db, v, { tab: "all", take: 3, after: page1.next });
    await createTestLead(db, { ownerId: me.id });
    const page3 = await listLeads(db, v, { tab: "all", take: 3, after: page2.next });

    const seen = [...page1.items, ...page2.items, ...page3.items].map((i) => i.id);
    expect(seen).toEqual([...original].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    expect(page3.next).toBeNull();
    expect(page1.prev).toBeNull();

    // Going back from page 2 lands on page 1's rows; going back from page 1 now shows the newcomers.
    const back = await listLeads(db, v, { tab: "all", take: 3, before: page2.prev });
    expect(back.items.map((i) => i.id)).toEqual(page1.items.map((i) => i.id));
    expect(back.prev).not.toBeNull();
    const newest = await listLeads(db, v, { tab: "all", take: 3, before: back.prev });
    expect(newest.items.map((i) => i.id).slice(-2)).toEqual([...arrived].reverse());
  });

  it("resolves the detail: items, events with names, matches with numbers; null when missing", async () => {
    const owner = await staffWithScope("own");
    const company = await db.company.create({
      data: { number: "ACNT000000000077", name: "北京星辰科技有限公司", nameKey: "北京星辰科技" },
    });
    const contact = await db.contact.create({
      data: {
        number: "CONT000000000088",
        familyName: "王",
        givenName: "芳",
        fullName: "王芳",
        companyId: company.id,
        email: "wang.fang@xingchen.cn",
      },
    });
    const group = await db.tokenGroup.create({ data: { name: "华北网站线索组" } });
    const lead = await createTestLead(db, {
      ownerId: owner.id,
      routedBy: "token_group",
      routedTokenGroupId: group.id,
      routedPosition: 1,
      matches: [
        { type: "company", id: company.id, score: 0.8 },
        { type: "contact", id: contact.id, score: 0.95 },
        { type: "contact", id: 999_999, score: 0.5 },
      ],
    });
    await db.leadItem.create({ data: { leadId: lead.id, sku: "RL-100", productName: "接力网关", quantity: 3 } });
    await db.leadEvent.create({
      data: {
        leadId: lead.id,
        type: "routed",
        actorType: "system",
        detail: { routedBy: "token_group", tokenGroupId: group.id, position: 1, ownerId: owner.id },
      },
    });

    const detail = await getLeadDetail(db, lead.id);
    expect(detail).not.toBeNull();
    expect(detail!.items.map((i) => [i.sku, i.quantity])).toEqual([["RL-100", 3]]);
    expect(detail!.tokenGroupName).toBe("华北网站线索组");
    expect(detail!.events).toHaveLength(1);
    expect(detail!.events[0]!.names.tokenGroup).toBe("华北网站线索组");
    expect(detail!.events[0]!.names.staff[String(owner.id)]).toBe(owner.name);
    // The vanished contact is dropped; the best score comes first.
    expect(detail!.matches.map((m) => [m.type, m.number, m.name, m.companyName])).toEqual([
      ["contact", "CONT000000000088", "王芳", "北京星辰科技有限公司"],
      ["company", "ACNT000000000077", "北京星辰科技有限公司", null],
    ]);
    expect(await getLeadDetail(db, lead.id + 1000)).toBeNull();
  });

  it("lets a viewer open a lead only within scope", async () => {
    const team = await createTestTeam(db);
    const owner = await staffWithScope("own", team.id);
    const teammate = await staffWithScope("team", team.id);
    const stranger = await staffWithScope("team");
    const lead = await createTestLead(db, { ownerId: owner.id });
    const detail = (await getLeadDetail(db, lead.id))!;

    expect(canAccessLead(leadActor(owner, "own"), detail)).toBe(true);
    expect(canAccessLead(leadActor(teammate, "own"), detail)).toBe(false);
    expect(canAccessLead(leadActor(teammate, "team"), detail)).toBe(true);
    expect(canAccessLead(leadActor(stranger, "team"), detail)).toBe(false);
    expect(canAccessLead(leadActor(stranger, "all"), detail)).toBe(true);
    expect(canAccessLead(leadActor(owner, null), detail)).toBe(false);
  });

  it("marks a lead seen only for its owner, and only the first time", async () => {
    const owner = await staffWithScope("own");
    const manager = await staffWithScope("all");
    const lead = await createTestLead(db, { ownerId: owner.id });

    expect(await markLeadSeen(db, lead.id, manager.id)).toBe(false);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerSeenAt).toBeNull();
    expect(await markLeadSeen(db, lead.id, owner.id)).toBe(true);
    const first = (await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerSeenAt;
    expect(first).not.toBeNull();
    expect(await markLeadSeen(db, lead.id, owner.id)).toBe(false);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerSeenAt).toEqual(first);
  });

  it("offers owners for manual leads by add scope: all active staff, my team, or only me", async () => {
    const team = await createTestTeam(db);
    const all = await staffWithScope("all");
    const lead = await staffWithScope("team", team.id);
    const mate = await staffWithScope("own", team.id);
    const { staff: away } = await createTestStaff(db, { teamId: team.id, status: "away" });
    const { staff: gone } = await createTestStaff(db, { status: "inactive" });

    const ids = (list: Array<{ id: number }>) => list.map((s) => s.id).sort((x, y) => x - y);
    const everyone = ids(await assignableOwners(db, staffActorFor(all, { grants: { leads: { add: "all" } } })));
    expect(everyone).toContain(mate.id);
    expect(everyone).not.toContain(away.id);
    expect(everyone).not.toContain(gone.id);
    expect(ids(await assignableOwners(db, leadActor(lead, "team")))).toEqual(ids([lead, mate]));
    expect(ids(await assignableOwners(db, leadActor(mate, "own")))).toEqual([mate.id]);
    expect(await assignableOwners(db, leadActor(mate, null))).toEqual([]);
  });
});
