import { Form } from "react-router";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { listComparisons } from "#app/modules/catalog/competition.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { bindFields, type BoundErrors } from "#app/ui/form/field-binder.ts";
import { MoneyField, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { IntentButton } from "#app/ui/form/intent-button.tsx";

// The product's 竞争产品 tab: one card per competing product (their features and defects beside our
// and their strengths), and the form that records another.

type Comparison = Awaited<ReturnType<typeof listComparisons>>[number];
type Row = Omit<Comparison, "competitorProduct"> & {
  competitorProduct: Omit<Comparison["competitorProduct"], "price"> & { price: unknown };
};

export function ComparisonCards({ rows, canModify }: { rows: readonly Row[]; canModify: boolean }) {
  const { t, locale } = useI18n();
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("catalog.competition.empty")}</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {rows.map((row) => {
        const theirs = row.competitorProduct;
        const facts: Array<[string, string | null]> = [
          [t("catalog.competition.price"), theirs.price == null ? null : formatMoney(String(theirs.price), locale)],
          [t("catalog.product.keyFeatures"), theirs.keyFeatures],
          [t("catalog.product.defects"), theirs.defects],
          [t("catalog.competition.ours"), row.ourStrengths],
          [t("catalog.competition.theirs"), row.theirStrengths],
        ];
        return (
          <Card key={row.id}>
            <CardHeader
              title={theirs.name}
              description={theirs.competitorName}
              action={
                canModify ? (
                  <IntentButton intent="remove" field={{ name: "comparisonId", value: row.id }} variant="ghost">
                    {t("catalog.competition.remove")}
                  </IntentButton>
                ) : null
              }
            />
            <CardBody>
              <dl className="space-y-2 text-sm">
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-xs text-slate-500">{label}</dt>
                    <dd className="whitespace-pre-line text-slate-800">{value || "—"}</dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
        );
      })}
    </div>
  );
}

export function ComparisonForm({ errors }: { errors: BoundErrors }) {
  const { t } = useI18n();
  const field = bindFields<string>("comparison", errors);
  return (
    <Card>
      <CardHeader title={t("catalog.competition.add")} />
      <CardBody>
        <Form method="post" className="space-y-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              {...field("competitorName")}
              label={t("catalog.competition.competitor")}
              maxLength={200}
              required
            />
            <TextField {...field("name")} label={t("catalog.competition.product")} maxLength={200} required />
            <MoneyField {...field("price")} label={t("catalog.competition.price")} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextareaField {...field("keyFeatures")} label={t("catalog.product.keyFeatures")} rows={2} />
            <TextareaField {...field("defects")} label={t("catalog.product.defects")} rows={2} />
            <TextareaField {...field("ourStrengths")} label={t("catalog.competition.ours")} rows={2} />
            <TextareaField {...field("theirStrengths")} label={t("catalog.competition.theirs")} rows={2} />
          </div>
          <SubmitButton intent="add">{t("catalog.competition.add")}</SubmitButton>
        </Form>
      </CardBody>
    </Card>
  );
}
