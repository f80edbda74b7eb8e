import { randomBytes } from "node:crypto";
import type { Db } from "#app/lib/db.server.ts";
import { companyNameKey, contactPhoneKey, emailKey } from "#app/modules/crm/match-keys.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";

// Demo contacts for "find this person" (/crm/match): the seed's example "刘强 深圳 liu@xyz.com"
// finds 刘志强 of 深圳讯驰科技 (the e-mail and city are true, the name was written loosely), ranked
// above a namesake in 深圳, a homophone (柳强) in 深圳 and a namesake in 北京. Idempotent: rows are
// keyed by e-mail / company name and updated in place.

const COMPANY = {
  name: "深圳讯驰科技有限公司",
  province: "广东",
  city: "深圳",
  address: "南山区科技园南路 18 号",
  phone: "0755-86001234",
  email: "info@xyz.com",
  website: "https://www.xyz.com",
  industry: "IT业",
  type: "潜在客户",
};

interface DemoPerson {
  familyName: string;
  givenName: string;
  title: string;
  email: string;
  mobile: string | null;
  phone: string | null;
  city: string;
  province: string;
  /** Works at 讯驰 (else no company on record). */
  atCompany: boolean;
  owner: string;
}

export const DEMO_MATCHING_PEOPLE: readonly DemoPerson[] = [
  {
    familyName: "刘",
    givenName: "志强",
    title: "IT 经理",
    email: "liu@xyz.com",
    mobile: "13902661088",
    phone: "0755-86001234",
    city: "深圳",
    province: "广东",
    atCompany: true,
    owner: "chen.jing@relay-demo.cn",
  },
  {
    familyName: "王",
    givenName: "芳",
    title: "采购经理",
    email: "wang.fang@xyz.com",
    mobile: "13902661236",
    phone: "0755-86001234",
    city: "深圳",
    province: "广东",
    atCompany: true,
    owner: "chen.jing@relay-demo.cn",
  },
  {
    familyName: "刘",
    givenName: "强",
    title: "技术总监",
    email: "qiang.liu@pengcheng-tech.cn",
    mobile: "13600258877",
    phone: null,
    city: "深圳",
    province: "广东",
    atCompany: false,
    owner: "liu.yang@relay-demo.cn",
  },
  {
    familyName: "柳",
    givenName: "强",
    title: "总经理",
    email: "liuqiang@163.com",
    mobile: "15813809921",
    phone: null,
    city: "深圳",
    province: "广东",
    atCompany: false,
    owner: "chen.jing@relay-demo.cn",
  },
  {
    familyName: "刘",
    givenName: "强",
    title: "项目经理",
    email: "liuqiang@bjhengtong.cn",
    mobile: "13701102345",
    phone: "010-62345678",
    city: "北京",
    province: "北京",
    atCompany: false,
    owner: "wang.lei@relay-demo.cn",
  },
];

async function staffId(db: Db, email: string): Promise<number | null> {
  return (await db.staff.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
}

export async function seedDemoMatching(db: Db): Promise<void> {
  const nameKey = companyNameKey(COMPANY.name);
  const companyOwner = await staffId(db, "chen.jing@relay-demo.cn");
  let company = await db.company.findFirst({ where: { nameKey }, select: { id: true } });
  if (company) {
    await db.company.update({ where: { id: company.id }, data: { ...COMPANY, nameKey, ownerId: companyOwner } });
  } else {
    const created = await db.company.create({
      data: { ...COMPANY, nameKey, ownerId: companyOwner, number: `~${randomBytes(9).toString("hex")}` },
    });
    await db.company.update({ where: { id: created.id }, data: { number: recordNumber("company", created.id) } });
    company = created;
  }

  for (const p of DEMO_MATCHING_PEOPLE) {
    const data = {
      familyName: p.familyName,
      givenName: p.givenName,
      fullName: `${p.familyName}${p.givenName}`,
      title: p.title,
      email: p.email,
      mobile: p.mobile,
      phone: p.phone,
      city: p.city,
      province: p.province,
      companyId: p.atCompany ? company.id : null,
      ownerId: await staffId(db, p.owner),
      emailKey: emailKey(p.email),
      phoneKey: contactPhoneKey(p),
    };
    const existing = await db.contact.findFirst({ where: { emailKey: data.emailKey }, select: { id: true } });
    if (existing) {
      await db.contact.update({ where: { id: existing.id }, data });
      continue;
    }
    const created = await db.contact.create({ data: { ...data, number: `~${randomBytes(9).toString("hex")}` } });
    await db.contact.update({ where: { id: created.id }, data: { number: recordNumber("contact", created.id) } });
  }
}
