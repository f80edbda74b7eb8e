import { ExternalLink, FileText, LifeBuoy, Paperclip, Pencil, Send, Trash2, Undo2, Upload } from "lucide-react";
import { Form, Link } from "react-router";
import { formatDateTime, formatMediumDate } from "#app/lib/format/dates.ts";
import { formatBytes } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { KnowledgeWorkspace } from "#app/modules/knowledge/knowledge-workspace.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { RichTextView } from "#app/ui/rich-text-editor.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// The parts of a solution's back-office page: header actions, the problem and solution, the
// attachments (with upload and removal for editors), the facts column and the delete button.

type Article = KnowledgeWorkspace["article"];
const PATH = "/crm/knowledge";

export function ArticleActions({
  article,
  canModify,
  editing,
}: {
  article: Pick<Article, "id" | "status" | "visibility">;
  canModify: boolean;
  editing: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {article.status === "published" && article.visibility !== "internal" ? (
        <ButtonLink to={`/knowledge/${article.id}`} variant="ghost" target="_blank" rel="noreferrer">
          <ExternalLink aria-hidden className="size-4" />
          {t("knowledge.detail.viewOnPortal")}
        </ButtonLink>
      ) : null}
      {canModify && !editing ? (
        <ButtonLink to={`${PATH}/${article.id}?edit=1`} variant="secondary">
          <Pencil aria-hidden className="size-4" />
          {t("common.edit")}
        </ButtonLink>
      ) : null}
      {canModify ? (
        <Form method="post">
          {article.status === "draft" ? (
            <SubmitButton intent="publish">
              <Send aria-hidden className="size-4" />
              {t("knowledge.detail.publish")}
            </SubmitButton>
          ) : (
            <SubmitButton intent="unpublish" variant="secondary">
              <Undo2 aria-hidden className="size-4" />
              {t("knowledge.detail.unpublish")}
            </SubmitButton>
          )}
        </Form>
      ) : null}
    </>
  );
}

export function ArticleBody({ article }: { article: Pick<Article, "descriptionHtml" | "solutionHtml"> }) {
  const { t } = useI18n();
  return (
    <>
      <SectionCard title={t("knowledge.article.problem")} icon={FileText} flush>
        <div className="px-5 py-4">
          {article.descriptionHtml ? (
            <RichTextView html={article.descriptionHtml} />
          ) : (
            <p className="text-sm text-slate-400">{t("knowledge.article.noDescription")}</p>
          )}
        </div>
      </SectionCard>
      <SectionCard title={t("knowledge.article.solution")} icon={LifeBuoy} flush>
        <div className="px-5 py-4">
          <RichTextView html={article.solutionHtml} />
        </div>
      </SectionCard>
    </>
  );
}

export function ArticleAttachments({
  attachments,
  canModify,
  accept,
  uploadErrors,
}: {
  attachments: Article["attachments"];
  canModify: boolean;
  accept: string;
  uploadErrors: readonly UploadErrorView[];
}) {
  const { t } = useI18n();
  return (
    <SectionCard title={t("common.attachments")} icon={Paperclip} flush>
      <div className="space-y-4 px-5 py-4">
        {attachments.length === 0 ? (
          <p className="text-sm text-slate-500">{t("knowledge.detail.noAttachments")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {attachments.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <a href={`/crm/files/${a.id}`} className="min-w-0 truncate text-blue-700 hover:underline">
                  {a.fileName}
                </a>
                <span className="flex shrink-0 items-center gap-3">
                  <span className="text-xs text-slate-400 tabular-nums">{formatBytes(a.size)}</span>
                  {canModify ? (
                    <Form method="post">
                      <input type="hidden" name="attachmentId" value={a.id} />
                      <SubmitButton intent="removeAttachment" variant="ghost" size="sm">
                        {t("common.remove")}
                      </SubmitButton>
                    </Form>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canModify ? (
          <Form method="post" encType="multipart/form-data" className="space-y-3">
            <AttachmentInput id="kb-files" accept={accept} errors={uploadErrors} />
            <SubmitButton intent="upload" variant="secondary" size="sm">
              <Upload aria-hidden className="size-4" />
              {t("knowledge.detail.upload")}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
    </SectionCard>
  );
}

export function ArticleFacts({ article }: { article: Article }) {
  const { t, locale } = useI18n();
  return (
    <SectionCard title={t("knowledge.detail.meta")} flush>
      <FactList
        className="px-5 py-4"
        facts={[
          { label: t("common.number"), value: <span className="tabular-nums">{article.number}</span> },
          { label: t("knowledge.detail.author"), value: article.author?.name },
          { label: t("common.createdAt"), value: formatDateTime(article.createdAt, locale) },
          { label: t("common.updatedAt"), value: formatDateTime(article.updatedAt, locale) },
          {
            label: t("knowledge.detail.publishedAt"),
            value: article.publishedAt ? formatMediumDate(article.publishedAt, locale) : null,
          },
          {
            label: t("knowledge.article.keywords"),
            value:
              article.keywordList.length > 0 ? (
                <span className="flex flex-wrap gap-1">
                  {article.keywordList.map((k) => (
                    <Badge key={k} tone="blue">
                      {k}
                    </Badge>
                  ))}
                </span>
              ) : null,
          },
          {
            label: t("knowledge.detail.source"),
            value: article.source ? (
              <Link to={`/crm/service/${article.source.id}`} className="text-blue-700 hover:underline">
                {article.source.number} · {article.source.subject}
              </Link>
            ) : null,
          },
        ]}
      />
    </SectionCard>
  );
}

export function DeleteArticle() {
  const { t } = useI18n();
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        if (!window.confirm(t("knowledge.detail.deleteConfirm"))) event.preventDefault();
      }}
    >
      <SubmitButton intent="delete" variant="ghost" className="text-red-600 hover:bg-red-50 hover:text-red-700">
        <Trash2 aria-hidden className="size-4" />
        {t("common.delete")}
      </SubmitButton>
    </Form>
  );
}
