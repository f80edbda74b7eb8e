import { BookOpen, ChevronRight, ClipboardList, Search } from "lucide-react";
import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { portalKnowledgeReader } from "#app/modules/knowledge/knowledge-reader.server.ts";
import { searchKnowledge } from "#app/modules/knowledge/knowledge-search.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { searchPublishedZoneRequests } from "#app/modules/zones/zone-search.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { ZoneNav } from "#portal/components/zone-nav.tsx";

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

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "knowledge.zoneSearch.title");

export default function ZoneSearchPage() {
  const { zoneName, q, solutions, requests } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <>
      <ZoneNav zoneName={zoneName} />
      <div className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
        <header>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("knowledge.zoneSearch.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("knowledge.zoneSearch.lead")}</p>
          <Form
            method="get"
            role="search"
            className="mt-4 flex gap-2 rounded-xl bg-white p-1.5 shadow-sm ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-blue-500"
          >
            <label htmlFor="zone-q" className="sr-only">
              {t("knowledge.zoneSearch.title")}
            </label>
            <div className="relative flex-1">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400"
              />
              <input
                id="zone-q"
                name="q"
                type="search"
                defaultValue={q}
                maxLength={100}
                placeholder={t("knowledge.zoneSearch.placeholder")}
                className="h-11 w-full rounded-lg bg-transparent pr-3 pl-10 text-[15px] text-slate-900 placeholder:text-slate-400 focus:outline-none"
              />
            </div>
            <Button type="submit" className="h-11">
              {t("knowledge.portal.searchSubmit")}
            </Button>
          </Form>
        </header>

        {solutions === null ? (
          <Card>
            <EmptyState
              icon={<Search className="size-5" aria-hidden />}
              title={t("knowledge.zoneSearch.prompt.title")}
              description={t("knowledge.zoneSearch.prompt.body")}
            />
          </Card>
        ) : (
          <>
            <Card>
              <CardHeader
                title={t("knowledge.zoneSearch.solutions")}
                icon={<BookOpen className="size-4" aria-hidden />}
              />
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
                        {s.summaryHighlight ? (
                          <span dangerouslySetInnerHTML={{ __html: s.summaryHighlight }} />
                        ) : (
                          s.summary
                        )}
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
            </Card>

            <Card>
              <CardHeader
                title={t("knowledge.zoneSearch.requests")}
                icon={<ClipboardList className="size-4" aria-hidden />}
              />
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
                          ? ` · ${t("knowledge.zoneSearch.publishedAt", { date: formatCompactDate(r.publishedAt, locale) })}`
                          : ""}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </>
        )}
      </div>
    </>
  );
}
