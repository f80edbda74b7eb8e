import { ChevronRight } from "lucide-react";
import { Link } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { CatalogCard, TierRow } from "#app/modules/catalog/portal-catalog.server.ts";
import { zheOf } from "#app/modules/catalog/pricing.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ProductPicture } from "#app/ui/catalog/product-picture.tsx";

// The portal catalog's pieces (/products, /products/:sku): product cards (with the primary picture,
// decision 049) and the member's tier price table.

/** Where a product's page is; G's "my orders" links here too (/work/handoff/catalog.md). */
export function productPath(sku: string): string {
  return `/products/${encodeURIComponent(sku)}`;
}

export function ProductCards({ items }: { items: readonly CatalogCard[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="grid gap-4 p-5 sm:grid-cols-2 xl:grid-cols-3">
      {items.map((item) => (
        <li
          key={item.sku}
          className="group relative flex gap-4 rounded-xl p-4 ring-1 ring-slate-200 hover:ring-blue-300"
        >
          <ProductPicture image={item.image} name={item.name} className="size-16" />
          <div className="min-w-0 flex-1">
            <h3 className="text-[15px] leading-6 font-semibold text-slate-900">
              <Link to={productPath(item.sku)} className="group-hover:text-blue-700 after:absolute after:inset-0">
                {item.name}
              </Link>
            </h3>
            <p className="font-mono text-xs text-slate-500">{item.sku}</p>
            {item.teaser ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{item.teaser}</p> : null}
            <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <span className="font-semibold text-slate-900">{formatMoney(item.price, locale)}</span>
              <span className="text-slate-500">{t("intake.order.perUnit", { unit: item.unit })}</span>
              {item.categoryName ? <Badge tone="slate">{item.categoryName}</Badge> : null}
            </p>
          </div>
          <ChevronRight aria-hidden className="mt-1 size-4 shrink-0 text-slate-300 group-hover:text-blue-500" />
        </li>
      ))}
    </ul>
  );
}

/** 阶梯价: from how many units which unit price applies for this member. */
export function TierTable({ tiers, unit }: { tiers: readonly TierRow[]; unit: string }) {
  const { t, locale } = useI18n();
  return (
    <table className="w-full text-sm" data-testid="tier-table">
      <caption className="sr-only">{t("portalCatalog.product.tiers")}</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th scope="col" className="py-2 font-medium">
            {t("portalCatalog.product.fromQuantity")}
          </th>
          <th scope="col" className="py-2 text-right font-medium">
            {t("portalCatalog.product.unitPrice")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tiers.map((tier) => {
          const zhe = tier.discountBp > 0 ? zheOf(tier.discountBp) : null;
          return (
            <tr key={tier.minQuantity}>
              <td className="py-2 text-slate-700">
                {t("portalCatalog.product.fromUnits", { count: tier.minQuantity, unit })}
              </td>
              <td className="py-2 text-right font-medium text-slate-900 tabular-nums">
                {formatMoney(tier.unitPrice, locale)}
                {zhe ? (
                  <Badge tone="green" className="ml-2">
                    {t("portalCatalog.product.zhe", { zhe })}
                  </Badge>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
