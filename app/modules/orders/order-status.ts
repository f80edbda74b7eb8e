import type { SalesOrderSource, SalesOrderStatus } from "#app/generated/prisma/enums.ts";

// The fulfilment steps of a sales order (decision 046), shared by the services, the pages and tests:
// confirmed → shipped → delivered → accepted → invoiced → paid, one step at a time; cancelled only
// before anything left the warehouse. "delivered" is reached by recording deliveries (which make the
// customer assets), never by a bare status change.

export const ORDER_STATUSES = [
  "confirmed",
  "shipped",
  "delivered",
  "accepted",
  "invoiced",
  "paid",
  "cancelled",
] as const satisfies readonly SalesOrderStatus[];

export const ORDER_SOURCES = ["quote", "contract", "opportunity"] as const satisfies readonly SalesOrderSource[];

/** The steps a staff member may take from each status by the "advance" intent. */
export const NEXT_STEP: Record<SalesOrderStatus, SalesOrderStatus | null> = {
  confirmed: "shipped",
  shipped: null,
  delivered: "accepted",
  accepted: "invoiced",
  invoiced: "paid",
  paid: null,
  cancelled: null,
};

export type AdvanceStep = "shipped" | "accepted" | "invoiced" | "paid" | "cancelled";
export const ADVANCE_STEPS = [
  "shipped",
  "accepted",
  "invoiced",
  "paid",
  "cancelled",
] as const satisfies readonly AdvanceStep[];

/** May an order in `from` move to `to` by a status change (deliveries excluded)? */
export function mayAdvance(from: SalesOrderStatus, to: AdvanceStep): boolean {
  if (to === "cancelled") return from === "confirmed";
  return NEXT_STEP[from] === to;
}

/** Deliveries are recorded once the goods have shipped and until everything is delivered. */
export function mayDeliver(status: SalesOrderStatus): boolean {
  return status === "shipped";
}

/** The step timestamp column of each status. */
export const STEP_DATE: Record<SalesOrderStatus, `${SalesOrderStatus}At`> = {
  confirmed: "confirmedAt",
  shipped: "shippedAt",
  delivered: "deliveredAt",
  accepted: "acceptedAt",
  invoiced: "invoicedAt",
  paid: "paidAt",
  cancelled: "cancelledAt",
};

/** The step dates every view of an order selects (a Prisma select fragment). */
export const STEP_DATES_SELECT = {
  confirmedAt: true,
  shippedAt: true,
  deliveredAt: true,
  acceptedAt: true,
  invoicedAt: true,
  paidAt: true,
  cancelledAt: true,
} as const;

/** The fulfilment path as shown (a stepper), without the cancelled branch. */
export const FULFILMENT_PATH = ["confirmed", "shipped", "delivered", "accepted", "invoiced", "paid"] as const;

/** Lines of at most this many units become one asset per unit; bigger lines one asset per delivery. */
export const MAX_UNIT_ASSETS = 50;

export function isOrderStatus(value: string): value is SalesOrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}
