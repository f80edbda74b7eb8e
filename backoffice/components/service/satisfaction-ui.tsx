import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { RatingStats } from "#app/modules/service/satisfaction.server.ts";
import type { StaffPollView } from "#app/modules/zones/zone-polls.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card } from "#app/ui/card.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// Pieces of the satisfaction page (满意度): KPI tiles, the per-zone / per-CSR tables with a small
// distribution bar, and the summary of the latest zone polls.

export function Kpi({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Card className="p-5">
      <p className="flex items-center gap-2 text-sm text-slate-500">
        <span className="flex size-7 items-center justify-center rounded-md bg-blue-50 text-blue-600">{icon}</span>
        {label}
      </p>
      <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">{children}</p>
    </Card>
  );
}

export function StatsTable({
  title,
  nameHeader,
  rows,
}: {
  title: string;
  nameHeader: string;
  rows: Array<{ key: string; name: string; href: string | null; stats: RatingStats }>;
}) {
  const { t } = useI18n();
  const th = "px-4 py-2.5 font-medium whitespace-nowrap";
  return (
    <SectionCard title={title} flush>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium text-slate-500">
            <tr>
              <th scope="col" className="w-full py-2.5 pr-4 pl-5 font-medium">
                {nameHeader}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t("common.average")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t("common.ratings")}
              </th>
              <th scope="col" className={th}>
                {t("knowledge.satisfaction.col.distribution")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="min-w-48 py-2.5 pr-4 pl-5 text-slate-800">
                  {r.href ? (
                    <Link to={r.href} className="hover:text-blue-700 hover:underline">
                      {r.name}
                    </Link>
                  ) : (
                    r.name
                  )}
                </td>
                <td className="px-4 py-2.5 text-right font-medium text-slate-900 tabular-nums">
                  {r.stats.average?.toFixed(2)}
                </td>
                <td className="px-4 py-2.5 text-right text-slate-600 tabular-nums">{r.stats.count}</td>
                <td className="px-4 py-2.5">
                  <MiniDistribution distribution={r.stats.distribution} count={r.stats.count} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </SectionCard>
  );
}

const MINI_COLOURS = ["bg-red-500", "bg-orange-400", "bg-yellow-400", "bg-green-500", "bg-green-600"];

function MiniDistribution({ distribution, count }: { distribution: number[]; count: number }) {
  return (
    <div className="flex items-center gap-2">
      <div className="flex h-2 w-32 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        {distribution.map((n, i) =>
          n > 0 ? (
            <div key={i} className={MINI_COLOURS[i]} style={{ width: `${(n / Math.max(count, 1)) * 100}%` }} />
          ) : null,
        )}
      </div>
      <span className="text-xs whitespace-nowrap text-slate-500 tabular-nums">{distribution.join(" · ")}</span>
    </div>
  );
}

type PollSummary = Pick<
  StaffPollView,
  "id" | "zoneId" | "zoneName" | "question" | "open" | "totalVotes" | "eligibleVoters" | "options"
>;

/** The newest polls across the viewer's zones, each with its options as bars. */
export function PollSummaries({ polls }: { polls: PollSummary[] }) {
  const { t } = useI18n();
  if (polls.length === 0) {
    return <p className="px-5 py-4 text-sm text-slate-500">{t("knowledge.satisfaction.noPolls")}</p>;
  }
  return (
    <ul className="grid gap-px bg-slate-100 md:grid-cols-2">
      {polls.map((poll) => (
        <li key={poll.id} className="bg-white px-5 py-4">
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="text-xs text-slate-500">{poll.zoneName}</p>
              <p className="font-medium text-slate-900">{poll.question}</p>
            </div>
            <Badge tone={poll.open ? "green" : "slate"}>
              {t(poll.open ? "knowledge.poll.open" : "knowledge.poll.closed")}
            </Badge>
          </div>
          <ul className="mt-3 space-y-2">
            {poll.options.map((o) => {
              const percent = poll.totalVotes > 0 ? Math.round((o.votes / poll.totalVotes) * 100) : 0;
              return (
                <li key={o.id} className="text-sm">
                  <div className="flex justify-between gap-3">
                    <span className="truncate text-slate-700">{o.label}</span>
                    <span className="shrink-0 text-slate-500 tabular-nums">
                      {o.votes} · {percent}%
                    </span>
                  </div>
                  <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                    <div className="h-full rounded-full bg-blue-500" style={{ width: `${percent}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
          <p className="mt-3 flex items-center justify-between text-xs text-slate-500">
            <span>
              {t("knowledge.poll.admin.participation", { votes: poll.totalVotes, eligible: poll.eligibleVoters })}
            </span>
            <Link to={`/crm/zones/${poll.zoneId}/polls`} className="font-medium text-blue-700 hover:underline">
              {t("knowledge.satisfaction.pollsManage")}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
