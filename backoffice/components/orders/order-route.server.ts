import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import type { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { OrderIntentArgs } from "#app/modules/orders/order-actions.server.ts";
import { orderPath } from "#app/modules/orders/order-paths.ts";
import { getSalesOrder, type SalesOrderRecord } from "#app/modules/orders/order-queries.server.ts";
import { runTabIntent } from "../record-action.server.ts";
import { loadRecordPage } from "../record-page.server.ts";

// The loader and action plumbing every tab of a sales order shares: the guard, the id from the URL,
// the scope check (404 outside it) and the intent dispatch.

export const ORDER_POLICY = { module: "opportunities", action: "browse" } as const;

export function loadOrderTab<T extends object>(
  { request, params }: LoaderFunctionArgs,
  load: (database: typeof db, record: SalesOrderRecord, actor: StaffActor) => Promise<T>,
) {
  return loadRecordPage(request, ORDER_POLICY, params.orderId, async (database, actor, id) => {
    const record = await getSalesOrder(database, actor, id);
    if (!record) return null;
    return { canModify: record.canModify, ...(await load(database, record, actor)) };
  });
}

export function orderTabAction<R>(
  args: ActionFunctionArgs,
  tab: string,
  intents: Readonly<Record<string, (args: OrderIntentArgs) => R>>,
) {
  return runTabIntent(args, ORDER_POLICY, "orderId", (id) => orderPath(id, tab), intents);
}
