import type { Db } from "#app/lib/db.server.ts";
import { mergeGrants, type Action, type Module, type Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor, type StaffActor } from "#app/modules/auth/staff-actor.ts";
import { companyNameKey, contactPhoneKey, emailKey } from "#app/modules/crm/match-keys.ts";

// Small builders shared by the merge, bin, sharing and duplicate tests (tests only).

let serial = 0;
const next = () => `${Date.now().toString(36)}${++serial}`;

export async function makeStaff(db: Db, name: string, teamId: number | null = null) {
  return db.staff.create({ data: { email: `${name}-${next()}@x.test`, name, passwordHash: "x", teamId } });
}

export function actorWith(
  staff: { id: number; teamId: number | null; name?: string },
  grants: Array<[Module, Action, Scope]>,
  isAdmin = false,
): StaffActor {
  return staffActorFor(staff, {
    isAdmin,
    grants: mergeGrants(grants.map(([module, action, scope]) => ({ module, action, scope }))),
  });
}

export function makeCompany(db: Db, name: string, ownerId: number | null, extra: Record<string, unknown> = {}) {
  return db.company.create({
    data: { number: `ACNT${next()}`.slice(0, 20), name, nameKey: companyNameKey(name), ownerId, ...extra },
  });
}

export function makeContact(
  db: Db,
  fullName: string,
  ownerId: number | null,
  extra: { companyId?: number | null; email?: string | null; mobile?: string | null; city?: string | null } = {},
) {
  return db.contact.create({
    data: {
      number: `CONT${next()}`.slice(0, 20),
      familyName: fullName.slice(0, 1),
      givenName: fullName.slice(1),
      fullName,
      ownerId,
      companyId: extra.companyId ?? null,
      email: extra.email ?? null,
      mobile: extra.mobile ?? null,
      city: extra.city ?? null,
      emailKey: emailKey(extra.email),
      phoneKey: contactPhoneKey({ mobile: extra.mobile }),
    },
  });
}

export function makeLead(db: Db, ownerId: number, extra: Record<string, unknown> = {}) {
  return db.lead.create({
    data: {
      number: `LEAD${next()}`.slice(0, 20),
      ownerId,
      routedBy: "default_owner",
      source: "staff",
      contactName: "线索人",
      ...extra,
    },
  });
}

export function makeOpportunity(db: Db, ownerId: number, extra: Record<string, unknown> = {}) {
  return db.opportunity.create({ data: { number: `OPPT${next()}`.slice(0, 20), name: "机会", ownerId, ...extra } });
}
