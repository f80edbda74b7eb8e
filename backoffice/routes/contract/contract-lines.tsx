import { Package, Plus, Trash2 } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { lineIntents } from "#app/modules/contracts/contract-actions.server.ts";
import { productOptions } from "#app/modules/crm/opportunities/opportunity-items.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { ContractLinesTable } from "#app/ui/contracts/contract-ui.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { contractTabAction, loadContractTab } from "#backoffice/components/contracts/contract-route.server.ts";

// The contract's 产品清单 tab: lines copied from a quote or an opportunity, or added here against the
// catalog (tax-inclusive unit price, tax split per line); the contract amount is their sum to the fen.
// Only a draft's list changes.

export async function loader(args: LoaderFunctionArgs) {
  return loadContractTab(args, async (database, page) => ({
    products: page.editable ? await productOptions(database) : [],
  }));
}

export async function action(args: ActionFunctionArgs) {
  return contractTabAction(args, "lines", lineIntents);
}

export default function ContractLinesTab() {
  const { contract: c, editable, products } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const errors = fieldErrors(answer);
  return (
    <div className="space-y-6">
      <FailureNotice result={answer} />
      <Card>
        <CardHeader title={t("contracts.tabs.lines")} icon={<Package className="size-4" aria-hidden />} />
        <ContractLinesTable
          lines={c.lines}
          amountFen={c.amountFen}
          actions={
            editable
              ? (line) => (
                  <Form method="post">
                    <input type="hidden" name="revision" value={c.revision} />
                    <input type="hidden" name="lineId" value={line.id} />
                    <SubmitButton
                      intent="line-remove"
                      size="sm"
                      variant="ghost"
                      icon={Trash2}
                      aria-label={t("common.removeNamed", { name: line.name })}
                    >
                      {t("common.remove")}
                    </SubmitButton>
                  </Form>
                )
              : undefined
          }
        />
      </Card>
      {editable ? (
        <SectionCard title={t("contracts.lines.add")} icon={Plus}>
          <Form method="post" className="grid gap-4 sm:grid-cols-3" noValidate>
            <input type="hidden" name="revision" value={c.revision} />
            <SelectField
              name="productId"
              label={t("contracts.lines.product")}
              options={products.map((p) => ({
                value: String(p.id),
                label: `${p.sku} ${p.name} · ${formatMoney(p.unitPrice, locale)}/${p.unit}`,
              }))}
              errors={errors.productId}
              className="sm:col-span-3"
            />
            <TextField
              name="quantity"
              label={t("contracts.lines.quantity")}
              defaultValue="1"
              inputMode="numeric"
              errors={errors.quantity}
            />
            <TextField
              name="unitPrice"
              label={t("contracts.lines.unitPrice")}
              hint={t("contracts.lines.unitPriceHint")}
              inputMode="decimal"
              errors={errors.unitPrice}
            />
            <div className="flex items-end">
              <SubmitButton intent="line-add" icon={Plus}>
                {t("contracts.lines.add")}
              </SubmitButton>
            </div>
          </Form>
        </SectionCard>
      ) : null}
    </div>
  );
}
