import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { storeUploads } from "#app/modules/files/attachments.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { addBusinessHours } from "./business-calendar.ts";
import { listHolidays, loadBusinessCalendar, removeHoliday, saveHoliday } from "./business-calendar.server.ts";
import {
  COMPANY_PROFILE_KEY,
  getCompanyProfile,
  portalFooterDetails,
  readCompanyLogo,
  saveCompanyProfile,
  setCompanyLogo,
  shellBrand,
} from "./company-profile.server.ts";

let dir: string;
const previousDir = process.env.UPLOAD_DIR;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relay-logo-"));
  process.env.UPLOAD_DIR = dir;
});
afterAll(async () => {
  process.env.UPLOAD_DIR = previousDir;
  await rm(dir, { recursive: true, force: true });
});

async function admin() {
  const { staff } = await createTestStaff(db, { isAdmin: true });
  return staffActorFor(staff, { isAdmin: true });
}

describe("company information (本公司) and the business calendar", () => {
  beforeEach(() => resetDatabase());

  it("saves the profile, feeds the portal footer, and refuses bad input without saving", async () => {
    const actor = await admin();
    expect(await portalFooterDetails(db)).toEqual({ name: null, hotline: null, icpNumber: null, address: null });
    const saved = await saveCompanyProfile(db, actor, {
      legalName: "北京接力软件有限公司",
      bankName: "招商银行北京分行",
      bankAccount: "1109 0123 4567 890",
      taxId: "91110108MA01ABCD2X",
      address: "北京市海淀区中关村大街 1 号",
      portalHotline: "400-800-1234",
      icpNumber: "京ICP备12345678号-1",
      portalAddress: "",
      timeZone: "Asia/Shanghai",
      workdays: [1, 2, 3, 4, 5, 6],
      dayStart: "08:30",
      dayEnd: "17:30",
    });
    expect(saved.status).toBe("ok");
    expect(await portalFooterDetails(db)).toEqual({
      name: "北京接力软件有限公司",
      hotline: "400-800-1234",
      icpNumber: "京ICP备12345678号-1",
      address: "北京市海淀区中关村大街 1 号",
    });
    const bad = await saveCompanyProfile(db, actor, { legalName: "X", timeZone: "Mars/Olympus", dayStart: "25:00" });
    expect(bad).toMatchObject({
      status: "invalid",
      fieldErrors: { timeZone: ["adminSystem.company.timeZoneInvalid"], dayStart: ["adminSystem.company.invalid"] },
    });
    expect((await getCompanyProfile(db)).legalName).toBe("北京接力软件有限公司");
    expect(await db.auditLog.count({ where: { action: "companyProfile.updated" } })).toBe(1);
  });

  it("the uploaded logo brands the back-office shell and is readable for documents; a non-image is refused", async () => {
    const actor = await admin();
    expect(await shellBrand(db)).toEqual({ logoUrl: null, name: null });
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const [stored] = await storeUploads([new File([png], "logo.png", { type: "image/png" })]);
    const set = await setCompanyLogo(db, actor, stored!);
    expect(set.status).toBe("ok");
    const id = set.status === "ok" ? set.value : 0;
    expect((await shellBrand(db)).logoUrl).toBe(`/crm/admin/company/logo?v=${id}`);
    expect((await readCompanyLogo(db))?.body.equals(png)).toBe(true);
    const [text] = await storeUploads([new File(["hello"], "logo.txt", { type: "text/plain" })]);
    expect(await setCompanyLogo(db, actor, text!)).toMatchObject({ status: "invalid" });
    expect((await shellBrand(db)).logoUrl).toBe(`/crm/admin/company/logo?v=${id}`);
  });

  it("falls back field by field when the stored row is partly malformed", async () => {
    await db.setting.create({
      data: { key: COMPANY_PROFILE_KEY, value: { legalName: "甲公司", timeZone: 42, dayStart: "07:00" } },
    });
    const p = await getCompanyProfile(db);
    expect(p).toMatchObject({ legalName: "甲公司", timeZone: "Asia/Shanghai", dayStart: "07:00", dayEnd: "18:00" });
  });

  it("holidays and 调休 days from the database shape business hours", async () => {
    const actor = await admin();
    expect((await saveHoliday(db, actor, { date: "2027-01-01", name: "元旦", workday: false })).status).toBe("ok");
    expect((await saveHoliday(db, actor, { date: "2027-01-03", name: "元旦调休", workday: true })).status).toBe("ok");
    expect(await saveHoliday(db, actor, { date: "2027-02-30", name: "无效", workday: false })).toMatchObject({
      status: "invalid",
    });
    const cal = await loadBusinessCalendar(db);
    // Thu 31 Dec 2026 17:00 + 3h: 1h, skip Fri 1 Jan (holiday) and Sat 2 Jan, Sun 3 Jan (调休) 11:00
    expect(addBusinessHours(cal, new Date("2026-12-31T17:00:00+08:00"), 3)).toEqual(
      new Date("2027-01-03T11:00:00+08:00"),
    );
    const rows = await listHolidays(db, 2027);
    expect(rows.map((r) => r.name)).toEqual(["元旦", "元旦调休"]);
    expect(await removeHoliday(db, actor, rows[0]!.id)).toBe(true);
    expect(await removeHoliday(db, actor, rows[0]!.id)).toBe(false);
  });
});
