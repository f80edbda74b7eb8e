import { Package, Plus } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { itemIntents } from "#app/modules/crm/opportunities/opportunity-actions.server.ts";
import { listOpportunityItems } from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { productOptions } from "#app/modules/crm/opportunities/opportunity-items.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { AddLineForm, LineEditForm, LineSumRow, productColumn } from "#app/ui/records/line-editor.tsx";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import {
  loadOpportunityTab,
  opportunityTabAction,
} from "#backoffice/components/opportunities/opportunity-route.server.ts";
import { useOpportunityRecord } from "#backoffice/components/opportunities/use-opportunity-record.ts";
import { CreateOrderButton } from "#backoffice/components/orders/create-order-button.tsx";

// The opportunity's 产品明细 tab: lines against the catalog's products (quantity, unit price,
// discount, line total to the fen); the opportunity's amount is their sum after every change.

export async function loader(args: LoaderFunctionArgs) {
  return loadOpportunityTab(args, async (database, id) => {
    const [items, products] = await Promise.all([listOpportunityItems(database, id), productOptions(database)]);
    return { items, products };
  });
}

export async function action(args: ActionFunctionArgs) {
  return opportunityTabAction(args, "items", itemIntents);
}

export default function OpportunityItemsTab() {
  const { items, products, canModify } = useLoaderData<typeof loader>();
  const { opportunity: o } = useOpportunityRecord();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const errors = fieldErrors(answer);
  const quantity = t("opportunities.items.quantity");
  const unitPrice = t("opportunities.items.unitPrice");
  const discount = t("opportunities.items.discount");
  return (
    <div className="space-y-6">
      <FailureNotice result={answer} />
      <Card>
        <CardHeader
          title={t("opportunities.tabs.items")}
          icon={<Package className="size-4" aria-hidden />}
          action={canModify && items.length > 0 ? <CreateOrderButton source="opportunity" sourceId={o.id} /> : null}
        />
        {items.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-slate-400">{t("opportunities.items.none")}</p>
        ) : (
          <RecordTable
            caption={t("opportunities.tabs.items")}
            rows={items}
            rowKey={(i) => i.id}
            columns={[
              productColumn(t("opportunities.items.product")),
              {
                key: "edit",
                header: `${quantity} · ${unitPrice} · ${discount}`,
                cell: (i) =>
                  canModify ? (
                    <LineEditForm
                      name={i.name}
                      stamp={{ name: "version", value: o.version }}
                      line={{ name: "itemId", value: i.id }}
                      inputs={[
                        { name: "quantity", value: String(i.quantity), inputMode: "numeric", label: quantity },
                        { name: "unitPrice", value: i.unitPrice, inputMode: "decimal", label: unitPrice },
                        { name: "discountPercent", value: i.discountPercent, inputMode: "decimal", label: discount },
                      ]}
                      editIntent="item-edit"
                      removeIntent="item-remove"
                    />
                  ) : (
                    `${i.quantity} × ${formatMoney(i.unitPrice, locale)} − ${i.discountPercent}%`
                  ),
              },
              {
                key: "total",
                header: t("opportunities.items.lineTotal"),
                numeric: true,
                cell: (i) => formatMoney(i.lineTotal, locale),
              },
            ]}
            footer={
              <LineSumRow
                label={t("opportunities.items.sum")}
                span={2}
                amount={formatMoney(o.amount, locale)}
                testId="items-sum"
              />
            }
          />
        )}
      </Card>
      {canModify ? (
        <SectionCard title={t("opportunities.items.add")} icon={Plus}>
          {products.length === 0 ? (
            <p className="text-sm text-slate-400">{t("opportunities.items.noProducts")}</p>
          ) : (
            <AddLineForm
              stamp={{ name: "version", value: o.version }}
              products={products}
              productLabel={t("opportunities.items.product")}
              productErrors={errors.productId}
              inputs={[
                { name: "quantity", label: quantity, defaultValue: "1", inputMode: "numeric", errors: errors.quantity },
                {
                  name: "unitPrice",
                  label: unitPrice,
                  hint: t("opportunities.items.unitPriceHint"),
                  inputMode: "decimal",
                  errors: errors.unitPrice,
                },
                {
                  name: "discountPercent",
                  label: discount,
                  defaultValue: "0",
                  inputMode: "decimal",
                  errors: errors.discountPercent,
                },
              ]}
              intent="item-add"
              submitLabel={t("opportunities.items.add")}
              columns={4}
            />
          )}
        </SectionCard>
      ) : null}
    </div>
  );
}
