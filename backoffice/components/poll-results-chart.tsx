import { useMemo } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { EChart } from "#app/ui/charts/echart.tsx";

// One poll's results as horizontal bars (ECharts, drawn after hydration). The chart's table carries
// the same numbers for readers without JavaScript and for screen readers.

const AXIS_TEXT = { fontSize: 12, color: "#64748b" };

export function PollResultsChart({
  question,
  options,
}: {
  question: string;
  options: ReadonlyArray<{ label: string; votes: number }>;
}) {
  const { t } = useI18n();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { top: 4, right: 40, bottom: 4, left: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1, axisLabel: AXIS_TEXT, splitLine: { lineStyle: { color: "#e2e8f0" } } },
      yAxis: {
        type: "category",
        inverse: true,
        data: options.map((o) => o.label),
        axisLabel: { ...AXIS_TEXT, color: "#334155", width: 140, overflow: "truncate" },
        axisTick: { show: false },
      },
      series: [
        {
          type: "bar",
          data: options.map((o) => o.votes),
          barMaxWidth: 22,
          itemStyle: { color: "#2563eb", borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: "right", fontSize: 12, color: "#334155" },
        },
      ],
    }),
    [options],
  );
  return (
    <EChart
      label={question}
      option={option}
      height={Math.max(120, options.length * 44 + 20)}
      table={{
        columns: [t("knowledge.poll.admin.options"), t("knowledge.poll.votes")],
        rows: options.map((o) => [o.label, o.votes]),
      }}
    />
  );
}
