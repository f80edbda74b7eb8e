import type { ApprovalRequestStatus } from "#app/generated/prisma/enums.ts";
import type { Tx } from "#app/lib/db.server.ts";

// The quote's side of the generic approval service (item type "quote"), registered in
// approvals/approval-items.server.ts. Kept apart from quotes.server.ts, which submits through the
// approval service: no import cycle.

/**
 * The approval service's outcome (adapter in approvals/approval-items.server.ts): approved → approved;
 * rejected → rejected (the owner fixes and resubmits); withdrawn → back to draft. Only a quote still
 * pending approval moves.
 */
export async function applyQuoteDecision(tx: Tx, quoteId: number, status: ApprovalRequestStatus): Promise<void> {
  if (status === "pending") return;
  const next = status === "withdrawn" ? "draft" : status;
  await tx.quote.updateMany({ where: { id: quoteId, status: "pending_approval" }, data: { status: next } });
}

/** What the approval queue and its notifications call a quote. */
export async function describeQuote(db: Tx, quoteId: number) {
  const q = await db.quote.findUnique({ where: { id: quoteId }, select: { number: true, version: true, title: true } });
  return q ? { title: `${q.number} v${q.version} ${q.title}`, link: `/crm/quotes/${quoteId}` } : null;
}
