import type { Prisma } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { catalogLevel, portalVisibleWhere } from "#app/modules/catalog/portal-catalog.server.ts";
import { zoneQuoteWhere } from "#app/modules/quotes/quote-zone.server.ts";
import { zoneSalesContractWhere } from "./contract-queries.server.ts";
import { proposalPdf, resolveParts, storedPartsSelect, type MaterialScope } from "./proposal-read.server.ts";

// 提议 in the customer's zone (decision 050): members of the company's zone read the proposals
// published to it, read-only. Inserted material is looked up under the zone's own rules — a quote only
// if published to this zone, a contract only if published and in execution/completed, a product only
// if the member's level may see it in the portal catalog — and a part the member may not see is left
// out entirely (no title, no "missing" marker): the zone never learns it exists.

export interface ZoneReader {
  companyId: number;
  memberId: number;
}

/** Proposals of `companyId` a zone member may read: published ones only (scope in the query). */
export function zoneProposalWhere(companyId: number, id?: number): Prisma.ProposalWhereInput {
  return { companyId, status: "published", publishedAt: { not: null }, ...(id === undefined ? {} : { id }) };
}

async function zoneMaterialScope(db: DbOrTx, reader: ZoneReader): Promise<MaterialScope> {
  const level = await catalogLevel(db, reader.memberId);
  return {
    quote: zoneQuoteWhere(reader.companyId),
    contract: zoneSalesContractWhere(reader.companyId),
    product: portalVisibleWhere(level),
  };
}

export function listZoneProposals(db: DbOrTx, companyId: number) {
  return db.proposal.findMany({
    where: zoneProposalWhere(companyId),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, title: true, publishedAt: true, owner: { select: { name: true } } },
  });
}

export async function zoneProposalDetail(db: DbOrTx, reader: ZoneReader, id: number) {
  const row = await db.proposal.findFirst({
    where: zoneProposalWhere(reader.companyId, id),
    select: {
      id: true,
      title: true,
      publishedAt: true,
      company: { select: { name: true } },
      owner: { select: { name: true } },
      parts: storedPartsSelect,
    },
  });
  if (!row) return null;
  const resolved = await resolveParts(db, await zoneMaterialScope(db, reader), row.parts);
  const parts = resolved.filter((p) => (p.kind === "text" ? true : p.kind === "product" ? p.text !== null : p.lines));
  return { ...row, parts };
}

export async function zoneProposalPdf(db: DbOrTx, reader: ZoneReader, id: number, locale: Locale) {
  const doc = await zoneProposalDetail(db, reader, id);
  return doc ? proposalPdf(db, doc, locale) : null;
}
