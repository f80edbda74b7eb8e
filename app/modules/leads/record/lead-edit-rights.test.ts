import { beforeEach, describe, expect, it } from "vitest";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { db } from "#app/lib/db.server.ts";
import type { Grants } from "#app/modules/auth/permissions.ts";
import { createTestLead, createTestTeam } from "#tests/factories/lead-inbox.ts";
import { ALL_RIGHTS, createAssignedLead, createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { claimLead } from "../distribution/lead-claim.server.ts";
import {
  LeadEditForbiddenError,
  LeadNotFoundError,
  leadEditRights,
  updateLeadGroup,
} from "./lead-edit-rights.server.ts";
import { identifyLead } from "./lead-identification.server.ts";
import { getLeadAccess } from "./lead-workspace.server.ts";

function principal(staff: { id: number; teamId: number | null }, scope: "own" | "team" | "all" = "own") {
  const grants: Grants = { leads: { browse: scope, modify: scope } };
  return staffActorFor(staff, { grants });
}

describe("lead field-group edit rights", () => {
  beforeEach(() => resetDatabase());

  it("owner and a team manager edit every group; others in another team nothing", async () => {
    const north = await createTestTeam(db);
    const south = await createTestTeam(db);
    const owner = await createTestSalesperson(db, { teamId: north.id });
    const manager = await createTestSalesperson(db, { teamId: north.id });
    const otherManager = await createTestSalesperson(db, { teamId: south.id });
    const lead = await createTestLead(db, { ownerId: owner.id });
    const all = { need: true, contact: true, company: true, status: true };
    expect(await leadEditRights(db, principal(owner), lead.id)).toEqual({ rights: all, reason: "owner" });
    expect(await leadEditRights(db, principal(manager, "team"), lead.id)).toEqual({ rights: all, reason: "manager" });
    expect((await leadEditRights(db, principal(otherManager, "team"), lead.id))?.reason).toBe("none");
    expect(await leadEditRights(db, principal(owner), 999_999)).toBeNull();
  });

  it("an assignee edits only granted groups: 403 error and unchanged data otherwise", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, {
      ownerId: owner.id,
      requirement: "原需求",
      assignees: [rights(a1.id, { need: true }), rights(a2.id)],
    });

    const ok = await updateLeadGroup(db, principal(a1), lead.id, "need", { requirement: "  新需求：200 台  " });
    expect(ok).toEqual({ ok: true, changed: ["requirement"] });
    await expect(
      updateLeadGroup(db, principal(a1), lead.id, "contact", { contactName: "改名" }),
    ).rejects.toBeInstanceOf(LeadEditForbiddenError);
    await expect(updateLeadGroup(db, principal(a2), lead.id, "need", { requirement: "A2 改的" })).rejects.toMatchObject(
      { group: "need", reason: "assignee" },
    );
    await expect(updateLeadGroup(db, principal(a2), 999_999, "need", {})).rejects.toBeInstanceOf(LeadNotFoundError);

    const row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row.requirement).toBe("新需求：200 台");
    expect(row.contactName).toBe(lead.contactName);
    const edits = await db.leadEvent.findMany({ where: { leadId: lead.id, type: "edited" } });
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      actorId: a1.id,
      detail: { group: "need", after: { requirement: "新需求：200 台" } },
    });
    expect(await db.auditLog.count({ where: { action: "lead.edited", entityId: String(lead.id) } })).toBe(1);
  });

  it("validates with localisable keys and keeps match keys in step with contact edits", async () => {
    const owner = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id, contactEmail: "old@example.cn" });
    const bad = await updateLeadGroup(db, principal(owner), lead.id, "contact", {
      contactEmail: "not-an-email",
      contactMobile: "abc",
    });
    expect(bad).toEqual({
      ok: false,
      fieldErrors: { contactEmail: "leadWork.error.invalidEmail", contactMobile: "leadWork.error.invalidPhone" },
    });
    const good = await updateLeadGroup(db, principal(owner), lead.id, "contact", {
      contactEmail: "New@Example.cn",
      contactMobile: "138-0013-8000",
    });
    expect(good.ok).toBe(true);
    const row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({ contactEmail: "new@example.cn", emailKey: "new@example.cn", phoneKey: "13800138000" });
    // Nothing different: nothing written.
    const same = await updateLeadGroup(db, principal(owner), lead.id, "contact", {
      contactName: row.contactName,
      contactEmail: "new@example.cn",
      contactMobile: "138-0013-8000",
    });
    expect(same).toEqual({ ok: true, changed: [] });
    expect(await db.leadEvent.count({ where: { leadId: lead.id } })).toBe(1);
  });

  it("a claim by someone else takes the rights away; the claimer keeps theirs", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, {
      ownerId: owner.id,
      assignees: [rights(a1.id, ALL_RIGHTS), rights(a2.id, ALL_RIGHTS)],
    });
    await claimLead(db, lead.id, a2.id);
    await expect(
      updateLeadGroup(db, principal(a1), lead.id, "company", { companyName: "抢改公司" }),
    ).rejects.toMatchObject({ reason: "claimed-by-other" });
    expect((await updateLeadGroup(db, principal(a2), lead.id, "company", { companyName: "北京星辰" })).ok).toBe(true);
    // The owner still edits everything while a salesperson holds the claim.
    expect((await updateLeadGroup(db, principal(owner), lead.id, "need", { requirement: "补充" })).ok).toBe(true);
  });

  it("a claim does not shut out the claimer's manager (#14 item 17): an assigned manager keeps his grants", async () => {
    const north = await createTestTeam(db);
    const south = await createTestTeam(db);
    const marketing = await createTestSalesperson(db, { teamId: south.id });
    const rep = await createTestSalesperson(db, { teamId: north.id });
    const manager = await createTestSalesperson(db, { teamId: north.id });
    const outsider = await createTestSalesperson(db, { teamId: south.id });
    const lead = await createAssignedLead(db, {
      ownerId: marketing.id,
      assignees: [rights(rep.id, ALL_RIGHTS), rights(manager.id, { need: true }), rights(outsider.id, ALL_RIGHTS)],
    });
    await claimLead(db, lead.id, rep.id);
    const managerRights = await leadEditRights(db, principal(manager, "team"), lead.id);
    expect(managerRights).toEqual({
      rights: { need: true, contact: false, company: false, status: false },
      reason: "assignee",
    });
    expect(
      (await updateLeadGroup(db, principal(manager, "team"), lead.id, "need", { requirement: "经理补充" })).ok,
    ).toBe(true);
    // Another assignee who does not manage the claimer is still shut out.
    expect((await leadEditRights(db, principal(outsider), lead.id))?.reason).toBe("claimed-by-other");
  });

  it("a manager who sees the lead without an assignment may follow up his rep's claimed lead, not edit it", async () => {
    const north = await createTestTeam(db);
    const south = await createTestTeam(db);
    const marketing = await createTestSalesperson(db, { teamId: south.id });
    const rep = await createTestSalesperson(db, { teamId: north.id });
    const manager = await createTestSalesperson(db, { teamId: north.id });
    const lead = await createAssignedLead(db, { ownerId: marketing.id, assignees: [rights(rep.id, ALL_RIGHTS)] });
    const viewer = staffActorFor(manager, { grants: { leads: { browse: "all", modify: "team" } } });
    // Before the claim he supervises nobody on it.
    expect((await leadEditRights(db, viewer, lead.id))?.reason).toBe("none");
    expect((await getLeadAccess(db, viewer, lead.id))?.capabilities.canWork).toBe(false);
    await claimLead(db, lead.id, rep.id);
    expect(await leadEditRights(db, viewer, lead.id)).toEqual({
      rights: { need: false, contact: false, company: false, status: false },
      reason: "supervisor",
    });
    const access = await getLeadAccess(db, viewer, lead.id);
    expect(access?.capabilities).toMatchObject({ canWork: true, canManage: false, canClaim: false });
    await expect(updateLeadGroup(db, viewer, lead.id, "need", { requirement: "越权修改" })).rejects.toBeInstanceOf(
      LeadEditForbiddenError,
    );
  });

  it("identification needs the status right; a label marks the lead identified", async () => {
    const owner = await createTestSalesperson(db);
    const withStatus = await createTestSalesperson(db);
    const without = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, {
      ownerId: owner.id,
      assignees: [rights(withStatus.id, { status: true }), rights(without.id, { need: true })],
    });
    await expect(
      identifyLead(db, principal(without), lead.id, { identificationLabel: "competitor" }),
    ).rejects.toBeInstanceOf(LeadEditForbiddenError);
    const bad = await identifyLead(db, principal(withStatus), lead.id, { identificationLabel: "bogus" });
    expect(bad).toEqual({ ok: false, fieldErrors: { identificationLabel: "leadWork.error.invalidChoice" } });
    const ok = await identifyLead(db, principal(withStatus), lead.id, {
      identificationLabel: "has_need",
      demandStatus: "本季度采购",
    });
    expect(ok.ok).toBe(true);
    const row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({ identified: true, identificationLabel: "has_need", demandStatus: "本季度采购" });
    const events = await db.leadEvent.findMany({ where: { leadId: lead.id, type: "identified" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(withStatus.id);
  });
});
