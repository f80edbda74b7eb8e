import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestServiceRequest } from "#tests/factories/knowledge.ts";
import { createTestAsset, createTestContract, createTestZone, createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getZoneJoinView, getZoneMembersView, getZoneOverview } from "./zone-overview.server.ts";
import { requestToJoin } from "./zones.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

function viewerOf(member: { id: number }, zone: { id: number; companyId: number }) {
  return { member: { id: member.id }, zone: { id: zone.id, companyId: zone.companyId } };
}

describe("zone overview", () => {
  it("shows the member's own open requests and the zone's published ones, never another zone's", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const colleague = await createZoneMember(db, a.company.id, { zoneId: a.zone.id });
    const base = { companyId: a.company.id, zoneId: a.zone.id };
    const mine = await createTestServiceRequest(db, { ...base, memberId: a.admin.member.id, subject: "我的报修" });
    await createTestServiceRequest(db, { ...base, memberId: colleague.member.id, subject: "同事的报修" });
    const published = await createTestServiceRequest(db, {
      ...base,
      memberId: colleague.member.id,
      subject: "已发布的方案",
      status: "resolved",
      publishedAt: new Date(),
    });
    await createTestServiceRequest(db, {
      companyId: b.company.id,
      zoneId: b.zone.id,
      memberId: b.admin.member.id,
      publishedAt: new Date(),
      subject: "乙方的请求",
    });
    await createTestServiceRequest(db, { ...base, memberId: a.admin.member.id, status: "closed" });

    const o = await getZoneOverview(db, viewerOf(a.admin.member, a.zone));
    expect(o.openRequests.map((r) => r.id)).toEqual([mine.id]);
    expect(o.openCount).toBe(1);
    expect(o.solutions.map((s) => s.id)).toEqual([published.id]);
    expect(o.memberCount).toBe(2);
  });

  it("counts every asset of the tree and only contracts in force", async () => {
    const a = await createTestZone(db);
    const system = await createTestAsset(db, a.company.id, { name: "平衡机" });
    await createTestAsset(db, a.company.id, { name: "测量单元", parentId: system.id });
    await createTestContract(db, a.company.id, { status: "in_force" });
    await createTestContract(db, a.company.id, { status: "drafting", approvalState: "pending" });
    const other = await createTestZone(db);
    await createTestAsset(db, other.company.id);

    const o = await getZoneOverview(db, viewerOf(a.admin.member, a.zone), new Date("2026-06-01T00:00:00Z"));
    expect(o.assetCount).toBe(2);
    expect(o.assets).toEqual([expect.objectContaining({ id: system.id, children: 1 })]);
    expect(o.contractCount).toBe(1);
    expect(o.contracts[0]?.daysLeft).toBeGreaterThan(0);
    expect(o.announcements).toEqual([]);
  });
});

describe("zone join view", () => {
  it("names the company and follows the member's pending entry", async () => {
    const a = await createTestZone(db);
    const { member } = await createZoneMember(db, a.company.id);
    const before = await getZoneJoinView(db, { id: member.id, companyId: a.company.id });
    expect(before).toEqual({ companyName: a.company.name, zoneName: a.zone.name, membership: null });
    await requestToJoin(db, { memberId: member.id });
    const after = await getZoneJoinView(db, { id: member.id, companyId: a.company.id });
    expect(after.membership).toMatchObject({ status: "requested", customerConfirmed: false, staffConfirmed: false });
  });

  it("has nothing to offer a member without a company", async () => {
    expect(await getZoneJoinView(db, { id: 1, companyId: null })).toEqual({
      companyName: null,
      zoneName: null,
      membership: null,
    });
  });
});

describe("zone members page", () => {
  it("shows pending entries, colleagues to invite and real names to customer admins only", async () => {
    const a = await createTestZone(db);
    const plain = await createZoneMember(db, a.company.id, { zoneId: a.zone.id });
    const waiting = await createZoneMember(db, a.company.id);
    await requestToJoin(db, { memberId: waiting.member.id });
    const outsider = await createZoneMember(db, a.company.id);
    await db.member.update({ where: { id: plain.member.id }, data: { realName: "王工" } });

    const asAdmin = await getZoneMembersView(db, {
      zone: a.zone,
      member: a.admin.member,
      membership: { isCustomerAdmin: true },
    });
    expect(asAdmin.pending.map((m) => m.memberId)).toEqual([waiting.member.id]);
    expect(asAdmin.invitable.map((m) => m.id)).toEqual([outsider.member.id]);
    expect(asAdmin.active.find((m) => m.memberId === plain.member.id)?.realName).toBe("王工");

    const asMember = await getZoneMembersView(db, {
      zone: a.zone,
      member: plain.member,
      membership: { isCustomerAdmin: false },
    });
    expect(asMember.pending).toEqual([]);
    expect(asMember.invitable).toEqual([]);
    expect(asMember.active.every((m) => m.realName === null)).toBe(true);
  });
});
