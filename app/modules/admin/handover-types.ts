// What a hand-over (离职移交) moves, shared by the service and the pages (no server code here).

export const HANDOVER_TYPES = [
  "lead",
  "contact",
  "company",
  "opportunity",
  "quote",
  "salesContract",
  "proposal",
  "salesOrder",
  "serviceRequest",
  "task",
  "zoneSeat",
  "tokenGroupSeat",
] as const;
export type HandOverType = (typeof HANDOVER_TYPES)[number];
export type TypeCounts = Record<HandOverType, number>;
