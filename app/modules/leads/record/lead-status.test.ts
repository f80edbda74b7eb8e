import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead, createTestTeam, leadActor } from "#tests/factories/lead-inbox.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { changeLeadStatus, nextLeadStatuses } from "./lead-status.server.ts";

const viewer = leadActor;

describe("lead status changes", () => {
  beforeEach(() => resetDatabase());

  it("moves the owner's lead forward with an event, an audit row and the seen mark", async () => {
    const { staff: owner } = await createTestStaff(db);
    const lead = await createTestLead(db, { ownerId: owner.id });

    const result = await changeLeadStatus(db, {
      leadId: lead.id,
      from: "new",
      to: "contacted",
      actor: viewer(owner, "own"),
      ipAddress: "198.51.100.4",
    });
    expect(result).toEqual({ kind: "changed", from: "new", to: "contacted" });
    const after = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after.status).toBe("contacted");
    expect(after.ownerSeenAt).not.toBeNull();
    const events = await db.leadEvent.findMany({ where: { leadId: lead.id } });
    expect(events.map((e) => [e.type, e.actorType, e.actorId, e.detail])).toEqual([
      ["status_changed", "staff", owner.id, { from: "new", to: "contacted" }],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "lead.status_changed" } });
    expect(audit).toMatchObject({
      entityType: "Lead",
      entityId: String(lead.id),
      actorId: owner.id,
      ipAddress: "198.51.100.4",
    });
    expect(audit.before).toEqual({ status: "new" });
    expect(audit.after).toEqual({ status: "contacted" });
  });

  it("lets a team manager change a teammate's lead but not another team's, and not a stranger with own scope", async () => {
    const team = await createTestTeam(db);
    const { staff: owner } = await createTestStaff(db, { teamId: team.id });
    const { staff: manager } = await createTestStaff(db, { teamId: team.id });
    const { staff: outsider } = await createTestStaff(db);
    const lead = await createTestLead(db, { ownerId: owner.id });

    expect(
      await changeLeadStatus(db, { leadId: lead.id, from: "new", to: "closed", actor: viewer(outsider, "own") }),
    ).toEqual({
      kind: "forbidden",
    });
    expect(
      await changeLeadStatus(db, { leadId: lead.id, from: "new", to: "closed", actor: viewer(outsider, "team") }),
    ).toEqual({
      kind: "forbidden",
    });
    expect(
      await changeLeadStatus(db, { leadId: lead.id, from: "new", to: "closed", actor: viewer(owner, null) }),
    ).toEqual({
      kind: "forbidden",
    });
    expect(await db.leadEvent.count()).toBe(0);
    const ok = await changeLeadStatus(db, {
      leadId: lead.id,
      from: "new",
      to: "qualified",
      actor: viewer(manager, "team"),
    });
    expect(ok.kind).toBe("changed");
    // A manager looking at it does not count as the owner having seen it.
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).ownerSeenAt).toBeNull();
  });

  it("refuses a stale form, an unknown lead and moves the flow does not allow, writing nothing", async () => {
    const { staff: owner } = await createTestStaff(db);
    const lead = await createTestLead(db, { ownerId: owner.id, status: "qualified" });
    const converted = await createTestLead(db, { ownerId: owner.id, status: "converted" });
    const actor = viewer(owner, "own");

    expect(await changeLeadStatus(db, { leadId: lead.id, from: "new", to: "contacted", actor })).toEqual({
      kind: "conflict",
      current: "qualified",
    });
    expect(await changeLeadStatus(db, { leadId: lead.id, from: "qualified", to: "new", actor })).toEqual({
      kind: "invalid-transition",
      from: "qualified",
    });
    expect(await changeLeadStatus(db, { leadId: converted.id, from: "converted", to: "closed", actor })).toEqual({
      kind: "invalid-transition",
      from: "converted",
    });
    expect(await changeLeadStatus(db, { leadId: lead.id + 999, from: "new", to: "closed", actor })).toEqual({
      kind: "not-found",
    });
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("qualified");
    expect(await db.leadEvent.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("lets exactly one of two concurrent changes from the same state win", async () => {
    const { staff: owner } = await createTestStaff(db);
    const lead = await createTestLead(db, { ownerId: owner.id });
    const actor = viewer(owner, "own");
    const results = await Promise.all([
      changeLeadStatus(db, { leadId: lead.id, from: "new", to: "contacted", actor }),
      changeLeadStatus(db, { leadId: lead.id, from: "new", to: "closed", actor }),
    ]);
    expect(results.filter((r) => r.kind === "changed")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "conflict")).toHaveLength(1);
    expect(await db.leadEvent.count({ where: { leadId: lead.id } })).toBe(1);
  });

  it("offers follow-up steps and a reopen, nothing after conversion", () => {
    expect(nextLeadStatuses("new")).toEqual(["contacted", "qualified", "closed"]);
    expect(nextLeadStatuses("closed")).toEqual(["contacted"]);
    expect(nextLeadStatuses("converted")).toEqual([]);
  });
});
