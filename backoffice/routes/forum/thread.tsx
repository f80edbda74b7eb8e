import { BookOpen, CheckCircle2, MoveRight } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { listClassrooms } from "#app/modules/forum/forum-classrooms.server.ts";
import { curateForm, handOverChoices, handToSalesForm } from "#app/modules/forum/forum-crm.server.ts";
import { THREAD_INTENTS, type IntentContext } from "#app/modules/forum/forum-intents.server.ts";
import { openThread } from "#app/modules/forum/forum-thread-page.server.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { IntentButton } from "#app/ui/forum/intent-button.tsx";
import { PostModeration, ThreadModerationBar } from "#app/ui/forum/moderation.tsx";
import { PostCard, type ForumPostView } from "#app/ui/forum/post-card.tsx";
import { ThreadBadges } from "#app/ui/forum/thread-badges.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { RichTextField } from "#app/ui/rich-text-field.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { CurateForm, HandToSalesForm } from "#backoffice/components/forum/crm-forms.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// /crm/forum/threads/:id — a thread as staff see it (hidden posts included, marked), with moderation,
// the staff answer (marked 官方), 采纳, 转交销售 of a post's author and 整理为知识.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cursor = new URL(request.url).searchParams.get("cursor");
  return loadRecordPage(
    request,
    { module: "forum", action: "browse" },
    params.threadId,
    async (database, actor, id) => {
      const viewer = { kind: "staff" as const, staffId: actor.staffId };
      const [page, choices, classrooms] = await Promise.all([
        openThread(database, viewer, id, { cursor }),
        handOverChoices(database, actor),
        listClassrooms(database, viewer),
      ]);
      return page && { ...page, choices, classrooms: classrooms.map((c) => ({ id: c.id, name: c.name })) };
    },
  );
}

type Ctx = IntentContext & { actor: StaffActor };
const INTENTS = {
  ...THREAD_INTENTS,
  handToSales: ({ db: d, actor, formData }: Ctx) => handToSalesForm(d, actor, formData),
  curate: ({ db: d, actor, threadId, formData }: Ctx) => curateForm(d, actor, threadId, formData),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "forum", action: "modify" });
  const threadId = requireIdParam(params.threadId);
  const formData = await request.formData();
  const viewer = { kind: "staff" as const, staffId: actor.staffId };
  const result = await runIntent(formData, INTENTS, { db, viewer, actor, threadId, formData });
  return respond(result, {
    successTo: (v) =>
      "articleId" in v
        ? `/crm/knowledge/${v.articleId}`
        : "gone" in v && v.gone
          ? "/crm/forum"
          : `/crm/forum/threads/${threadId}`,
    flash: (v) => ("leadId" in v ? "flash.sent" : "articleId" in v ? "flash.created" : "flash.saved"),
  });
}

export const meta = ({ data: loaded }: MetaArgs<typeof loader>) => [{ title: loaded?.thread.title ?? "" }];

export default function StaffThreadPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result);
  const { t } = useI18n();
  const { thread } = page;
  const actions = (post: ForumPostView) => (
    <>
      {!post.isOpening && !post.accepted ? (
        <IntentButton intent="accept" postId={post.id} icon={CheckCircle2}>
          {t("forum.accept")}
        </IntentButton>
      ) : null}
      <PostModeration post={post} />
      {post.author.kind === "member" ? (
        <details className="w-full">
          <summary className="cursor-pointer text-sm text-blue-700">{t("forum.crm.handToSales")}</summary>
          <div className="mt-3">
            <HandToSalesForm choices={page.choices} postId={post.id} errors={errors} />
          </div>
        </details>
      ) : null}
    </>
  );
  return (
    <div className="space-y-6">
      <BackLink to={`/crm/forum/classrooms/${thread.classroom.id}`}>{thread.classroom.name}</BackLink>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <ThreadBadges thread={thread} hiddenLabel="forum.badge.hiddenStaff" />
          {thread.knowledgeArticleId ? (
            <Link
              to={`/crm/knowledge/${thread.knowledgeArticleId}`}
              className="inline-flex items-center gap-1 text-sm text-blue-700"
            >
              <BookOpen aria-hidden className="size-4" />
              {t("forum.crm.curate")}
            </Link>
          ) : null}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{thread.title}</h1>
        <ThreadModerationBar thread={thread} />
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="move" />
          <SelectField
            name="classroomId"
            label={t("forum.mod.move")}
            defaultValue={String(thread.classroom.id)}
            options={page.classrooms.map((c) => ({ value: String(c.id), label: c.name }))}
            errors={errors.classroomId}
          />
          <SubmitButton icon={MoveRight}>{t("forum.mod.move")}</SubmitButton>
        </Form>
      </header>
      <FailureNotice result={result?.status === "invalid" ? null : result} />
      <div className="space-y-4">
        {[page.opening, ...page.replies].map((post) => (
          <PostCard key={post.id} post={post} hiddenLabel="forum.badge.hiddenStaff" actions={actions(post)} />
        ))}
      </div>
      <Card className="p-5">
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="reply" />
          <RichTextField
            key={page.replies.length}
            name="body"
            label={t("forum.yourReply")}
            errors={errors.body}
            minRows={4}
          />
          <SubmitButton>{t("forum.postReply")}</SubmitButton>
        </Form>
      </Card>
      {page.replies.length > 0 ? (
        <SectionCard title={t("forum.crm.curate")} icon={BookOpen}>
          <CurateForm answers={page.replies} />
        </SectionCard>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/forum" backLabel="forum.admin.title" />;
}
