import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { bindFields } from "#app/ui/form/field-binder.ts";
import { SelectField, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { RichTextField } from "#app/ui/rich-text-field.tsx";

// The lesson editor: chapter, title, summary (public), body (Tiptap, sanitised by the service) and
// the optional discussion thread.

export interface LessonFormValues {
  chapterId: string;
  title: string;
  summary: string;
  bodyHtml: string;
  threadId: string;
}

export function LessonForm({
  values,
  chapters,
  errors,
}: {
  values: LessonFormValues;
  chapters: ReadonlyArray<{ id: number; title: string }>;
  errors?: FieldErrors;
}) {
  const { t } = useI18n();
  const field = bindFields("lesson", errors, values);
  return (
    <Form method="post" className="space-y-5 p-5 sm:p-6" noValidate>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          {...field("chapterId")}
          label={t("courseware.admin.chapterField")}
          options={chapters.map((c) => ({ value: String(c.id), label: c.title }))}
        />
        <TextField
          {...field("threadId")}
          label={t("courseware.admin.thread")}
          hint={t("courseware.admin.threadHint")}
          inputMode="numeric"
        />
      </div>
      <TextField {...field("title")} label={t("courseware.admin.lessonTitle")} maxLength={160} required />
      <TextareaField
        {...field("summary")}
        label={t("courseware.admin.lessonSummary")}
        hint={t("courseware.admin.lessonSummaryHint")}
        maxLength={500}
        rows={2}
      />
      <RichTextField {...field("bodyHtml", "lesson-body")} label={t("courseware.admin.body")} minRows={10} />
      <div className="border-t border-slate-100 pt-4">
        <SubmitButton intent="save">{t("common.save")}</SubmitButton>
      </div>
    </Form>
  );
}
