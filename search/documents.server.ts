// Database rows → search documents. One place decides what a record looks like in search, so the
// job handlers (a few ids) and the reindex (everything, in id order) produce identical documents.

import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { SearchIndexName } from "./indexes.ts";

export interface ContactSearchDocument {
  [field: string]: unknown;
  id: number;
  number: string;
  fullName: string;
  email: string | null;
  mobile: string | null;
  phone: string | null;
  title: string | null;
  city: string | null;
  province: string | null;
  companyId: number | null;
  /** Denormalised: a company rename must re-sync its contacts (search-jobs does). */
  companyName: string | null;
  ownerId: number | null;
}

export interface CompanySearchDocument {
  [field: string]: unknown;
  id: number;
  number: string;
  name: string;
  phone: string | null;
  industry: string | null;
  city: string | null;
  province: string | null;
  ownerId: number | null;
}

const contactSelect = {
  id: true,
  number: true,
  fullName: true,
  email: true,
  mobile: true,
  phone: true,
  title: true,
  city: true,
  province: true,
  companyId: true,
  ownerId: true,
  company: { select: { name: true } },
} satisfies Prisma.ContactSelect;

const companySelect = {
  id: true,
  number: true,
  name: true,
  phone: true,
  industry: true,
  city: true,
  province: true,
  ownerId: true,
} satisfies Prisma.CompanySelect;

export interface LeadSearchDocument {
  [field: string]: unknown;
  id: number;
  number: string;
  contactName: string | null;
  contactEmail: string | null;
  contactMobile: string | null;
  contactPhone: string | null;
  companyName: string | null;
  companyCity: string | null;
  requirement: string | null;
  status: string;
  categoryId: number | null;
  ownerId: number;
}

const leadSelect = {
  id: true,
  number: true,
  contactName: true,
  contactEmail: true,
  contactMobile: true,
  contactPhone: true,
  companyName: true,
  companyCity: true,
  requirement: true,
  status: true,
  categoryId: true,
  ownerId: true,
} satisfies Prisma.LeadSelect;

type LeadRow = Prisma.LeadGetPayload<{ select: typeof leadSelect }>;

export function leadDocument(row: LeadRow): LeadSearchDocument {
  // Requirements can be long; the first 500 characters carry what people search for.
  return { ...row, requirement: row.requirement?.slice(0, 500) ?? null };
}

type ContactRow = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;
type CompanyRow = Prisma.CompanyGetPayload<{ select: typeof companySelect }>;

export function contactDocument(row: ContactRow): ContactSearchDocument {
  return {
    id: row.id,
    number: row.number,
    fullName: row.fullName,
    email: row.email,
    mobile: row.mobile,
    phone: row.phone,
    title: row.title,
    city: row.city,
    province: row.province,
    companyId: row.companyId,
    companyName: row.company?.name ?? null,
    ownerId: row.ownerId,
  };
}

export function companyDocument(row: CompanyRow): CompanySearchDocument {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    phone: row.phone,
    industry: row.industry,
    city: row.city,
    province: row.province,
    ownerId: row.ownerId,
  };
}

export interface DocumentSource {
  count(db: DbOrTx): Promise<number>;
  /** Documents for the rows that still exist; missing ids are simply absent. */
  load(db: DbOrTx, ids: readonly number[]): Promise<Array<{ id: number; [field: string]: unknown }>>;
  /** Every row in id order, `size` at a time (keyset pagination: no OFFSET scans). */
  batches(db: DbOrTx, size: number): AsyncGenerator<Array<{ id: number; [field: string]: unknown }>>;
}

export const documentSources: Record<SearchIndexName, DocumentSource> = {
  contacts: {
    count: (db) => db.contact.count(),
    async load(db, ids) {
      if (ids.length === 0) return [];
      const rows = await db.contact.findMany({ where: { id: { in: [...ids] } }, select: contactSelect });
      return rows.map(contactDocument);
    },
    async *batches(db, size) {
      let after = 0;
      for (;;) {
        const rows = await db.contact.findMany({
          where: { id: { gt: after } },
          orderBy: { id: "asc" },
          take: size,
          select: contactSelect,
        });
        if (rows.length === 0) return;
        yield rows.map(contactDocument);
        after = rows[rows.length - 1]?.id ?? after;
        if (rows.length < size) return;
      }
    },
  },
  companies: {
    count: (db) => db.company.count(),
    async load(db, ids) {
      if (ids.length === 0) return [];
      const rows = await db.company.findMany({ where: { id: { in: [...ids] } }, select: companySelect });
      return rows.map(companyDocument);
    },
    async *batches(db, size) {
      let after = 0;
      for (;;) {
        const rows = await db.company.findMany({
          where: { id: { gt: after } },
          orderBy: { id: "asc" },
          take: size,
          select: companySelect,
        });
        if (rows.length === 0) return;
        yield rows.map(companyDocument);
        after = rows[rows.length - 1]?.id ?? after;
        if (rows.length < size) return;
      }
    },
  },
  leads: {
    count: (db) => db.lead.count(),
    async load(db, ids) {
      if (ids.length === 0) return [];
      const rows = await db.lead.findMany({ where: { id: { in: [...ids] } }, select: leadSelect });
      return rows.map(leadDocument);
    },
    async *batches(db, size) {
      let after = 0;
      for (;;) {
        const rows = await db.lead.findMany({
          where: { id: { gt: after } },
          orderBy: { id: "asc" },
          take: size,
          select: leadSelect,
        });
        if (rows.length === 0) return;
        yield rows.map(leadDocument);
        after = rows[rows.length - 1]?.id ?? after;
        if (rows.length < size) return;
      }
    },
  },
};

/** Ids of contacts that belong to any of these companies (for re-syncing their companyName). */
export async function contactIdsOfCompanies(db: DbOrTx, companyIds: readonly number[]): Promise<number[]> {
  if (companyIds.length === 0) return [];
  const rows = await db.contact.findMany({
    where: { companyId: { in: [...companyIds] } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}
