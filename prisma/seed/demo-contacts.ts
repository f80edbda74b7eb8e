// Demo contacts (#15 item 9): the 60 generated demo contacts get departments, reports-to lines within
// their company (the first contact of a company is its manager, some reports have reports of their
// own), birthdays, preferred channels, a few opt-outs, and about one in six a former company in
// ContactCompanyHistory. Idempotent: keyed by record number; history rows it wrote are replaced.
import type { Db } from "#app/lib/db.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { createRandom } from "./chinese-data.ts";

const DEMO_CONTACT_COUNT = 60;
const DEPARTMENTS = ["总经办", "销售部", "采购部", "技术部", "财务部", "信息中心"];
const CHANNELS = ["mobile", "email", "wechat", "phone"] as const;
const PAST_TITLES = ["销售代表", "项目经理", "工程师", "采购专员", "技术支持"];
const DAY_MS = 24 * 3600 * 1000;

export async function seedDemoContacts(db: Db): Promise<{ contacts: number; history: number }> {
  const r = createRandom(20261206);
  const numbers = Array.from({ length: DEMO_CONTACT_COUNT }, (_, i) => recordNumber("contact", i + 1));
  const contacts = await db.contact.findMany({
    where: { number: { in: numbers } },
    select: { id: true, companyId: true, createdAt: true },
    orderBy: { id: "asc" },
  });
  const companies = await db.company.findMany({
    where: { number: { in: Array.from({ length: 24 }, (_, i) => recordNumber("company", i + 1)) } },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });

  // Reports-to: per company, contact 0 is the manager; 1 and 2 report to 0; later ones to 1.
  const byCompany = new Map<number, number[]>();
  for (const c of contacts) {
    if (c.companyId === null) continue;
    byCompany.set(c.companyId, [...(byCompany.get(c.companyId) ?? []), c.id]);
  }
  const reportsTo = new Map<number, number | null>();
  for (const ids of byCompany.values()) {
    ids.forEach((id, i) => reportsTo.set(id, i === 0 ? null : i <= 2 ? ids[0]! : ids[1]!));
  }

  await db.contactCompanyHistory.deleteMany({
    where: { contactId: { in: contacts.map((c) => c.id) }, changedById: null },
  });
  let history = 0;
  for (const [i, c] of contacts.entries()) {
    const manager = reportsTo.get(c.id) ?? null;
    await db.contact.update({
      where: { id: c.id },
      data: {
        department: manager === null ? "总经办" : r.pick(DEPARTMENTS),
        reportsToId: manager,
        birthday: i % 2 === 0 ? new Date(Date.UTC(r.int(1965, 1998), r.int(0, 11), r.int(1, 28))) : null,
        preferredChannel: r.pick(CHANNELS),
        optOutEmail: i % 9 === 4,
        optOutSms: i % 7 === 3,
        optOutCall: i % 13 === 6,
      },
    });
    if (i % 6 === 1 && companies.length > 1) {
      // A former employer other than the current one, ended a while before the contact was created.
      const former = companies.filter((co) => co.id !== c.companyId)[r.int(0, companies.length - 2)]!;
      const endedAt = new Date(c.createdAt.getTime() - r.int(30, 400) * DAY_MS);
      await db.contactCompanyHistory.create({
        data: {
          contactId: c.id,
          companyId: former.id,
          companyName: former.name,
          title: r.pick(PAST_TITLES),
          startedAt: new Date(endedAt.getTime() - r.int(365, 1500) * DAY_MS),
          endedAt,
        },
      });
      history++;
    }
  }
  return { contacts: contacts.length, history };
}
