import { ArrowLeft, BookOpen } from "lucide-react";
import {
  data,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { dispatchIntent, formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, invalid, respond } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { ATTACHMENT_ACCEPT, filesFromFormData } from "#app/modules/files/attachments.server.ts";
import { deleteArticle, setArticleStatus, updateArticle } from "#app/modules/knowledge/knowledge-articles.server.ts";
import { addArticleAttachments, removeArticleAttachment } from "#app/modules/knowledge/knowledge-attachments.server.ts";
import { articleResult, getKnowledgeWorkspace } from "#app/modules/knowledge/knowledge-workspace.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import { KnowledgeStatusBadge, VisibilityBadge } from "#app/ui/knowledge-badges.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { KnowledgeForm, articleInputFrom, knowledgeValues } from "#backoffice/components/knowledge-form.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import {
  ArticleActions,
  ArticleAttachments,
  ArticleBody,
  ArticleFacts,
  DeleteArticle,
} from "#backoffice/components/service/knowledge-article.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One solution (解决方案) in the back office: read it, edit it (?edit=1), publish or take it back,
// manage its attachments, delete it. Changing needs knowledge:modify/delete within the role's scope.

const PATH = "/crm/knowledge";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const policy = { module: "knowledge", action: "browse" } as const;
  const workspace = await loadRecordPage(request, policy, params.articleId, getKnowledgeWorkspace);
  const editing = workspace.capabilities.canModify && new URL(request.url).searchParams.get("edit") === "1";
  return { ...workspace, editing, accept: ATTACHMENT_ACCEPT };
}

type Context = { actor: StaffActor; audit: AuditMeta; id: number; form: FormData };
const here = (id: number) => `${PATH}/${id}`;

async function save({ actor, audit, id, form }: Context) {
  const result = articleResult(await updateArticle(db, actor, id, articleInputFrom(form), audit));
  // A refused edit comes back with what was typed, so the editor opens again with it.
  const sent = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const answer = result.status === "invalid" ? { ...result, values: sent } : result;
  return respond(answer, { successTo: here(id), flash: "flash.saved" });
}

async function publish({ actor, audit, id }: Context, published: boolean) {
  const result = articleResult(await setArticleStatus(db, actor, id, published ? "published" : "draft", audit));
  return respond(result, {
    successTo: here(id),
    flash: published ? "flash.knowledge.published" : "flash.knowledge.unpublished",
  });
}

async function remove({ actor, audit, id }: Context) {
  return respond(articleResult(await deleteArticle(db, actor, id, audit)), { successTo: PATH, flash: "flash.deleted" });
}

async function upload({ actor, audit, id, form }: Context) {
  const result = await addArticleAttachments(db, actor, id, filesFromFormData(form), audit);
  if (!result.ok && result.reason === "invalid") return data({ uploadErrors: result.errors }, { status: 400 });
  return respond(articleResult(result), { successTo: here(id), flash: "flash.knowledge.uploaded" });
}

async function removeAttachment({ actor, audit, id, form }: Context) {
  const result = await removeArticleAttachment(db, actor, id, Number(form.get("attachmentId")), audit);
  return respond(articleResult(result), { successTo: here(id), flash: "flash.knowledge.attachmentRemoved" });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "knowledge", action: "browse" });
  const input: Context = {
    actor,
    audit: { ipAddress: clientIp(context) },
    id: requireIdParam(params.articleId),
    form: await request.formData(),
  };
  return dispatchIntent(
    formIntent(input.form),
    input,
    {
      save,
      publish: (c) => publish(c, true),
      unpublish: (c) => publish(c, false),
      delete: remove,
      upload,
      removeAttachment,
    },
    async () => fail(invalid({}, ["validation.invalid"])),
  );
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "common.knowledgeBase");

export default function KnowledgeDetailPage() {
  const { article, capabilities, editing, categories, accept } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(answer && "status" in answer ? answer : null);
  const sent = submittedValues(answer && "status" in answer ? answer : null);
  const showEditor = editing || sent !== null;
  const uploadErrors = answer && "uploadErrors" in answer ? answer.uploadErrors : [];
  return (
    <div className="space-y-6">
      <Link to={PATH} className="inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("common.knowledgeBase")}
      </Link>
      <PageHeader
        eyebrow={article.number}
        title={article.summary}
        icon={<BookOpen className="size-6" aria-hidden />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <KnowledgeStatusBadge status={article.status} />
            <VisibilityBadge visibility={article.visibility} />
            {article.category ? <Badge tone="slate">{article.category}</Badge> : null}
          </span>
        }
        actions={<ArticleActions article={article} canModify={capabilities.canModify} editing={showEditor} />}
      />
      {sent === null ? <FailureNotice result={answer && "status" in answer ? answer : null} /> : null}
      {!capabilities.canModify ? <p className="text-sm text-slate-500">{t("knowledge.detail.readOnly")}</p> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          {showEditor ? (
            <Card>
              <KnowledgeForm
                mode="edit"
                values={knowledgeValues(
                  {
                    summary: article.summary,
                    descriptionHtml: article.descriptionHtml,
                    solutionHtml: article.solutionHtml,
                    category: article.category ?? "",
                    keywords: article.keywords ?? "",
                    visibility: article.visibility,
                  },
                  sent,
                )}
                errors={errors}
                categories={categories}
                cancelTo={here(article.id)}
              />
            </Card>
          ) : (
            <ArticleBody article={article} />
          )}
          <ArticleAttachments
            attachments={article.attachments}
            canModify={capabilities.canModify}
            accept={accept}
            uploadErrors={uploadErrors}
          />
        </div>
        <aside className="space-y-6">
          <ArticleFacts article={article} />
          {capabilities.canDelete ? <DeleteArticle /> : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/knowledge" backLabel="knowledge.article.back" />;
}
