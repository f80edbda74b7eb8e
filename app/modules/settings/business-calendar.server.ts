import type { DbOrTx } from "#app/lib/db.server.ts";
import { invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { BusinessCalendar } from "./business-calendar.ts";
import { getCompanyProfile } from "./company-profile.server.ts";

// Loads the business calendar (company time zone and hours + the Holiday table) and edits holidays.
// The service desk's SLA can call loadBusinessCalendar() and then the pure functions of
// business-calendar.ts.

export async function loadBusinessCalendar(db: DbOrTx): Promise<BusinessCalendar> {
  const [profile, holidays] = await Promise.all([getCompanyProfile(db), db.holiday.findMany()]);
  return {
    timeZone: profile.timeZone,
    workdays: profile.workdays,
    dayStart: profile.dayStart,
    dayEnd: profile.dayEnd,
    exceptions: new Map(holidays.map((h) => [h.date.toISOString().slice(0, 10), h.workday])),
  };
}

export function listHolidays(db: DbOrTx, year?: number) {
  return db.holiday.findMany({
    where: year
      ? { date: { gte: new Date(`${year}-01-01T00:00:00Z`), lt: new Date(`${year + 1}-01-01T00:00:00Z`) } }
      : {},
    orderBy: { date: "asc" },
  });
}

/** Adds or replaces the entry of one day: a holiday, or (workday) a 调休 working day. */
export async function saveHoliday(
  db: DbOrTx,
  actor: StaffActor,
  input: { date: string; name: string; workday: boolean },
): Promise<ServiceResult<{ date: string }, "date" | "name">> {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? new Date(`${input.date}T00:00:00Z`) : null;
  const valid = day && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === input.date;
  const name = input.name.trim();
  if (!valid) return invalid({ date: ["adminSystem.company.holidayDateInvalid"] });
  if (!name || name.length > 60) return invalid({ name: ["adminSystem.company.invalid"] });
  await db.holiday.upsert({
    where: { date: day },
    create: { date: day, name, workday: input.workday },
    update: { name, workday: input.workday },
  });
  await recordStaffAudit(db, actor, {
    action: "holiday.saved",
    entityType: "Holiday",
    entityId: null,
    after: { date: input.date, name, workday: input.workday },
  });
  return ok({ date: input.date });
}

export async function removeHoliday(db: DbOrTx, actor: StaffActor, id: number): Promise<boolean> {
  const removed = await db.holiday.deleteMany({ where: { id } });
  if (removed.count > 0)
    await recordStaffAudit(db, actor, { action: "holiday.removed", entityType: "Holiday", entityId: id });
  return removed.count > 0;
}
