import { CheckCircle2, Circle, Lock } from "lucide-react";
import { Link } from "react-router";
import type { CoursewareStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { Card } from "#app/ui/card.tsx";

// The outline of a classroom's courseware: chapters, their lessons, and the member's 学过 ticks.

interface Lesson {
  id: number;
  title: string;
  summary: string | null;
  status: CoursewareStatus;
  learned: boolean;
}

interface Chapter {
  id: number;
  title: string;
  summary: string | null;
  status: CoursewareStatus;
  lessons: Lesson[];
}

export function lessonPath(classroomId: number, lessonId: number): string {
  return `/classroom/${classroomId}/lessons/${lessonId}`;
}

export function coursePath(classroomId: number): string {
  return `/classroom/${classroomId}/course`;
}

export function DraftBadge({ status }: { status: CoursewareStatus }) {
  const { t } = useI18n();
  return status === "draft" ? <Badge tone="amber">{t("courseware.portal.draftBadge")}</Badge> : null;
}

function LessonRow({ classroomId, lesson, canExpand }: { classroomId: number; lesson: Lesson; canExpand: boolean }) {
  const { t } = useI18n();
  const Tick = lesson.learned ? CheckCircle2 : canExpand ? Circle : Lock;
  return (
    <li>
      <Link
        to={lessonPath(classroomId, lesson.id)}
        className="flex items-start gap-3 px-5 py-3.5 hover:bg-slate-50 focus-visible:bg-slate-50 sm:px-6"
      >
        <Tick
          aria-hidden
          className={
            lesson.learned ? "mt-0.5 size-5 shrink-0 text-emerald-600" : "mt-0.5 size-5 shrink-0 text-slate-300"
          }
        />
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{lesson.title}</span>
            <DraftBadge status={lesson.status} />
            {lesson.learned ? (
              <Badge tone="green" aria-label={t("courseware.portal.learnedState")}>
                {t("courseware.portal.learned")}
              </Badge>
            ) : null}
          </span>
          {lesson.summary ? <span className="mt-0.5 block text-sm text-slate-600">{lesson.summary}</span> : null}
        </span>
      </Link>
    </li>
  );
}

export function CourseOutlineList({
  classroomId,
  chapters,
  canExpand,
}: {
  classroomId: number;
  chapters: Chapter[];
  canExpand: boolean;
}) {
  const { t } = useI18n();
  return (
    <ol className="space-y-5">
      {chapters.map((chapter, index) => (
        <li key={chapter.id}>
          <Card aria-labelledby={`chapter-${chapter.id}`}>
            <header className="border-b border-slate-100 px-5 py-4 sm:px-6">
              <p className="text-xs font-medium tracking-wide text-blue-700">
                {t("courseware.chapter")} {index + 1} ·{" "}
                {t("courseware.portal.lessonCount", { count: chapter.lessons.length })}
              </p>
              <h2
                id={`chapter-${chapter.id}`}
                className="mt-1 flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900"
              >
                {chapter.title}
                <DraftBadge status={chapter.status} />
              </h2>
              {chapter.summary ? <p className="mt-1 text-sm text-slate-600">{chapter.summary}</p> : null}
            </header>
            {chapter.lessons.length > 0 ? (
              <ol className="divide-y divide-slate-100">
                {chapter.lessons.map((lesson) => (
                  <LessonRow key={lesson.id} classroomId={classroomId} lesson={lesson} canExpand={canExpand} />
                ))}
              </ol>
            ) : (
              <p className="px-5 py-4 text-sm text-slate-500 sm:px-6">{t("courseware.portal.chapterEmpty")}</p>
            )}
          </Card>
        </li>
      ))}
    </ol>
  );
}
