import { FileText, Paperclip, Users } from "lucide-react";
import { Link } from "react-router";
import type { CoursewareStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ChapterForm, NewLessonForm } from "./chapter-form.tsx";
import { DeleteButton, MoveButtons, PublishButton, StatusBadge } from "./course-controls.tsx";
import { MetaItem } from "#app/ui/record-meta.tsx";

// One chapter in the courseware editor: its header controls, its lessons in order, and (for editors)
// the edit panel and the new-lesson form.

export interface ChapterCardData {
  id: number;
  title: string;
  summary: string | null;
  status: CoursewareStatus;
  lessons: Array<{
    id: number;
    title: string;
    status: CoursewareStatus;
    attachmentCount: number;
    learnedCount: number;
  }>;
}

function LessonRows({ base, chapter, canEdit }: { base: string; chapter: ChapterCardData; canEdit: boolean }) {
  const { t } = useI18n();
  if (chapter.lessons.length === 0) return <p className="text-sm text-slate-500">{t("courseware.admin.noLessons")}</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200">
      {chapter.lessons.map((lesson, i) => (
        <li key={lesson.id} className="flex flex-col gap-2 px-3 py-2.5 sm:flex-row sm:items-center">
          <div className="flex min-w-0 flex-1 items-center gap-2">
            <FileText aria-hidden className="size-4 shrink-0 text-slate-400" />
            <Link to={`${base}/lessons/${lesson.id}`} className="truncate font-medium text-blue-700 hover:underline">
              {lesson.title}
            </Link>
            <StatusBadge status={lesson.status} />
          </div>
          <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500">
            <MetaItem icon={Paperclip} compact>
              {t("courseware.admin.files", { count: lesson.attachmentCount })}
            </MetaItem>
            <MetaItem icon={Users} compact>
              {t("courseware.admin.learnedBy", { count: lesson.learnedCount })}
            </MetaItem>
            {canEdit ? (
              <>
                <MoveButtons
                  intent="moveLesson"
                  field="lessonId"
                  id={lesson.id}
                  name={lesson.title}
                  first={i === 0}
                  last={i === chapter.lessons.length - 1}
                />
                <PublishButton intent="lessonStatus" field="lessonId" id={lesson.id} status={lesson.status} />
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function ChapterCard({
  base,
  chapter,
  index,
  count,
  canEdit,
  errors,
}: {
  base: string;
  chapter: ChapterCardData;
  index: number;
  count: number;
  canEdit: boolean;
  /** Errors of a refused form that belongs to this chapter. */
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <SectionCard
      title={`${index + 1}. ${chapter.title}`}
      labelled
      description={
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge status={chapter.status} />
          {chapter.summary ? <span>{chapter.summary}</span> : null}
        </span>
      }
      action={
        canEdit ? (
          <div className="flex items-center gap-2">
            <MoveButtons
              intent="moveChapter"
              field="chapterId"
              id={chapter.id}
              name={chapter.title}
              first={index === 0}
              last={index === count - 1}
            />
            <PublishButton intent="chapterStatus" field="chapterId" id={chapter.id} status={chapter.status} />
          </div>
        ) : null
      }
    >
      <div className="space-y-4">
        <LessonRows base={base} chapter={chapter} canEdit={canEdit} />
        {canEdit ? (
          <>
            <NewLessonForm chapterId={chapter.id} errors={errors} />
            <details className="rounded-lg border border-slate-200 px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium text-slate-700">
                {t("courseware.admin.editChapter")}
              </summary>
              <div className="mt-3 space-y-4">
                <ChapterForm
                  intent="updateChapter"
                  chapterId={chapter.id}
                  values={{ title: chapter.title, summary: chapter.summary ?? "" }}
                  submitLabel={t("common.save")}
                />
                <DeleteButton
                  intent="deleteChapter"
                  field={{ name: "chapterId", value: chapter.id }}
                  label={t("courseware.admin.deleteChapter")}
                  hint={t("courseware.admin.deleteChapterHint")}
                />
              </div>
            </details>
          </>
        ) : null}
      </div>
    </SectionCard>
  );
}
