import { ArrowLeft, Boxes, ListChecks, Ruler, ShoppingCart, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { data, Form, Link, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { addToBasket, readBasket, writeBasket } from "#app/modules/catalog/basket-cookie.server.ts";
import { getPortalProduct } from "#app/modules/catalog/portal-catalog.server.ts";
import { MAX_ORDER_QUANTITY } from "#app/modules/leads/intake/portal-form-fields.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { inputClass } from "#app/ui/form/input-styles.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { TierTable } from "#portal/components/catalog/catalog-ui.tsx";
import { ProductGallery } from "#portal/components/catalog/product-gallery.tsx";

// 产品页 (/products/:sku): what the member's level may see of one product — specifications, key
// features, packagings and the tier prices of their price scheme — and "加入购物车", which adds to
// the current basket (cookie) and opens the order page. Another level's product is a 404.

async function visibleProduct(request: Request, sku: string | undefined) {
  const member = await getOptionalMember(request);
  const product = await getPortalProduct(db, member?.member.id ?? null, sku ?? "");
  if (!product) throw data(null, { status: 404 });
  return product;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return { product: await visibleProduct(request, params.sku) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const product = await visibleProduct(request, params.sku);
  const form = await request.formData().catch(() => {
    throw data(null, { status: 400 });
  });
  if (form.get("intent") !== "add") throw data(null, { status: 400 });
  const raw = Number(String(form.get("quantity") ?? "1").trim() || "1");
  const quantity = Number.isInteger(raw) && raw > 0 ? Math.min(raw, MAX_ORDER_QUANTITY) : 1;
  const basket = addToBasket(await readBasket(request), product.sku, quantity);
  return redirectWithFlash("/order", "flash.portalCatalog.added", {
    headers: { "Set-Cookie": await writeBasket(basket) },
  });
}

export const meta = recordMeta<typeof loader>("portalCatalog.title", (d) => [
  "portalCatalog.product.metaTitle",
  { name: d.product.name },
]);

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6 lg:px-8 lg:py-10">
      <Link to="/products" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("portalCatalog.backToCatalog")}
      </Link>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card className="grid gap-6 p-6 sm:grid-cols-[14rem_1fr]">
            <ProductGallery images={product.images} name={product.name} />
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold text-slate-900">{product.name}</h1>
              <p className="mt-1 font-mono text-sm text-slate-500">{product.sku}</p>
              <p className="mt-3 flex flex-wrap gap-2">
                {product.category ? <Badge tone="blue">{product.category.name}</Badge> : null}
                {product.productLine ? <Badge tone="slate">{product.productLine}</Badge> : null}
                {product.warrantyMonths ? (
                  <Badge tone="green">{t("portalCatalog.product.warranty", { months: product.warrantyMonths })}</Badge>
                ) : null}
              </p>
              {product.description ? (
                <p className="mt-4 text-sm leading-6 whitespace-pre-line text-slate-700">{product.description}</p>
              ) : null}
            </div>
          </Card>
          {product.features.length > 0 ? (
            <Section icon={ListChecks} title={t("portalCatalog.product.features")}>
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
                {product.features.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </Section>
          ) : null}
          {product.specs.length > 0 ? (
            <Section icon={Ruler} title={t("portalCatalog.product.specs")}>
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
                {product.specs.map((s) => (
                  <div key={s.key} className="contents">
                    <dt className="text-slate-500">{s.key}</dt>
                    <dd className="text-slate-900">{s.value}</dd>
                  </div>
                ))}
              </dl>
            </Section>
          ) : null}
          {product.packagings.length > 0 ? (
            <Section icon={Boxes} title={t("portalCatalog.product.packagings")}>
              <ul className="space-y-1 text-sm text-slate-700">
                {product.packagings.map((p) => (
                  <li key={p.unit}>
                    {t("portalCatalog.product.packaging", { unit: p.unit, contains: p.contains, of: p.ofUnit })}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </div>
        <Card className="h-fit space-y-4 p-6">
          <h2 className="text-[15px] font-semibold text-slate-900">{t("portalCatalog.product.tiers")}</h2>
          <TierTable tiers={product.tiers} unit={product.unit} />
          <p className="text-xs text-slate-500">
            {t(product.priceIncludesTax ? "portalCatalog.product.taxIncluded" : "portalCatalog.product.taxExcluded", {
              rate: product.taxRateBp / 100,
            })}
          </p>
          <Form method="post" className="flex items-end gap-2 border-t border-slate-100 pt-4">
            <div className="w-24">
              <label htmlFor="add-quantity" className="text-sm font-medium text-slate-700">
                {t("portalCatalog.product.quantity")}
              </label>
              <input
                id="add-quantity"
                name="quantity"
                type="number"
                min={1}
                max={MAX_ORDER_QUANTITY}
                defaultValue={1}
                className={inputClass}
              />
            </div>
            <SubmitButton intent="add" className="flex-1">
              <ShoppingCart aria-hidden className="size-4" />
              {t("portalCatalog.product.addToBasket")}
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </div>
  );
}

function Section({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: ReactNode }) {
  return (
    <Card className="p-6">
      <h2 className="mb-3 flex items-center gap-2 text-[15px] font-semibold text-slate-900">
        <Icon aria-hidden className="size-4 text-blue-600" />
        {title}
      </h2>
      {children}
    </Card>
  );
}
