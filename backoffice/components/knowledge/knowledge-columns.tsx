import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { KnowledgeListItem } from "#app/modules/knowledge/knowledge-search.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { KnowledgeStatusBadge, VisibilityBadge } from "#app/ui/knowledge-badges.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";

// The staff knowledge list's columns (ids in KNOWLEDGE_COLUMNS, knowledge-list-query.ts).

export const KNOWLEDGE_PATH = "/crm/knowledge";

export const knowledgeColumns: Array<Column<KnowledgeListItem>> = [
  {
    id: "summary",
    header: "knowledge.admin.col.summary",
    sortKey: "summary",
    hideable: false,
    mobile: "title",
    className: "max-w-xl",
    cell: (a) => <Summary article={a} />,
    card: (a) => <Summary article={a} card />,
  },
  { id: "category", header: "knowledge.admin.col.category", mobile: "meta", cell: (a) => <Category article={a} /> },
  {
    id: "visibility",
    header: "knowledge.admin.col.visibility",
    mobile: "meta",
    cell: (a) => <VisibilityBadge visibility={a.visibility} />,
  },
  {
    id: "status",
    header: "knowledge.admin.col.status",
    mobile: "hidden",
    cell: (a) => <KnowledgeStatusBadge status={a.status} />,
  },
  {
    id: "updated",
    header: "knowledge.admin.col.updated",
    sortKey: "updated",
    mobile: "meta",
    className: "whitespace-nowrap text-slate-500 tabular-nums",
    cell: (a) => <Day value={a.updatedAt} />,
  },
];

function Summary({ article, card = false }: { article: KnowledgeListItem; card?: boolean }) {
  return (
    <>
      <Link
        to={`${KNOWLEDGE_PATH}/${article.id}`}
        className={
          card
            ? "font-medium text-slate-900 after:absolute after:inset-0 [&_mark]:bg-amber-100 [&_mark]:text-inherit"
            : "font-medium text-slate-900 group-hover:text-blue-700 hover:underline [&_mark]:bg-amber-100 [&_mark]:text-inherit"
        }
      >
        {/* The highlight is HTML-escaped by the search engine apart from its own <mark> tags. */}
        {article.summaryHighlight ? (
          <span dangerouslySetInnerHTML={{ __html: article.summaryHighlight }} />
        ) : (
          article.summary
        )}
      </Link>
      <p className="mt-0.5 truncate text-xs text-slate-500">
        <span className="tabular-nums">{article.number}</span>
        {article.snippet ? ` · ${article.snippet}` : ""}
      </p>
    </>
  );
}

function Category({ article }: { article: KnowledgeListItem }) {
  const { t } = useI18n();
  return article.category ? (
    <Badge tone="slate">{article.category}</Badge>
  ) : (
    <span className="text-slate-400">{t("knowledge.admin.uncategorised")}</span>
  );
}

function Day({ value }: { value: Date }) {
  const { locale } = useI18n();
  return <>{formatCompactDate(value, locale)}</>;
}
