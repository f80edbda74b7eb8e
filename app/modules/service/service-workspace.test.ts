import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createServiceScenario, createTestZoneRequest, type ServiceScenario } from "#tests/factories/service.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { assignRequests } from "./service-requests.server.ts";
import { getServiceRequestWorkspace, mayModifyRequest } from "./service-workspace.server.ts";

let s: ServiceScenario;
beforeEach(async () => {
  await resetDatabase();
  s = await createServiceScenario(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("service request workspace", () => {
  it("reads the request through the scope and derives what the actor may do once", async () => {
    const request = await createTestZoneRequest(db, s);
    const csrA = staffActorFor(s.a.csr.staff, { grants: { service: { browse: "own", modify: "own" } } });
    const readerA = staffActorFor(s.a.csr.staff, { grants: { service: { browse: "own" }, knowledge: { add: "own" } } });
    const csrB = staffActorFor(s.b.csr.staff, { grants: { service: { browse: "own", modify: "own" } } });

    const work = await getServiceRequestWorkspace(db, csrA, request.id);
    expect(work?.capabilities).toEqual({ canModify: true, canKnowledge: false });
    expect(work?.assignees.length).toBeGreaterThan(0);
    expect(work?.transitions).toContain("accepted");

    const read = await getServiceRequestWorkspace(db, readerA, request.id);
    expect(read?.capabilities).toEqual({ canModify: false, canKnowledge: true });
    expect(read?.assignees).toEqual([]);

    expect(await getServiceRequestWorkspace(db, csrB, request.id)).toBeNull();
    expect(await mayModifyRequest(db, csrB, request.id)).toBe(false);
    expect(await mayModifyRequest(db, csrA, request.id)).toBe(true);
  });

  it("names the assignee of each assignment in the history", async () => {
    const request = await createTestZoneRequest(db, s);
    await assignRequests(db, { id: s.a.csr.staff.id, name: "甲" }, [request.id], s.b.csr.staff.id);
    const all = staffActorFor(s.a.csr.staff, { grants: { service: { browse: "all" } } });
    const work = await getServiceRequestWorkspace(db, all, request.id);
    expect(work?.staffNames[s.b.csr.staff.id]).toBe(s.b.csr.staff.name);
  });
});
