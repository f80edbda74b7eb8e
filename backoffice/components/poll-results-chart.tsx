import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// One poll's results as horizontal bars (recharts). Rendered after hydration; the option list with
// counts next to it carries the same numbers for no-JS readers and screen readers.

export function PollResultsChart({ options }: { options: Array<{ label: string; votes: number }> }) {
  const height = Math.max(120, options.length * 44 + 20);
  return (
    <div aria-hidden style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={options} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#64748b" }} />
          <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12, fill: "#334155" }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar isAnimationActive={false} dataKey="votes" fill="#2563eb" radius={[0, 4, 4, 0]} barSize={22}>
            <LabelList dataKey="votes" position="right" style={{ fontSize: 12, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
