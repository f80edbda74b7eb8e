import type { DbOrTx, Tx } from "#app/lib/db.server.ts";
import { conflict, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { Fen } from "#app/modules/catalog/pricing.ts";
import type { LineMoney } from "./quote-pricing.ts";
import { scopedQuoteWhere } from "./quote-scope.server.ts";

// The hand-over to contracts and sales orders (helpers F and G, /work/handoff/quotes.md): load an
// accepted quote the actor may see, with its lines in fen, and mark it consumed exactly once.

/** A line as priced (quote-pricing.ts), with the product it came from. */
export interface AcceptedQuoteLine extends LineMoney {
  position: number;
  productId: number | null;
  sku: string;
  name: string;
}

export interface AcceptedQuote {
  id: number;
  number: string;
  version: number;
  title: string;
  companyId: number;
  contactId: number | null;
  opportunityId: number | null;
  ownerId: number;
  currency: string;
  terms: string;
  validUntil: Date;
  acceptedAt: Date;
  netFen: Fen;
  taxFen: Fen;
  totalFen: Fen;
  consumed: { at: Date; type: string; id: number | null } | null;
  lines: AcceptedQuoteLine[];
}

const FEN_LINE_FIELDS = ["listPriceFen", "unitPriceFen", "netFen", "taxFen", "grossFen", "lineTotalFen"] as const;

/**
 * The accepted quote `quoteId` if the actor may browse it (scope in the query) and the customer
 * accepted it; `not-found` when invisible, `conflict quotes.error.notAccepted` otherwise. A consumed
 * quote still loads (with `consumed` set) so a contract page can show where it came from.
 */
export async function loadAcceptedQuote(
  db: DbOrTx,
  actor: StaffActor,
  quoteId: number,
): Promise<ServiceResult<AcceptedQuote>> {
  const where = scopedQuoteWhere(actor, "browse", quoteId);
  const q = where
    ? await db.quote.findFirst({ where, include: { lines: { orderBy: [{ position: "asc" }, { id: "asc" }] } } })
    : null;
  if (!q) return notFound("quotes.error.notFound");
  if (q.status !== "accepted" || !q.respondedAt) return conflict("quotes.error.notAccepted");
  return ok({
    id: q.id,
    number: q.number,
    version: q.version,
    title: q.title,
    companyId: q.companyId,
    contactId: q.contactId,
    opportunityId: q.opportunityId,
    ownerId: q.ownerId,
    currency: q.currency,
    terms: q.terms,
    validUntil: q.validUntil,
    acceptedAt: q.respondedAt,
    netFen: Number(q.netFen),
    taxFen: Number(q.taxFen),
    totalFen: Number(q.totalFen),
    consumed: q.consumedAt ? { at: q.consumedAt, type: q.consumedByType ?? "", id: q.consumedById } : null,
    lines: q.lines.map((l) => {
      const fen = Object.fromEntries(FEN_LINE_FIELDS.map((k) => [k, Number(l[k])])) as Record<
        (typeof FEN_LINE_FIELDS)[number],
        Fen
      >;
      return {
        position: l.position,
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        unit: l.unit,
        unitFactor: l.unitFactor,
        quantity: l.quantity,
        discountBp: l.discountBp,
        taxRateBp: l.taxRateBp,
        priceIncludesTax: l.priceIncludesTax,
        ...fen,
      };
    }),
  });
}

/**
 * Marks the accepted quote consumed by a contract or order, inside the caller's transaction (create
 * the contract/order and call this in the same `$transaction`). One conditional update: of two
 * concurrent consumers exactly one gets ok; the other gets `conflict quotes.error.consumed` and must
 * roll back (throw or return the failure from the transaction).
 */
export async function markQuoteConsumed(
  tx: Tx,
  quoteId: number,
  by: { type: "contract" | "order"; id: number },
  now: Date = new Date(),
): Promise<ServiceResult<undefined>> {
  const { count } = await tx.quote.updateMany({
    where: { id: quoteId, status: "accepted", consumedAt: null },
    data: { consumedAt: now, consumedByType: by.type, consumedById: by.id },
  });
  if (count === 1) return ok();
  const exists = await tx.quote.count({ where: { id: quoteId, status: "accepted" } });
  return exists > 0 ? conflict("quotes.error.consumed") : conflict("quotes.error.notAccepted");
}
