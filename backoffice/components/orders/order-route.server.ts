import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import type { db } from "#app/lib/db.server.ts";
import { requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import type { OrderIntentArgs } from "#app/modules/orders/order-actions.server.ts";
import { orderPath } from "#app/modules/orders/order-paths.ts";
import { getSalesOrder, type SalesOrderRecord } from "#app/modules/orders/order-queries.server.ts";
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

export async function orderTabAction<R>(
  { request, params, context }: ActionFunctionArgs,
  tab: string,
  intents: Readonly<Record<string, (args: OrderIntentArgs) => R>>,
): Promise<R> {
  const actor = await requireStaffActor(request, ORDER_POLICY);
  const id = requireIdParam(params.orderId);
  const form = await request.formData();
  return runIntent(form, intents, { actor, id, form, ipAddress: clientIp(context), to: orderPath(id, tab) });
}
