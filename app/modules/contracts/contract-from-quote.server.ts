import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { conflict, forbidden, invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { scopeFor } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { acceptsLookupCode } from "#app/modules/crm/lookup-choices.server.ts";
import { loadAcceptedQuote, markQuoteConsumed } from "#app/modules/quotes/quote-accepted.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { audit, toLineRow } from "./contracts.server.ts";

// 合同 from an accepted quote (seed §2.L.7: "accepted quote → contract"; the quote's document may be
// inserted into the contract's). The quote's lines are copied to the fen (gross = the quote line's
// 含税金额), its terms become the contract's terms, and the quote is marked consumed in the same
// transaction: of two people converting the same quote at once, exactly one gets a contract.

class QuoteTaken extends Error {}

const QUOTE_PART = "{{products}}\n\n{{terms}}";

export async function createContractFromQuote(
  db: Db,
  actor: StaffActor,
  quoteId: number,
  input: { typeCode: string; name?: string | null },
  meta: AuditMeta = {},
): Promise<ServiceResult<{ id: number; number: string }>> {
  if (scopeFor(actor, "opportunities", "add") === null) return forbidden();
  if (!(await acceptsLookupCode(db, "contract_type", input.typeCode, null)))
    return invalid({ typeCode: ["validation.choose"] });
  const loaded = await loadAcceptedQuote(db, actor, quoteId);
  if (loaded.status !== "ok")
    return loaded.status === "conflict" ? conflict("contracts.error.quoteNotAccepted") : loaded;
  const quote = loaded.value;
  if (quote.consumed) return conflict("contracts.error.quoteNotAccepted");
  const lines = quote.lines.map((l) => ({
    productId: l.productId,
    sku: l.sku,
    name: l.name,
    unit: l.unit,
    quantity: l.quantity,
    unitPriceFen: l.unitPriceFen,
    taxRateBp: l.taxRateBp,
    netFen: l.netFen,
    taxFen: l.taxFen,
    grossFen: l.grossFen,
  }));
  try {
    const created = await db.$transaction(async (tx) => {
      const number = await nextRecordNumber(tx, "contract");
      const row = await tx.salesContract.create({
        data: {
          number,
          name: (input.name?.trim() || quote.title).slice(0, 200),
          companyId: quote.companyId,
          contactId: quote.contactId,
          opportunityId: quote.opportunityId,
          quoteId: quote.id,
          ownerId: actor.staffId,
          typeCode: input.typeCode,
          terms: quote.terms,
          amountFen: BigInt(lines.reduce((s, l) => s + l.grossFen, 0)),
          lines: { create: lines.map((l, position) => toLineRow(l, position)) },
          // The quote's document as the contract's first part (its lines and terms, merged when rendered).
          parts: { create: [{ position: 0, title: `${quote.number} ${quote.title}`.slice(0, 200), body: QUOTE_PART }] },
        },
        select: { id: true, number: true },
      });
      const consumed = await markQuoteConsumed(tx, quote.id, { type: "contract", id: row.id });
      if (consumed.status !== "ok") throw new QuoteTaken();
      await audit(tx, actor, meta, "created-from-quote", row.id, null, {
        number,
        quoteId: quote.id,
        quoteNumber: quote.number,
        amountFen: lines.reduce((s, l) => s + l.grossFen, 0),
      });
      return row;
    });
    return ok(created);
  } catch (error) {
    // The loser of a race meets either the consumed quote or the one-contract-per-quote key.
    const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (error instanceof QuoteTaken || duplicate) return conflict("contracts.error.quoteNotAccepted");
    throw error;
  }
}
