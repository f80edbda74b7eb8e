import type { DbOrTx } from "#app/lib/db.server.ts";
import { conflict, forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  getArticleForStaff,
  keywordList,
  listCategories,
  mayChange,
  type ArticleFieldErrors,
  type ArticleResult,
} from "./knowledge-articles.server.ts";

// One solution as the back office's detail page shows it: the article with its author, source request
// and attachments, what the actor may do with it, and the editor's category suggestions.

export async function getKnowledgeWorkspace(db: DbOrTx, actor: StaffActor, id: number) {
  const article = await getArticleForStaff(db, id);
  if (!article) return null;
  const [canModify, canDelete] = await Promise.all([
    mayChange(db, actor, "modify", article),
    mayChange(db, actor, "delete", article),
  ]);
  return {
    article: { ...article, keywordList: keywordList(article.keywords) },
    capabilities: { canModify, canDelete },
    categories: canModify ? await listCategories(db) : [],
  };
}

export type KnowledgeWorkspace = NonNullable<Awaited<ReturnType<typeof getKnowledgeWorkspace>>>;

type Outcome<T extends object> = ArticleResult<T> | { ok: false; reason: "invalid"; fieldErrors?: ArticleFieldErrors };

/** The knowledge services' answer as the one ServiceResult every action responds with. */
export function articleResult<T extends object>(result: Outcome<T>): ServiceResult<T> {
  if (result.ok) {
    const { ok: _ok, ...value } = result;
    return ok(value as unknown as T);
  }
  switch (result.reason) {
    case "not-found":
      return notFound();
    case "forbidden":
      return forbidden();
    case "invalid": {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.fieldErrors ?? {}).map(([field, key]) => [field, [key]]),
      );
      return Object.keys(fieldErrors).length > 0 ? invalid(fieldErrors) : conflict();
    }
  }
}
