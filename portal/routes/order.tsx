import { Package } from "lucide-react";
import {
  data,
  useActionData,
  useLoaderData,
  useLocation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { IntakePage } from "#portal/components/intake-page.tsx";
import { loadIntakePage, submitIntakePage } from "#portal/components/intake-route.server.ts";
import { BasketLineNote, BasketSummary } from "#portal/components/catalog/basket-ui.tsx";
import { ProductPicker } from "#portal/components/product-picker.tsx";
import {
  clearedBasketHeader,
  deleteOrderBasket,
  loadOrderBasket,
  saveOrderBasket,
} from "#app/modules/catalog/order-basket.server.ts";
import { memberPrimaryImages } from "#app/modules/catalog/images.server.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";
import { SaveBasketBar, SavedBasketsPanel } from "#portal/components/catalog/saved-baskets-ui.tsx";

// 产品订购 (the DELL-style basket, seed 000 §2.D): pick products and quantities; tier prices, the next
// tier's hint and the priced, printable order update as one types (the member's price schemes). The
// order lead carries the items with the prices the server computes again, and goes to the WEB-ORDER
// category's owner, who converts it into an opportunity with the same items to the fen.

export const meta = titleMeta("intake.order.title");

export async function loader(args: LoaderFunctionArgs) {
  const page = await loadIntakePage(args, "order");
  const member = await getOptionalMember(args.request);
  // The basket starts from a reopened 自助预算 (?basket=) or from what the catalog added.
  const basket = await loadOrderBasket(db, args.request, member?.member.id ?? null);
  const images = await memberPrimaryImages(
    db,
    member?.member.id ?? null,
    page.products.map((p) => p.sku),
  );
  return { ...page, prefill: { ...page.prefill, ...basket.values }, basket, images };
}

export async function action(args: ActionFunctionArgs) {
  // A copy: the intake reads the original body itself. An unreadable body is the client's fault.
  const form = await args.request
    .clone()
    .formData()
    .catch(() => {
      throw data(null, { status: 400 });
    });
  const intent = form.get("intent");
  if (intent === "save-basket" || intent === "delete-basket") {
    const memberId = (await getOptionalMember(args.request))?.member.id ?? null;
    return intent === "save-basket" ? saveOrderBasket(db, memberId, form) : deleteOrderBasket(db, memberId, form);
  }
  const result = await submitIntakePage(args, "order");
  // The order went in: the current basket is done with.
  if ("status" in result && result.status === "success") {
    return data(result, { headers: { "Set-Cookie": await clearedBasketHeader() } });
  }
  return result;
}

export default function OrderPage() {
  const { t } = useI18n();
  const page = useLoaderData<typeof loader>();
  const { basket } = page;
  const location = useLocation();
  return (
    <>
      <IntakePage
        kind="order"
        page={page}
        result={useActionData<typeof action>()}
        picker={(slots) => (
          <ProductPicker
            // Each navigation (a reopened budget, an added product) starts from the loader's basket.
            key={location.key}
            products={page.products}
            {...slots}
            lineNote={(product, quantity) => <BasketLineNote product={product} quantity={quantity} />}
            summary={(quantities) => (
              <BasketSummary products={page.products} quantities={quantities} images={page.images} />
            )}
          />
        )}
        afterSubmit={(slots) => <SaveBasketBar slots={slots} signedIn={basket.signedIn} opened={basket.opened} />}
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
      <SavedBasketsPanel saved={basket.saved} openedId={basket.opened?.id ?? null} />
    </>
  );
}
