import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import {
  createServiceScenario,
  createTestZoneRequest,
  zoneCtx,
  type ServiceScenario,
} from "#tests/factories/service.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { serviceDeskList, type DeskQueue } from "./service-desk-query.ts";
import { assignFromDesk, deskZoneCounts, listServiceDesk } from "./service-desk.server.ts";
import { getStaffRequest } from "./service-queries.server.ts";
import { createZoneRequest } from "./service-requests.server.ts";

let s: ServiceScenario;
beforeEach(async () => {
  await resetDatabase();
  s = await createServiceScenario(db);
});

afterAll(async () => {
  await db.$disconnect();
});

function actorOf(staffId: number, scope: "own" | "team" | "all", teamId: number | null = null) {
  return staffActorFor({ id: staffId, teamId }, { grants: { service: { browse: scope, modify: scope } } });
}

async function zoneBRequest(subject: string) {
  // Zone B's CSR is away, so the request stays unassigned.
  await db.staff.update({ where: { id: s.b.csr.staff.id }, data: { status: "inactive" } });
  const created = await createZoneRequest(db, zoneCtx(s.b.admin.member, s.b.zone), {
    kind: "question",
    subject,
    description: "?",
  });
  await db.staff.update({ where: { id: s.b.csr.staff.id }, data: { status: "active" } });
  if (!created.ok) throw new Error("zone B request refused");
  return created.value;
}

const query = (search: string) => serviceDeskList.parse(new URLSearchParams(search));

describe("service desk", () => {
  it("shows each queue within the actor's scope and sizes the queues", async () => {
    const mine = await createTestZoneRequest(db, s, { subject: "我的" });
    const other = await zoneBRequest("乙方问题");
    await db.serviceRequest.update({ where: { id: mine.id }, data: { dueAt: new Date(Date.now() - 60_000) } });
    const own = actorOf(s.a.csr.staff.id, "own");
    const all = actorOf(s.a.csr.staff.id, "all");
    const subjects = (queue: DeskQueue, actor = own) =>
      listServiceDesk(db, actor, query(`queue=${queue}`)).then((r) => r.rows.map((row) => row.subject));

    expect(await subjects("mine")).toEqual(["我的"]);
    expect(await subjects("overdue")).toEqual(["我的"]);
    // Zone B's unassigned request is outside an own-scope CSR of zone A.
    expect(await subjects("unassigned")).toEqual([]);
    expect(await subjects("unassigned", all)).toEqual(["乙方问题"]);
    expect(await getStaffRequest(db, own, other.id)).toBeNull();

    const page = await listServiceDesk(db, all, query("queue=all"));
    expect(page.total).toEqual({ count: 2, capped: false });
    expect(page.counts).toMatchObject({
      mine: { count: 1, capped: false },
      unassigned: { count: 1, capped: false },
      overdue: { count: 1, capped: false },
      open: { count: 2, capped: false },
    });
    expect(await deskZoneCounts(db, own)).toEqual([{ zoneId: s.a.zone.id, name: s.a.zone.name, open: 1 }]);
  });

  it("filters, searches and sorts from the allow-list", async () => {
    await createTestZoneRequest(db, s, { subject: "甲 紧急", priority: "urgent" });
    await createTestZoneRequest(db, s, { subject: "乙 低", priority: "low" });
    const all = actorOf(s.a.csr.staff.id, "all");
    const subjects = (search: string) =>
      listServiceDesk(db, all, query(search)).then((r) => r.rows.map((row) => row.subject));
    expect(await subjects("queue=all&sort=priority&dir=desc")).toEqual(["甲 紧急", "乙 低"]);
    expect(await subjects("queue=all&sort=priority&dir=asc")).toEqual(["乙 低", "甲 紧急"]);
    expect(await subjects("queue=all&priority=low")).toEqual(["乙 低"]);
    expect(await subjects("queue=all&q=紧急")).toEqual(["甲 紧急"]);
    // an unknown sort falls back to the default instead of reaching the query
    expect((await subjects("queue=all&sort=passwordHash")).sort()).toEqual(["乙 低", "甲 紧急"].sort());
  });

  it("bulk-assigns only the requests the actor may change", async () => {
    const mine = await createTestZoneRequest(db, s, { subject: "我的" });
    const other = await zoneBRequest("乙方问题");
    const own = actorOf(s.a.csr.staff.id, "own");
    const result = await assignFromDesk(db, own, [mine.id, other.id], s.b.csr.staff.id);
    expect(result).toEqual({ ok: true, value: { changed: 1 } });
    const rows = await db.serviceRequest.findMany({ where: { id: { in: [mine.id, other.id] } } });
    expect(rows.find((r) => r.id === mine.id)?.assigneeId).toBe(s.b.csr.staff.id);
    expect(rows.find((r) => r.id === other.id)?.assigneeId).toBeNull();
    expect(await assignFromDesk(db, own, [], s.b.csr.staff.id)).toEqual({
      ok: false,
      errors: { ids: ["service.error.noneSelected"] },
    });
  });
});
