import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { runIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { listIntents } from "#app/modules/orders/order-actions.server.ts";
import { orderList } from "#app/modules/orders/order-list-query.ts";
import { ORDERS_PATH } from "#app/modules/orders/order-paths.ts";
import { listSalesOrders } from "#app/modules/orders/order-queries.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { FailureNotice } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { ordersScreen } from "#backoffice/components/orders/order-columns.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 销售订单 list: the viewer's scope (the opportunities grant, by the order's owner), search by number
// or company, status and source filters, sorts, saved views. Its action makes an order from an
// opportunity, an accepted quote or a contract ("生成销售订单" buttons on those pages post here).

const POLICY = { module: "opportunities", action: "browse" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const query = orderList.parse(new URL(request.url).searchParams);
  const [list, views] = await Promise.all([
    listSalesOrders(db, actor, query),
    loadListViews(db, actor, orderList, query, ORDERS_PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "opportunities", action: "modify" });
  const form = await request.formData();
  return runIntent(form, listIntents, { actor, form, ipAddress: clientIp(context), id: null, to: ORDERS_PATH });
}

export const meta = titleMeta(ordersScreen.title);

export default function OrdersList() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return <ScreenListPage screen={ordersScreen} list={d} belowHeading={<FailureNotice result={answer} />} />;
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
