// /crm/search?q=…[&type=contacts&page=2] — the full results of the global search: one section per
// kind the viewer may browse with its count and first rows, or one kind paged. Same permission
// scoping as the box (search/global-search.server.ts).
import { Search, UserSearch } from "lucide-react";
import { Form, Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { KIND_ICONS, matchPageHref } from "#backoffice/components/global-search.tsx";
import { SearchEngineError } from "#search/engine.ts";
import {
  GLOBAL_SEARCH_KINDS,
  MAX_QUERY_LENGTH,
  type GlobalSearchGroup,
  type GlobalSearchKind,
  type GlobalSearchResult,
} from "#search/global-search-shared.ts";
import { globalSearch } from "#search/global-search.server.ts";

const PAGE_SIZE = 20;
const SECTION_SIZE = 5;

const querySchema = z.object({
  q: z
    .string()
    .default("")
    .transform((q) => q.trim().slice(0, MAX_QUERY_LENGTH)),
  type: z.enum(GLOBAL_SEARCH_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});

export const meta = titleMeta("search.page.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // Signed in is enough: results cover only the modules and records the actor may browse.
  const actor = await requireStaffActor(request, "signedIn");
  const { q, type, page } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const overview = await globalSearch(db, actor, q, { limit: SECTION_SIZE });
    const only = type && overview.groups.some((g) => g.kind === type) ? type : undefined;
    const detail = only
      ? (await globalSearch(db, actor, q, { only, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })).groups[0]
      : undefined;
    return { q, type: only ?? null, page, overview, detail: detail ?? null, unavailable: null };
  } catch (error) {
    if (error instanceof SearchEngineError && (error.code === "unavailable" || error.code === "timeout")) {
      const overview: GlobalSearchResult = { q, groups: [], personLike: false };
      return { q, type: null, page, overview, detail: null, unavailable: error.message };
    }
    throw error;
  }
}

function href(q: string, type?: GlobalSearchKind | null, page = 1): string {
  const params = new URLSearchParams({ q });
  if (type) params.set("type", type);
  if (page > 1) params.set("page", String(page));
  return `/crm/search?${params.toString()}`;
}

const MARK = "[&_mark]:rounded-sm [&_mark]:bg-amber-100 [&_mark]:text-inherit";

function ResultRows({ group }: { group: GlobalSearchGroup }) {
  const { t } = useI18n();
  const Icon = KIND_ICONS[group.kind];
  if (group.items.length === 0) {
    return (
      <p className="px-5 py-6 text-sm text-slate-500">
        {t("search.page.sectionEmpty", { kind: t(`search.kind.${group.kind}`) })}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100">
      {group.items.map((item) => (
        <li key={item.id}>
          <Link
            to={item.href}
            className="flex items-center gap-3 px-5 py-3 transition-colors hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
          >
            <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
              <Icon aria-hidden className="size-4" />
            </span>
            <span className="min-w-0 flex-1">
              <span
                className={cn("block truncate text-sm font-medium text-slate-900", MARK)}
                dangerouslySetInnerHTML={{ __html: item.title }}
              />
              {item.subtitle ? (
                <span
                  className={cn("block truncate text-xs text-slate-500", MARK)}
                  dangerouslySetInnerHTML={{ __html: item.subtitle }}
                />
              ) : null}
            </span>
            {item.badge ? <Badge>{t(item.badge)}</Badge> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function SearchResults() {
  const { q, type, page, overview, detail, unavailable } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const total = overview.groups.reduce((n, g) => n + g.total, 0);
  const pages = detail ? Math.max(1, Math.ceil(detail.total / PAGE_SIZE)) : 1;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("search.page.title")}
        description={t("search.page.description")}
        icon={<Search className="size-6" aria-hidden />}
      />

      <Form method="get" action="/crm/search" className="flex max-w-2xl gap-2" role="search">
        <label htmlFor="search-page-q" className="sr-only">
          {t("search.page.queryLabel")}
        </label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          key={q}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t("search.box.placeholder")}
          className="h-10 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-sm focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none"
        />
        {type ? <input type="hidden" name="type" value={type} /> : null}
        <Button type="submit">{t("common.search")}</Button>
      </Form>

      {unavailable ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700">
          {t("search.page.unavailable", { message: unavailable })}
        </p>
      ) : null}

      {!q ? (
        <EmptyState
          bordered
          icon={<Search className="size-5" aria-hidden />}
          title={t("search.page.emptyTitle")}
          description={t("search.page.emptyDescription")}
        />
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <nav aria-label={t("common.search")} className="flex flex-wrap gap-2">
              <TabLink to={href(q)} current={!type} label={t("search.page.all")} count={total} />
              {overview.groups.map((g) => (
                <TabLink
                  key={g.kind}
                  to={href(q, g.kind)}
                  current={type === g.kind}
                  label={t(`search.kind.${g.kind}`)}
                  count={g.total}
                />
              ))}
            </nav>
            {overview.personLike ? (
              <ButtonLink to={matchPageHref(q)} variant="secondary" size="sm">
                <UserSearch className="size-4" aria-hidden />
                {t("search.box.findPerson")}
              </ButtonLink>
            ) : null}
          </div>

          <p className="text-sm text-slate-500" aria-live="polite">
            {t("search.page.summary", { q, count: total })}
          </p>

          {total === 0 && !unavailable ? (
            <EmptyState
              bordered
              icon={<Search className="size-5" aria-hidden />}
              title={t("search.page.noneTitle")}
              description={t("search.page.noneDescription")}
            />
          ) : detail ? (
            <Card>
              <CardHeader
                title={t(`search.kind.${detail.kind}`)}
                action={<Badge tone="blue">{t("search.kind.count", { count: detail.total })}</Badge>}
              />
              <ResultRows group={detail} />
              {pages > 1 ? (
                <Pager
                  label={t("search.page.pager")}
                  summary={t("search.page.pageSummary", { page, pages })}
                  prevLabel={t("common.pager.prev")}
                  nextLabel={t("common.pager.next")}
                  prevTo={page > 1 ? href(q, detail.kind, page - 1) : null}
                  nextTo={page < pages ? href(q, detail.kind, page + 1) : null}
                />
              ) : null}
            </Card>
          ) : (
            <div className="grid gap-6 lg:grid-cols-2">
              {overview.groups
                .filter((g) => g.total > 0)
                .map((g) => {
                  const Icon = KIND_ICONS[g.kind];
                  return (
                    <Card key={g.kind} aria-labelledby={`search-section-${g.kind}`}>
                      <CardHeader
                        icon={<Icon className="size-4" aria-hidden />}
                        title={<span id={`search-section-${g.kind}`}>{t(`search.kind.${g.kind}`)}</span>}
                        action={<Badge tone="blue">{t("search.kind.count", { count: g.total })}</Badge>}
                      />
                      <ResultRows group={g} />
                      {g.total > g.items.length ? (
                        <div className="border-t border-slate-100 px-5 py-3">
                          <Link
                            to={href(q, g.kind)}
                            className="text-sm font-medium text-blue-700 hover:text-blue-800 hover:underline"
                          >
                            {t("search.page.more", { count: g.total, kind: t(`search.kind.${g.kind}`) })}
                          </Link>
                        </div>
                      ) : null}
                    </Card>
                  );
                })}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function TabLink({ to, current, label, count }: { to: string; current: boolean; label: string; count: number }) {
  return (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 text-sm font-medium ring-1 transition-colors ring-inset",
        current ? "bg-blue-600 text-white ring-blue-600" : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50",
      )}
    >
      {label}
      <span className={cn("tabular-nums", current ? "text-blue-100" : "text-slate-400")}>{count}</span>
    </Link>
  );
}
