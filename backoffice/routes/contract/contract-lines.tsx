import { Package, Plus } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { lineIntents } from "#app/modules/contracts/contract-actions.server.ts";
import { productOptions } from "#app/modules/crm/opportunities/opportunity-items.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { ContractLinesTable } from "#app/ui/contracts/contract-ui.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { AddLineForm, LineEditForm } from "#app/ui/records/line-editor.tsx";
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
  const { t } = useI18n();
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
                  <LineEditForm
                    name={line.name}
                    stamp={{ name: "revision", value: c.revision }}
                    line={{ name: "lineId", value: line.id }}
                    removeIntent="line-remove"
                  />
                )
              : undefined
          }
        />
      </Card>
      {editable ? (
        <SectionCard title={t("contracts.lines.add")} icon={Plus}>
          <AddLineForm
            stamp={{ name: "revision", value: c.revision }}
            products={products}
            productLabel={t("contracts.lines.product")}
            productErrors={errors.productId}
            inputs={[
              {
                name: "quantity",
                label: t("contracts.lines.quantity"),
                defaultValue: "1",
                inputMode: "numeric",
                errors: errors.quantity,
              },
              {
                name: "unitPrice",
                label: t("contracts.lines.unitPrice"),
                hint: t("contracts.lines.unitPriceHint"),
                inputMode: "decimal",
                errors: errors.unitPrice,
              },
            ]}
            intent="line-add"
            submitLabel={t("contracts.lines.add")}
            columns={3}
          />
        </SectionCard>
      ) : null}
    </div>
  );
}
