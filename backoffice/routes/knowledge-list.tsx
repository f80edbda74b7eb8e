import { BookOpen, FolderOpen, Plus } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { listCategories } from "#app/modules/knowledge/knowledge-articles.server.ts";
import { knowledgeList } from "#app/modules/knowledge/knowledge-list-query.ts";
import { anyKnowledgeArticles, searchKnowledge } from "#app/modules/knowledge/knowledge-search.server.ts";
import { KNOWLEDGE_STATUSES, KNOWLEDGE_VISIBILITIES } from "#app/modules/knowledge/knowledge-visibility.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { KnowledgeStatusBadge } from "#app/ui/knowledge-badges.tsx";
import { QueryListPage } from "#app/ui/list/query-list-page.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { KNOWLEDGE_PATH as PATH, knowledgeColumns } from "#backoffice/components/knowledge/knowledge-columns.tsx";

// 知识库 for staff: browse (newest first, or sorted) or search (relevance) every article, drafts included.

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "knowledge", action: "browse" });
  const query = knowledgeList.parse(new URL(request.url).searchParams);
  const [result, categories, anyArticles, views] = await Promise.all([
    searchKnowledge(
      db,
      { kind: "staff", staffId: actor.staffId },
      {
        q: query.q,
        category: query.category,
        visibility: query.visibility,
        status: query.status,
        sort: { key: query.sort, dir: query.dir },
        page: query.page,
        pageSize: PAGE_SIZE,
      },
    ),
    listCategories(db),
    anyKnowledgeArticles(db),
    loadListViews(db, actor, knowledgeList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  // Knowledge articles number in the hundreds: the count is exact.
  const total = { count: result.total, capped: false };
  return {
    query,
    result,
    total,
    categories,
    anyArticles,
    views,
    canAdd: can(actor, "knowledge", "add"),
    // The synonym list (decision 039) is kept by those who may edit solutions.
    canEditSynonyms: can(actor, "knowledge", "modify"),
  };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "common.knowledgeBase");

export default function KnowledgeListPage() {
  const { query, result, total, categories, anyArticles, views, canAdd, canEditSynonyms } =
    useLoaderData<typeof loader>();
  const { t } = useI18n();
  const newButton = (
    <>
      {canEditSynonyms ? (
        <ButtonLink to={`${PATH}/synonyms`} variant="secondary">
          {t("searchQuality.synonyms.title")}
        </ButtonLink>
      ) : null}
      {canAdd ? (
        <ButtonLink to={`${PATH}/new`}>
          <Plus className="size-4" aria-hidden />
          {t("knowledge.admin.new")}
        </ButtonLink>
      ) : null}
    </>
  );
  return (
    <QueryListPage
      path={PATH}
      kit={knowledgeList}
      list={{ query, rows: result.items, page: result.page, pageCount: result.pageCount, total, views }}
      heading={{
        eyebrow: t("common.customerService"),
        title: t("common.knowledgeBase"),
        description: t("knowledge.admin.listDescription"),
        icon: BookOpen,
        actions: newButton,
      }}
      search={{
        id: "kb-admin-q",
        label: t("common.search"),
        placeholder: t("knowledge.admin.searchPlaceholder"),
      }}
      selects={[
        {
          name: "category",
          label: t("knowledge.admin.filter.category"),
          value: query.category,
          options: categories.map((c) => ({ value: c, label: c })),
        },
        {
          name: "visibility",
          label: t("common.visibility"),
          value: query.visibility,
          options: KNOWLEDGE_VISIBILITIES.map((v) => ({ value: v, label: t(`knowledge.visibility.${v}`) })),
        },
        {
          name: "status",
          label: t("knowledge.admin.filter.status"),
          value: query.status,
          options: KNOWLEDGE_STATUSES.map((s) => ({ value: s, label: t(`knowledge.status.${s}`) })),
        },
      ]}
      table={{
        columns: knowledgeColumns,
        rowKey: (a) => a.id,
        cardAside: (a) => <KnowledgeStatusBadge status={a.status} />,
        label: t("common.knowledgeBase"),
        // Search results come in relevance order: no column sorts them.
        sortable: !query.q,
      }}
      empty={{
        filtered: anyArticles,
        icon: <FolderOpen className="size-5" aria-hidden />,
        title: t("knowledge.admin.empty.title"),
        description: t("knowledge.admin.empty.body"),
        action: newButton,
        filteredTitle: t("knowledge.admin.noResults.title"),
        filteredDescription: t("knowledge.admin.noResults.body"),
      }}
    />
  );
}
