import { FileDown, Printer } from "lucide-react";
import { useSyncExternalStore } from "react";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { priceBasket, priceLine, zheOf, type NextTierHint, type PricedLine } from "#app/modules/catalog/pricing.ts";
import { MAX_ORDER_QUANTITY } from "#app/modules/leads/intake/portal-form-fields.ts";
import type { PortalProduct } from "#app/modules/leads/intake/portal-intake.server.ts";
import type { ProductImageView } from "#app/modules/catalog/images.ts";
import { basketPdfHref } from "#app/modules/catalog/order-pdf-link.ts";
import { ProductPicture } from "#app/ui/catalog/product-picture.tsx";

// The order basket's live prices (自助预算): each line's tier price and the next tier's hint ("再买 6
// 台享 9 折"), and the summary with tax and savings that prints as the order. Prices come from the
// pure pricing function with the member's schemes; the server prices the submitted basket again.

// Only the printed order is visible on paper: the shell's navigation and the form stay on screen.
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  [data-print-order], [data-print-order] * { visibility: visible !important; }
  [data-print-order] { position: absolute; inset: 0 auto auto 0; width: 100%; box-shadow: none; }
  [data-print-hide] { display: none !important; }
}`;

const TOOL_BUTTON =
  "inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50";

function noSubscription(): () => void {
  return () => {};
}

function quantityOf(text: string): number | null {
  const quantity = Number(text);
  return Number.isInteger(quantity) && quantity > 0 && quantity <= MAX_ORDER_QUANTITY ? quantity : null;
}

function fen(value: number): string {
  return (value / 100).toFixed(2);
}

function useHint() {
  const { t, locale } = useI18n();
  return (hint: NextTierHint, unit: string) => {
    const zhe = hint.kind === "discount" ? zheOf(hint.discountBp) : null;
    const deal = zhe
      ? t("catalog.basket.hintZhe", { zhe })
      : t("catalog.basket.hintPrice", { price: formatMoney(fen(hint.unitPriceFen), locale) });
    return hint.extraFen === 0
      ? t("catalog.basket.hintFree", { more: hint.moreQuantity, unit, deal })
      : t("catalog.basket.hint", { more: hint.moreQuantity, unit, deal });
  };
}

/** Under a product: its price at the typed quantity and what the next tier would give. */
export function BasketLineNote({ product, quantity }: { product: PortalProduct; quantity: string }) {
  const { t, locale } = useI18n();
  const hintText = useHint();
  if (!product.scheme) return null;
  const line = priceLine(product.scheme, quantityOf(quantity) ?? 0);
  const tiered = line.tierIndex !== null && line.unitPriceFen < line.listUnitPriceFen;
  return (
    <p className="mt-1 space-x-2 text-xs" data-testid={`basket-note-${product.sku}`}>
      {tiered ? (
        <span className="font-medium text-emerald-700">
          {t("catalog.basket.tierPrice", { price: formatMoney(fen(line.unitPriceFen), locale), unit: product.unit })}
        </span>
      ) : null}
      {line.nextTier ? <span className="text-amber-700">{hintText(line.nextTier, product.unit)}</span> : null}
    </p>
  );
}

/** The priced basket: lines, net, tax, gross and the saving; prints as the order. */
export function BasketSummary({
  products,
  quantities,
  images = {},
}: {
  products: readonly PortalProduct[];
  quantities: Readonly<Record<string, string>>;
  /** Each product's primary picture, for the products the member's level may see (decision 049). */
  images?: Readonly<Record<string, ProductImageView>>;
}) {
  const { t, locale } = useI18n();
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const chosen = products.flatMap((product) => {
    const quantity = quantityOf(quantities[product.sku] ?? "");
    return quantity && product.scheme ? [{ product, quantity, scheme: product.scheme }] : [];
  });
  if (!hydrated || chosen.length === 0) return null;
  const basket = priceBasket(chosen.map(({ scheme, quantity }) => ({ scheme, quantity })));
  const money = (value: number) => formatMoney(fen(value), locale);
  const row = (label: string, value: string, strong = false) => (
    <div className="flex justify-between gap-4">
      <dt className={strong ? "font-semibold text-slate-900" : "text-slate-600"}>{label}</dt>
      <dd className={`tabular-nums ${strong ? "text-lg font-semibold text-slate-900" : "text-slate-800"}`}>{value}</dd>
    </div>
  );
  return (
    <section
      data-print-order
      aria-label={t("catalog.basket.title")}
      className="mt-4 rounded-xl bg-white p-4 ring-1 ring-slate-200"
      data-testid="basket-summary"
    >
      <style>{PRINT_CSS}</style>
      <div className="flex items-center justify-between gap-4">
        <h3 className="font-semibold text-slate-900">{t("catalog.basket.title")}</h3>
        <span className="flex flex-wrap justify-end gap-2" data-print-hide>
          <button type="button" onClick={() => window.print()} className={TOOL_BUTTON}>
            <Printer aria-hidden className="size-4" />
            {t("catalog.basket.print")}
          </button>
          <a
            href={basketPdfHref(chosen.map(({ product, quantity }) => ({ sku: product.sku, quantity })))}
            download
            className={TOOL_BUTTON}
          >
            <FileDown aria-hidden className="size-4" />
            {t("orderPdf.download")}
          </a>
        </span>
      </div>
      <table className="mt-3 w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-1 font-normal">{t("catalog.product.name")}</th>
            <th className="py-1 text-right font-normal">{t("catalog.scheme.exampleQuantity")}</th>
            <th className="py-1 text-right font-normal">{t("catalog.scheme.exampleUnitPrice")}</th>
            <th className="py-1 text-right font-normal">{t("catalog.scheme.exampleTotal")}</th>
          </tr>
        </thead>
        <tbody>
          {chosen.map(({ product, quantity }, index) => {
            const line = basket.lines[index] as PricedLine;
            return (
              <tr key={product.sku} className="border-t border-slate-100" data-testid={`basket-line-${product.sku}`}>
                <td className="py-1.5">
                  <span className="flex items-center gap-2">
                    <ProductPicture image={images[product.sku]} name={product.name} className="size-9 rounded-md" />
                    <span>
                      {product.name}
                      <span className="ml-1 font-mono text-xs text-slate-500">{product.sku}</span>
                    </span>
                  </span>
                </td>
                <td className="py-1.5 text-right tabular-nums">
                  {quantity} {product.unit}
                </td>
                <td className="py-1.5 text-right tabular-nums">{money(line.unitPriceFen)}</td>
                <td className="py-1.5 text-right tabular-nums">{money(line.amountFen)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="mt-3 space-y-1 border-t border-slate-200 pt-3 text-sm">
        {row(t("catalog.basket.net"), money(basket.totals.netFen))}
        {row(t("catalog.basket.tax"), money(basket.totals.taxFen))}
        {basket.totals.discountFen > 0 ? row(t("catalog.basket.saved"), money(basket.totals.discountFen)) : null}
        {row(t("catalog.basket.gross"), money(basket.totals.grossFen), true)}
      </dl>
      <p className="mt-2 text-xs text-slate-500">{t("catalog.basket.note")}</p>
    </section>
  );
}
