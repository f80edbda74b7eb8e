import { ExternalLink, GraduationCap } from "lucide-react";
import {
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import type { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond, type ServiceResult } from "#app/lib/service-result.ts";
import type { FlashKey } from "#app/lib/flash.ts";
import {
  createChapter,
  createLesson,
  deleteChapter,
  getCourseEditor,
  moveChapter,
  moveLesson,
  setChapterStatus,
  setLessonStatus,
  updateChapter,
} from "#app/modules/courseware/course-editor.server.ts";
import { OutlineIntents } from "#app/modules/courseware/courseware-input.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ChapterCard } from "#backoffice/components/courseware/chapter-card.tsx";
import { ChapterForm } from "#backoffice/components/courseware/chapter-form.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { runRecordIntent, type RecordIntentArgs } from "#backoffice/components/record-action.server.ts";

// /crm/courseware/:classroomId — one classroom's courseware outline in the back office: chapters and
// lessons in order, move up/down, draft/publish, new chapter and new lesson. Reading needs
// forum:browse; the services refuse changes to anyone who may not edit this classroom.

const POLICY = { module: "forum", action: "browse" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, POLICY, params.classroomId, getCourseEditor);
}

type Intent = keyof typeof OutlineIntents;
type Values<I extends Intent> = z.output<(typeof OutlineIntents)[I]>;

/** Parses the intent's form, runs the service, and answers: redirect back (flash) or the refusal tagged with its form. */
function handle<I extends Intent>(
  intent: I,
  run: (c: RecordIntentArgs, v: Values<I>) => Promise<ServiceResult<{ id: number }>>,
  flash: FlashKey,
  successTo?: (c: RecordIntentArgs, id: number) => string,
) {
  return async (c: RecordIntentArgs) => {
    const parsed = await parseForm(c.form, OutlineIntents[intent]);
    if (parsed.status !== "ok") return fail({ ...parsed, form: formKey(intent, c.form) });
    const result = await run(c, parsed.value as Values<I>);
    if (result.status !== "ok") return fail({ ...result, form: formKey(intent, c.form) });
    const here = `/crm/courseware/${c.id}`;
    return respond(result, { successTo: successTo ? (v) => successTo(c, v.id) : here, flash });
  };
}

/** Which form on the page a refusal belongs to (the new-lesson forms are one per chapter). */
function formKey(intent: Intent, form: FormData): string {
  return intent === "createLesson" ? `createLesson-${String(form.get("chapterId"))}` : intent;
}

const handlers = {
  createChapter: handle("createChapter", (c, v) => createChapter(db, c.actor, c.id, v, c.meta), "flash.created"),
  updateChapter: handle(
    "updateChapter",
    (c, { chapterId, ...v }) => updateChapter(db, c.actor, c.id, chapterId, v, c.meta),
    "flash.saved",
  ),
  deleteChapter: handle(
    "deleteChapter",
    (c, v) => deleteChapter(db, c.actor, c.id, v.chapterId, c.meta),
    "flash.deleted",
  ),
  moveChapter: handle(
    "moveChapter",
    (c, v) => moveChapter(db, c.actor, c.id, v.chapterId, v.direction, c.meta),
    "flash.updated",
  ),
  chapterStatus: handle(
    "chapterStatus",
    (c, v) => setChapterStatus(db, c.actor, c.id, v.chapterId, v.status, c.meta),
    "flash.updated",
  ),
  createLesson: handle(
    "createLesson",
    (c, v) => createLesson(db, c.actor, c.id, { ...v, summary: null, bodyHtml: "", threadId: null }, c.meta),
    "flash.created",
    (c, id) => `/crm/courseware/${c.id}/lessons/${id}`,
  ),
  moveLesson: handle(
    "moveLesson",
    (c, v) => moveLesson(db, c.actor, c.id, v.lessonId, v.direction, c.meta),
    "flash.updated",
  ),
  lessonStatus: handle(
    "lessonStatus",
    (c, v) => setLessonStatus(db, c.actor, c.id, v.lessonId, v.status, c.meta),
    "flash.updated",
  ),
};

export async function action(args: ActionFunctionArgs) {
  return runRecordIntent(args, POLICY, "classroomId", handlers);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "courseware.admin.title");

export default function CourseEditorPage() {
  const { classroom, chapters, canEdit } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const base = `/crm/courseware/${classroom.id}`;
  const errorsOf = (form: string) => (answer && answer.form === form ? fieldErrors(answer) : undefined);
  return (
    <div className="space-y-6">
      <BackLink to="/crm/courseware">{t("courseware.admin.backToList")}</BackLink>
      <PageHeader
        eyebrow={t("courseware.admin.title")}
        title={classroom.name}
        icon={<GraduationCap className="size-6" aria-hidden />}
        description={t(`forum.visibility.${classroom.visibility}`)}
        actions={
          <ButtonLink to={`/classroom/${classroom.id}/course`} variant="secondary" icon={ExternalLink}>
            {t("courseware.admin.viewOnPortal")}
          </ButtonLink>
        }
      />
      <FailureNotice result={answer ?? null} />
      {!canEdit ? <p className="text-sm text-slate-500">{t("courseware.admin.readOnly")}</p> : null}
      {chapters.length === 0 ? <EmptyCard icon={GraduationCap} title={t("courseware.admin.noChapters")} /> : null}
      {chapters.map((chapter, index) => (
        <ChapterCard
          key={chapter.id}
          base={base}
          chapter={chapter}
          index={index}
          count={chapters.length}
          canEdit={canEdit}
          errors={errorsOf(`createLesson-${chapter.id}`)}
        />
      ))}
      {canEdit ? (
        <SectionCard title={t("courseware.admin.newChapter")} labelled>
          <ChapterForm
            intent="createChapter"
            errors={errorsOf("createChapter")}
            submitLabel={t("courseware.admin.newChapter")}
          />
        </SectionCard>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/courseware" backLabel="courseware.admin.backToList" />;
}
