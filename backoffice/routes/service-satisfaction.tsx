import { BarChart3, MessageSquareQuote, Smile, Star, ThumbsDown, ThumbsUp } from "lucide-react";
import type { ReactNode } from "react";
import { Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import { satisfactionOverview, type RatingStats } from "#app/modules/service/satisfaction.server.ts";
import { serviceActor, zoneWhereForScope } from "#app/modules/zones/service-scope.server.ts";
import { listPollsForStaff } from "#app/modules/zones/zone-polls.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { formatDay } from "#app/ui/knowledge-badges.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { DistributionChart, TrendChart } from "#backoffice/components/satisfaction-charts.tsx";

// /crm/service/satisfaction — 满意度: ratings per zone and per CSR, the distribution, the monthly trend,
// the latest comments and the zone polls' results. Limited to the zones in the viewer's service scope.

const PERIODS = { "90d": 90, "12m": 365, all: null } as const;
type Period = keyof typeof PERIODS;

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "service", "browse");
  const actor = serviceActor(principal, "browse")!;
  const raw = new URL(request.url).searchParams.get("period");
  const period: Period = raw === "90d" || raw === "all" ? raw : "12m";
  const days = PERIODS[period];
  const since = days === null ? null : new Date(Date.now() - days * 86_400_000);
  const zoneIds =
    actor.scope === "all"
      ? undefined
      : (await db.zone.findMany({ where: zoneWhereForScope(actor.scope, actor), select: { id: true } })).map(
          (z) => z.id,
        );
  const [overview, polls] = await Promise.all([
    satisfactionOverview(db, { since, zoneIds }),
    listPollsForStaff(db, { take: 6 }).then((list) =>
      zoneIds ? list.filter((p) => zoneIds.includes(p.zoneId)) : list,
    ),
  ]);
  return { period, overview, polls };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "knowledge.satisfaction.title");

function share(stats: RatingStats, from: number, to: number): number {
  if (stats.count === 0) return 0;
  const n = stats.distribution.slice(from - 1, to).reduce((a, b) => a + b, 0);
  return Math.round((n / stats.count) * 100);
}

export default function SatisfactionPage() {
  const { period, overview, polls } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const { overall } = overview;
  const starLabels = [1, 2, 3, 4, 5].map((n) => t("knowledge.satisfaction.stars", { n }));

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("knowledge.satisfaction.eyebrow")}
        title={t("knowledge.satisfaction.title")}
        description={t("knowledge.satisfaction.description")}
        icon={<Smile className="size-6" aria-hidden />}
        actions={
          <nav aria-label={t("knowledge.satisfaction.period")} className="inline-flex rounded-lg bg-slate-100 p-1">
            {(Object.keys(PERIODS) as Period[]).map((p) => (
              <Link
                key={p}
                to={`?period=${p}`}
                aria-current={p === period ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 text-sm font-medium",
                  p === period ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
                )}
              >
                {t(`knowledge.satisfaction.period.${p}`)}
              </Link>
            ))}
          </nav>
        }
      />

      {overall.count === 0 ? (
        <Card>
          <EmptyState
            icon={<Star className="size-5" aria-hidden />}
            title={t("knowledge.satisfaction.empty.title")}
            description={t("knowledge.satisfaction.empty.body")}
          />
        </Card>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Kpi icon={<Star className="size-4" aria-hidden />} label={t("knowledge.satisfaction.average")}>
              {overall.average?.toFixed(2)}
              <span className="ml-1 text-sm font-normal text-slate-400">/ 5</span>
            </Kpi>
            <Kpi icon={<BarChart3 className="size-4" aria-hidden />} label={t("knowledge.satisfaction.count")}>
              {overall.count}
            </Kpi>
            <Kpi icon={<ThumbsUp className="size-4" aria-hidden />} label={t("knowledge.satisfaction.positive")}>
              {share(overall, 4, 5)}%
            </Kpi>
            <Kpi icon={<ThumbsDown className="size-4" aria-hidden />} label={t("knowledge.satisfaction.low")}>
              {overall.distribution[0] + overall.distribution[1]}
            </Kpi>
          </div>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader title={t("knowledge.satisfaction.distribution")} />
              <div className="px-3 py-4">
                <DistributionChart distribution={overall.distribution} labels={starLabels} />
              </div>
            </Card>
            <Card>
              <CardHeader title={t("knowledge.satisfaction.trend")} />
              <div className="px-3 py-4">
                <TrendChart
                  points={overview.trend}
                  averageLabel={t("knowledge.satisfaction.trendAverage")}
                  countLabel={t("knowledge.satisfaction.trendCount")}
                />
              </div>
            </Card>
          </div>

          <div className="grid gap-6">
            <StatsTable
              title={t("knowledge.satisfaction.byZone")}
              nameHeader={t("knowledge.satisfaction.col.zone")}
              rows={overview.byZone.map((z) => ({
                key: `z${z.zoneId ?? "none"}`,
                name: z.zoneName ?? t("knowledge.satisfaction.noZone"),
                href: z.zoneId ? `/crm/zones/${z.zoneId}/polls` : null,
                stats: z,
              }))}
            />
            <StatsTable
              title={t("knowledge.satisfaction.byCsr")}
              nameHeader={t("knowledge.satisfaction.col.csr")}
              rows={overview.byCsr.map((c) => ({
                key: `s${c.staffId ?? "none"}`,
                name: c.staffName ?? t("knowledge.satisfaction.unassigned"),
                href: null,
                stats: c,
              }))}
            />
          </div>

          <Card>
            <CardHeader
              title={t("knowledge.satisfaction.comments")}
              icon={<MessageSquareQuote className="size-4" aria-hidden />}
            />
            {overview.recentComments.length === 0 ? (
              <p className="px-5 py-4 text-sm text-slate-500">{t("knowledge.satisfaction.noComments")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {overview.recentComments.map((c) => (
                  <li key={c.requestId} className="flex gap-4 px-5 py-3">
                    <Badge tone={c.rating >= 4 ? "green" : c.rating === 3 ? "amber" : "slate"} className="mt-0.5 h-fit">
                      {t("knowledge.satisfaction.ratingOf", { rating: c.rating })}
                    </Badge>
                    <div className="min-w-0 text-sm">
                      <p className="text-slate-800">“{c.comment}”</p>
                      <p className="mt-0.5 truncate text-xs text-slate-500">
                        <Link to={`/crm/service/${c.requestId}`} className="hover:underline">
                          {c.number} · {c.subject}
                        </Link>
                        {c.zoneName ? ` · ${c.zoneName}` : ""}
                        {c.ratedAt ? ` · ${formatDay(c.ratedAt, locale)}` : ""}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}

      <Card>
        <CardHeader title={t("knowledge.satisfaction.polls")} icon={<BarChart3 className="size-4" aria-hidden />} />
        {polls.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">{t("knowledge.satisfaction.noPolls")}</p>
        ) : (
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
        )}
      </Card>
    </div>
  );
}

function Kpi({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
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

function StatsTable({
  title,
  nameHeader,
  rows,
}: {
  title: string;
  nameHeader: string;
  rows: Array<{ key: string; name: string; href: string | null; stats: RatingStats }>;
}) {
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader title={title} />
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium text-slate-500">
            <tr>
              <th scope="col" className="w-full py-2.5 pr-4 pl-5 font-medium">
                {nameHeader}
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium whitespace-nowrap">
                {t("knowledge.satisfaction.col.average")}
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium whitespace-nowrap">
                {t("knowledge.satisfaction.col.count")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap">
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
    </Card>
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
