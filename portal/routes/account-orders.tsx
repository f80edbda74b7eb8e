import { ClipboardList, ReceiptText, ShoppingCart } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { listMemberOrders } from "#app/modules/orders/portal-orders.server.ts";
import { getZoneContext } from "#app/modules/zones/zone-access.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { OrderRequestList, SalesOrderList } from "#portal/components/orders/member-orders.tsx";

// 我的账户 · 我的订单: the product orders the member submitted (purchase leads, with their state) and
// the sales orders made from them — or, for a confirmed zone member, their company's — with the
// fulfilment steps. Read-only; the service builds the where clause from the member's own ids.

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const zone = await getZoneContext(request);
  const orders = await listMemberOrders(db, principal.member.id, zone?.zone.companyId ?? null);
  return { ...orders, inZone: zone !== null };
}

export const meta = titleMeta("orders.portal.title");

export default function AccountOrders() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const orderButton = (
    <ButtonLink to="/order" icon={ShoppingCart} className="self-start sm:self-auto">
      {t("orders.portal.toOrder")}
    </ButtonLink>
  );
  return (
    <div className="space-y-6">
      <AccountPageHeader
        title={t("orders.portal.title")}
        description={t("orders.portal.intro")}
        actions={orderButton}
      />
      <Card aria-label={t("orders.portal.salesOrders")}>
        <CardHeader title={t("orders.portal.salesOrders")} icon={<ReceiptText className="size-4" aria-hidden />} />
        {d.salesOrders.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">{t("orders.portal.noOrders")}</p>
        ) : (
          <SalesOrderList orders={d.salesOrders} showAssets={d.inZone} />
        )}
      </Card>
      <Card aria-label={t("orders.portal.requests")}>
        <CardHeader title={t("orders.portal.requests")} icon={<ClipboardList className="size-4" aria-hidden />} />
        {d.requests.length === 0 ? (
          <EmptyState icon={<ShoppingCart className="size-5" aria-hidden />} title={t("orders.portal.noRequests")}>
            {orderButton}
          </EmptyState>
        ) : (
          <OrderRequestList requests={d.requests} />
        )}
      </Card>
    </div>
  );
}
