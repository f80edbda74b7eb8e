import { ArrowLeft, ArrowRight, BookOpen, MessagesSquare } from "lucide-react";
import {
  data,
  Link,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { setLessonLearned } from "#app/modules/courseware/course-progress.server.ts";
import { getLessonView } from "#app/modules/courseware/course-reader.server.ts";
import { portalCourseViewer } from "#app/modules/courseware/course-viewer.server.ts";
import type { CourseViewer } from "#app/modules/courseware/courseware-access.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { RichTextView } from "#app/ui/rich-text-editor.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { coursePath, DraftBadge, lessonPath } from "#portal/components/courseware/course-outline.tsx";
import { ExpandPrompt } from "#portal/components/courseware/expand-prompt.tsx";
import { LearnedToggle } from "#portal/components/courseware/learned-toggle.tsx";
import { LessonMedia } from "#portal/components/courseware/lesson-media.tsx";
import { StaffPreviewNote } from "#portal/components/courseware/staff-preview-note.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";

// GET /classroom/:classroomId/lessons/:lessonId — one lesson. Visitors get the title, the summary and
// "登录后查看完整课件" (sign-in comes back here); members get the body, files, video and 标记为学过.
// A lesson the viewer may not see is a 404, the same as one that does not exist.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const classroomId = requireIdParam(params.classroomId);
  const lessonId = requireIdParam(params.lessonId);
  const viewer = await portalCourseViewer(request);
  const view = await getLessonView(db, viewer, classroomId, lessonId);
  if (!view) throw data(null, { status: 404 });
  return {
    ...view,
    staffPreview: viewer.kind === "staff",
    member: viewer.kind === "member",
    here: new URL(request.url).pathname,
  };
}

type Context = { viewer: CourseViewer; classroomId: number; lessonId: number };

async function mark({ viewer, classroomId, lessonId }: Context, learned: boolean) {
  const result = await setLessonLearned(db, viewer, classroomId, lessonId, learned);
  return respond(result, { successTo: lessonPath(classroomId, lessonId) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const context: Context = {
    viewer: await portalCourseViewer(request),
    classroomId: requireIdParam(params.classroomId),
    lessonId: requireIdParam(params.lessonId),
  };
  return runIntent(
    await request.formData(),
    { learned: (c: Context) => mark(c, true), unlearned: (c: Context) => mark(c, false) },
    context,
  );
}

export const meta = ({ matches, data: loaded }: MetaArgs<typeof loader>) => {
  const base = pageTitle(matches, "courseware.title");
  if (!loaded) return base;
  const title = base[0] && "title" in base[0] ? String(base[0].title) : "";
  return [{ title: `${loaded.lesson.title} · ${loaded.classroom.name} · ${title}` }];
};

export default function LessonPage() {
  const view = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const { classroom, chapter, lesson, expanded } = view;
  const filesBase = `${lessonPath(classroom.id, lesson.id)}/files`;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-12 lg:px-8">
      <BackLink to={coursePath(classroom.id)}>{t("courseware.portal.backToCourse")}</BackLink>
      {view.staffPreview ? (
        <div className="mt-4">
          <StaffPreviewNote />
        </div>
      ) : null}

      <header className="mt-5">
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span className="inline-flex items-center gap-1 font-medium text-blue-700">
            <BookOpen aria-hidden className="size-3.5" />
            {classroom.name}
          </span>
          <span>{chapter.title}</span>
          <DraftBadge status={lesson.status} />
        </p>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{lesson.title}</h1>
        {lesson.publishedAt ? (
          <p className="mt-2 text-sm text-slate-500">
            {t("common.publishedDate", { date: formatCompactDate(lesson.publishedAt, locale) })}
          </p>
        ) : null}
        {lesson.summary ? <p className="mt-4 text-[15px] leading-relaxed text-slate-700">{lesson.summary}</p> : null}
      </header>

      <div className="mt-6 space-y-5">
        {expanded ? (
          <>
            {expanded.bodyHtml ? (
              <Card className="p-5 sm:p-6">
                <RichTextView html={expanded.bodyHtml} className="text-[15px] [&>:first-child]:mt-0" />
              </Card>
            ) : null}
            <LessonMedia base={filesBase} files={expanded.attachments} />
            {expanded.threadId ? (
              <Card className="flex flex-col gap-3 p-5 sm:flex-row sm:items-center sm:p-6">
                <MessagesSquare aria-hidden className="size-6 shrink-0 text-blue-600" />
                <div className="min-w-0 flex-1">
                  <h2 className="font-semibold text-slate-900">{t("courseware.portal.discussion")}</h2>
                  <p className="mt-0.5 text-sm text-slate-600">{t("courseware.portal.discussionBody")}</p>
                </div>
                <ButtonLink to={`/forum/t/${expanded.threadId}`} variant="secondary">
                  {t("courseware.portal.discussionLink")}
                </ButtonLink>
              </Card>
            ) : null}
            {view.member ? <LearnedToggle learned={expanded.learned} /> : null}
          </>
        ) : (
          <ExpandPrompt redirectTo={view.here} signedIn={view.member} />
        )}

        <nav className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-5 text-sm">
          {view.previousId ? (
            <Link
              to={lessonPath(classroom.id, view.previousId)}
              className="inline-flex items-center gap-1 text-blue-700 hover:underline"
            >
              <ArrowLeft aria-hidden className="size-4" />
              {t("courseware.portal.previous")}
            </Link>
          ) : (
            <span />
          )}
          {view.nextId ? (
            <Link
              to={lessonPath(classroom.id, view.nextId)}
              className="inline-flex items-center gap-1 text-blue-700 hover:underline"
            >
              {t("courseware.portal.next")}
              <ArrowRight aria-hidden className="size-4" />
            </Link>
          ) : null}
        </nav>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/forum" backLabel="forum.back" />;
}
