import { AlertCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Form, useNavigation } from "react-router";
import type { KnowledgeVisibility } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { KNOWLEDGE_VISIBILITIES } from "#app/modules/knowledge/knowledge-visibility.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";
import { VisibilityBadge } from "#app/ui/knowledge-badges.tsx";
import { RichTextEditor } from "#app/ui/rich-text-editor.tsx";

// The solution editor shared by 新建解决方案 and the edit mode of the detail page.

export interface KnowledgeFormValues {
  summary: string;
  descriptionHtml: string;
  solutionHtml: string;
  category: string;
  keywords: string;
  visibility: KnowledgeVisibility;
}

export type KnowledgeFormErrors = Partial<Record<keyof KnowledgeFormValues | "status", MessageKey>>;

export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none aria-[invalid=true]:border-red-400";

export function KnowledgeForm({
  values,
  errors,
  categories,
  cancelTo,
  mode,
  hidden,
}: {
  values: KnowledgeFormValues;
  errors?: KnowledgeFormErrors;
  categories: string[];
  cancelTo: string;
  mode: "new" | "edit";
  hidden?: ReactNode;
}) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const hasErrors = errors && Object.keys(errors).length > 0;
  return (
    <Form method="post" className="space-y-6 p-5 sm:p-6" noValidate>
      {hidden}
      {hasErrors ? (
        <p role="alert" className="flex items-center gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          <AlertCircle aria-hidden className="size-4" />
          {t("knowledge.form.errorSummary")}
        </p>
      ) : null}

      <Field
        id="kb-summary"
        label={t("knowledge.form.summary")}
        hint={t("knowledge.form.summaryHint")}
        error={errors?.summary}
      >
        <input
          id="kb-summary"
          name="summary"
          defaultValue={values.summary}
          maxLength={300}
          required
          aria-invalid={errors?.summary ? true : undefined}
          aria-describedby="kb-summary-hint kb-summary-error"
          className={inputClass}
        />
      </Field>

      <Field id="kb-description" label={t("knowledge.form.description")} error={errors?.descriptionHtml}>
        <RichTextEditor
          id="kb-description"
          name="descriptionHtml"
          label={t("knowledge.form.description")}
          defaultValue={values.descriptionHtml}
          invalid={Boolean(errors?.descriptionHtml)}
          minRows={4}
        />
      </Field>

      <Field id="kb-solution" label={t("knowledge.form.solution")} error={errors?.solutionHtml}>
        <RichTextEditor
          id="kb-solution"
          name="solutionHtml"
          label={t("knowledge.form.solution")}
          defaultValue={values.solutionHtml}
          invalid={Boolean(errors?.solutionHtml)}
          describedBy="kb-solution-error"
          minRows={8}
        />
      </Field>

      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          id="kb-category"
          label={t("knowledge.form.category")}
          hint={t("knowledge.form.categoryHint")}
          error={errors?.category}
        >
          <input
            id="kb-category"
            name="category"
            list="kb-categories"
            defaultValue={values.category}
            maxLength={60}
            aria-describedby="kb-category-hint"
            className={inputClass}
          />
          <datalist id="kb-categories">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>
        <Field
          id="kb-keywords"
          label={t("knowledge.form.keywords")}
          hint={t("knowledge.form.keywordsHint")}
          error={errors?.keywords}
        >
          <input
            id="kb-keywords"
            name="keywords"
            defaultValue={values.keywords}
            maxLength={2000}
            aria-describedby="kb-keywords-hint"
            className={inputClass}
          />
        </Field>
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
        {errors?.visibility ? <p className="mt-1 text-sm text-red-600">{t(errors.visibility)}</p> : null}
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
          <Button type="submit" name="intent" value="save" disabled={busy}>
            {t("knowledge.form.save")}
          </Button>
        )}
        <ButtonLink to={cancelTo} variant="ghost">
          {t("knowledge.form.cancel")}
        </ButtonLink>
      </div>
    </Form>
  );
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: MessageKey;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={cn("mt-1 text-sm text-red-600")}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** Form fields → service input (the editor's hidden inputs carry HTML). */
export function articleInputFrom(form: FormData): Omit<KnowledgeFormValues, "visibility"> & {
  visibility: string;
  status: string;
} {
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    summary: get("summary"),
    descriptionHtml: get("descriptionHtml"),
    solutionHtml: get("solutionHtml"),
    category: get("category"),
    keywords: get("keywords"),
    visibility: get("visibility"),
    status: get("status") || "draft",
  };
}
