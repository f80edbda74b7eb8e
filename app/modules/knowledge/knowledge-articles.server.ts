import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { KnowledgeStatus, KnowledgeVisibility, Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { normaliseRichTextInput, richTextToPlain, sanitizeRichText } from "#app/lib/rich-text.server.ts";
import { recordStaffAudit, type AuditEntry, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { inScope, scopeFor, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { staffRequestWhere } from "#app/modules/service/service-queries.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { articleListSelect } from "./knowledge-search.server.ts";
import { KNOWLEDGE_STATUSES, KNOWLEDGE_VISIBILITIES, canRead, type KnowledgeReader } from "./knowledge-visibility.ts";

// 知识库 / 解决方案: writing articles (back office) and reading one (both surfaces). Every change runs
// in one transaction with its audit row and a search sync job, so the `knowledge` index follows the
// database. Who may read what is decided in knowledge-visibility.ts (decision 020).

export const KNOWLEDGE_ATTACHMENT_OWNER = "knowledge_article";

/** Split on commas (ASCII or full-width), 、, semicolons and whitespace; trimmed, de-duplicated, kept in order. */
export function normaliseKeywords(raw: string | null | undefined): string | null {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of (raw ?? "").split(/[,，、;；\s]+/u)) {
    const word = part.trim().slice(0, 40);
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    out.push(word);
  }
  const joined = out.join(", ");
  return joined ? joined.slice(0, 500) : null;
}

export function keywordList(stored: string | null | undefined): string[] {
  return (stored ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "knowledge.error.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

export const ArticleInputSchema = z.object({
  summary: z
    .string({ error: "knowledge.error.summaryRequired" })
    .trim()
    .min(1, "knowledge.error.summaryRequired")
    .max(300, "knowledge.error.tooLong"),
  descriptionHtml: z.string().max(200_000, "knowledge.error.tooLong").optional().default(""),
  solutionHtml: z.string({ error: "knowledge.error.solutionRequired" }).max(200_000, "knowledge.error.tooLong"),
  category: optionalText(60),
  keywords: z.string().max(2000, "knowledge.error.tooLong").optional(),
  visibility: z.enum(KNOWLEDGE_VISIBILITIES, { error: "knowledge.error.visibility" }),
  status: z.enum(KNOWLEDGE_STATUSES, { error: "knowledge.error.status" }).optional().default("draft"),
});

export type ArticleField = keyof z.input<typeof ArticleInputSchema>;
export type ArticleFieldErrors = Partial<Record<ArticleField, MessageKey>>;

export type ArticleResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "invalid"; fieldErrors: ArticleFieldErrors };

interface CleanArticle {
  summary: string;
  descriptionHtml: string;
  solutionHtml: string;
  category: string | null;
  keywords: string | null;
  visibility: KnowledgeVisibility;
  status: KnowledgeStatus;
}

/** Parses and sanitises form input; HTML is sanitised before anything is stored. */
export function parseArticleInput(
  input: unknown,
): { ok: true; value: CleanArticle } | { ok: false; fieldErrors: ArticleFieldErrors } {
  const parsed = ArticleInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: ArticleFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ArticleField | undefined;
      if (field && !(field in fieldErrors)) fieldErrors[field] = issue.message as MessageKey;
    }
    return { ok: false, fieldErrors };
  }
  const v = parsed.data;
  // The editor posts HTML; without JavaScript its textarea posts plain text. Both end up sanitised.
  const descriptionHtml = normaliseRichTextInput(v.descriptionHtml);
  const solutionHtml = normaliseRichTextInput(v.solutionHtml);
  if (richTextToPlain(solutionHtml).trim() === "") {
    return { ok: false, fieldErrors: { solutionHtml: "knowledge.error.solutionRequired" } };
  }
  return {
    ok: true,
    value: {
      summary: v.summary,
      descriptionHtml,
      solutionHtml,
      category: v.category,
      keywords: normaliseKeywords(v.keywords),
      visibility: v.visibility,
      status: v.status,
    },
  };
}

/** Every article change writes its audit row and updates the search index, in the change's transaction. */
async function articleChanged(
  tx: DbOrTx,
  actor: StaffActor,
  id: number,
  index: "upsert" | "delete",
  entry: Omit<AuditEntry, "actor" | "entityType" | "entityId">,
): Promise<void> {
  await recordStaffAudit(tx, actor, { ...entry, entityType: "KnowledgeArticle", entityId: id });
  await enqueueSearchSync(tx, "knowledge", [id], index);
}

// ───────────────────────────── Permissions ─────────────────────────────

/**
 * knowledge:add/modify/delete per the actor's grant. Scope "all" covers every article; "team" the
 * articles written by someone in the actor's team; "own" the actor's own articles.
 */
export async function mayChange(
  db: DbOrTx,
  actor: StaffActor,
  action: Extract<Action, "modify" | "delete">,
  article: { authorId: number | null },
): Promise<boolean> {
  const scope = scopeFor(actor, "knowledge", action);
  if (scope === null) return false;
  if (scope === "all") return true;
  const author = article.authorId
    ? await db.staff.findUnique({ where: { id: article.authorId }, select: { teamId: true } })
    : null;
  return inScope(
    scope,
    { id: actor.staffId, teamId: actor.teamId, teamIds: actor.teamIds },
    { ownerId: article.authorId, ownerTeamId: author?.teamId ?? null },
  );
}

function auditSnapshot(
  a: CleanArticle | { summary: string; visibility: string; status: string; category: string | null },
) {
  return { summary: a.summary, visibility: a.visibility, status: a.status, category: a.category };
}

// ───────────────────────────── Writing ─────────────────────────────

export async function createArticle(
  db: Db,
  actor: StaffActor,
  input: unknown,
  options: { sourceRequestId?: number | null } & AuditMeta = {},
): Promise<ArticleResult<{ id: number; number: string }>> {
  if (scopeFor(actor, "knowledge", "add") === null) return { ok: false, reason: "forbidden" };
  const parsed = parseArticleInput(input);
  if (!parsed.ok) return { ok: false, reason: "invalid", fieldErrors: parsed.fieldErrors };
  const value = parsed.value;
  const sourceRequestId = options.sourceRequestId ?? null;
  if (sourceRequestId !== null) {
    const exists = await db.serviceRequest.findUnique({ where: { id: sourceRequestId }, select: { id: true } });
    if (!exists) return { ok: false, reason: "not-found" };
  }
  return db.$transaction(async (tx) => {
    const now = new Date();
    const row = await tx.knowledgeArticle.create({
      data: {
        // Unique placeholder until the id-based number is known (two statements, one transaction).
        number: `~${randomBytes(9).toString("hex")}`,
        ...value,
        sourceRequestId,
        authorId: actor.staffId,
        publishedAt: value.status === "published" ? now : null,
      },
      select: { id: true },
    });
    const number = await nextRecordNumber(tx, "knowledge");
    await tx.knowledgeArticle.update({ where: { id: row.id }, data: { number } });
    await articleChanged(tx, actor, row.id, "upsert", {
      action: "knowledge.create",
      after: { ...auditSnapshot(value), sourceRequestId },
      ipAddress: options.ipAddress,
    });
    return { ok: true as const, id: row.id, number };
  });
}

/**
 * Saves an edit. Without a `status` in the input the article keeps its own: the editor does not
 * publish, publishing has its own action (setArticleStatus).
 */
export async function updateArticle(
  db: Db,
  actor: StaffActor,
  id: number,
  input: unknown,
  meta: AuditMeta = {},
): Promise<ArticleResult<{ id: number }>> {
  const existing = await db.knowledgeArticle.findUnique({ where: { id } });
  if (!existing) return { ok: false, reason: "not-found" };
  if (!(await mayChange(db, actor, "modify", existing))) return { ok: false, reason: "forbidden" };
  const fields = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const parsed = parseArticleInput(fields.status === undefined ? { ...fields, status: existing.status } : input);
  if (!parsed.ok) return { ok: false, reason: "invalid", fieldErrors: parsed.fieldErrors };
  const value = parsed.value;
  await db.$transaction(async (tx) => {
    await tx.knowledgeArticle.update({
      where: { id },
      data: {
        ...value,
        // First publication keeps its date; unpublishing clears it.
        publishedAt: value.status === "published" ? (existing.publishedAt ?? new Date()) : null,
      },
    });
    await articleChanged(tx, actor, id, "upsert", {
      action: "knowledge.update",
      before: auditSnapshot(existing),
      after: auditSnapshot(value),
      ipAddress: meta.ipAddress,
    });
  });
  return { ok: true, id };
}

/** Publish or take back to draft (knowledge:modify). */
export async function setArticleStatus(
  db: Db,
  actor: StaffActor,
  id: number,
  status: KnowledgeStatus,
  meta: AuditMeta = {},
): Promise<ArticleResult<{ id: number }>> {
  const existing = await db.knowledgeArticle.findUnique({ where: { id } });
  if (!existing) return { ok: false, reason: "not-found" };
  if (!(await mayChange(db, actor, "modify", existing))) return { ok: false, reason: "forbidden" };
  if (existing.status === status) return { ok: true, id };
  await db.$transaction(async (tx) => {
    await tx.knowledgeArticle.update({
      where: { id },
      data: { status, publishedAt: status === "published" ? new Date() : null },
    });
    await articleChanged(tx, actor, id, "upsert", {
      action: status === "published" ? "knowledge.publish" : "knowledge.unpublish",
      before: { status: existing.status },
      after: { status },
      ipAddress: meta.ipAddress,
    });
  });
  return { ok: true, id };
}

export async function deleteArticle(
  db: Db,
  actor: StaffActor,
  id: number,
  meta: AuditMeta = {},
): Promise<ArticleResult> {
  const existing = await db.knowledgeArticle.findUnique({ where: { id } });
  if (!existing) return { ok: false, reason: "not-found" };
  if (!(await mayChange(db, actor, "delete", existing))) return { ok: false, reason: "forbidden" };
  await db.$transaction(async (tx) => {
    await tx.knowledgeArticle.delete({ where: { id } });
    // Attachment rows belong to the article; the files themselves are left to storage cleanup.
    await tx.attachment.deleteMany({ where: { ownerType: KNOWLEDGE_ATTACHMENT_OWNER, ownerId: id } });
    await articleChanged(tx, actor, id, "delete", {
      action: "knowledge.delete",
      before: { ...auditSnapshot(existing), number: existing.number },
      ipAddress: meta.ipAddress,
    });
  });
  return { ok: true };
}

// ───────────────────────────── From a service request ─────────────────────────────

export interface ArticleDraft {
  summary: string;
  descriptionHtml: string;
  solutionHtml: string;
  category: string | null;
  keywords: string;
  visibility: KnowledgeVisibility;
  sourceRequestId: number;
  sourceRequestNumber: string;
}

/**
 * "Turn this request's answer into a solution": the request's subject and description, and its
 * published solution or else the last public staff reply. Internal notes are never used. A new
 * solution starts as `customers` visibility: the customer's own question may name their equipment.
 */
/**
 * A draft from a service request the actor may read: the request's service scope is part of the
 * query (issue #13), so a request outside it reads as missing, exactly like the service desk.
 */
export async function articleDraftFromRequest(
  db: DbOrTx,
  actor: StaffActor,
  requestId: number,
): Promise<ArticleDraft | null> {
  const request = await db.serviceRequest.findFirst({
    where: { AND: [{ id: requestId }, staffRequestWhere(actor, "browse")] },
    select: {
      id: true,
      number: true,
      subject: true,
      descriptionHtml: true,
      solutionHtml: true,
      kind: true,
      asset: { select: { name: true, model: true } },
      replies: {
        where: { internal: false, authorType: "staff" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { bodyHtml: true },
      },
    },
  });
  if (!request) return null;
  const answer = request.solutionHtml?.trim() ? request.solutionHtml : (request.replies[0]?.bodyHtml ?? "");
  const keywords = [request.asset?.name, request.asset?.model].filter(Boolean).join(", ");
  return {
    summary: request.subject.slice(0, 300),
    descriptionHtml: sanitizeRichText(request.descriptionHtml),
    solutionHtml: sanitizeRichText(answer),
    category: null,
    keywords,
    visibility: "customers",
    sourceRequestId: request.id,
    sourceRequestNumber: request.number,
  };
}

/** Creates a draft solution straight from a request (the form-less variant of the prefill). */
export async function createArticleFromRequest(
  db: Db,
  actor: StaffActor,
  requestId: number,
  overrides: Partial<Pick<ArticleDraft, "category" | "visibility" | "keywords">> = {},
  meta: AuditMeta = {},
): Promise<ArticleResult<{ id: number; number: string }>> {
  const draft = await articleDraftFromRequest(db, actor, requestId);
  if (!draft) return { ok: false, reason: "not-found" };
  return createArticle(
    db,
    actor,
    {
      summary: draft.summary,
      descriptionHtml: draft.descriptionHtml,
      solutionHtml: draft.solutionHtml,
      category: overrides.category ?? draft.category ?? undefined,
      keywords: overrides.keywords ?? draft.keywords,
      visibility: overrides.visibility ?? draft.visibility,
      status: "draft",
    },
    { sourceRequestId: requestId, ipAddress: meta.ipAddress },
  );
}

// ───────────────────────────── Reading ─────────────────────────────

const readerSelect = {
  ...articleListSelect,
  descriptionHtml: true,
} satisfies Prisma.KnowledgeArticleSelect;

export type ReaderArticle = Prisma.KnowledgeArticleGetPayload<{ select: typeof readerSelect }> & {
  attachments: Array<{ id: number; fileName: string; size: number; mimeType: string }>;
};

/** One article if this reader may see it, else null (the route answers 404 either way). */
export async function getArticleForReader(
  db: DbOrTx,
  reader: KnowledgeReader,
  id: number,
): Promise<ReaderArticle | null> {
  const row = await db.knowledgeArticle.findUnique({ where: { id }, select: readerSelect });
  if (!row || !canRead(reader, row)) return null;
  return { ...row, attachments: await articleAttachments(db, id) };
}

export async function articleAttachments(db: DbOrTx, id: number) {
  return db.attachment.findMany({
    where: { ownerType: KNOWLEDGE_ATTACHMENT_OWNER, ownerId: id },
    orderBy: { id: "asc" },
    select: { id: true, fileName: true, size: true, mimeType: true },
  });
}

/** The back-office view: everything, with author and source request. */
export async function getArticleForStaff(db: DbOrTx, id: number) {
  const row = await db.knowledgeArticle.findUnique({ where: { id } });
  if (!row) return null;
  const [author, source, attachments] = await Promise.all([
    row.authorId
      ? db.staff.findUnique({ where: { id: row.authorId }, select: { id: true, name: true, teamId: true } })
      : null,
    row.sourceRequestId
      ? db.serviceRequest.findUnique({
          where: { id: row.sourceRequestId },
          select: { id: true, number: true, subject: true },
        })
      : null,
    articleAttachments(db, id),
  ]);
  return { ...row, author, source, attachments };
}

export type StaffArticle = NonNullable<Awaited<ReturnType<typeof getArticleForStaff>>>;

/** Distinct categories in use (for filters and the editor's suggestions). */
export async function listCategories(db: DbOrTx, where: Prisma.KnowledgeArticleWhereInput = {}): Promise<string[]> {
  const rows = await db.knowledgeArticle.groupBy({
    by: ["category"],
    where: { ...where, category: { not: null } },
    orderBy: { category: "asc" },
  });
  return rows.map((r) => r.category).filter((c): c is string => Boolean(c));
}
