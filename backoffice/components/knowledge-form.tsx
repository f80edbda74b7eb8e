import { Form } from "react-router";
import type { KnowledgeVisibility } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { KNOWLEDGE_VISIBILITIES } from "#app/modules/knowledge/knowledge-visibility.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { bindFields } from "#app/ui/form/field-binder.ts";
import { ErrorList, FormNotice, SubmitButton, TextField, useSubmitting } from "#app/ui/form/index.ts";
import { VisibilityBadge } from "#app/ui/knowledge-badges.tsx";
import { RichTextField } from "#app/ui/rich-text-field.tsx";

// The solution editor shared by 新建解决方案 and the edit mode of the detail page.

export interface KnowledgeFormValues {
  summary: string;
  descriptionHtml: string;
  solutionHtml: string;
  category: string;
  keywords: string;
  visibility: KnowledgeVisibility;
}

/** What a refused form sent back, over the values the page started with. */
export function knowledgeValues(base: KnowledgeFormValues, sent: Record<string, string> | null): KnowledgeFormValues {
  if (!sent) return base;
  const visibility = (KNOWLEDGE_VISIBILITIES as readonly string[]).includes(sent.visibility ?? "")
    ? (sent.visibility as KnowledgeVisibility)
    : base.visibility;
  return {
    summary: sent.summary ?? base.summary,
    descriptionHtml: sent.descriptionHtml ?? base.descriptionHtml,
    solutionHtml: sent.solutionHtml ?? base.solutionHtml,
    category: sent.category ?? base.category,
    keywords: sent.keywords ?? base.keywords,
    visibility,
  };
}

export function KnowledgeForm({
  values,
  errors = {},
  categories,
  cancelTo,
  mode,
}: {
  values: KnowledgeFormValues;
  errors?: FieldErrors;
  categories: string[];
  cancelTo: string;
  mode: "new" | "edit";
}) {
  const { t } = useI18n();
  const busy = useSubmitting();
  const hasErrors = Object.keys(errors).length > 0;
  const field = bindFields("kb", errors, values);
  // The three plain text fields each have a label and a hint under `knowledge.form.<name>`.
  const text = (
    name: "summary" | "category" | "keywords",
    input: { maxLength: number; required?: boolean; list?: string },
  ) => (
    <TextField {...field(name)} label={t(`knowledge.form.${name}`)} hint={t(`knowledge.form.${name}Hint`)} {...input} />
  );
  const richText = (name: "descriptionHtml" | "solutionHtml", id: string, label: MessageKey, minRows: number) => (
    <RichTextField {...field(name, id)} label={t(label)} minRows={minRows} />
  );
  return (
    <Form method="post" className="space-y-6 p-5 sm:p-6" noValidate>
      {hasErrors ? <FormNotice tone="error">{t("knowledge.form.errorSummary")}</FormNotice> : null}
      {text("summary", { maxLength: 300, required: true })}
      {richText("descriptionHtml", "kb-description", "knowledge.form.description", 4)}
      {richText("solutionHtml", "kb-solution", "knowledge.form.solution", 8)}
      <div className="grid gap-6 sm:grid-cols-2">
        <div>
          {text("category", { list: "kb-categories", maxLength: 60 })}
          <datalist id="kb-categories">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </div>
        {text("keywords", { maxLength: 2000 })}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("knowledge.form.visibility")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {KNOWLEDGE_VISIBILITIES.map((v) => (
            <label
              key={v}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50/50"
            >
              <input
                type="radio"
                name="visibility"
                value={v}
                defaultChecked={values.visibility === v}
                className="mt-1"
              />
              <span className="min-w-0">
                <VisibilityBadge visibility={v} />
                <span className="mt-1 block text-xs leading-5 text-slate-500">
                  {t(`knowledge.visibility.${v}.hint`)}
                </span>
              </span>
            </label>
          ))}
        </div>
        <ErrorList errors={errors.visibility} className="mt-1" />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-5">
        {mode === "new" ? (
          <>
            <Button type="submit" name="status" value="published" disabled={busy}>
              {t("knowledge.form.savePublish")}
            </Button>
            <Button type="submit" name="status" value="draft" variant="secondary" disabled={busy}>
              {t("knowledge.form.saveDraft")}
            </Button>
          </>
        ) : (
          <SubmitButton intent="save">{t("knowledge.form.save")}</SubmitButton>
        )}
        <ButtonLink to={cancelTo} variant="ghost">
          {t("knowledge.form.cancel")}
        </ButtonLink>
      </div>
    </Form>
  );
}

/** Form fields → service input (the editor's hidden inputs carry HTML); `status` only when a button sent one. */
export function articleInputFrom(form: FormData) {
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const status = get("status");
  return {
    summary: get("summary"),
    descriptionHtml: get("descriptionHtml"),
    solutionHtml: get("solutionHtml"),
    category: get("category"),
    keywords: get("keywords"),
    visibility: get("visibility"),
    ...(status ? { status } : {}),
  };
}
