import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { resolvePackagings } from "#app/modules/catalog/pricing.ts";
import type { productPage } from "#app/modules/catalog/products.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { FactsCard, RecordColumns } from "#app/ui/records/record-layout.tsx";

// The product's overview tab: facts, packagings with their base-unit counts, specifications, key
// features and defects. The product arrives as the layout's loader serialised it.

type Product = NonNullable<Awaited<ReturnType<typeof productPage>>>;

function lines(text: string | null): string[] {
  return (text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

function Bullets({ text, empty }: { text: string | null; empty: string }) {
  const items = lines(text);
  if (items.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** Base units per packaging; empty if stored packagings no longer chain (they are checked on save). */
function baseCounts(unit: string, steps: Parameters<typeof resolvePackagings>[1]): Map<string, number> {
  try {
    return new Map(resolvePackagings(unit, steps).map((p) => [p.unit, p.baseQuantity]));
  } catch {
    return new Map();
  }
}

export function ProductOverview({ product }: { product: Product }) {
  const { t, locale } = useI18n();
  const money = (value: unknown) => (value == null ? null : formatMoney(String(value), locale));
  const steps = product.packagings.map((p) => ({ unit: p.unit, contains: p.contains, of: p.ofUnit }));
  const bases = baseCounts(product.unit, steps);
  const levels = [
    product.portalProspect ? t("catalog.product.portal.prospect") : null,
    product.portalCustomer ? t("catalog.product.portal.customer") : null,
    product.portalPartner ? t("catalog.product.portal.partner") : null,
  ].filter(Boolean);
  return (
    <RecordColumns
      main={
        <>
          <FactsCard
            facts={[
              { label: t("catalog.product.listPrice"), value: `${money(product.unitPrice)} / ${product.unit}` },
              {
                label: t("catalog.product.taxRate"),
                value: `${product.taxRateBp / 100}% · ${t(product.priceIncludesTax ? "catalog.product.includesTax" : "catalog.product.excludesTax")}`,
              },
              { label: t("catalog.product.cost"), value: money(product.cost) },
              { label: t("catalog.product.type"), value: product.productType },
              { label: t("catalog.product.active"), value: t(product.active ? "common.yes" : "common.no") },
              {
                label: t("catalog.product.portal"),
                value: levels.length > 0 ? levels.join("、") : t("catalog.product.portalNone"),
              },
            ]}
          >
            {product.description ? (
              <p className="mt-4 text-sm whitespace-pre-line text-slate-700">{product.description}</p>
            ) : null}
          </FactsCard>
          <Card>
            <CardHeader title={t("catalog.product.specs")} />
            <CardBody>
              {product.specs.length === 0 ? (
                <p className="text-sm text-slate-500">{t("catalog.product.noSpecs")}</p>
              ) : (
                <FactList
                  facts={product.specs.map((s) => ({ key: String(s.id), label: s.key, value: s.value }))}
                  labelWidth="10rem"
                />
              )}
            </CardBody>
          </Card>
        </>
      }
      side={
        <>
          <Card>
            <CardHeader title={t("catalog.product.packagings")} />
            <CardBody>
              {steps.length === 0 ? (
                <p className="text-sm text-slate-500">{t("catalog.product.noPackagings")}</p>
              ) : (
                <ul className="space-y-1 text-sm text-slate-700">
                  {steps.map((s) => (
                    <li key={s.unit}>
                      {t("catalog.product.packagingLine", {
                        ...s,
                        base: bases.get(s.unit) ?? "?",
                        baseUnit: product.unit,
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("catalog.product.keyFeatures")} />
            <CardBody>
              <Bullets text={product.keyFeatures} empty="—" />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("catalog.product.defects")} />
            <CardBody>
              <Bullets text={product.defects} empty="—" />
            </CardBody>
          </Card>
        </>
      }
    />
  );
}
