import { ExternalLink, FileText } from "lucide-react";
import {
  data,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { dispatchIntent, formIntent, parseForm, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import type { AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { addLessonAttachments, removeLessonAttachment } from "#app/modules/courseware/course-attachments.server.ts";
import {
  deleteLesson,
  getLessonEditor,
  setLessonStatus,
  updateLesson,
} from "#app/modules/courseware/course-editor.server.ts";
import { LessonIntents, LessonSchema } from "#app/modules/courseware/courseware-input.ts";
import { MEDIA_ATTACHMENT_ACCEPT, filesFromFormData, readUploadForm } from "#app/modules/files/attachments.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { DeleteButton, PublishButton, StatusBadge } from "#backoffice/components/courseware/course-controls.tsx";
import { LessonAttachments } from "#backoffice/components/courseware/lesson-attachments.tsx";
import { LessonForm } from "#backoffice/components/courseware/lesson-form.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// /crm/courseware/:classroomId/lessons/:lessonId — edit one lesson: text, chapter, discussion thread,
// draft/publish, attachments (images, PDF, video), delete.

const POLICY = { module: "forum", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const editor = await loadRecordPage(request, POLICY, params.lessonId, (database, actor, lessonId) =>
    getLessonEditor(database, actor, requireIdParam(params.classroomId), lessonId),
  );
  return { ...editor, accept: MEDIA_ATTACHMENT_ACCEPT };
}

type Context = { actor: StaffActor; audit: AuditMeta; classroomId: number; lessonId: number; form: FormData };
const here = (c: Context) => `/crm/courseware/${c.classroomId}/lessons/${c.lessonId}`;

async function save(c: Context) {
  const parsed = await parseForm(c.form, LessonSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await updateLesson(db, c.actor, c.classroomId, c.lessonId, parsed.value, c.audit);
  return respond(result, { successTo: here(c), flash: "flash.saved" });
}

async function status(c: Context) {
  const parsed = await parseForm(c.form, LessonIntents.lessonStatus);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await setLessonStatus(db, c.actor, c.classroomId, c.lessonId, parsed.value.status, c.audit);
  return respond(result, { successTo: here(c), flash: "flash.updated" });
}

async function remove(c: Context) {
  const result = await deleteLesson(db, c.actor, c.classroomId, c.lessonId, c.audit);
  return respond(result, { successTo: `/crm/courseware/${c.classroomId}`, flash: "flash.deleted" });
}

async function upload(c: Context) {
  const result = await addLessonAttachments(db, c.actor, c.classroomId, c.lessonId, filesFromFormData(c.form), c.audit);
  if (result.status === "upload-invalid") return data({ uploadErrors: result.errors }, { status: 400 });
  return respond(result, { successTo: here(c), flash: "flash.knowledge.uploaded" });
}

async function removeAttachment(c: Context) {
  const parsed = await parseForm(c.form, LessonIntents.removeAttachment);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await removeLessonAttachment(
    db,
    c.actor,
    c.classroomId,
    c.lessonId,
    parsed.value.attachmentId,
    c.audit,
  );
  return respond(result, { successTo: here(c), flash: "flash.knowledge.attachmentRemoved" });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const input: Context = {
    actor,
    audit: { ipAddress: clientIp(context) },
    classroomId: requireIdParam(params.classroomId),
    lessonId: requireIdParam(params.lessonId),
    form: await readUploadForm(request),
  };
  return dispatchIntent(formIntent(input.form), input, {
    save,
    lessonStatus: status,
    deleteLesson: remove,
    upload,
    removeAttachment,
  });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "courseware.admin.editLesson");

export default function LessonEditorPage() {
  const { classroom, lesson, chapters, attachments, canEdit, accept } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const result = answer && "status" in answer ? answer : null;
  const sent = submittedValues(result);
  const portal = `/classroom/${classroom.id}/lessons/${lesson.id}`;
  return (
    <div className="space-y-6">
      <BackLink to={`/crm/courseware/${classroom.id}`}>{t("courseware.admin.backToCourse")}</BackLink>
      <PageHeader
        eyebrow={classroom.name}
        title={lesson.title}
        icon={<FileText className="size-6" aria-hidden />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={lesson.status} />
            {lesson.publishedAt ? (
              <span>
                {t("courseware.admin.publishedAt")} {formatCompactDate(lesson.publishedAt, locale)}
              </span>
            ) : null}
          </span>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ButtonLink to={portal} variant="secondary" icon={ExternalLink}>
              {t("courseware.admin.viewOnPortal")}
            </ButtonLink>
            {canEdit ? <PublishButton intent="lessonStatus" status={lesson.status} /> : null}
          </div>
        }
      />
      {sent === null ? <FailureNotice result={result} /> : null}
      {!canEdit ? <p className="text-sm text-slate-500">{t("courseware.admin.readOnly")}</p> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card className="min-w-0">
          {canEdit ? (
            <LessonForm
              chapters={chapters}
              errors={fieldErrors(result)}
              values={{
                chapterId: sent?.chapterId ?? String(lesson.chapterId),
                title: sent?.title ?? lesson.title,
                summary: sent?.summary ?? lesson.summary ?? "",
                bodyHtml: sent?.bodyHtml ?? lesson.bodyHtml,
                threadId: sent?.threadId ?? (lesson.threadId ? String(lesson.threadId) : ""),
              }}
            />
          ) : (
            <div className="p-5 text-sm text-slate-700">{lesson.summary}</div>
          )}
        </Card>
        <aside className="space-y-6">
          <LessonAttachments
            files={attachments}
            portalBase={`${portal}/files`}
            canEdit={canEdit}
            accept={accept}
            uploadErrors={answer && "uploadErrors" in answer ? answer.uploadErrors : []}
          />
          {canEdit ? (
            <Card className="p-5">
              <DeleteButton
                intent="deleteLesson"
                label={t("courseware.admin.deleteLesson")}
                hint={t("courseware.admin.deleteLessonHint")}
              />
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/courseware" backLabel="courseware.admin.backToList" />;
}
