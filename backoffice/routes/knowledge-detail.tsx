import {
  ArrowLeft,
  BookOpen,
  CheckCircle2,
  ExternalLink,
  FileText,
  LifeBuoy,
  Paperclip,
  Pencil,
  Send,
  Trash2,
  Undo2,
  Upload,
} from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey, TranslateVars } from "#app/lib/i18n/translate.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import type { StaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_FILES,
  filesFromFormData,
  formatBytes,
  type UploadError,
} from "#app/modules/files/attachments.server.ts";
import { addArticleAttachments, removeArticleAttachment } from "#app/modules/knowledge/knowledge-attachments.server.ts";
import {
  deleteArticle,
  getArticleForStaff,
  keywordList,
  listCategories,
  mayChange,
  setArticleStatus,
  updateArticle,
  type KnowledgeActor,
} from "#app/modules/knowledge/knowledge-articles.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { KnowledgeStatusBadge, VisibilityBadge, formatDay } from "#app/ui/knowledge-badges.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { RichTextView } from "#app/ui/rich-text-editor.tsx";
import { KnowledgeForm, articleInputFrom, type KnowledgeFormValues } from "#backoffice/components/knowledge-form.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";

const PATH = "/crm/knowledge";
const FLASHES = ["saved", "published", "unpublished", "uploaded", "attachmentRemoved"] as const;
type Flash = (typeof FLASHES)[number];

function actorOf(principal: StaffPrincipal, ip: string | null): KnowledgeActor {
  return { staffId: principal.staff.id, teamId: principal.staff.teamId, subject: principal, ipAddress: ip };
}

function articleId(params: LoaderFunctionArgs["params"]): number {
  const id = Number(params.articleId);
  if (!Number.isInteger(id) || id <= 0) throw data(null, { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "knowledge", "browse");
  const id = articleId(params);
  const article = await getArticleForStaff(db, id);
  if (!article) throw data(null, { status: 404 });
  const actor = actorOf(principal, null);
  const [canModify, canDelete] = await Promise.all([
    mayChange(db, actor, "modify", article),
    mayChange(db, actor, "delete", article),
  ]);
  const url = new URL(request.url);
  const flash = url.searchParams.get("flash");
  return {
    article: {
      ...article,
      keywordList: keywordList(article.keywords),
      attachments: article.attachments.map((a) => ({ ...a, sizeLabel: formatBytes(a.size) })),
    },
    canModify,
    canDelete,
    editing: canModify && url.searchParams.get("edit") === "1",
    flash: (FLASHES as readonly string[]).includes(flash ?? "") ? (flash as Flash) : null,
    categories: canModify ? await listCategories(db) : [],
    upload: { accept: ATTACHMENT_ACCEPT, maxFiles: ATTACHMENT_MAX_FILES, maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 },
  };
}

type UiError = { key: MessageKey; vars?: TranslateVars };

function uploadErrorText(e: UploadError): UiError {
  const size = ATTACHMENT_MAX_BYTES / 1024 / 1024;
  switch (e.code) {
    case "too-large":
      return { key: "service.attachments.tooLarge", vars: { name: e.name, size } };
    case "bad-type":
      return { key: "service.attachments.badType", vars: { name: e.name } };
    case "empty":
      return { key: "service.attachments.empty", vars: { name: e.name } };
    case "too-many":
      return { key: "service.attachments.tooMany", vars: { count: ATTACHMENT_MAX_FILES } };
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const principal = await requirePermission(request, "knowledge", "browse");
  const id = articleId(params);
  const actor = actorOf(principal, clientIp(context));
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fail = (reason: "not-found" | "forbidden") => {
    throw data(null, { status: reason === "not-found" ? 404 : 403 });
  };

  switch (intent) {
    case "save": {
      const existing = await db.knowledgeArticle.findUnique({ where: { id }, select: { status: true } });
      if (!existing) return fail("not-found");
      // The edit form does not change the status: publishing has its own buttons.
      const input = { ...articleInputFrom(form), status: existing.status };
      const result = await updateArticle(db, actor, id, input);
      if (result.ok) return redirect(`${PATH}/${id}?flash=saved`);
      if (result.reason !== "invalid") return fail(result.reason);
      return data(
        {
          errors: result.fieldErrors,
          values: { ...input, visibility: input.visibility as KnowledgeFormValues["visibility"] },
          uploadErrors: [] as UiError[],
        },
        { status: 400 },
      );
    }
    case "publish":
    case "unpublish": {
      const result = await setArticleStatus(db, actor, id, intent === "publish" ? "published" : "draft");
      if (!result.ok) return fail(result.reason === "invalid" ? "forbidden" : result.reason);
      return redirect(`${PATH}/${id}?flash=${intent === "publish" ? "published" : "unpublished"}`);
    }
    case "delete": {
      const result = await deleteArticle(db, actor, id);
      if (!result.ok) return fail(result.reason === "invalid" ? "forbidden" : result.reason);
      return redirect(PATH);
    }
    case "upload": {
      const result = await addArticleAttachments(db, actor, id, filesFromFormData(form));
      if (result.ok) return redirect(`${PATH}/${id}?flash=uploaded`);
      if (result.reason !== "invalid") return fail(result.reason);
      return data({ errors: null, values: null, uploadErrors: result.errors.map(uploadErrorText) }, { status: 400 });
    }
    case "removeAttachment": {
      const result = await removeArticleAttachment(db, actor, id, Number(form.get("attachmentId")));
      if (!result.ok) return fail(result.reason === "invalid" ? "forbidden" : result.reason);
      return redirect(`${PATH}/${id}?flash=attachmentRemoved`);
    }
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "knowledge.admin.listTitle");

export default function KnowledgeDetailPage() {
  const { article, canModify, canDelete, editing, flash, categories, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t, locale } = useI18n();
  const values: KnowledgeFormValues = actionData?.values ?? {
    summary: article.summary,
    descriptionHtml: article.descriptionHtml,
    solutionHtml: article.solutionHtml,
    category: article.category ?? "",
    keywords: article.keywords ?? "",
    visibility: article.visibility,
  };
  const flashKey: Record<Flash, MessageKey> = {
    saved: "knowledge.detail.saved",
    published: "knowledge.detail.published",
    unpublished: "knowledge.detail.unpublished",
    uploaded: "knowledge.detail.uploaded",
    attachmentRemoved: "knowledge.detail.attachmentRemoved",
  };
  const editing_ = editing || Boolean(actionData?.errors);

  return (
    <div className="space-y-6">
      <Link to={PATH} className="inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("knowledge.admin.listTitle")}
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
        actions={
          <>
            {article.status === "published" && article.visibility !== "internal" ? (
              <ButtonLink to={`/knowledge/${article.id}`} variant="ghost" target="_blank" rel="noreferrer">
                <ExternalLink aria-hidden className="size-4" />
                {t("knowledge.detail.viewOnPortal")}
              </ButtonLink>
            ) : null}
            {canModify && !editing_ ? (
              <ButtonLink to={`${PATH}/${article.id}?edit=1`} variant="secondary">
                <Pencil aria-hidden className="size-4" />
                {t("knowledge.detail.edit")}
              </ButtonLink>
            ) : null}
            {canModify ? (
              <Form method="post">
                {article.status === "draft" ? (
                  <Button type="submit" name="intent" value="publish" disabled={busy}>
                    <Send aria-hidden className="size-4" />
                    {t("knowledge.detail.publish")}
                  </Button>
                ) : (
                  <Button type="submit" name="intent" value="unpublish" variant="secondary" disabled={busy}>
                    <Undo2 aria-hidden className="size-4" />
                    {t("knowledge.detail.unpublish")}
                  </Button>
                )}
              </Form>
            ) : null}
          </>
        }
      />

      {flash ? (
        <p
          role="status"
          className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm text-emerald-800"
        >
          <CheckCircle2 aria-hidden className="size-4" />
          {t(flashKey[flash])}
        </p>
      ) : null}
      {!canModify ? <p className="text-sm text-slate-500">{t("knowledge.detail.readOnly")}</p> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          {editing_ ? (
            <Card>
              <KnowledgeForm
                mode="edit"
                values={values}
                errors={actionData?.errors ?? undefined}
                categories={categories}
                cancelTo={`${PATH}/${article.id}`}
              />
            </Card>
          ) : (
            <>
              <Card>
                <CardHeader title={t("knowledge.article.problem")} icon={<FileText className="size-4" aria-hidden />} />
                <div className="px-5 py-4">
                  {article.descriptionHtml ? (
                    <RichTextView html={article.descriptionHtml} />
                  ) : (
                    <p className="text-sm text-slate-400">{t("knowledge.article.noDescription")}</p>
                  )}
                </div>
              </Card>
              <Card>
                <CardHeader
                  title={t("knowledge.article.solution")}
                  icon={<LifeBuoy className="size-4" aria-hidden />}
                />
                <div className="px-5 py-4">
                  <RichTextView html={article.solutionHtml} />
                </div>
              </Card>
            </>
          )}

          <Card>
            <CardHeader title={t("knowledge.detail.attachments")} icon={<Paperclip className="size-4" aria-hidden />} />
            <div className="space-y-4 px-5 py-4">
              {article.attachments.length === 0 ? (
                <p className="text-sm text-slate-500">{t("knowledge.detail.noAttachments")}</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {article.attachments.map((a) => (
                    <li key={a.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                      <a href={`/crm/files/${a.id}`} className="min-w-0 truncate text-blue-700 hover:underline">
                        {a.fileName}
                      </a>
                      <span className="flex shrink-0 items-center gap-3">
                        <span className="text-xs text-slate-400 tabular-nums">{a.sizeLabel}</span>
                        {canModify ? (
                          <Form method="post">
                            <input type="hidden" name="attachmentId" value={a.id} />
                            <Button type="submit" name="intent" value="removeAttachment" variant="ghost" size="sm">
                              {t("knowledge.detail.removeAttachment")}
                            </Button>
                          </Form>
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {canModify ? (
                <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-center gap-3">
                  <label className="sr-only" htmlFor="kb-files">
                    {t("knowledge.detail.upload")}
                  </label>
                  <input
                    id="kb-files"
                    type="file"
                    name="attachments"
                    multiple
                    accept={upload.accept}
                    className="text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700"
                  />
                  <Button type="submit" name="intent" value="upload" variant="secondary" size="sm" disabled={busy}>
                    <Upload aria-hidden className="size-4" />
                    {t("knowledge.detail.upload")}
                  </Button>
                  <p className="w-full text-xs text-slate-500">
                    {t("service.attachments.hint", { count: upload.maxFiles, size: upload.maxMb })}
                  </p>
                  {actionData?.uploadErrors?.map((e) => (
                    <p key={`${e.key}-${JSON.stringify(e.vars)}`} role="alert" className="w-full text-sm text-red-600">
                      {t(e.key, e.vars)}
                    </p>
                  ))}
                </Form>
              ) : null}
            </div>
          </Card>
        </div>

        <aside className="space-y-6">
          <Card>
            <CardHeader title={t("knowledge.detail.meta")} />
            <dl className="space-y-3 px-5 py-4 text-sm">
              <Meta label={t("knowledge.detail.number")}>
                <span className="tabular-nums">{article.number}</span>
              </Meta>
              <Meta label={t("knowledge.detail.author")}>
                {article.author?.name ?? t("knowledge.detail.noneValue")}
              </Meta>
              <Meta label={t("knowledge.detail.created")}>{formatDateTime(new Date(article.createdAt), locale)}</Meta>
              <Meta label={t("knowledge.detail.updated")}>{formatDateTime(new Date(article.updatedAt), locale)}</Meta>
              <Meta label={t("knowledge.detail.publishedAt")}>
                {article.publishedAt ? formatDay(article.publishedAt, locale) : t("knowledge.detail.noneValue")}
              </Meta>
              <Meta label={t("knowledge.article.keywords")}>
                {article.keywordList.length > 0 ? (
                  <span className="flex flex-wrap gap-1">
                    {article.keywordList.map((k) => (
                      <Badge key={k} tone="blue">
                        {k}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  t("knowledge.detail.noneValue")
                )}
              </Meta>
              <Meta label={t("knowledge.detail.source")}>
                {article.source ? (
                  <Link to={`/crm/service/${article.source.id}`} className="text-blue-700 hover:underline">
                    {article.source.number} · {article.source.subject}
                  </Link>
                ) : (
                  t("knowledge.detail.noneValue")
                )}
              </Meta>
            </dl>
          </Card>
          {canDelete ? (
            <Form
              method="post"
              onSubmit={(event) => {
                if (!window.confirm(t("knowledge.detail.deleteConfirm"))) event.preventDefault();
              }}
            >
              <Button
                type="submit"
                name="intent"
                value="delete"
                variant="ghost"
                className="text-red-600 hover:bg-red-50 hover:text-red-700"
              >
                <Trash2 aria-hidden className="size-4" />
                {t("knowledge.detail.delete")}
              </Button>
            </Form>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-800">{children}</dd>
    </div>
  );
}
