import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { bindFields } from "#app/ui/form/field-binder.ts";
import { SubmitButton, TextField } from "#app/ui/form/index.ts";

// A chapter's title and summary: "新建章节" at the foot of the outline and each chapter's edit panel.

export function ChapterForm({
  intent,
  chapterId,
  values,
  errors,
  submitLabel,
}: {
  intent: "createChapter" | "updateChapter";
  chapterId?: number;
  values?: { title: string; summary: string };
  errors?: FieldErrors;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const field = bindFields(chapterId ? `chapter-${chapterId}` : "new-chapter", errors, values);
  return (
    <Form method="post" className="grid gap-4 sm:grid-cols-[1fr_1.5fr_auto] sm:items-end">
      {chapterId ? <input type="hidden" name="chapterId" value={chapterId} /> : null}
      <TextField {...field("title")} label={t("courseware.admin.chapterTitle")} maxLength={120} required />
      <TextField {...field("summary")} label={t("courseware.admin.chapterSummary")} maxLength={500} />
      <SubmitButton intent={intent}>{submitLabel}</SubmitButton>
    </Form>
  );
}

/** The inline "新建课程" form of one chapter: a title is enough; the lesson editor opens next. */
export function NewLessonForm({ chapterId, errors }: { chapterId: number; errors?: FieldErrors }) {
  const { t } = useI18n();
  const field = bindFields(`new-lesson-${chapterId}`, errors);
  return (
    <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <input type="hidden" name="chapterId" value={chapterId} />
      <div className="min-w-0 flex-1">
        <TextField {...field("title")} label={t("courseware.admin.lessonTitle")} maxLength={160} required />
      </div>
      <SubmitButton intent="createLesson" variant="secondary">
        {t("courseware.admin.newLesson")}
      </SubmitButton>
    </Form>
  );
}
