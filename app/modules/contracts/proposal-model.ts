// The shapes of a 提议 as read (back office and zone), shared by the services and the pages.

export const PROPOSAL_STATUSES = ["drafting", "pending_approval", "approved", "published"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface MaterialLine {
  name: string;
  sku: string;
  quantity: number;
  unit: string;
  unitPriceFen: number;
  grossFen: number;
}

export type ResolvedPart =
  | { id: number; kind: "text"; title: string; body: string }
  | {
      id: number;
      kind: "quote" | "contract";
      title: string;
      lines: MaterialLine[] | null;
      totalFen: number;
      terms: string | null;
    }
  | { id: number; kind: "product"; title: string; text: string | null };
