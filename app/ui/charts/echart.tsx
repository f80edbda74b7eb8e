import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "../cn.ts";

// One chart, drawn by Apache ECharts after hydration (decision 024). The server renders the same
// numbers as a table: it is what a reader without JavaScript sees in the chart's place, and it stays
// in the page (visually hidden) as the chart's text for screen readers, which skip the drawing.

export interface ChartTable {
  columns: readonly string[];
  rows: ReadonlyArray<readonly ReactNode[]>;
}

export function EChart({
  label,
  option,
  table,
  height,
  className,
}: {
  /** What the chart shows; names the figure for assistive technology. */
  label: string;
  option: EChartsCoreOption;
  table: ChartTable;
  height: number;
  className?: string;
}) {
  const canvas = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    void import("./echarts-runtime.ts").then(({ echarts }) => {
      const element = canvas.current;
      if (cancelled || !element) return;
      const instance = echarts.init(element, null, { renderer: "svg" });
      instance.setOption(latest.current);
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element);
      setReady(true);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <figure aria-label={label} className={cn("relative w-full", className)} style={{ height }}>
      <div ref={canvas} aria-hidden className={cn("absolute inset-0", !ready && "invisible")} />
      <table className={cn("w-full text-left text-xs text-slate-600", ready && "sr-only")}>
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col" className="py-1 pr-3 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column} className="py-1 pr-3 tabular-nums">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
