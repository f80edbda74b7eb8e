import { Target } from "lucide-react";
import { useMemo } from "react";
import { formatMoney } from "#app/lib/format/money.ts";
import { formatNumber } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { CampaignActuals } from "#app/modules/campaigns/campaign-stats.server.ts";
import { progressPercent } from "#app/modules/crm/sales-constants.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { EChart } from "#app/ui/charts/echart.tsx";
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
    <SectionCard
      labelled
      title={t("sales.campaign.targetsTitle")}
      description={t("sales.campaign.targetsHint")}
      icon={Target}
      bodyClassName="grid gap-6 md:grid-cols-2"
    >
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
    </SectionCard>
  );
}

const AXIS_TEXT = { fontSize: 12, color: "#64748b" };

/** Completion rates as bars (ECharts, drawn after hydration); its table and the bars beside it carry the numbers. */
function TargetChart({ data: rows }: { data: Array<{ name: string; target: number; actual: number }> }) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { top: 32, right: 8, bottom: 4, left: 8, containLabel: true },
      legend: { top: 0, textStyle: { fontSize: 12 } },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (value: unknown) => `${String(value)}%`,
      },
      xAxis: {
        type: "category",
        data: rows.map((r) => r.name),
        axisLabel: AXIS_TEXT,
        axisTick: { show: false },
        axisLine: { show: false },
      },
      yAxis: {
        type: "value",
        axisLabel: { ...AXIS_TEXT, fontSize: 11, color: "#94a3b8", formatter: "{value}%" },
        splitLine: { lineStyle: { color: "#e2e8f0", type: "dashed" } },
      },
      series: [
        {
          type: "bar",
          name: t("sales.chart.target"),
          data: rows.map((r) => r.target),
          itemStyle: { color: "#cbd5e1", borderRadius: [4, 4, 0, 0] },
          // Target = 100 %: the dashed line a bar has to reach.
          markLine: {
            silent: true,
            symbol: "none",
            label: { show: false },
            lineStyle: { color: "#94a3b8", type: "dashed" },
            data: [{ yAxis: 100 }],
          },
        },
        {
          type: "bar",
          name: t("sales.chart.actual"),
          data: rows.map((r) => r.actual),
          itemStyle: { color: "#2563eb", borderRadius: [4, 4, 0, 0] },
        },
      ],
    }),
    [rows, t],
  );
  return (
    <div className="min-w-0">
      <EChart
        label={t("sales.campaign.chartLabel")}
        option={option}
        height={250}
        table={{
          columns: [t("sales.chart.metric"), t("sales.chart.target"), t("sales.chart.actual")],
          rows: rows.map((r) => [r.name, `${r.target}%`, `${r.actual}%`]),
        }}
      />
      <p className="mt-1 text-center text-xs text-slate-500">{t("sales.campaign.chartCaption")}</p>
    </div>
  );
}
