import type { Db } from "#app/lib/db.server.ts";
import { createTestLead } from "./lead-inbox.ts";
import { createTestStaff } from "./staff.ts";

// A small sales world for search tests: two teams, records owned by different people, with
// Chinese names that have pinyin and a company name to search for.

let serial = 0;

export async function createSearchWorld(db: Db) {
  const n = ++serial;
  const tag = `${process.pid}${n}`;
  const north = await db.team.create({ data: { name: `华北搜索${tag}` } });
  const south = await db.team.create({ data: { name: `华南搜索${tag}` } });
  const me = (await createTestStaff(db, { teamId: north.id })).staff;
  const teammate = (await createTestStaff(db, { teamId: north.id })).staff;
  const outsider = (await createTestStaff(db, { teamId: south.id })).staff;

  const company = await db.company.create({
    data: {
      number: `SACN${tag}01`.slice(0, 20),
      name: "星河数据科技有限公司",
      nameKey: `星河数据${tag}`,
      city: "深圳",
      ownerId: me.id,
    },
  });
  const otherCompany = await db.company.create({
    data: {
      number: `SACN${tag}02`.slice(0, 20),
      name: "星河物流集团",
      nameKey: `星河物流${tag}`,
      city: "广州",
      ownerId: outsider.id,
    },
  });
  const contact = (fullName: string, email: string, ownerId: number, companyId: number | null, k: number) =>
    db.contact.create({
      data: {
        number: `SCON${tag}${k}`.slice(0, 20),
        familyName: fullName.slice(0, 1),
        givenName: fullName.slice(1),
        fullName,
        email,
        city: "深圳",
        companyId,
        ownerId,
      },
    });
  const liuQiang = await contact("刘强", "liu.qiang@xinghe.example", me.id, company.id, 1);
  const liuQiangTeam = await contact("刘强伟", "lqw@xinghe.example", teammate.id, company.id, 2);
  const liuQingSouth = await contact("刘青", "liuqing@wuliu.example", outsider.id, otherCompany.id, 3);
  const opportunity = await db.opportunity.create({
    data: {
      number: `SOPP${tag}01`.slice(0, 20),
      name: "星河数据 CRM 二期",
      companyId: company.id,
      contactId: liuQiang.id,
      ownerId: me.id,
    },
  });
  const lead = await createTestLead(db, {
    ownerId: outsider.id,
    contactName: "刘强",
    companyName: "星河物流集团",
    contactEmail: "liu@wuliu.example",
  });
  return {
    north,
    south,
    me,
    teammate,
    outsider,
    company,
    otherCompany,
    liuQiang,
    liuQiangTeam,
    liuQingSouth,
    opportunity,
    lead,
  };
}
