import { Package } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { IntakePage } from "#portal/components/intake-page.tsx";
import { loadIntakePage, submitIntakePage } from "#portal/components/intake-route.server.ts";
import { BasketLineNote, BasketSummary } from "#portal/components/catalog/basket-ui.tsx";
import { ProductPicker } from "#portal/components/product-picker.tsx";

// 产品订购 (the DELL-style basket, seed 000 §2.D): pick products and quantities; tier prices, the next
// tier's hint and the priced, printable order update as one types (the member's price schemes). The
// order lead carries the items with the prices the server computes again, and goes to the WEB-ORDER
// category's owner, who converts it into an opportunity with the same items to the fen.

export const meta = titleMeta("intake.order.title");

export const loader = (args: LoaderFunctionArgs) => loadIntakePage(args, "order");

export const action = (args: ActionFunctionArgs) => submitIntakePage(args, "order");

export default function OrderPage() {
  const { t } = useI18n();
  const page = useLoaderData<typeof loader>();
  return (
    <IntakePage
      kind="order"
      page={page}
      result={useActionData<typeof action>()}
      picker={(slots) => (
        <ProductPicker
          products={page.products}
          {...slots}
          lineNote={(product, quantity) => <BasketLineNote product={product} quantity={quantity} />}
          summary={(quantities) => <BasketSummary products={page.products} quantities={quantities} />}
        />
      )}
      replaceForm={
        page.products.length === 0 ? (
          <EmptyState
            icon={<Package aria-hidden className="size-6" />}
            title={t("intake.order.section")}
            description={t("intake.order.noProducts")}
            className="py-14"
          >
            <ButtonLink to="/requirements">{t("intake.order.toRequirements")}</ButtonLink>
          </EmptyState>
        ) : undefined
      }
    />
  );
}
