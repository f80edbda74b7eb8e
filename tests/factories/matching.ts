import { randomBytes } from "node:crypto";
import type { Db } from "#app/lib/db.server.ts";
import { companyNameKey, contactPhoneKey, emailKey } from "#app/modules/crm/match-keys.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";

// Contacts and companies for the fuzzy matcher's DB tests, with their match keys filled in as the
// CRM would (emailKey, phoneKey, nameKey).

export async function createMatchCompany(
  db: Db,
  data: {
    name: string;
    city?: string | null;
    province?: string | null;
    phone?: string | null;
    ownerId?: number | null;
  },
) {
  const created = await db.company.create({
    data: {
      number: `~${randomBytes(8).toString("hex")}`,
      name: data.name,
      nameKey: companyNameKey(data.name),
      city: data.city ?? null,
      province: data.province ?? null,
      phone: data.phone ?? null,
      ownerId: data.ownerId ?? null,
    },
  });
  return db.company.update({ where: { id: created.id }, data: { number: recordNumber("company", created.id) } });
}

export async function createMatchContact(
  db: Db,
  data: {
    name: string;
    email?: string | null;
    mobile?: string | null;
    phone?: string | null;
    city?: string | null;
    province?: string | null;
    companyId?: number | null;
    ownerId?: number | null;
  },
) {
  const created = await db.contact.create({
    data: {
      number: `~${randomBytes(8).toString("hex")}`,
      familyName: data.name.slice(0, 1),
      givenName: data.name.slice(1) || null,
      fullName: data.name,
      email: data.email ?? null,
      mobile: data.mobile ?? null,
      phone: data.phone ?? null,
      city: data.city ?? null,
      province: data.province ?? null,
      companyId: data.companyId ?? null,
      ownerId: data.ownerId ?? null,
      emailKey: emailKey(data.email),
      phoneKey: contactPhoneKey(data),
    },
  });
  return db.contact.update({ where: { id: created.id }, data: { number: recordNumber("contact", created.id) } });
}

/** The seed's example: 刘志强 of 深圳讯驰科技 (liu@xyz.com), with a namesake, a homophone and a 北京 namesake. */
export async function createSeedExamplePeople(db: Db, ownerId: number | null = null) {
  const company = await createMatchCompany(db, { name: "深圳讯驰科技有限公司", city: "深圳", province: "广东" });
  const target = await createMatchContact(db, {
    name: "刘志强",
    email: "liu@xyz.com",
    mobile: "13902661088",
    city: "深圳",
    province: "广东",
    companyId: company.id,
    ownerId,
  });
  const namesake = await createMatchContact(db, {
    name: "刘强",
    email: "qiang.liu@pengcheng-tech.cn",
    mobile: "13600258877",
    city: "深圳",
    ownerId,
  });
  const homophone = await createMatchContact(db, { name: "柳强", email: "liuqiang@163.com", city: "深圳", ownerId });
  const elsewhere = await createMatchContact(db, {
    name: "刘强",
    email: "liuqiang@bjhengtong.cn",
    city: "北京",
    ownerId,
  });
  return { company, target, namesake, homophone, elsewhere };
}
