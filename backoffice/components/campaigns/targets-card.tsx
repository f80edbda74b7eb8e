import { Target } from "lucide-react";
import { useSyncExternalStore } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney } from "#app/lib/format/money.ts";
import { formatNumber } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { CampaignActuals } from "#app/modules/campaigns/campaign-stats.server.ts";
import { progressPercent } from "#app/modules/crm/sales-constants.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { ProgressRow } from "#backoffice/components/sales-ui.tsx";

// Hard targets against computed actuals: one bar per metric (the numbers) and a chart of the
// completion rates beside it.

export interface CampaignTargets {
  salesAmount: string | null;
  leadCount: number | null;
  cost: string | null;
  workload: string | null;
}

export function TargetsCard({ targets, actuals }: { targets: CampaignTargets; actuals: CampaignActuals }) {
  const { t, locale } = useI18n();
  const a = actuals;
  const hours = (value: string) => t("sales.hours", { hours: formatNumber(value, locale) });
  const rows = [
    {
      key: "sales",
      label: t("sales.metric.sales"),
      actual: formatMoney(a.wonAmount, locale),
      target: targets.salesAmount ? formatMoney(targets.salesAmount, locale) : null,
      percent: progressPercent(a.wonAmount, targets.salesAmount),
    },
    {
      key: "leads",
      label: t("sales.metric.leads"),
      actual: formatNumber(a.leadCount, locale),
      target: targets.leadCount !== null ? formatNumber(targets.leadCount, locale) : null,
      percent: progressPercent(a.leadCount, targets.leadCount),
    },
    {
      key: "cost",
      label: t("sales.metric.cost"),
      actual: formatMoney(a.cost, locale),
      target: targets.cost ? formatMoney(targets.cost, locale) : null,
      percent: progressPercent(a.cost, targets.cost),
    },
    {
      key: "workload",
      label: t("sales.metric.workload"),
      actual: hours(a.workload),
      target: targets.workload ? hours(targets.workload) : null,
      percent: progressPercent(a.workload, targets.workload),
    },
  ];
  const chart = rows.map((r) => ({ name: r.label, target: r.target ? 100 : 0, actual: r.percent ?? 0 }));
  const tiles = [
    { label: t("sales.metric.wonDeals"), value: a.wonCount },
    { label: t("sales.metric.openDeals"), value: a.openOpportunityCount },
    { label: t("sales.metric.converted"), value: a.convertedLeadCount },
  ];
  return (
    <Card aria-label={t("sales.campaign.targetsTitle")}>
      <CardHeader
        title={t("sales.campaign.targetsTitle")}
        description={t("sales.campaign.targetsHint")}
        icon={<Target className="size-4" aria-hidden />}
      />
      <CardBody className="grid gap-6 md:grid-cols-2">
        <div className="space-y-4">
          {rows.map((r) => (
            <ProgressRow key={r.key} label={r.label} actual={r.actual} target={r.target} percent={r.percent} />
          ))}
          <dl className="grid grid-cols-3 gap-2 pt-2 text-center text-xs text-slate-500">
            {tiles.map((tile) => (
              <div key={tile.label} className="rounded-lg bg-slate-50 px-2 py-2">
                <dt>{tile.label}</dt>
                <dd className="mt-0.5 text-base font-semibold text-slate-900 tabular-nums">
                  {formatNumber(tile.value, locale)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
        <TargetChart data={chart} />
      </CardBody>
    </Card>
  );
}

const noopSubscribe = () => () => {};

/** Recharts measures the DOM, so the chart renders after hydration; the bars beside it carry the numbers. */
function TargetChart({ data: rows }: { data: Array<{ name: string; target: number; actual: number }> }) {
  const { t } = useI18n();
  const mounted = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  return (
    <figure className="min-h-64 min-w-0" aria-label={t("sales.campaign.chartLabel")}>
      {mounted ? (
        <ResponsiveContainer width="100%" height={250}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="name" tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} />
            <YAxis unit="%" tick={{ fontSize: 11, fill: "#94a3b8" }} tickLine={false} axisLine={false} />
            <Tooltip formatter={(value) => `${String(value)}%`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={100} stroke="#94a3b8" strokeDasharray="4 4" />
            <Bar dataKey="target" name={t("sales.chart.target")} fill="#cbd5e1" radius={[4, 4, 0, 0]} />
            <Bar dataKey="actual" name={t("sales.chart.actual")} fill="#2563eb" radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      ) : null}
      <figcaption className="mt-1 text-center text-xs text-slate-500">{t("sales.campaign.chartCaption")}</figcaption>
    </figure>
  );
}
