import { BookOpen, FolderOpen, Plus, Search, X } from "lucide-react";
import type { ReactNode } from "react";
import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import type { KnowledgeStatus, KnowledgeVisibility } from "#app/generated/prisma/enums.ts";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import { listCategories } from "#app/modules/knowledge/knowledge-articles.server.ts";
import { searchKnowledge } from "#app/modules/knowledge/knowledge-search.server.ts";
import {
  KNOWLEDGE_STATUSES,
  KNOWLEDGE_VISIBILITIES,
  type KnowledgeReader,
} from "#app/modules/knowledge/knowledge-visibility.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { KnowledgeStatusBadge, VisibilityBadge, formatDay } from "#app/ui/knowledge-badges.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Pager } from "#app/ui/list/pager.tsx";

const PATH = "/crm/knowledge";
const PAGE_SIZE = 20;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value && (list as readonly string[]).includes(value) ? (value as T) : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "knowledge", "browse");
  const url = new URL(request.url);
  const query = {
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    category: (url.searchParams.get("category") ?? "").trim().slice(0, 60) || null,
    visibility: oneOf<KnowledgeVisibility>(KNOWLEDGE_VISIBILITIES, url.searchParams.get("visibility")),
    status: oneOf<KnowledgeStatus>(KNOWLEDGE_STATUSES, url.searchParams.get("status")),
  };
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const reader: KnowledgeReader = { kind: "staff", staffId: principal.staff.id };
  const [result, categories, anyArticles] = await Promise.all([
    searchKnowledge(db, reader, { ...query, page, pageSize: PAGE_SIZE }),
    listCategories(db),
    db.knowledgeArticle.count().then((n) => n > 0),
  ]);
  return { query, result, categories, anyArticles, canAdd: can(principal, "knowledge", "add") };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "knowledge.admin.listTitle");

type Query = Awaited<ReturnType<typeof loader>>["query"];

function listHref(query: Query, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.category) params.set("category", query.category);
  if (query.visibility) params.set("visibility", query.visibility);
  if (query.status) params.set("status", query.status);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `${PATH}?${s}` : PATH;
}

const selectClass =
  "h-9 rounded-lg border border-slate-300 bg-white pr-8 pl-3 text-sm text-slate-900 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none";

export default function KnowledgeListPage() {
  const { query, result, categories, anyArticles, canAdd } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const filtered = Boolean(query.q || query.category || query.visibility || query.status);
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("knowledge.admin.eyebrow")}
        title={t("knowledge.admin.listTitle")}
        description={t("knowledge.admin.listDescription")}
        icon={<BookOpen className="size-6" aria-hidden />}
        actions={
          canAdd ? (
            <ButtonLink to={`${PATH}/new`}>
              <Plus className="size-4" aria-hidden />
              {t("knowledge.admin.new")}
            </ButtonLink>
          ) : null
        }
      />
      <Card>
        <CardHeader
          title={t("knowledge.admin.listTitle")}
          description={t("knowledge.admin.count", { total: result.total })}
        />
        <Form method="get" role="search" className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4">
          <div className="w-full min-w-0 sm:w-auto sm:flex-1 sm:basis-64">
            <label htmlFor="kb-admin-q" className="mb-1 block text-xs font-medium text-slate-500">
              {t("knowledge.admin.searchLabel")}
            </label>
            <div className="relative">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
              />
              <input
                id="kb-admin-q"
                type="search"
                name="q"
                defaultValue={query.q}
                maxLength={100}
                placeholder={t("knowledge.admin.searchPlaceholder")}
                className="h-9 w-full rounded-lg border border-slate-300 bg-white pr-3 pl-9 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none"
              />
            </div>
          </div>
          <FilterSelect
            id="kb-admin-category"
            name="category"
            label={t("knowledge.admin.filter.category")}
            value={query.category}
          >
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id="kb-admin-visibility"
            name="visibility"
            label={t("knowledge.admin.filter.visibility")}
            value={query.visibility}
          >
            {KNOWLEDGE_VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`knowledge.visibility.${v}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id="kb-admin-status"
            name="status"
            label={t("knowledge.admin.filter.status")}
            value={query.status}
          >
            {KNOWLEDGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`knowledge.status.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <div className="flex items-center gap-3">
            <button
              type="submit"
              className="inline-flex h-9 items-center rounded-lg bg-white px-4 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              {t("knowledge.admin.filter.submit")}
            </button>
            {filtered ? (
              <Link to={PATH} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
                <X className="size-4" aria-hidden />
                {t("knowledge.admin.filter.clear")}
              </Link>
            ) : null}
          </div>
        </Form>

        {result.items.length === 0 ? (
          anyArticles ? (
            <EmptyState
              icon={<Search className="size-5" aria-hidden />}
              title={t("knowledge.admin.noResults.title")}
              description={t("knowledge.admin.noResults.body")}
            >
              <ButtonLink to={PATH} variant="secondary">
                {t("knowledge.admin.filter.clear")}
              </ButtonLink>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<FolderOpen className="size-5" aria-hidden />}
              title={t("knowledge.admin.empty.title")}
              description={t("knowledge.admin.empty.body")}
            >
              {canAdd ? (
                <ButtonLink to={`${PATH}/new`}>
                  <Plus className="size-4" aria-hidden />
                  {t("knowledge.admin.new")}
                </ButtonLink>
              ) : null}
            </EmptyState>
          )
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-500">
                  <tr>
                    <Th>{t("knowledge.admin.col.summary")}</Th>
                    <Th>{t("knowledge.admin.col.category")}</Th>
                    <Th>{t("knowledge.admin.col.visibility")}</Th>
                    <Th>{t("knowledge.admin.col.status")}</Th>
                    <Th>{t("knowledge.admin.col.updated")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.items.map((a) => (
                    <tr key={a.id} className="group hover:bg-slate-50/80">
                      <td className="max-w-xl py-3 pr-4 pl-5 align-top">
                        <Link
                          to={`${PATH}/${a.id}`}
                          className="font-medium text-slate-900 group-hover:text-blue-700 hover:underline [&_mark]:bg-amber-100 [&_mark]:text-inherit"
                        >
                          {a.summaryHighlight ? (
                            <span dangerouslySetInnerHTML={{ __html: a.summaryHighlight }} />
                          ) : (
                            a.summary
                          )}
                        </Link>
                        <p className="mt-0.5 truncate text-xs text-slate-500">
                          <span className="tabular-nums">{a.number}</span>
                          {a.snippet ? ` · ${a.snippet}` : ""}
                        </p>
                      </td>
                      <td className="px-4 py-3 align-top whitespace-nowrap">
                        {a.category ? (
                          <Badge tone="slate">{a.category}</Badge>
                        ) : (
                          <span className="text-slate-400">{t("knowledge.admin.uncategorised")}</span>
                        )}
                      </td>
                      <td className="px-4 py-3 align-top">
                        <VisibilityBadge visibility={a.visibility} />
                      </td>
                      <td className="px-4 py-3 align-top">
                        <KnowledgeStatusBadge status={a.status} />
                      </td>
                      <td className="px-4 py-3 align-top whitespace-nowrap text-slate-500 tabular-nums">
                        {formatDay(a.updatedAt, locale)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {result.pageCount > 1 ? (
              <Pager
                label={t("knowledge.portal.pager.label")}
                summary={t("knowledge.portal.pager.summary", { page: result.page, pageCount: result.pageCount })}
                prevLabel={t("knowledge.portal.pager.prev")}
                nextLabel={t("knowledge.portal.pager.next")}
                prevTo={result.page > 1 ? listHref(query, result.page - 1) : null}
                nextTo={result.page < result.pageCount ? listHref(query, result.page + 1) : null}
              />
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}

function Th({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap first:pl-5">
      {children}
    </th>
  );
}

function FilterSelect(props: { id: string; name: string; label: string; value: string | null; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div>
      <label htmlFor={props.id} className="mb-1 block text-xs font-medium text-slate-500">
        {props.label}
      </label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""} className={selectClass}>
        <option value="">{t("knowledge.admin.filter.any")}</option>
        {props.children}
      </select>
    </div>
  );
}
