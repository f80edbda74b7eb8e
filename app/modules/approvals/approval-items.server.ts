import type { ApprovalRequestStatus } from "#app/generated/prisma/enums.ts";
import type { DbOrTx, Tx } from "#app/lib/db.server.ts";
import { applySchemeDecision } from "#app/modules/catalog/price-schemes.server.ts";
import { applyContractDecision, describeContract } from "#app/modules/contracts/contract-approval.server.ts";
import { applyProposalDecision, describeProposal } from "#app/modules/contracts/proposal-approval.server.ts";
import { applyQuoteDecision, describeQuote } from "#app/modules/quotes/quote-approval.server.ts";
import type { ApprovalItemType } from "./approval-types.ts";

// What the approval service needs to know about each kind of item: a title and a back-office link for
// notifications and the queue, and what to change on the item when a request is decided. Item types
// whose records do not exist yet (quotes, contracts, price schemes, proposals: the catalog/quotes
// issue) get an entry here when they arrive.

export interface ApprovalItemInfo {
  title: string;
  link: string | null;
}

interface ItemAdapter {
  // Tx, not DbOrTx: a Db is a Tx too, and the union makes TypeScript compare the two clients' types
  // member by member until it gives up ("excessive stack depth").
  describe(db: Tx, itemId: number): Promise<ApprovalItemInfo | null>;
  /** Called inside the deciding transaction when a request ends approved, rejected or withdrawn. */
  onDecided?(tx: Tx, itemId: number, status: ApprovalRequestStatus): Promise<void>;
}

const ADAPTERS: Partial<Record<ApprovalItemType, ItemAdapter>> = {
  price_scheme: {
    async describe(db, itemId) {
      const s = await db.priceScheme.findUnique({ where: { id: itemId }, select: { name: true } });
      return s ? { title: s.name, link: `/crm/price-schemes/${itemId}` } : null;
    },
    async onDecided(tx, itemId, status) {
      if (status !== "pending") await applySchemeDecision(tx, itemId, status);
    },
  },
  service_contract: {
    async describe(db, itemId) {
      const c = await db.serviceContract.findUnique({ where: { id: itemId }, select: { number: true, name: true } });
      return c ? { title: `${c.number} ${c.name}`, link: `/crm/service-contracts/${itemId}` } : null;
    },
    async onDecided(tx, itemId, status) {
      if (status === "pending") return;
      // Only a draft still waiting moves: an approval never touches a contract already in force. A
      // withdrawn request returns the draft to its author like a rejection: the contract's own
      // states know no "withdrawn", and "rejected" is the one its author may submit again from.
      await tx.serviceContract.updateMany({
        where: { id: itemId, status: "drafting", approvalState: "pending" },
        data: { approvalState: status === "approved" ? "approved" : "rejected" },
      });
    },
  },
  contract: {
    describe: describeContract,
    onDecided: applyContractDecision,
  },
  quote: {
    describe: describeQuote,
    onDecided: applyQuoteDecision,
  },
  proposal: {
    describe: describeProposal,
    onDecided: applyProposalDecision,
  },
  expense: {
    async describe(db, itemId) {
      const e = await db.campaignExpense.findUnique({
        where: { id: itemId },
        select: { description: true, amount: true, campaignId: true, campaign: { select: { name: true } } },
      });
      return e
        ? {
            title: `${e.campaign.name} · ${e.description} · ¥${e.amount.toFixed(2)}`,
            link: `/crm/campaigns/${e.campaignId}/expenses`,
          }
        : null;
    },
  },
};

export function describeApprovalItem(db: DbOrTx, itemType: ApprovalItemType, itemId: number) {
  const adapter = ADAPTERS[itemType];
  // Types without records yet are described generically so a flow can still be tried out.
  return adapter ? adapter.describe(db, itemId) : Promise.resolve({ title: `${itemType} #${itemId}`, link: null });
}

export async function applyApprovalOutcome(
  tx: DbOrTx,
  itemType: ApprovalItemType,
  itemId: number,
  status: ApprovalRequestStatus,
): Promise<void> {
  await ADAPTERS[itemType]?.onDecided?.(tx, itemId, status);
}
