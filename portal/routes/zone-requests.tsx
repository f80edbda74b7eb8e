import { ClipboardList, MessageSquare, PenLine } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { listPortalRequests } from "#app/modules/service/service-queries.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { Pager } from "#app/ui/list/pager.tsx";
import { ServiceStatusBadge } from "#app/ui/service/request-badges.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { useLookupLabel } from "#app/ui/lookup-labels.ts";
import { MetaItem } from "#app/ui/record-meta.tsx";

// 服务请求 in the customer zone: the member's own requests, and the requests customer service
// published to the zone (with their solutions). Other members' unpublished requests never show.

const PATH = "/zone/requests";
const QuerySchema = z.object({
  tab: z.enum(["mine", "published"]).catch("mine"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const url = new URL(request.url);
  const query = QuerySchema.parse({
    tab: url.searchParams.get("tab") ?? "mine",
    page: url.searchParams.get("page") ?? 1,
  });
  const list = await listPortalRequests(db, ctx, query);
  return { zoneName: ctx.zone.name, tab: query.tab, ...list };
}

export const meta = titleMeta("service.portal.title");

export default function ZoneRequests() {
  const data = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const kindLabel = useLookupLabel("service_request_kind", "service.kind.");
  const href = (tab: string, page = 1) => `${PATH}?tab=${tab}${page > 1 ? `&page=${page}` : ""}`;
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const tabs: Array<{ key: "mine" | "published"; label: MessageKey; count: number }> = [
    { key: "mine", label: "service.portal.tab.mine", count: data.counts.mine },
    { key: "published", label: "service.portal.tab.published", count: data.counts.published },
  ];
  return (
    <ZoneShell zoneName={data.zoneName}>
      <AccountPageHeader
        title={t("service.portal.title")}
        description={t("service.portal.lead")}
        actions={
          <ButtonLink to={`${PATH}/new`} icon={PenLine}>
            {t("service.portal.new")}
          </ButtonLink>
        }
      />

      <nav aria-label={t("service.portal.title")} className="flex gap-2">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={href(tab.key)}
            aria-current={data.tab === tab.key ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-2 rounded-full px-4 py-1.5 text-sm font-medium ring-1 ring-inset",
              data.tab === tab.key
                ? "bg-blue-600 text-white ring-blue-600"
                : "bg-white text-slate-600 ring-slate-200 hover:text-slate-900",
            )}
          >
            {t(tab.label)}
            <span className={cn("text-xs tabular-nums", data.tab === tab.key ? "text-blue-100" : "text-slate-500")}>
              {tab.count}
            </span>
          </Link>
        ))}
      </nav>

      <Card>
        {data.rows.length === 0 ? (
          <EmptyState
            icon={<ClipboardList className="size-5" aria-hidden />}
            title={t(data.tab === "mine" ? "service.portal.empty.mine.title" : "service.portal.empty.published.title")}
            description={t(
              data.tab === "mine" ? "service.portal.empty.mine.body" : "service.portal.empty.published.body",
            )}
          >
            {data.tab === "mine" ? (
              <ButtonLink to={`${PATH}/new`} icon={PenLine}>
                {t("service.portal.new")}
              </ButtonLink>
            ) : null}
          </EmptyState>
        ) : (
          <>
            <ul className="divide-y divide-slate-100">
              {data.rows.map((row) => (
                <li key={row.id}>
                  <Link
                    to={`${PATH}/${row.id}`}
                    className="group flex flex-col gap-2 px-5 py-4 transition-colors hover:bg-slate-50/80 focus-visible:bg-slate-50 focus-visible:outline-none sm:flex-row sm:items-center"
                  >
                    <span className="min-w-0 flex-1">
                      <span className="flex flex-wrap items-center gap-2">
                        <Badge tone="slate">{kindLabel(row.kind)}</Badge>
                        <span className="min-w-0 truncate text-[15px] font-medium text-slate-900 group-hover:text-blue-700">
                          {row.subject}
                        </span>
                      </span>
                      <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
                        <span className="font-mono">{row.number}</span>
                        <span>{fmt.format(new Date(row.createdAt))}</span>
                        {row.requesterNickname && !row.mine ? (
                          <span>{t("service.portal.by", { name: row.requesterNickname })}</span>
                        ) : null}
                        {row.asset ? <span>{row.asset.name}</span> : null}
                        <MetaItem icon={MessageSquare} compact>
                          {t("service.portal.replies", { count: row.replyCount })}
                        </MetaItem>
                      </span>
                    </span>
                    <span className="flex shrink-0 items-center gap-2">
                      {row.publishedAt ? <Badge tone="green">{t("service.portal.published")}</Badge> : null}
                      <ServiceStatusBadge status={row.status} />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <Pager
              label={t("service.pager.label")}
              summary={t("service.portal.pager", { page: data.page, pages: data.pageCount, total: data.total })}
              prevLabel={t("service.pager.prev")}
              nextLabel={t("service.pager.next")}
              prevTo={data.page > 1 ? href(data.tab, data.page - 1) : null}
              nextTo={data.page < data.pageCount ? href(data.tab, data.page + 1) : null}
            />
          </>
        )}
      </Card>
    </ZoneShell>
  );
}
