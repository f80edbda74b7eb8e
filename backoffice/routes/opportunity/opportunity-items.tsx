import { Package, Plus, Trash2 } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { itemIntents } from "#app/modules/crm/opportunities/opportunity-actions.server.ts";
import { listOpportunityItems } from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { productOptions } from "#app/modules/crm/opportunities/opportunity-items.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { inputClass } from "#app/ui/form/input-styles.ts";
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

const cellInput = `${inputClass} h-9 w-24 text-right tabular-nums`;

export default function OpportunityItemsTab() {
  const { items, products, canModify } = useLoaderData<typeof loader>();
  const { opportunity: o } = useOpportunityRecord();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const errors = fieldErrors(answer);
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
              {
                key: "product",
                header: t("opportunities.items.product"),
                cell: (i) => (
                  <span>
                    {i.name}
                    <span className="block font-mono text-xs text-slate-400">{i.sku}</span>
                  </span>
                ),
              },
              {
                key: "edit",
                header: `${t("opportunities.items.quantity")} · ${t("opportunities.items.unitPrice")} · ${t("opportunities.items.discount")}`,
                cell: (i) =>
                  canModify ? (
                    <Form method="post" className="flex flex-wrap items-center gap-2" aria-label={i.name}>
                      <input type="hidden" name="version" value={o.version} />
                      <input type="hidden" name="itemId" value={i.id} />
                      {(
                        [
                          ["quantity", i.quantity, "numeric", t("opportunities.items.quantity")],
                          ["unitPrice", i.unitPrice, "decimal", t("opportunities.items.unitPrice")],
                          ["discountPercent", i.discountPercent, "decimal", t("opportunities.items.discount")],
                        ] as const
                      ).map(([name, value, mode, label]) => (
                        <input
                          key={name}
                          name={name}
                          defaultValue={value}
                          inputMode={mode}
                          aria-label={label}
                          className={cellInput}
                        />
                      ))}
                      <SubmitButton intent="item-edit" size="sm" variant="secondary">
                        {t("common.save")}
                      </SubmitButton>
                      <SubmitButton intent="item-remove" size="sm" variant="ghost" icon={Trash2}>
                        {t("common.remove")}
                      </SubmitButton>
                    </Form>
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
              <tr className="border-t border-slate-200 font-medium">
                <td className="py-3 pl-5" colSpan={2}>
                  {t("opportunities.items.sum")}
                </td>
                <td className="py-3 pr-5 text-right tabular-nums" data-testid="items-sum">
                  {formatMoney(o.amount, locale)}
                </td>
              </tr>
            }
          />
        )}
      </Card>
      {canModify ? (
        <SectionCard title={t("opportunities.items.add")} icon={Plus}>
          {products.length === 0 ? (
            <p className="text-sm text-slate-400">{t("opportunities.items.noProducts")}</p>
          ) : (
            <Form method="post" className="grid gap-4 sm:grid-cols-4" noValidate>
              <input type="hidden" name="version" value={o.version} />
              <SelectField
                name="productId"
                label={t("opportunities.items.product")}
                options={products.map((p) => ({
                  value: String(p.id),
                  label: `${p.sku} ${p.name} · ${formatMoney(p.unitPrice, locale)}/${p.unit}`,
                }))}
                errors={errors.productId}
                className="sm:col-span-4"
              />
              <TextField
                name="quantity"
                label={t("opportunities.items.quantity")}
                defaultValue="1"
                inputMode="numeric"
                errors={errors.quantity}
              />
              <TextField
                name="unitPrice"
                label={t("opportunities.items.unitPrice")}
                hint={t("opportunities.items.unitPriceHint")}
                inputMode="decimal"
                errors={errors.unitPrice}
              />
              <TextField
                name="discountPercent"
                label={t("opportunities.items.discount")}
                defaultValue="0"
                inputMode="decimal"
                errors={errors.discountPercent}
              />
              <div className="flex items-end">
                <SubmitButton intent="item-add" icon={Plus}>
                  {t("opportunities.items.add")}
                </SubmitButton>
              </div>
            </Form>
          )}
        </SectionCard>
      ) : null}
    </div>
  );
}
