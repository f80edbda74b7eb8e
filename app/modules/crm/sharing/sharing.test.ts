import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import {
  actorWith,
  makeCompany,
  makeContact,
  makeLead,
  makeOpportunity,
  makeStaff,
} from "#app/modules/crm/merge/test-world.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { accessTarget, decideAccessRequest, listAccessRequests, requestAccess } from "./access-requests.server.ts";
import { revokeShare, shareRecord, transferRecords } from "./sharing.server.ts";

beforeEach(() => resetDatabase());

async function canSee(actor: StaffActor, id: number, action: "browse" | "modify" = "browse") {
  const where = await recordScopeWhere(db, actor, "contact", action);
  return where !== null && (await db.contact.count({ where: { AND: [where, { id }] } })) > 0;
}

async function setup() {
  const north = await db.team.create({ data: { name: "华北" } });
  const south = await db.team.create({ data: { name: "华南" } });
  const owner = await makeStaff(db, "陈静", south.id);
  const colleague = await makeStaff(db, "王磊", north.id);
  const teammate = await makeStaff(db, "张伟", north.id);
  const grants = [
    ["contacts", "browse", "own"],
    ["contacts", "modify", "own"],
    ["contacts", "transfer", "own"],
    ["companies", "browse", "own"],
    ["companies", "transfer", "own"],
  ] as const;
  const a = (s: { id: number; teamId: number | null; name: string }) =>
    actorWith(
      s,
      grants.map((g) => [...g]),
    );
  return {
    north,
    owner,
    colleague,
    teammate,
    ownerActor: a(owner),
    colleagueActor: a(colleague),
    teammateActor: a(teammate),
  };
}

describe("sharing", () => {
  it("a shared record is visible to the colleague on the next request, editable only when shared for edit, and revocable", async () => {
    const w = await setup();
    const contact = await makeContact(db, "刘强", w.owner.id, { email: "liu@xyz.com" });
    expect(await canSee(w.colleagueActor, contact.id)).toBe(false);
    const shared = await shareRecord(db, w.ownerActor, {
      entity: "contact",
      id: contact.id,
      staffId: w.colleague.id,
      canEdit: false,
    });
    expect(shared.status).toBe("ok");
    expect(await canSee(w.colleagueActor, contact.id)).toBe(true);
    expect(await canSee(w.colleagueActor, contact.id, "modify")).toBe(false);
    await shareRecord(db, w.ownerActor, { entity: "contact", id: contact.id, staffId: w.colleague.id, canEdit: true });
    expect(await canSee(w.colleagueActor, contact.id, "modify")).toBe(true);
    expect(await db.recordShare.count()).toBe(1);
    // The colleague cannot re-share or revoke: they have no transfer right over it.
    const shareId = shared.status === "ok" ? shared.value.shareId : 0;
    expect((await revokeShare(db, w.colleagueActor, shareId)).status).toBe("not-found");
    expect((await revokeShare(db, w.ownerActor, shareId)).status).toBe("ok");
    expect(await canSee(w.colleagueActor, contact.id)).toBe(false);
    expect(await db.auditLog.count({ where: { action: { in: ["contact.shared", "contact.unshared"] } } })).toBe(3);
  });

  it("sharing with a team reaches every member; sharing needs the record in the transfer scope", async () => {
    const w = await setup();
    const contact = await makeContact(db, "黄敏", w.owner.id);
    expect(
      (
        await shareRecord(db, w.colleagueActor, {
          entity: "contact",
          id: contact.id,
          teamId: w.north.id,
          canEdit: false,
        })
      ).status,
    ).toBe("not-found");
    expect((await shareRecord(db, w.ownerActor, { entity: "contact", id: contact.id, canEdit: false })).status).toBe(
      "invalid",
    );
    expect(
      (await shareRecord(db, w.ownerActor, { entity: "contact", id: contact.id, teamId: w.north.id, canEdit: false }))
        .status,
    ).toBe("ok");
    expect(await canSee(w.colleagueActor, contact.id)).toBe(true);
    expect(await canSee(w.teammateActor, contact.id)).toBe(true);
  });

  it("transfer changes the owner and optionally the open leads and opportunities, all or nothing", async () => {
    const w = await setup();
    const company = await makeCompany(db, "沈阳恒通", w.owner.id);
    const theirs = await makeCompany(db, "别人的", w.colleague.id);
    const open = await makeOpportunity(db, w.owner.id, { companyId: company.id });
    const won = await makeOpportunity(db, w.owner.id, { companyId: company.id, stage: "won" });
    const lead = await makeLead(db, w.owner.id, { convertedCompanyId: company.id, status: "contacted" });
    expect(
      (
        await transferRecords(db, w.ownerActor, {
          entity: "company",
          ids: [company.id, theirs.id],
          toStaffId: w.colleague.id,
        })
      ).status,
    ).toBe("not-found");
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).ownerId).toBe(w.owner.id);
    const done = await transferRecords(db, w.ownerActor, {
      entity: "company",
      ids: [company.id],
      toStaffId: w.colleague.id,
      includeOpen: true,
    });
    expect(done).toMatchObject({ status: "ok", value: { records: 1, leads: 1, opportunities: 1 } });
    const moved = await db.company.findUniqueOrThrow({ where: { id: company.id } });
    expect([moved.ownerId, moved.teamId]).toEqual([w.colleague.id, w.north.id]);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: open.id } })).ownerId).toBe(w.colleague.id);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: won.id } })).ownerId).toBe(w.owner.id);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerId).toBe(w.colleague.id);
    expect(await db.auditLog.count({ where: { action: "company.transferred" } })).toBe(1);
  });
});

describe("access requests", () => {
  it("shows only name and owner, notifies the owner, and a grant makes the record visible", async () => {
    const w = await setup();
    const contact = await makeContact(db, "刘强", w.owner.id, { email: "liu@xyz.com", mobile: "13800138000" });
    const target = await accessTarget(db, w.colleagueActor, "contact", contact.id);
    expect(target).toEqual({
      entity: "contact",
      id: contact.id,
      name: "刘强",
      ownerName: "陈静",
      visible: false,
      pendingRequestId: null,
    });
    const asked = await requestAccess(db, w.colleagueActor, { entity: "contact", id: contact.id, message: "客户来电" });
    expect(asked.status).toBe("ok");
    expect((await requestAccess(db, w.colleagueActor, { entity: "contact", id: contact.id })).status).toBe("conflict");
    expect(await db.notification.count({ where: { staffId: w.owner.id, type: "access.requested" } })).toBe(1);
    const { incoming } = await listAccessRequests(db, w.ownerActor);
    expect(incoming.map((r) => [r.recordName, r.requesterName])).toEqual([["刘强", "王磊"]]);

    const requestId = asked.status === "ok" ? asked.value.requestId : 0;
    // Only the owner decides.
    expect((await decideAccessRequest(db, w.teammateActor, { requestId, grant: true })).status).toBe("forbidden");
    expect((await decideAccessRequest(db, w.ownerActor, { requestId, grant: true })).status).toBe("ok");
    expect(await canSee(w.colleagueActor, contact.id)).toBe(true);
    expect((await decideAccessRequest(db, w.ownerActor, { requestId, grant: false })).status).toBe("conflict");
    expect(await db.notification.count({ where: { staffId: w.colleague.id, type: "access.granted" } })).toBe(1);
    expect((await requestAccess(db, w.colleagueActor, { entity: "contact", id: contact.id })).status).toBe("conflict");
  });

  it("a declined request leaves the record hidden; binned records cannot be requested", async () => {
    const w = await setup();
    const contact = await makeContact(db, "李四", w.owner.id);
    const asked = await requestAccess(db, w.colleagueActor, { entity: "contact", id: contact.id });
    const requestId = asked.status === "ok" ? asked.value.requestId : 0;
    expect(await decideAccessRequest(db, w.ownerActor, { requestId, grant: false })).toMatchObject({
      value: { status: "declined" },
    });
    expect(await canSee(w.colleagueActor, contact.id)).toBe(false);
    const binned = await makeContact(db, "王五", w.owner.id);
    await db.contact.update({ where: { id: binned.id }, data: { deletedAt: new Date() } });
    expect(await accessTarget(db, w.colleagueActor, "contact", binned.id)).toBeNull();
    expect((await requestAccess(db, w.colleagueActor, { entity: "contact", id: binned.id })).status).toBe("not-found");
  });
});
