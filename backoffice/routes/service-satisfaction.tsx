import { BarChart3, MessageSquareQuote, Smile, Star, ThumbsDown, ThumbsUp } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { satisfactionOverview, type RatingStats } from "#app/modules/service/satisfaction.server.ts";
import { listPollsForStaff } from "#app/modules/zones/zone-polls.server.ts";
import { zoneIdsInScope } from "#app/modules/zones/zone-workspace.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { DistributionChart, TrendChart } from "#backoffice/components/satisfaction-charts.tsx";
import { Kpi, PollSummaries, StatsTable } from "#backoffice/components/service/satisfaction-ui.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// /crm/service/satisfaction — 满意度: ratings per zone and per CSR, the distribution, the monthly trend,
// the latest comments and the zone polls' results. Limited to the zones in the viewer's service scope.

const PERIODS = { "90d": 90, "12m": 365, all: null } as const;
type Period = keyof typeof PERIODS;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const raw = new URL(request.url).searchParams.get("period");
  const period: Period = raw === "90d" || raw === "all" ? raw : "12m";
  const days = PERIODS[period];
  const since = days === null ? null : new Date(Date.now() - days * 86_400_000);
  const zoneIds = await zoneIdsInScope(db, actor);
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
        eyebrow={t("common.customerService")}
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
            <SectionCard title={t("knowledge.satisfaction.distribution")} flush>
              <div className="px-3 py-4">
                <DistributionChart distribution={overall.distribution} labels={starLabels} />
              </div>
            </SectionCard>
            <SectionCard title={t("knowledge.satisfaction.trend")} flush>
              <div className="px-3 py-4">
                <TrendChart
                  points={overview.trend}
                  averageLabel={t("common.average")}
                  countLabel={t("common.ratings")}
                />
              </div>
            </SectionCard>
          </div>

          <div className="grid gap-6">
            <StatsTable
              title={t("knowledge.satisfaction.byZone")}
              nameHeader={t("common.zone")}
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

          <SectionCard title={t("knowledge.satisfaction.comments")} icon={MessageSquareQuote} flush>
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
                        {c.ratedAt ? ` · ${formatCompactDate(c.ratedAt, locale)}` : ""}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
        </>
      )}

      <SectionCard title={t("knowledge.satisfaction.polls")} icon={BarChart3} flush>
        <PollSummaries polls={polls} />
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/service" backLabel="service.staff.back" />;
}
