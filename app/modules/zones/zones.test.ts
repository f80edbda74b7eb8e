import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestCompany } from "#tests/factories/member-admin.ts";
import { createTestCsr, createTestZone, createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { zoneList } from "./zone-list-query.ts";
import {
  confirmMembership,
  createZone,
  declineMembership,
  deleteAnnouncement,
  getJoinState,
  inviteToZone,
  leaveZone,
  listZones,
  postAnnouncement,
  removeMembership,
  removeZoneManager,
  requestToJoin,
  setCustomerAdmin,
  ZoneError,
} from "./zones.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

async function status(membershipId: number) {
  return (await db.zoneMembership.findUniqueOrThrow({ where: { id: membershipId } })).status;
}

describe("zones", () => {
  it("creates one zone per company and refuses a second", async () => {
    const company = await createTestCompany(db);
    const { staff } = await createTestCsr(db);
    const zone = await createZone(db, { companyId: company.id, managerStaffIds: [staff.id], actorStaffId: staff.id });
    const row = await db.zone.findUniqueOrThrow({ where: { id: zone.id }, include: { managers: true } });
    expect(row.name).toBe(company.name);
    expect(row.managers.map((m) => m.staffId)).toEqual([staff.id]);
    await expect(
      createZone(db, { companyId: company.id, managerStaffIds: [staff.id], actorStaffId: staff.id }),
    ).rejects.toMatchObject({ code: "zone-exists" });
  });

  it("keeps the last CSR of a zone", async () => {
    const { zone, csr } = await createTestZone(db);
    await expect(
      removeZoneManager(db, { zoneId: zone.id, staffId: csr.staff.id, actor: csr.actor }),
    ).rejects.toMatchObject({
      code: "invalid-state",
    });
  });
});

describe("membership needs both confirmations", () => {
  it("request → customer admin → CSR → active", async () => {
    const { company, zone, csr, admin } = await createTestZone(db);
    const { member } = await createZoneMember(db, company.id);
    const { membershipId } = await requestToJoin(db, { memberId: member.id });
    expect(await status(membershipId)).toBe("requested");
    await expect(
      confirmMembership(db, {
        zoneId: zone.id,
        membershipId,
        actor: { type: "customer_admin", memberId: admin.member.id },
      }),
    ).resolves.toEqual({ status: "customer_confirmed" });
    // the same side cannot confirm twice
    await expect(
      confirmMembership(db, {
        zoneId: zone.id,
        membershipId,
        actor: { type: "customer_admin", memberId: admin.member.id },
      }),
    ).rejects.toMatchObject({ code: "invalid-state" });
    await expect(
      confirmMembership(db, { zoneId: zone.id, membershipId, actor: { type: "staff", staff: csr.actor } }),
    ).resolves.toEqual({
      status: "active",
    });
    const row = await db.zoneMembership.findUniqueOrThrow({ where: { id: membershipId } });
    expect(row.customerConfirmedById).toBe(admin.member.id);
    expect(row.staffConfirmedById).toBe(csr.staff.id);
    expect(await db.notification.count({ where: { staffId: csr.staff.id } })).toBeGreaterThanOrEqual(1);
    expect(zone.id).toBe(row.zoneId);
  });

  it("request → CSR → customer admin → active (either order)", async () => {
    const { company, zone, csr, admin } = await createTestZone(db);
    const { member } = await createZoneMember(db, company.id);
    const { membershipId } = await requestToJoin(db, { memberId: member.id });
    expect(
      (await confirmMembership(db, { zoneId: zone.id, membershipId, actor: { type: "staff", staff: csr.actor } }))
        .status,
    ).toBe("staff_confirmed");
    expect(
      (
        await confirmMembership(db, {
          zoneId: zone.id,
          membershipId,
          actor: { type: "customer_admin", memberId: admin.member.id },
        })
      ).status,
    ).toBe("active");
  });

  it("an invitation counts as its inviter's side only", async () => {
    const { company, zone, csr, admin } = await createTestZone(db);
    const { member } = await createZoneMember(db, company.id);
    const invited = await inviteToZone(db, {
      zoneId: zone.id,
      memberId: member.id,
      actor: { type: "customer_admin", memberId: admin.member.id },
    });
    expect(invited.status).toBe("customer_confirmed");
    expect(
      (
        await confirmMembership(db, {
          zoneId: zone.id,
          membershipId: invited.membershipId,
          actor: { type: "staff", staff: csr.actor },
        })
      ).status,
    ).toBe("active");

    const other = await createZoneMember(db, company.id);
    const byStaff = await inviteToZone(db, {
      zoneId: zone.id,
      memberId: other.member.id,
      actor: { type: "staff", staff: csr.actor },
    });
    expect(byStaff.status).toBe("staff_confirmed");
  });

  it("both sides confirming at the same moment still ends active", async () => {
    const { company, zone, csr, admin } = await createTestZone(db);
    for (let round = 0; round < 5; round++) {
      const { member } = await createZoneMember(db, company.id);
      const { membershipId } = await requestToJoin(db, { memberId: member.id });
      const results = await Promise.allSettled([
        confirmMembership(db, {
          zoneId: zone.id,
          membershipId,
          actor: { type: "customer_admin", memberId: admin.member.id },
        }),
        confirmMembership(db, { zoneId: zone.id, membershipId, actor: { type: "staff", staff: csr.actor } }),
      ]);
      expect(results.every((r) => r.status === "fulfilled")).toBe(true);
      expect(await status(membershipId)).toBe("active");
    }
  });

  it("refuses members of another company, outsiders and non-admin members", async () => {
    const { zone, company, admin } = await createTestZone(db);
    const other = await createTestZone(db);
    const stranger = await createZoneMember(db, other.company.id);
    await expect(
      inviteToZone(db, {
        zoneId: zone.id,
        memberId: stranger.member.id,
        actor: { type: "customer_admin", memberId: admin.member.id },
      }),
    ).rejects.toMatchObject({ code: "wrong-company" });

    const { member } = await createZoneMember(db, company.id);
    const { membershipId } = await requestToJoin(db, { memberId: member.id });
    // the other zone's admin and CSR have no say here
    await expect(
      confirmMembership(db, {
        zoneId: zone.id,
        membershipId,
        actor: { type: "customer_admin", memberId: other.admin.member.id },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      confirmMembership(db, { zoneId: zone.id, membershipId, actor: { type: "staff", staff: other.csr.actor } }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    // an ordinary active member is not a customer admin
    const plain = await createZoneMember(db, company.id, { zoneId: zone.id });
    await expect(
      confirmMembership(db, {
        zoneId: zone.id,
        membershipId,
        actor: { type: "customer_admin", memberId: plain.member.id },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await status(membershipId)).toBe("requested");
  });

  it("a CSR with scope all may act on any zone", async () => {
    const { company, zone } = await createTestZone(db);
    const boss = await createTestCsr(db, { scope: "all" });
    const { member } = await createZoneMember(db, company.id);
    const { membershipId } = await requestToJoin(db, { memberId: member.id });
    expect(
      (await confirmMembership(db, { zoneId: zone.id, membershipId, actor: { type: "staff", staff: boss.actor } }))
        .status,
    ).toBe("staff_confirmed");
  });

  it("decline, re-request, leave and remove", async () => {
    const { company, zone, csr, admin } = await createTestZone(db);
    const { member } = await createZoneMember(db, company.id);
    const first = await requestToJoin(db, { memberId: member.id });
    await expect(requestToJoin(db, { memberId: member.id })).rejects.toMatchObject({ code: "already-pending" });
    await declineMembership(db, {
      zoneId: zone.id,
      membershipId: first.membershipId,
      actor: { type: "staff", staff: csr.actor },
    });
    expect(await status(first.membershipId)).toBe("declined");
    await expect(
      confirmMembership(db, {
        zoneId: zone.id,
        membershipId: first.membershipId,
        actor: { type: "customer_admin", memberId: admin.member.id },
      }),
    ).rejects.toMatchObject({ code: "invalid-state" });

    const again = await requestToJoin(db, { memberId: member.id });
    expect(again.membershipId).toBe(first.membershipId);
    const row = await db.zoneMembership.findUniqueOrThrow({ where: { id: again.membershipId } });
    expect(row.status).toBe("requested");
    expect(row.staffConfirmedAt).toBeNull();

    await confirmMembership(db, {
      zoneId: zone.id,
      membershipId: again.membershipId,
      actor: { type: "customer_admin", memberId: admin.member.id },
    });
    await confirmMembership(db, {
      zoneId: zone.id,
      membershipId: again.membershipId,
      actor: { type: "staff", staff: csr.actor },
    });
    await leaveZone(db, { memberId: member.id });
    expect(await status(again.membershipId)).toBe("removed");

    const colleague = await createZoneMember(db, company.id, { zoneId: zone.id });
    // an admin cannot remove another admin or themselves; a CSR can remove anyone
    await expect(
      removeMembership(db, {
        zoneId: zone.id,
        membershipId: admin.membershipId!,
        actor: { type: "customer_admin", memberId: admin.member.id },
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await removeMembership(db, {
      zoneId: zone.id,
      membershipId: colleague.membershipId!,
      actor: { type: "customer_admin", memberId: admin.member.id },
    });
    expect(await status(colleague.membershipId!)).toBe("removed");
  });

  it("a CSR appoints the customer's admin, who is then active", async () => {
    const { company, zone, csr } = await createTestZone(db);
    const { member } = await createZoneMember(db, company.id);
    await setCustomerAdmin(db, { zoneId: zone.id, memberId: member.id, appoint: true, actor: csr.actor });
    const row = await db.zoneMembership.findUniqueOrThrow({
      where: { zoneId_memberId: { zoneId: zone.id, memberId: member.id } },
    });
    expect(row).toMatchObject({ status: "active", isCustomerAdmin: true });
    await setCustomerAdmin(db, { zoneId: zone.id, memberId: member.id, appoint: false, actor: csr.actor });
    expect((await db.zoneMembership.findUniqueOrThrow({ where: { id: row.id } })).isCustomerAdmin).toBe(false);
  });

  it("a member without a company, or whose company has no zone, cannot ask", async () => {
    const company = await createTestCompany(db);
    const { member } = await createZoneMember(db, company.id);
    await expect(requestToJoin(db, { memberId: member.id })).rejects.toBeInstanceOf(ZoneError);
    expect(await getJoinState(db, { id: member.id, companyId: company.id })).toEqual({ zone: null, membership: null });
  });
});

describe("lists and announcements", () => {
  it("lists only zones within the CSR's scope and counts pending entries", async () => {
    const a = await createTestZone(db);
    await createTestZone(db);
    const { member } = await createZoneMember(db, a.company.id);
    await requestToJoin(db, { memberId: member.id });
    const mine = await listZones(db, a.csr.actor, zoneList.defaults);
    expect(mine.total).toEqual({ count: 1, capped: false });
    expect(mine.rows[0]).toMatchObject({ id: a.zone.id, activeMembers: 1, pending: 1 });
    const boss = await createTestCsr(db, { scope: "all" });
    expect((await listZones(db, boss.actor, zoneList.defaults)).total.count).toBe(2);
    const byName = await listZones(db, boss.actor, zoneList.parse(new URLSearchParams("sort=name&dir=desc")));
    expect(byName.rows.map((r) => r.name)).toEqual([...byName.rows.map((r) => r.name)].sort().reverse());
  });

  it("posts announcements only as a CSR of the zone", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    await postAnnouncement(db, { zoneId: a.zone.id, title: "停机维护", body: "周六 9:00–12:00", actor: a.csr.actor });
    await expect(
      postAnnouncement(db, { zoneId: a.zone.id, title: "x", body: "y", actor: b.csr.actor }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      postAnnouncement(db, { zoneId: a.zone.id, title: " ", body: "y", actor: a.csr.actor }),
    ).rejects.toMatchObject({
      code: "invalid-input",
    });
    expect(await db.zoneAnnouncement.count({ where: { zoneId: a.zone.id } })).toBe(1);
  });

  it("deletes an announcement only through its own zone", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const boss = await createTestCsr(db, { scope: "all" });
    const { id } = await postAnnouncement(db, {
      zoneId: b.zone.id,
      title: "停机维护",
      body: "周六",
      actor: b.csr.actor,
    });
    await expect(
      deleteAnnouncement(db, { zoneId: a.zone.id, announcementId: id, actor: boss.actor }),
    ).rejects.toMatchObject({ code: "not-found" });
    expect(await db.zoneAnnouncement.count({ where: { id } })).toBe(1);
    await deleteAnnouncement(db, { zoneId: b.zone.id, announcementId: id, actor: boss.actor });
    expect(await db.zoneAnnouncement.count({ where: { id } })).toBe(0);
  });
});

describe("a membership id is only acted on inside its own zone", () => {
  it("refuses another zone's entry as not found, even to a CSR who manages both", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const boss = await createTestCsr(db, { scope: "all" });
    const { member } = await createZoneMember(db, b.company.id);
    const { membershipId } = await requestToJoin(db, { memberId: member.id });
    const active = await createZoneMember(db, b.company.id, { zoneId: b.zone.id });
    const staff = { type: "staff" as const, staff: boss.actor };
    const adminOfA = { type: "customer_admin" as const, memberId: a.admin.member.id };
    for (const actor of [staff, adminOfA]) {
      await expect(confirmMembership(db, { zoneId: a.zone.id, membershipId, actor })).rejects.toMatchObject({
        code: "not-found",
      });
      await expect(declineMembership(db, { zoneId: a.zone.id, membershipId, actor })).rejects.toMatchObject({
        code: "not-found",
      });
      await expect(
        removeMembership(db, { zoneId: a.zone.id, membershipId: active.membershipId!, actor }),
      ).rejects.toMatchObject({ code: "not-found" });
    }
    expect(await status(membershipId)).toBe("requested");
    expect(await status(active.membershipId!)).toBe("active");
    // through its own zone the same CSR may act
    await expect(confirmMembership(db, { zoneId: b.zone.id, membershipId, actor: staff })).resolves.toEqual({
      status: "staff_confirmed",
    });
  });
});
