import { BookOpen, ChevronRight, ClipboardList, Search } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { portalKnowledgeReader } from "#app/modules/knowledge/knowledge-reader.server.ts";
import { searchKnowledge } from "#app/modules/knowledge/knowledge-search.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { searchPublishedZoneRequests } from "#app/modules/zones/zone-search.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { KnowledgeSummary } from "#app/ui/knowledge-summary.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { AccountPageHeader, AccountSection } from "#portal/components/account-ui.tsx";
import { KnowledgeSearchForm } from "#portal/components/knowledge-search-form.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// 专区搜索: the solutions this member may read (the `knowledge` index, filtered by visibility) and the
// service requests customer service published to THIS zone (never another zone's, never unpublished).

export async function loader({ request }: LoaderFunctionArgs) {
  const { zone } = await requireZoneAccess(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  if (!q) return { zoneName: zone.name, q, solutions: null, requests: [] };
  const reader = await portalKnowledgeReader(db, request);
  const [solutions, requests] = await Promise.all([
    searchKnowledge(db, reader, { q, pageSize: 5 }),
    searchPublishedZoneRequests(db, zone, q),
  ]);
  return { zoneName: zone.name, q, solutions, requests };
}

export const meta = titleMeta("knowledge.zoneSearch.title");

export default function ZoneSearchPage() {
  const { zoneName, q, solutions, requests } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <ZoneShell zoneName={zoneName} narrow>
      <AccountPageHeader title={t("knowledge.zoneSearch.title")} description={t("knowledge.zoneSearch.lead")} />
      <KnowledgeSearchForm
        id="zone-q"
        action="/zone/search"
        label={t("knowledge.zoneSearch.title")}
        placeholder={t("knowledge.zoneSearch.placeholder")}
        submitLabel={t("common.search")}
        defaultValue={q}
      />

      {solutions === null ? (
        <EmptyCard
          icon={Search}
          title={t("knowledge.zoneSearch.prompt.title")}
          description={t("knowledge.zoneSearch.prompt.body")}
        />
      ) : (
        <>
          <AccountSection title={t("knowledge.zoneSearch.solutions")} icon={BookOpen}>
            {solutions.items.length === 0 ? (
              <p className="px-5 py-4 text-sm text-slate-500">{t("knowledge.zoneSearch.noSolutions")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {solutions.items.map((s) => (
                  <li key={s.id} className="group relative px-5 py-3 hover:bg-slate-50/70">
                    <Link
                      to={`/knowledge/${s.id}`}
                      className="font-medium text-slate-900 group-hover:text-blue-700 after:absolute after:inset-0 [&_mark]:bg-amber-100 [&_mark]:text-inherit"
                    >
                      <KnowledgeSummary article={s} />
                    </Link>
                    <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{s.snippet}</p>
                    {s.category ? (
                      <Badge tone="slate" className="mt-1.5">
                        {s.category}
                      </Badge>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {solutions.total > solutions.items.length ? (
              <Link
                to={`/knowledge?q=${encodeURIComponent(q)}`}
                className="flex items-center justify-end gap-1 border-t border-slate-100 px-5 py-2.5 text-sm font-medium text-blue-700 hover:underline"
              >
                {t("knowledge.zoneSearch.more", { total: solutions.total })}
                <ChevronRight aria-hidden className="size-4" />
              </Link>
            ) : null}
          </AccountSection>

          <AccountSection title={t("knowledge.zoneSearch.requests")} icon={ClipboardList}>
            {requests.length === 0 ? (
              <p className="px-5 py-4 text-sm text-slate-500">{t("knowledge.zoneSearch.noRequests")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {requests.map((r) => (
                  <li key={r.id} className="group relative px-5 py-3 hover:bg-slate-50/70">
                    <Link
                      to={`/zone/requests/${r.id}`}
                      className="font-medium text-slate-900 group-hover:text-blue-700 after:absolute after:inset-0"
                    >
                      {r.subject}
                    </Link>
                    <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{r.snippet}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      <span className="tabular-nums">{r.number}</span>
                      {r.publishedAt
                        ? ` · ${t("common.publishedDate", { date: formatCompactDate(r.publishedAt, locale) })}`
                        : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </AccountSection>
        </>
      )}
    </ZoneShell>
  );
}
