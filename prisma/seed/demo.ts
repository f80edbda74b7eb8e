// `npm run db:seed`: the deterministic demo organisation. Idempotent: re-running updates in place.
import { createDb } from "#app/lib/db.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { ACTIONS } from "#app/modules/auth/permissions.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { createRandom } from "./chinese-data.ts";
import { DEMO_PASSWORD, DEMO_ROLES, DEMO_STAFF, DEMO_TEAMS } from "./demo-organisation.ts";
import { seedDemoLeadIntake } from "./demo-lead-intake.ts";
import { seedDemoCatalog } from "./demo-catalog.ts";
import { seedDemoProductImages } from "./demo-product-images.ts";
import { seedDemoMembers } from "./demo-members.ts";
import { seedDemoDistributionRules } from "./demo-distribution-rules.ts";
import { seedDemoSales } from "./demo-sales.ts";
import { seedDemoOpportunities } from "./demo-opportunities.ts";
import { seedDemoOrders } from "./demo-orders.ts";
import { seedDemoZones } from "./demo-zones.ts";
import { seedDemoQuotes } from "./demo-quotes.ts";
import { seedDemoContracts } from "./demo-contracts.ts";
import { seedDemoProposals } from "./demo-proposals.ts";
import { seedDemoService } from "./demo-service.ts";
import { seedDemoKnowledge } from "./demo-knowledge.ts";
import { seedDemoSearchQuality } from "./demo-search-quality.ts";
import { seedDemoMatching } from "./demo-matching.ts";
import { seedDemoCourseware } from "./demo-courseware.ts";
import { seedDemoForum } from "./demo-forum.ts";
import { seedDemoAccounts } from "./demo-accounts.ts";
import { seedDemoContacts } from "./demo-contacts.ts";
import { seedDemoAdmin } from "./demo-admin.ts";
import { seedDemoEnums } from "./demo-enums.ts";
import { generateCompany, generateContact } from "./record-generator.ts";

const DEMO_COMPANIES = 24;
const CONTACTS_PER_COMPANY = [1, 4] as const;

export async function seedDemo(databaseUrl?: string): Promise<{ staff: number; companies: number; contacts: number }> {
  const db = createDb(databaseUrl);
  try {
    const teams = new Map<string, number>();
    for (const name of DEMO_TEAMS) {
      const team = await db.team.upsert({ where: { name }, create: { name }, update: {} });
      teams.set(name, team.id);
    }

    const roles = new Map<string, number>();
    for (const spec of DEMO_ROLES) {
      const role = await db.role.upsert({
        where: { code: spec.code },
        create: { code: spec.code, name: spec.name, description: spec.description, isAdmin: spec.isAdmin },
        update: { name: spec.name, description: spec.description, isAdmin: spec.isAdmin },
      });
      roles.set(spec.code, role.id);
      await db.rolePermission.deleteMany({ where: { roleId: role.id } });
      const rows = Object.entries(spec.grants).flatMap(([module, grant]) =>
        grant.actions
          .filter((a) => ACTIONS.includes(a))
          .map((action) => ({ roleId: role.id, module, action, scope: grant.scope })),
      );
      if (rows.length > 0) await db.rolePermission.createMany({ data: rows });
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const staffIds: number[] = [];
    for (const person of DEMO_STAFF) {
      const existing = await db.staff.findUnique({ where: { email: person.email } });
      const data = {
        name: person.name,
        title: person.title,
        teamId: teams.get(person.team) ?? null,
        status: person.status ?? "active",
      };
      const staff = existing
        ? await db.staff.update({ where: { id: existing.id }, data })
        : await db.staff.create({ data: { ...data, email: person.email, passwordHash } });
      await db.staffRole.deleteMany({ where: { staffId: staff.id } });
      await db.staffRole.createMany({
        data: person.roles.map((code) => ({ staffId: staff.id, roleId: roles.get(code)! })),
      });
      if (person.roles.includes("sales") || person.roles.includes("sales-manager")) staffIds.push(staff.id);
    }

    // Companies and contacts: deterministic, keyed by record number so a re-run updates in place.
    const r = createRandom(20261122);
    let contactSerial = 0;
    for (let i = 1; i <= DEMO_COMPANIES; i++) {
      const c = generateCompany(r, i);
      const ownerId = staffIds[i % staffIds.length] ?? null;
      const { domain: _domain, ...fields } = c;
      const company = await db.company.upsert({
        where: { number: recordNumber("company", i) },
        create: { ...fields, number: recordNumber("company", i), ownerId },
        update: { ...fields, ownerId },
      });
      const count = r.int(CONTACTS_PER_COMPANY[0], CONTACTS_PER_COMPANY[1]);
      for (let k = 0; k < count; k++) {
        contactSerial++;
        const p = generateContact(r, c);
        await db.contact.upsert({
          where: { number: recordNumber("contact", contactSerial) },
          create: { ...p, number: recordNumber("contact", contactSerial), companyId: company.id, ownerId },
          update: { ...p, companyId: company.id, ownerId },
        });
      }
    }
    await seedDemoAccounts(db);
    await seedDemoContacts(db);
    await seedDemoMembers(db);
    await seedDemoLeadIntake(db);
    await seedDemoCatalog(db);
    await seedDemoProductImages(db);
    await seedDemoDistributionRules(db);
    await seedDemoSales(db);
    await seedDemoOpportunities(db);
    await seedDemoOrders(db);
    await seedDemoZones(db);
    await seedDemoQuotes(db);
    await seedDemoContracts(db);
    await seedDemoProposals(db);
    await seedDemoService(db);
    await seedDemoKnowledge(db);
    await seedDemoSearchQuality(db);
    await seedDemoMatching(db);
    await seedDemoForum(db);
    // After the forum seed: the courseware goes into its demo classrooms.
    await seedDemoCourseware(db);
    await seedDemoAdmin(db);
    await seedDemoEnums(db);
    return { staff: DEMO_STAFF.length, companies: DEMO_COMPANIES, contacts: contactSerial };
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = await seedDemo();
  console.log(`Demo data ready: ${summary.staff} staff, ${summary.companies} companies, ${summary.contacts} contacts.`);
  console.log(`Sign in at /crm/login, e.g. admin@relay-demo.cn / ${DEMO_PASSWORD}`);
}
