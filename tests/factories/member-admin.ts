import type { Db } from "#app/lib/db.server.ts";
import { companyNameKey, contactPhoneKey, emailKey } from "#app/modules/crm/match-keys.ts";

// CRM companies and contacts for member-linking tests, with their match keys filled in the way the
// CRM stores them.

let counter = 0;

function serial(): string {
  counter++;
  return `${String(process.pid % 1000).padStart(3, "0")}${String(counter).padStart(6, "0")}`;
}

export async function createTestCompany(db: Db, options: { name?: string; phone?: string | null } = {}) {
  const name = options.name ?? `测试单位${serial()}有限公司`;
  const phone = options.phone ?? null;
  return db.company.create({
    data: {
      number: `ACNT${serial()}`.slice(0, 20),
      name,
      nameKey: companyNameKey(name),
      phone,
      phoneKey: contactPhoneKey({ phone }),
    },
  });
}

export async function createTestContact(
  db: Db,
  options: { fullName?: string; email?: string | null; mobile?: string | null; companyId?: number | null } = {},
) {
  const fullName = options.fullName ?? `测试${serial()}`;
  const email = options.email === undefined ? null : options.email;
  const mobile = options.mobile ?? null;
  return db.contact.create({
    data: {
      number: `CONT${serial()}`.slice(0, 20),
      familyName: fullName.slice(0, 1),
      givenName: fullName.slice(1) || null,
      fullName,
      email,
      mobile,
      emailKey: emailKey(email),
      phoneKey: contactPhoneKey({ mobile }),
      companyId: options.companyId ?? null,
    },
  });
}
