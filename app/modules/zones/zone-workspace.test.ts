import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import type { Scope } from "#app/modules/auth/permissions.ts";
import { createTestPoll } from "#tests/factories/knowledge.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { createTestAsset, createTestZone, createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getZonePollsWorkspace, getZoneWorkspace, mayWorkOnZone, zoneIdsInScope } from "./zone-workspace.server.ts";
import { requestToJoin } from "./zones.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

function csrActor(
  staff: { id: number; teamId: number | null },
  service: { browse?: Scope; add?: Scope; modify?: Scope },
) {
  return staffActorFor(staff, { grants: { service } });
}

describe("zone workspace", () => {
  it("reads a zone only within the actor's service scope", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const own = csrActor(a.csr.staff, { browse: "own", modify: "own" });
    expect(await getZoneWorkspace(db, own, b.zone.id)).toBeNull();
    expect((await getZoneWorkspace(db, own, a.zone.id))?.zone.id).toBe(a.zone.id);
    const { staff } = await createTestStaff(db);
    expect(await getZoneWorkspace(db, staffActorFor(staff), a.zone.id)).toBeNull();
  });

  it("splits pending and active members, counts assets and offers pickers only to modifiers", async () => {
    const a = await createTestZone(db);
    const waiting = await createZoneMember(db, a.company.id);
    await requestToJoin(db, { memberId: waiting.member.id });
    const invitable = await createZoneMember(db, a.company.id);
    await createTestAsset(db, a.company.id);
    const { staff: other } = await createTestStaff(db);

    const modifier = await getZoneWorkspace(db, csrActor(a.csr.staff, { browse: "own", modify: "own" }), a.zone.id);
    expect(modifier?.capabilities.canModify).toBe(true);
    expect(modifier?.zone.pending.map((m) => m.member.id)).toEqual([waiting.member.id]);
    expect(modifier?.zone.active.map((m) => m.member.id)).toEqual([a.admin.member.id]);
    expect(modifier?.pickers.invitable.map((m) => m.id)).toEqual([invitable.member.id]);
    expect(modifier?.pickers.csrCandidates.map((s) => s.id)).toContain(other.id);
    expect(modifier?.pickers.csrCandidates.map((s) => s.id)).not.toContain(a.csr.staff.id);
    expect(modifier?.counts).toEqual({ assets: 1, contracts: 0 });

    const reader = await getZoneWorkspace(db, csrActor(a.csr.staff, { browse: "own" }), a.zone.id);
    expect(reader?.capabilities.canModify).toBe(false);
    expect(reader?.pickers).toEqual({ invitable: [], csrCandidates: [] });
  });

  it("allows work on a zone per action", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const actor = csrActor(a.csr.staff, { browse: "all", modify: "own" });
    expect(await mayWorkOnZone(db, actor, b.zone.id, "browse")).toBe(true);
    expect(await mayWorkOnZone(db, actor, b.zone.id, "modify")).toBe(false);
    expect(await mayWorkOnZone(db, actor, a.zone.id, "modify")).toBe(true);
    expect(await mayWorkOnZone(db, actor, a.zone.id, "delete")).toBe(false);
  });

  it("opens a zone's polls within the scope and says who may start or close one", async () => {
    const a = await createTestZone(db);
    const b = await createTestZone(db);
    const poll = await createTestPoll(db, a.zone.id);
    const reader = csrActor(a.csr.staff, { browse: "own" });
    const page = await getZonePollsWorkspace(db, reader, a.zone.id);
    expect(page?.polls.map((p) => p.id)).toEqual([poll.id]);
    expect(page?.capabilities).toEqual({ canAdd: false, canClose: false });
    const manager = csrActor(a.csr.staff, { browse: "own", add: "own", modify: "own" });
    expect((await getZonePollsWorkspace(db, manager, a.zone.id))?.capabilities).toEqual({
      canAdd: true,
      canClose: true,
    });
    expect(await getZonePollsWorkspace(db, reader, b.zone.id)).toBeNull();
  });

  it("lists the zones in scope for the satisfaction figures (undefined: all)", async () => {
    const a = await createTestZone(db);
    await createTestZone(db);
    expect(await zoneIdsInScope(db, csrActor(a.csr.staff, { browse: "own" }))).toEqual([a.zone.id]);
    expect(await zoneIdsInScope(db, csrActor(a.csr.staff, { browse: "all" }))).toBeUndefined();
    expect(await zoneIdsInScope(db, csrActor(a.csr.staff, {}))).toEqual([]);
  });
});
