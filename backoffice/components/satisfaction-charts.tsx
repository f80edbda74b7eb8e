import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  Cell,
  LabelList,
  Legend,
} from "recharts";

// Charts of the satisfaction view (recharts). Numbers are also in the tables beside them.

const RATING_COLOURS = ["#dc2626", "#f97316", "#eab308", "#22c55e", "#16a34a"];

export function DistributionChart({ distribution, labels }: { distribution: number[]; labels: string[] }) {
  const rows = distribution.map((count, i) => ({ label: labels[i] ?? String(i + 1), count }));
  return (
    <div aria-hidden className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 20, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar isAnimationActive={false} dataKey="count" radius={[4, 4, 0, 0]} barSize={36}>
            {rows.map((_, i) => (
              <Cell key={i} fill={RATING_COLOURS[i]} />
            ))}
            <LabelList dataKey="count" position="top" style={{ fontSize: 12, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
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
  return (
    <div aria-hidden className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 12, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} />
          <YAxis
            yAxisId="avg"
            domain={[1, 5]}
            ticks={[1, 2, 3, 4, 5]}
            tick={{ fontSize: 12, fill: "#64748b" }}
            axisLine={false}
            tickLine={false}
          />
          <YAxis yAxisId="n" orientation="right" allowDecimals={false} hide />
          <Tooltip />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
          <Line
            isAnimationActive={false}
            yAxisId="avg"
            type="monotone"
            dataKey="average"
            name={averageLabel}
            stroke="#2563eb"
            strokeWidth={2.5}
            dot={{ r: 3 }}
          />
          <Line
            isAnimationActive={false}
            yAxisId="n"
            type="monotone"
            dataKey="count"
            name={countLabel}
            stroke="#94a3b8"
            strokeDasharray="4 4"
            dot={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
