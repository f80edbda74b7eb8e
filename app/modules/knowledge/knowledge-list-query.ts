import { defineListQuery, listFilters, type ListQuery } from "#app/ui/list/list-query.ts";
import { KNOWLEDGE_STATUSES, KNOWLEDGE_VISIBILITIES } from "./knowledge-visibility.ts";

// The back office's knowledge list URL (filters, sort, page, view, columns). A text query is
// answered by the search index in relevance order, so the sort applies to browsing only.

export const KNOWLEDGE_COLUMNS = ["summary", "category", "visibility", "status", "updated"] as const;

export const knowledgeList = defineListQuery({
  key: "crm.knowledge",
  filters: {
    category: listFilters.text(60),
    visibility: listFilters.oneOf(KNOWLEDGE_VISIBILITIES),
    status: listFilters.oneOf(KNOWLEDGE_STATUSES),
  },
  sorts: { published: "desc", updated: "desc", summary: "asc" },
  defaultSort: "published",
  columns: KNOWLEDGE_COLUMNS,
});

export type KnowledgeSortKey = "published" | "updated" | "summary";
export type KnowledgeListQuery = ListQuery<(typeof knowledgeList.definition)["filters"], KnowledgeSortKey>;
