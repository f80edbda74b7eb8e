import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";

// The totals over a filtered opportunity list: amount, open, won and the weighted forecast; null when
// a filter matched more than the count cap (decision 052), then a hint to narrow it.

export function OpportunityTotalsBar({
  count,
  totals,
}: {
  count: number;
  totals: { amount: string; open: string; won: string; weighted: string } | null;
}) {
  const { t, locale } = useI18n();
  if (!totals) {
    return (
      <p className="text-sm text-slate-600" data-testid="opportunity-totals">
        {t("opportunityTotals.capped", { count: count.toLocaleString(locale) })}
      </p>
    );
  }
  const figures = [
    { label: t("sales.opportunities.totalAmount", { count }), value: totals.amount },
    { label: t("sales.opportunities.openAmount"), value: totals.open },
    { label: t("opportunities.totals.weighted"), value: totals.weighted },
    { label: t("sales.opportunities.wonAmount"), value: totals.won },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="opportunity-totals">
      {figures.map((s) => (
        <div key={s.label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs text-slate-500">{s.label}</dt>
          <dd className="mt-1 text-lg font-semibold text-slate-900 tabular-nums sm:text-xl">
            {formatMoney(s.value, locale)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
