// Who may read which solution (知识库). Pure rules shared by the services, the search filters and the
// tests, so the database query and the search engine apply the same matrix. See decision 020.

import type { KnowledgeStatus, KnowledgeVisibility } from "#app/generated/prisma/enums.ts";

export const KNOWLEDGE_VISIBILITIES = [
  "public",
  "members",
  "customers",
  "internal",
] as const satisfies readonly KnowledgeVisibility[];
export const KNOWLEDGE_STATUSES = ["draft", "published"] as const satisfies readonly KnowledgeStatus[];

/**
 * The reader of a solution, resolved once per request:
 * - visitor: not signed in, or a member who is not active / still awaiting real-name verification;
 * - member: an active member; `customer` when their level is customer/partner or they hold an
 *   active zone membership;
 * - staff: a staff member with knowledge:browse (sees everything, drafts included).
 */
export type KnowledgeReader =
  { kind: "visitor" } | { kind: "member"; memberId: number; customer: boolean } | { kind: "staff"; staffId: number };

export const VISITOR: KnowledgeReader = { kind: "visitor" };

/** The visibility tiers this reader may see, least restricted first. */
export function visibleTiers(reader: KnowledgeReader): KnowledgeVisibility[] {
  switch (reader.kind) {
    case "visitor":
      return ["public"];
    case "member":
      return reader.customer ? ["public", "members", "customers"] : ["public", "members"];
    case "staff":
      return [...KNOWLEDGE_VISIBILITIES];
  }
}

/** The statuses this reader may see: drafts are for staff only. */
export function visibleStatuses(reader: KnowledgeReader): KnowledgeStatus[] {
  return reader.kind === "staff" ? [...KNOWLEDGE_STATUSES] : ["published"];
}

export function canRead(
  reader: KnowledgeReader,
  article: { visibility: KnowledgeVisibility; status: KnowledgeStatus },
): boolean {
  return visibleTiers(reader).includes(article.visibility) && visibleStatuses(reader).includes(article.status);
}
