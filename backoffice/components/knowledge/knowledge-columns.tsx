import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { KnowledgeListItem } from "#app/modules/knowledge/knowledge-search.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { KnowledgeStatusBadge, VisibilityBadge } from "#app/ui/knowledge-badges.tsx";
import { badgeColumn, dateColumn, titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";

// The staff knowledge list's columns (ids in KNOWLEDGE_COLUMNS, knowledge-list-query.ts).

export const KNOWLEDGE_PATH = "/crm/knowledge";

export const knowledgeColumns: Array<Column<KnowledgeListItem>> = [
  titleColumn("summary", "knowledge.admin.col.summary", (a, card) => <Summary article={a} card={card} />, {
    sortKey: "summary",
    className: "max-w-xl",
  }),
  { id: "category", header: "knowledge.admin.col.category", mobile: "meta", cell: (a) => <Category article={a} /> },
  {
    id: "visibility",
    header: "common.visibility",
    mobile: "meta",
    cell: (a) => <VisibilityBadge visibility={a.visibility} />,
  },
  badgeColumn("status", "knowledge.admin.col.status", (a) => <KnowledgeStatusBadge status={a.status} />),
  dateColumn("updated", "common.updatedAt", (a) => <Day value={a.updatedAt} />, "updated"),
];

function Summary({ article, card }: { article: KnowledgeListItem; card: boolean }) {
  return (
    <>
      <RecordLink
        to={`${KNOWLEDGE_PATH}/${article.id}`}
        card={card}
        className="[&_mark]:bg-amber-100 [&_mark]:text-inherit"
      >
        {/* The highlight is HTML-escaped by the search engine apart from its own <mark> tags. */}
        {article.summaryHighlight ? (
          <span dangerouslySetInnerHTML={{ __html: article.summaryHighlight }} />
        ) : (
          article.summary
        )}
      </RecordLink>
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
    <span className="text-slate-400">{t("common.uncategorised")}</span>
  );
}

function Day({ value }: { value: Date }) {
  const { locale } = useI18n();
  return <>{formatCompactDate(value, locale)}</>;
}
