import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { attachmentResponse, readAttachment } from "#app/modules/files/attachments.server.ts";
import { KNOWLEDGE_ATTACHMENT_OWNER, getArticleForReader } from "#app/modules/knowledge/knowledge-articles.server.ts";
import { portalKnowledgeReader } from "#app/modules/knowledge/knowledge-reader.server.ts";

// GET /knowledge/:articleId/files/:attachmentId — an attachment of a solution the reader may see.
// Not visible, not this article's, or missing: all 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Out-of-range ids (20 digits) are a 404 too, never a database error.
  const articleId = requireIdParam(params.articleId);
  const attachmentId = requireIdParam(params.attachmentId);
  const notFound = new Response("Not Found", { status: 404 });
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
