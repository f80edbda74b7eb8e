import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestZone, createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { inviteToZone } from "./zones.server.ts";

// Issue #13: a zone's customer admin could tell from the invite error which member ids belong to
// other companies (and whether they were active). Every id outside the admin's company now gets the
// same answer, and nothing is written.

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? "thrown";
  }
}

describe("zone invites answer uniformly for ids outside the company", () => {
  beforeEach(() => resetDatabase());

  it("gives one answer for another company's active or pending member and for an unknown id", async () => {
    const { zone, admin } = await createTestZone(db);
    const other = await createTestZone(db);
    const activeStranger = await createZoneMember(db, other.company.id);
    const pendingStranger = await createZoneMember(db, other.company.id);
    await db.member.update({ where: { id: pendingStranger.member.id }, data: { status: "pending" } });
    const actor = { type: "customer_admin" as const, memberId: admin.member.id };
    const invite = (memberId: number) => codeOf(inviteToZone(db, { zoneId: zone.id, memberId, actor }));

    const answers = [
      await invite(activeStranger.member.id),
      await invite(pendingStranger.member.id),
      await invite(2_000_000_000),
    ];
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).not.toBe("ok");
    expect(await db.zoneMembership.count({ where: { zoneId: zone.id, memberId: { not: admin.member.id } } })).toBe(0);
  });
});
