import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { memberCookie, memberSessions } from "#app/modules/members/member-session.server.ts";
import { createTestZone, createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { getZoneContext, requireZoneAccess } from "./zone-access.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

async function requestAs(memberId: number | null): Promise<Request> {
  const headers = new Headers();
  if (memberId !== null) {
    const { token, session } = await memberSessions.create(db, memberId, {});
    headers.set("Cookie", memberCookie.serialize(token, session.expiresAt).split(";")[0]!);
  }
  return new Request("http://localhost/zone/assets?x=1", { headers });
}

/** `data(…, { status })` throws a DataWithResponseInit; the framework turns it into the response. */
function statusOf(error: unknown): number | undefined {
  if (error instanceof Response) return error.status;
  return (error as { init?: { status?: number } | null }).init?.status;
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("requireZoneAccess", () => {
  it("lets an active member in, with their zone", async () => {
    const { zone, company, admin } = await createTestZone(db);
    const context = await requireZoneAccess(await requestAs(admin.member.id));
    expect(context).toMatchObject({
      zone: { id: zone.id, companyId: company.id },
      member: { id: admin.member.id },
      membership: { id: admin.membershipId, isCustomerAdmin: true },
    });
  });

  it("sends visitors to sign in", async () => {
    const error = await thrown(requireZoneAccess(await requestAs(null)));
    expect(error).toBeInstanceOf(Response);
    const response = error as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/zone/assets?x=1")}`);
    expect(await getZoneContext(await requestAs(null))).toBeNull();
  });

  it("403s half-confirmed, declined and removed members, and members whose company moved", async () => {
    const { zone, company } = await createTestZone(db);
    for (const status of ["requested", "customer_confirmed", "staff_confirmed"] as const) {
      const { member } = await createZoneMember(db, company.id, { zoneId: zone.id, status });
      const error = await thrown(requireZoneAccess(await requestAs(member.id)));
      expect(statusOf(error)).toBe(403);
    }
    const removed = await createZoneMember(db, company.id, { zoneId: zone.id });
    await db.zoneMembership.update({ where: { id: removed.membershipId! }, data: { status: "removed" } });
    expect(await getZoneContext(await requestAs(removed.member.id))).toBeNull();

    const moved = await createZoneMember(db, company.id, { zoneId: zone.id });
    const other = await createTestZone(db);
    await db.member.update({ where: { id: moved.member.id }, data: { companyId: other.company.id } });
    expect(await getZoneContext(await requestAs(moved.member.id))).toBeNull();
  });
});
