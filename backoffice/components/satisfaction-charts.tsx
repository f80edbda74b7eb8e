import { useMemo } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { EChart } from "#app/ui/charts/echart.tsx";

// Charts of the satisfaction view (ECharts, drawn after hydration). Each carries its numbers as a
// table too, for readers without JavaScript and for screen readers.

const RATING_COLOURS = ["#dc2626", "#f97316", "#eab308", "#22c55e", "#16a34a"];
const AXIS_TEXT = { fontSize: 12, color: "#64748b" };
const SPLIT_LINE = { lineStyle: { color: "#e2e8f0" } };

export function DistributionChart({ distribution, labels }: { distribution: number[]; labels: string[] }) {
  const { t } = useI18n();
  const names = useMemo(() => distribution.map((_, i) => labels[i] ?? String(i + 1)), [distribution, labels]);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { top: 24, right: 8, bottom: 0, left: 0, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: {
        type: "category",
        data: names,
        axisLabel: { ...AXIS_TEXT, color: "#475569" },
        axisTick: { show: false },
      },
      yAxis: { type: "value", minInterval: 1, axisLabel: AXIS_TEXT, splitLine: SPLIT_LINE },
      series: [
        {
          type: "bar",
          barMaxWidth: 36,
          data: distribution.map((value, i) => ({
            value,
            itemStyle: { color: RATING_COLOURS[i], borderRadius: [4, 4, 0, 0] },
          })),
          label: { show: true, position: "top", fontSize: 12, color: "#334155" },
        },
      ],
    }),
    [distribution, names],
  );
  return (
    <EChart
      label={t("knowledge.satisfaction.distribution")}
      option={option}
      height={224}
      table={{
        columns: [t("knowledge.satisfaction.col.rating"), t("common.ratings")],
        rows: names.map((name, i) => [name, distribution[i] ?? 0]),
      }}
    />
  );
}

export function TrendChart({
  points,
  averageLabel,
  countLabel,
}: {
  points: Array<{ month: string; average: number; count: number }>;
  averageLabel: string;
  countLabel: string;
}) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { top: 32, right: 8, bottom: 0, left: 0, containLabel: true },
      tooltip: { trigger: "axis" },
      legend: { top: 0, textStyle: { fontSize: 12 }, itemWidth: 18 },
      xAxis: {
        type: "category",
        data: points.map((p) => p.month),
        axisLabel: { ...AXIS_TEXT, color: "#475569" },
        axisTick: { show: false },
      },
      yAxis: [
        { type: "value", min: 1, max: 5, interval: 1, axisLabel: AXIS_TEXT, splitLine: SPLIT_LINE },
        { type: "value", minInterval: 1, show: false },
      ],
      series: [
        {
          type: "line",
          name: averageLabel,
          data: points.map((p) => p.average),
          smooth: true,
          symbolSize: 6,
          lineStyle: { width: 2.5, color: "#2563eb" },
          itemStyle: { color: "#2563eb" },
        },
        {
          type: "line",
          name: countLabel,
          yAxisIndex: 1,
          data: points.map((p) => p.count),
          smooth: true,
          showSymbol: false,
          lineStyle: { type: "dashed", color: "#94a3b8" },
          itemStyle: { color: "#94a3b8" },
        },
      ],
    }),
    [points, averageLabel, countLabel],
  );
  return (
    <EChart
      label={t("knowledge.satisfaction.trend")}
      option={option}
      height={224}
      table={{
        columns: [t("knowledge.satisfaction.col.month"), averageLabel, countLabel],
        rows: points.map((p) => [p.month, p.average.toFixed(2), p.count]),
      }}
    />
  );
}
