import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createServiceScenario, createTestZoneRequest } from "#tests/factories/service.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { saveHoliday } from "./business-calendar.server.ts";
import { getCompanyProfile, saveCompanyProfile } from "./company-profile.server.ts";

// The service desk's SLA reads 本公司's business calendar: a request received before the National Day
// week is due after it, at the close of an 8-hour day that starts at the company's opening time.

const sh = (local: string) => new Date(`${local}+08:00`);

describe("service-request due times follow the company calendar", { timeout: 60_000 }, () => {
  beforeEach(() => resetDatabase());
  afterEach(() => vi.useRealTimers());

  it("skips the holiday week saved on /crm/admin/company and opens at the company's time", async () => {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    const admin = staffActorFor(staff, { isAdmin: true });
    for (const d of [1, 2, 3, 4, 5, 6, 7]) {
      expect(await saveHoliday(db, admin, { date: `2026-10-0${d}`, name: "国庆节", workday: false })).toMatchObject({
        status: "ok",
      });
    }
    const { logoAttachmentId: _logo, ...profile } = await getCompanyProfile(db);
    expect(await saveCompanyProfile(db, admin, { ...profile, dayStart: "08:30" })).toMatchObject({ status: "ok" });
    const s = await createServiceScenario(db);
    await db.serviceContract.deleteMany();

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(sh("2026-09-30T10:00:00"));
    const created = await createTestZoneRequest(db, s, { assetId: null, kind: "question" });
    vi.useRealTimers();
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: created.id } });
    // Default level (8x5, next business day): not Thu 1 Oct but Thu 8 Oct, 08:30 + 8 h.
    expect(row.dueAt).toEqual(sh("2026-10-08T16:30:00"));
    // Resolution: three 8-hour business days from 10:00 Wed → Fri 9 Oct, then Sat 10 Oct is not worked,
    // so Mon 12 Oct 10:00.
    expect(row.resolutionDueAt).toEqual(sh("2026-10-12T10:00:00"));
  });
});
