// `npm run db:scale -- --contacts 1000000 --companies 250000`: bulk-generate realistic companies and contacts for
// benchmarks. Uses multi-row INSERTs over mysql2 (Prisma createMany is several times slower here).
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import { createRandom } from "./chinese-data.ts";
import { generateCompany, generateContact, type GeneratedCompany } from "./record-generator.ts";

/** Above these a run needs --force: a typo (an extra zero) should not fill the disk for an hour. */
export const SCALE_MAX = { contacts: 2_000_000, companies: 500_000 } as const;

const DEPARTMENTS = ["销售部", "采购部", "技术部", "财务部", "行政部", "市场部", "信息中心", "总经办"];
const DAY_MS = 24 * 3600 * 1000;

export interface ScaleOptions {
  databaseUrl: string;
  contacts: number;
  companies: number;
  seed: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function generateScaleData(options: ScaleOptions): Promise<{ companies: number; contacts: number }> {
  const conn = await mysql.createConnection(options.databaseUrl);
  const batch = options.batchSize ?? 2000;
  const r = createRandom(options.seed);
  try {
    const [[maxCompany]] = (await conn.query("SELECT COALESCE(MAX(id), 0) AS m FROM Company")) as unknown as [
      [{ m: number }],
    ];
    const [[maxContact]] = (await conn.query("SELECT COALESCE(MAX(id), 0) AS m FROM Contact")) as unknown as [
      [{ m: number }],
    ];
    const [owners] = (await conn.query("SELECT id FROM Staff WHERE status <> 'inactive' ORDER BY id")) as unknown as [
      Array<{ id: number }>,
    ];
    const ownerIds = owners.map((o) => o.id);
    const total = options.companies + options.contacts;
    let done = 0;

    const companies: Array<{ id: number; data: GeneratedCompany }> = [];
    for (let start = 0; start < options.companies; start += batch) {
      const rows: unknown[][] = [];
      for (let i = start; i < Math.min(start + batch, options.companies); i++) {
        const id = maxCompany.m + i + 1;
        const c = generateCompany(r, id);
        companies.push({ id, data: c });
        rows.push([
          id,
          recordNumber("company", id),
          c.name,
          c.type,
          c.industry,
          c.province,
          c.city,
          c.address,
          c.postcode,
          c.phone,
          c.fax,
          c.website,
          ownerIds.length ? ownerIds[id % ownerIds.length] : null,
          c.nameKey,
          c.phoneKey,
        ]);
      }
      await conn.query(
        "INSERT INTO Company (id, number, name, type, industry, province, city, address, postcode, phone, fax, website, ownerId, nameKey, phoneKey, updatedAt) VALUES " +
          rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))").join(","),
        rows.flat(),
      );
      done += rows.length;
      options.onProgress?.(done, total);
    }

    // The first contact generated at a company is its manager; about 40 % of later ones report to
    // them (the reports-to chart at scale). Updated times spread over two years (sort by updated).
    const managerOf = new Map<number, number>();
    const now = Date.now();
    for (let start = 0; start < options.contacts; start += batch) {
      const rows: unknown[][] = [];
      for (let i = start; i < Math.min(start + batch, options.contacts); i++) {
        const id = maxContact.m + i + 1;
        // About one contact in ten has no known company, as the seed allows.
        const company = companies.length > 0 && r.next() < 0.9 ? companies[r.int(0, companies.length - 1)]! : null;
        const p = generateContact(r, company?.data ?? null);
        let reportsTo: number | null = null;
        if (company) {
          const manager = managerOf.get(company.id);
          if (manager === undefined) managerOf.set(company.id, id);
          else if (r.next() < 0.4) reportsTo = manager;
        }
        rows.push([
          id,
          recordNumber("contact", id),
          p.familyName,
          p.givenName,
          p.fullName,
          p.salutation,
          p.title,
          company?.id ?? null,
          p.province,
          p.city,
          p.address,
          p.phone,
          p.mobile,
          p.email,
          ownerIds.length ? ownerIds[id % ownerIds.length] : null,
          p.emailKey,
          p.phoneKey,
          company ? r.pick(DEPARTMENTS) : null,
          reportsTo,
          r.next() < 0.3 ? new Date(Date.UTC(r.int(1960, 2000), r.int(0, 11), r.int(1, 28))) : null,
          new Date(now - r.int(0, 730) * DAY_MS - r.int(0, DAY_MS)),
        ]);
      }
      await conn.query(
        "INSERT INTO Contact (id, number, familyName, givenName, fullName, salutation, title, companyId, province, city, address, phone, mobile, email, ownerId, emailKey, phoneKey, department, reportsToId, birthday, updatedAt) VALUES " +
          rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(","),
        rows.flat(),
      );
      done += rows.length;
      options.onProgress?.(done, total);
    }
    return { companies: options.companies, contacts: options.contacts };
  } finally {
    await conn.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      contacts: { type: "string", default: "100000" },
      companies: { type: "string" },
      seed: { type: "string", default: "42" },
      force: { type: "boolean", default: false },
    },
  });
  const contacts = Number(values.contacts);
  const companies = values.companies ? Number(values.companies) : Math.ceil(contacts / 4);
  if (!values.force && (contacts > SCALE_MAX.contacts || companies > SCALE_MAX.companies)) {
    console.error(
      `Refusing ${contacts} contacts / ${companies} companies (max ${SCALE_MAX.contacts} / ${SCALE_MAX.companies}); add --force to go beyond.`,
    );
    process.exit(1);
  }
  const started = Date.now();
  const result = await generateScaleData({
    databaseUrl: process.env.DATABASE_URL ?? "mysql://relay:relay@127.0.0.1:3307/relay",
    contacts,
    companies,
    seed: Number(values.seed),
    onProgress: (done, total) => process.stdout.write(`\r${done}/${total} rows (${Math.round((done / total) * 100)}%)`),
  });
  console.log(
    `\nGenerated ${result.companies} companies and ${result.contacts} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}
