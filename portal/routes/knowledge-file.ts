import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { attachmentResponse, readAttachment } from "#app/modules/files/attachments.server.ts";
import { KNOWLEDGE_ATTACHMENT_OWNER, getArticleForReader } from "#app/modules/knowledge/knowledge-articles.server.ts";
import { portalKnowledgeReader } from "#app/modules/knowledge/knowledge-reader.server.ts";

// GET /knowledge/:articleId/files/:attachmentId — an attachment of a solution the reader may see.
// Not visible, not this article's, or missing: all 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const articleId = Number(params.articleId);
  const attachmentId = Number(params.attachmentId);
  const notFound = new Response("Not Found", { status: 404 });
  if (!Number.isInteger(articleId) || articleId <= 0) return notFound;
  const reader = await portalKnowledgeReader(db, request);
  const article = await getArticleForReader(db, reader, articleId);
  if (!article) return notFound;
  const file = await readAttachment(
    db,
    attachmentId,
    (a) => a.ownerType === KNOWLEDGE_ATTACHMENT_OWNER && a.ownerId === articleId,
  );
  return file ? attachmentResponse(file.attachment, file.body) : notFound;
}
