import type { Db } from "#app/lib/db.server.ts";
import { refusal, type ServiceResult } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { contractForOrder } from "#app/modules/contracts/contract-queries.server.ts";
import { loadAcceptedQuote, markQuoteConsumed } from "#app/modules/quotes/quote-accepted.server.ts";
import { scopedQuoteWhere } from "#app/modules/quotes/quote-scope.server.ts";
import {
  createOrderFromLines,
  insertOrder,
  onceBySource,
  sourceKeyOf,
  type CreatedOrder,
  type OrderLineInput,
} from "./order-create.server.ts";
import { fenToAmount } from "./order-money.ts";

// The other two ways an order starts (decision 046): an accepted quote (helper E's hand-over: the
// quote is marked consumed by the order in the same transaction, so a quote feeds one contract or
// one order) and a contract in execution (helper F's). Lines are copied as the source stores them:
// the unit price and the line total (含税 gross) in fen, never recomputed.

const amount = (fen: number) => fenToAmount(BigInt(fen));

/** A source line as an order line: the unit price and the line total as the source stores them. */
function copyLine(
  line: { productId: number | null; sku: string; name: string; unit: string; quantity: number },
  unitPriceFen: number,
  totalFen: number,
): OrderLineInput {
  const { productId, sku, name, unit, quantity } = line;
  return { productId, sku, name, unit, quantity, unitPrice: amount(unitPriceFen), lineTotal: amount(totalFen) };
}

async function leadOf(db: Db, opportunityId: number | null): Promise<number | null> {
  if (opportunityId === null) return null;
  const opp = await db.opportunity.findUnique({ where: { id: opportunityId }, select: { leadId: true } });
  return opp?.leadId ?? null;
}

/** Thrown inside the transaction to roll the order back when the quote was consumed meanwhile. */
class QuoteTaken extends Error {
  constructor(readonly result: ServiceResult<never>) {
    super("quote consumed");
  }
}

export async function createOrderFromQuote(
  db: Db,
  actor: StaffActor,
  quoteId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<CreatedOrder>> {
  const loaded = await loadAcceptedQuote(db, actor, quoteId);
  if (loaded.status !== "ok") return loaded;
  const quote = loaded.value;
  const modify = scopedQuoteWhere(actor, "modify", quoteId);
  if (!modify || (await db.quote.count({ where: modify })) === 0) return refusal("forbidden");
  const existing = await db.salesOrder.findUnique({
    where: { sourceKey: sourceKeyOf("quote", quote.id) },
    select: { id: true, number: true },
  });
  if (existing) return { status: "ok", value: { ...existing, created: false } };
  const input = {
    source: "quote" as const,
    sourceId: quote.id,
    companyId: quote.companyId,
    contactId: quote.contactId,
    opportunityId: quote.opportunityId,
    leadId: await leadOf(db, quote.opportunityId),
    ownerId: quote.ownerId,
    currency: quote.currency,
    lines: quote.lines.map((l) => copyLine(l, l.unitPriceFen, l.lineTotalFen)),
  };
  try {
    return await onceBySource(db, sourceKeyOf("quote", quote.id), input.lines, () =>
      db.$transaction(async (tx) => {
        const order = await insertOrder(tx, actor, input, meta);
        if (order.created) {
          const consumed = await markQuoteConsumed(tx, quote.id, { type: "order", id: order.id });
          if (consumed.status !== "ok") throw new QuoteTaken(consumed);
        }
        return { status: "ok", value: order };
      }),
    );
  } catch (error) {
    if (error instanceof QuoteTaken) return error.result;
    throw error;
  }
}

export async function createOrderFromContract(
  db: Db,
  actor: StaffActor,
  contractId: number,
  meta: AuditMeta = {},
): Promise<ServiceResult<CreatedOrder>> {
  const loaded = await contractForOrder(db, actor, contractId);
  if (loaded.status !== "ok") return loaded;
  const contract = loaded.value;
  const owner = await db.salesContract.findUniqueOrThrow({ where: { id: contract.id }, select: { ownerId: true } });
  return createOrderFromLines(
    db,
    actor,
    {
      source: "contract",
      sourceId: contract.id,
      companyId: contract.companyId,
      contactId: contract.contactId,
      opportunityId: contract.opportunityId,
      leadId: await leadOf(db, contract.opportunityId),
      ownerId: owner.ownerId,
      lines: contract.lines.map((l) => copyLine(l, l.unitPriceFen, l.grossFen)),
    },
    meta,
  );
}
